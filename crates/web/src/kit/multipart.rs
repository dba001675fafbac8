//! Reading a multipart form (files with text fields) into memory, for every upload of
//! the console; a body over the limit is answered with the Chinese 413 page, a text
//! field that is not UTF-8 with the 400 page.

use super::security::{malformed_form, too_large};
use super::state::AppState;
use axum::extract::Multipart;
use axum::http::StatusCode;
use axum::response::Response;
use gongkai_app::{Error, OrgId};

/// An uploaded file.
pub struct File {
    /// The form field it was sent in.
    pub name: String,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// A read form: its text fields in order and its non-empty files.
#[derive(Default)]
pub struct MultipartForm {
    pub fields: Vec<(String, String)>,
    pub files: Vec<File>,
}

impl MultipartForm {
    /// The first value of a text field, or "".
    pub fn text(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// Every value of a repeated text field, blanks left out.
    pub fn all(&self, name: &str) -> impl Iterator<Item = &str> {
        self.fields
            .iter()
            .filter(move |(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
    }

    /// The first file sent in the field `name`.
    pub fn file(self, name: &str) -> Option<File> {
        self.files.into_iter().find(|f| f.name == name)
    }

    /// A unit chosen in a field.
    pub fn org(&self, name: &str) -> Result<OrgId, Error> {
        parse_org(self.text(name))
    }
}

/// A unit's id as a form sends it.
pub fn parse_org(value: &str) -> Result<OrgId, Error> {
    value
        .trim()
        .parse()
        .map(OrgId)
        .map_err(|_| Error::invalid("单位", "请选择单位"))
}

/// Why a form could not be read.
enum Refusal {
    /// Over the body limit.
    TooLarge,
    /// A text field (named) whose bytes are not UTF-8.
    Malformed(String),
    Invalid(Error),
}

impl From<axum::extract::multipart::MultipartError> for Refusal {
    fn from(e: axum::extract::multipart::MultipartError) -> Refusal {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Refusal::TooLarge
        } else {
            Refusal::Invalid(Error::invalid("表单", format!("上传内容无法读取：{e}")))
        }
    }
}

/// Reads a multipart form. A body over the limit is answered at once with the Chinese
/// 413 page (the outer `Err`, for the handler to return); an unreadable one is the
/// sender's error (the inner `Err`, shown on the form's page).
pub async fn read(
    state: &AppState,
    multipart: &mut Multipart,
) -> Result<Result<MultipartForm, Error>, Response> {
    match read_fields(multipart).await {
        Ok(form) => Ok(Ok(form)),
        Err(Refusal::Invalid(e)) => Ok(Err(e)),
        Err(Refusal::TooLarge) => Err(too_large(state.app.settings.server.body_limit_bytes)),
        Err(Refusal::Malformed(name)) => Err(malformed_form(&name)),
    }
}

/// Reads every field; file fields sent without a file (an empty name and body) are
/// left out.
async fn read_fields(multipart: &mut Multipart) -> Result<MultipartForm, Refusal> {
    let mut form = MultipartForm::default();
    while let Some(field) = multipart.next_field().await? {
        let name = field.name().unwrap_or_default().to_string();
        match field.file_name().map(str::to_string) {
            Some(file_name) => {
                let bytes = field.bytes().await?;
                if !(file_name.is_empty() && bytes.is_empty()) {
                    form.files.push(File {
                        name,
                        file_name,
                        bytes: bytes.to_vec(),
                    });
                }
            }
            None => {
                // Read as bytes: `text()` would put U+FFFD where the bytes are not UTF-8.
                let bytes = field.bytes().await?;
                match String::from_utf8(bytes.to_vec()) {
                    Ok(text) => form.fields.push((name, text)),
                    Err(_) => return Err(Refusal::Malformed(name)),
                }
            }
        }
    }
    Ok(form)
}
