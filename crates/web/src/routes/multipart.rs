//! Reading a multipart form (files with text fields) into memory, with the body limit
//! reported apart so that the handler can answer 413 with the Chinese page.

use axum::extract::Multipart;
use axum::http::StatusCode;
use gongkai_app::{Error, OrgId};

/// An uploaded file.
pub struct File {
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
pub enum Refusal {
    /// Over the body limit.
    TooLarge,
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

/// Reads every field; file fields sent without a file (an empty name and body) are
/// left out.
pub async fn read(multipart: &mut Multipart) -> Result<MultipartForm, Refusal> {
    let mut form = MultipartForm::default();
    while let Some(field) = multipart.next_field().await? {
        let name = field.name().unwrap_or_default().to_string();
        match field.file_name().map(str::to_string) {
            Some(file_name) => {
                let bytes = field.bytes().await?;
                if !(file_name.is_empty() && bytes.is_empty()) {
                    form.files.push(File {
                        file_name,
                        bytes: bytes.to_vec(),
                    });
                }
            }
            None => form.fields.push((name, field.text().await?)),
        }
    }
    Ok(form)
}
