//! Unpacking a backup into a data directory: every entry is written to a staging
//! directory and checked against the manifest (size and SHA-256, nothing missing,
//! nothing extra) before anything in the data directory is touched; then the
//! database, files and side files replace what was there and the old search index is
//! removed (the caller rebuilds it and verifies the audit chain).

use super::manifest::{
    AUDIT_KEY, DATABASE, Entry, FORMAT, Hashing, MANIFEST, Manifest, SIDE_FILES,
};
use super::manifest::{VERSION, is_content_address};
use crate::{Error, Result};
use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Component, Path};

/// The largest manifest read (a million stored files take about 150 MB).
const MAX_MANIFEST_BYTES: u64 = 512 * 1024 * 1024;

/// Unpacks `archive` into `data_dir`, which must be empty or missing unless `force`.
pub fn unpack(archive: &Path, data_dir: &Path, force: bool) -> Result<Manifest> {
    if !force && holds_anything(data_dir)? {
        return Err(Error::invalid(
            "数据目录",
            format!(
                "{} 不是空目录，恢复会覆盖其中的数据；请先停止使用该目录的服务，确要覆盖请加 --force",
                data_dir.display()
            ),
        ));
    }
    std::fs::create_dir_all(data_dir).map_err(Error::io(data_dir))?;
    let staging = tempfile::Builder::new()
        .prefix(".restore-")
        .tempdir_in(data_dir)
        .map_err(Error::io(data_dir))?;
    let (manifest, unpacked) = extract(archive, staging.path())?;
    check(&manifest, &unpacked)?;
    install(staging.path(), data_dir, &manifest)?;
    Ok(manifest)
}

fn holds_anything(dir: &Path) -> Result<bool> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => Ok(entries.next().is_some()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::io(dir)(e)),
    }
}

fn refused(reason: impl Into<String>) -> Error {
    Error::invalid("备份文件", reason)
}

/// Writes every entry but the manifest under `staging`, hashing it; returns the
/// manifest and what was written, by path.
fn extract(archive: &Path, staging: &Path) -> Result<(Manifest, BTreeMap<String, Entry>)> {
    let file = File::open(archive).map_err(Error::io(archive))?;
    let mut tar = tar::Archive::new(std::io::BufReader::new(file));
    let mut manifest = None;
    let mut unpacked = BTreeMap::new();
    let unreadable =
        |e: std::io::Error| refused(format!("无法读取（不是 gongkai 备份，或已损坏）：{e}"));
    for entry in tar.entries().map_err(unreadable)? {
        let mut entry = entry.map_err(unreadable)?;
        let path = entry
            .path()
            .map_err(unreadable)?
            .to_string_lossy()
            .into_owned();
        if path == MANIFEST {
            manifest = Some(read_manifest(&mut entry)?);
            continue;
        }
        if !is_expected(&path) {
            return Err(refused(format!("含有不属于备份的条目“{path}”")));
        }
        let target = staging.join(&path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(Error::io(parent))?;
        }
        let mut out = owner_only().open(&target).map_err(Error::io(&target))?;
        let mut reader = Hashing::new(&mut entry);
        std::io::copy(&mut reader, &mut out).map_err(unreadable)?;
        out.sync_all().map_err(Error::io(&target))?;
        let (bytes, sha256) = reader.finish();
        unpacked.insert(
            path.clone(),
            Entry {
                path,
                bytes,
                sha256,
            },
        );
    }
    let manifest = manifest.ok_or_else(|| refused("缺少清单 manifest.json（备份不完整）"))?;
    Ok((manifest, unpacked))
}

fn read_manifest(entry: &mut impl std::io::Read) -> Result<Manifest> {
    let mut json = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(entry, MAX_MANIFEST_BYTES),
        &mut json,
    )
    .map_err(|e| refused(format!("清单无法读取：{e}")))?;
    let manifest: Manifest =
        serde_json::from_slice(&json).map_err(|e| refused(format!("清单格式有误：{e}")))?;
    if manifest.format != FORMAT || manifest.version != VERSION {
        return Err(refused(format!(
            "不支持的备份格式 {} 第 {} 版",
            manifest.format, manifest.version
        )));
    }
    Ok(manifest)
}

/// The names a backup may hold: relative, without `..`, and one of the known files.
fn is_expected(path: &str) -> bool {
    let plain = Path::new(path)
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    let known = match path.split('/').collect::<Vec<_>>().as_slice() {
        [name] => *name == DATABASE || *name == AUDIT_KEY || SIDE_FILES.contains(name),
        ["files", shard, name] => is_content_address(shard, name),
        _ => false,
    };
    plain && known
}

/// Every manifest entry unpacked with its size and hash, and nothing else.
fn check(manifest: &Manifest, unpacked: &BTreeMap<String, Entry>) -> Result<()> {
    for expected in &manifest.entries {
        match unpacked.get(&expected.path) {
            None => return Err(refused(format!("缺少“{}”（备份不完整）", expected.path))),
            Some(found) if found != expected => {
                return Err(refused(format!(
                    "“{}”与清单的校验值不符（备份已损坏）",
                    expected.path
                )));
            }
            Some(_) => {}
        }
    }
    if unpacked.len() != manifest.entries.len() {
        return Err(refused("含有清单之外的条目"));
    }
    if manifest.backend == "sqlite" && !unpacked.contains_key(DATABASE) {
        return Err(refused("缺少数据库 gongkai.db"));
    }
    Ok(())
}

/// Moves the checked entries into place, replacing what the data directory held
/// under the same names, and removes the database's journal files and the index.
fn install(staging: &Path, data_dir: &Path, manifest: &Manifest) -> Result<()> {
    let mut replaced: Vec<&str> = vec!["files", "index"];
    if manifest.backend == "sqlite" {
        replaced.extend([DATABASE, "gongkai.db-wal", "gongkai.db-shm"]);
    }
    replaced.push(AUDIT_KEY);
    replaced.extend(SIDE_FILES);
    for name in replaced {
        remove(&data_dir.join(name))?;
    }
    let top: Vec<String> = std::fs::read_dir(staging)
        .map_err(Error::io(staging))?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<std::io::Result<_>>()
        .map_err(Error::io(staging))?;
    for name in top {
        let target = data_dir.join(&name);
        std::fs::rename(staging.join(&name), &target).map_err(Error::io(&target))?;
    }
    Ok(())
}

/// Options that create a file readable by its owner only (the database and the audit
/// key are as private as the data directory).
fn owner_only() -> std::fs::OpenOptions {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
}

fn remove(path: &Path) -> Result<()> {
    let outcome = if path.is_dir() {
        std::fs::remove_dir_all(path)
    } else {
        std::fs::remove_file(path)
    };
    match outcome {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(path)(e)),
        _ => Ok(()),
    }
}
