//! Uploaded files: the checks an upload passes (name, type, size), then the file store
//! ([`crate::file_store`]), where each file is kept once under its SHA-256 and read
//! back. Documents' attachments, tasks' evidence, consultation materials and request
//! files all use it.

use crate::{App, Error, Result};
use gongkai_store::attachments::NewAttachment;
use sha2::{Digest, Sha256};
use std::path::Path;

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
    let (sha256, bytes) =
        tokio::task::spawn_blocking(move || (hex::encode(Sha256::digest(&bytes)), bytes))
            .await
            .map_err(|e| Error::Internal(format!("保存附件失败：{e}")))?;
    app.files.put(&sha256, bytes).await?;
    Ok(NewAttachment {
        sha256,
        file_name: name,
        media_type: media_type.to_string(),
        size_bytes,
    })
}

/// The content stored under a content address.
pub(crate) async fn read_content(app: &App, sha256: &str) -> Result<Vec<u8>> {
    app.files.get(sha256).await
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
}
