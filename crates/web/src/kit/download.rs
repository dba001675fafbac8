//! Files sent for download under their original names (RFC 6266 `Content-Disposition`
//! with an RFC 5987 UTF-8 name and an ASCII fallback for old clients).

use axum::http::header;
use axum::response::{IntoResponse, Response};
use gongkai_app::documents::attachments;

/// The media type of an XLSX workbook.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// The media type of a Word document.
pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// A document's attachment under the name it was uploaded with.
pub fn download_response(download: attachments::Download) -> Response {
    let attachment = download.attachment;
    file_response(
        &attachment.file_name,
        &attachment.media_type,
        download.bytes,
    )
}

/// A file sent for download under `name` (RFC 6266 with an RFC 5987 UTF-8 name and an
/// ASCII fallback for old clients).
pub fn file_response(name: &str, media_type: &str, bytes: Vec<u8>) -> Response {
    attachment_response(name, media_type, axum::body::Body::from(bytes))
}

/// [`file_response`] for a body of any kind, e.g. one streamed as it is produced.
pub fn attachment_response(name: &str, media_type: &str, body: axum::body::Body) -> Response {
    let encoded: String = url::form_urlencoded::byte_serialize(name.as_bytes())
        .collect::<String>()
        .replace('+', "%20");
    let fallback: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let disposition = format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}");
    (
        [
            (header::CONTENT_TYPE, media_type.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response()
}
