//! The `local` file store: `DATA/files/<first two hex digits>/<sha256>`. A file is
//! written to a temporary name and renamed into place, so a crash never leaves half a
//! file under a content address.

use crate::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where the content with this SHA-256 lives under the store's root (`DATA/files`).
pub fn content_path(root: &Path, sha256: &str) -> PathBuf {
    let shard = sha256.get(..2).unwrap_or("00");
    root.join(shard).join(sha256)
}

/// Writes `bytes` under their content address unless they are already there.
pub(super) fn put(root: &Path, sha256: &str, bytes: &[u8]) -> Result<()> {
    let path = content_path(root, sha256);
    if path.exists() {
        return Ok(());
    }
    let dir = path.parent().unwrap_or(root);
    std::fs::create_dir_all(dir).map_err(Error::io(dir))?;
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(Error::io(dir))?;
    temp.write_all(bytes).map_err(Error::io(&path))?;
    temp.as_file().sync_all().map_err(Error::io(&path))?;
    temp.persist(&path).map_err(|e| Error::io(&path)(e.error))?;
    Ok(())
}

/// The content under `sha256`, if it is there.
pub(super) async fn get(root: &Path, sha256: &str) -> Result<Option<Vec<u8>>> {
    let path = content_path(root, sha256);
    match tokio::fs::read(&path).await {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(&path)(e)),
    }
}

/// Every content address under `root` (temporary files of writes in progress and
/// anything else left out).
pub(super) fn addresses(root: &Path) -> Result<Vec<String>> {
    let mut found = Vec::new();
    let Ok(shards) = std::fs::read_dir(root) else {
        return Ok(found);
    };
    for shard in shards {
        let shard = shard.map_err(Error::io(root))?.path();
        let Ok(files) = std::fs::read_dir(&shard) else {
            continue;
        };
        let shard_name = shard.file_name().map(|n| n.to_string_lossy().into_owned());
        for file in files {
            let name = file
                .map_err(Error::io(&shard))?
                .file_name()
                .to_string_lossy()
                .into_owned();
            if is_address(&name) && shard_name.as_deref() == name.get(..2) {
                found.push(name);
            }
        }
    }
    Ok(found)
}

/// Whether `name` is a content address: 64 lower-case hex digits.
pub(crate) fn is_address(name: &str) -> bool {
    name.len() == 64
        && name
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use sha2::{Digest, Sha256};

    #[test]
    fn content_is_written_once_under_its_hash_and_listed() {
        let dir = tempfile::tempdir().unwrap();
        let sha = hex::encode(Sha256::digest(b"abc"));
        put(dir.path(), &sha, b"abc").unwrap();
        put(dir.path(), &sha, b"abc").unwrap();
        std::fs::write(dir.path().join(&sha[..2]).join(".tmpXYZ"), b"half").unwrap();
        let path = content_path(dir.path(), &sha);
        assert_eq!(std::fs::read(&path).unwrap(), b"abc");
        assert_eq!(addresses(dir.path()).unwrap(), vec![sha]);
    }
}
