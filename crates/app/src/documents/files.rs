//! Uploaded files: the checks an upload passes (name, type, size) and the content
//! store, where each file is kept once under its SHA-256 in `DATA/files/` and read back.
//! Documents' attachments, tasks' evidence, consultation materials and request files
//! all use it.
//!
//! A file is written to a temporary name and renamed into place, so a crash never
//! leaves half a file under a content address. Several nodes of a cluster need the
//! data directory's `files/` on shared storage.

use crate::{App, Error, Result};
use gongkai_store::attachments::NewAttachment;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

/// File types accepted as attachments (extension, media type): documents, sheets,
/// 版式 files (OFD), images and archives.
pub const ACCEPTED_TYPES: [(&str, &str); 16] = [
    ("pdf", "application/pdf"),
    ("ofd", "application/ofd"),
    ("doc", "application/msword"),
    (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ("wps", "application/vnd.ms-works"),
    ("xls", "application/vnd.ms-excel"),
    (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    ("et", "application/vnd.ms-excel"),
    ("csv", "text/csv"),
    ("txt", "text/plain"),
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("gif", "image/gif"),
    ("zip", "application/zip"),
    ("rar", "application/vnd.rar"),
];

/// Longest file name kept, in characters.
const MAX_NAME_CHARS: usize = 120;

/// The name a browser sent, without any directory part, checked for length and type.
fn checked_name(file_name: &str) -> Result<(String, &'static str)> {
    let name = file_name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>();
    if name.is_empty() || name.starts_with('.') {
        return Err(Error::invalid("附件", "文件名无效"));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(Error::invalid(
            "附件",
            format!("文件名不能超过 {MAX_NAME_CHARS} 个字"),
        ));
    }
    let extension = Path::new(&name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let media_type = ACCEPTED_TYPES
        .iter()
        .find(|(ext, _)| *ext == extension)
        .map(|(_, media)| *media)
        .ok_or_else(|| {
            Error::invalid(
                "附件",
                format!("不支持的文件类型“{extension}”（支持 pdf、ofd、doc、docx、wps、xls、xlsx、et、csv、txt、png、jpg、gif、zip、rar）"),
            )
        })?;
    Ok((name, media_type))
}

/// Where the content with this SHA-256 lives.
pub fn content_path(data_dir: &Path, sha256: &str) -> PathBuf {
    let shard = sha256.get(..2).unwrap_or("00");
    data_dir.join("files").join(shard).join(sha256)
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Writes `bytes` under their content address unless they are already there.
fn store_content(data_dir: &Path, sha256: &str, bytes: &[u8]) -> Result<()> {
    let path = content_path(data_dir, sha256);
    if path.exists() {
        return Ok(());
    }
    let dir = path.parent().unwrap_or(data_dir);
    std::fs::create_dir_all(dir).map_err(io_error(dir))?;
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(io_error(dir))?;
    temp.write_all(bytes).map_err(io_error(&path))?;
    temp.as_file().sync_all().map_err(io_error(&path))?;
    temp.persist(&path).map_err(|e| io_error(&path)(e.error))?;
    Ok(())
}

/// The cleaned name and media type of an upload, refused when its name or type is not
/// accepted or it is empty.
pub(crate) fn check_upload(file_name: &str, bytes: &[u8]) -> Result<(String, &'static str)> {
    let checked = checked_name(file_name)?;
    if bytes.is_empty() {
        return Err(Error::invalid("附件", "文件是空的"));
    }
    Ok(checked)
}

/// Checks an uploaded file's name, type and size and stores its content under its
/// content address (documents' attachments and tasks' evidence alike).
pub(crate) async fn save_upload(
    app: &App,
    file_name: &str,
    bytes: Vec<u8>,
) -> Result<NewAttachment> {
    let (name, media_type) = check_upload(file_name, &bytes)?;
    let size_bytes = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
    let data_dir = app.data_dir.clone();
    let sha256 = tokio::task::spawn_blocking(move || -> Result<String> {
        let sha256 = hex::encode(Sha256::digest(&bytes));
        store_content(&data_dir, &sha256, &bytes)?;
        Ok(sha256)
    })
    .await
    .map_err(|e| Error::Internal(format!("保存附件失败：{e}")))??;
    Ok(NewAttachment {
        sha256,
        file_name: name,
        media_type: media_type.to_string(),
        size_bytes,
    })
}

/// The content stored under a content address.
pub(crate) async fn read_content(app: &App, sha256: &str) -> Result<Vec<u8>> {
    let path = content_path(&app.data_dir, sha256);
    tokio::fs::read(&path).await.map_err(io_error(&path))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn names_lose_their_directories_and_keep_their_type() {
        let (name, media) = checked_name("C:\\Users\\张三\\附件1 实施细则.PDF").unwrap();
        assert_eq!(name, "附件1 实施细则.PDF");
        assert_eq!(media, "application/pdf");
        assert_eq!(checked_name("../../etc/报表.xlsx").unwrap().0, "报表.xlsx");
    }

    #[test]
    fn unknown_types_and_empty_names_are_refused() {
        for name in ["", "../", ".htaccess", "run.exe", "page.html", "无扩展名"] {
            assert!(checked_name(name).is_err(), "{name:?}");
        }
    }

    #[test]
    fn content_is_written_once_under_its_hash() {
        let dir = tempfile::tempdir().unwrap();
        let sha = hex::encode(Sha256::digest(b"abc"));
        store_content(dir.path(), &sha, b"abc").unwrap();
        store_content(dir.path(), &sha, b"abc").unwrap();
        let path = content_path(dir.path(), &sha);
        assert_eq!(std::fs::read(&path).unwrap(), b"abc");
        assert_eq!(
            std::fs::read_dir(path.parent().unwrap()).unwrap().count(),
            1
        );
    }
}
