//! The errors of the JSON API: `{"error": {"code": "...", "message": "..."}}` with the
//! HTTP status of the error. Codes are the stable codes of `gongkai_app::Error::code`,
//! except a form with several wrong fields, which is `invalid_form` with the `fields`
//! it names.

use super::error::{public_message, status_of};
use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// The body of every API error.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// A stable machine code and a message for people (Chinese).
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    pub code: String,
    pub message: String,
    /// `invalid_form` only: the name of every wrong field (Chinese, as on the form).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
}

impl ErrorBody {
    /// An error that is not an app error (a body that is not JSON, a refused token).
    pub fn response(status: StatusCode, code: &str, message: impl Into<String>) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                code: code.to_string(),
                message: message.into(),
                fields: Vec::new(),
            },
        };
        (status, Json(body)).into_response()
    }
}

/// An app error on its way to an API client.
#[derive(Debug)]
pub struct ApiError(pub gongkai_app::Error);

impl From<gongkai_app::Error> for ApiError {
    fn from(e: gongkai_app::Error) -> ApiError {
        ApiError(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = status_of(&self.0);
        if !self.0.is_client_error() {
            tracing::error!(error = %self.0, code = self.0.code(), "api request failed");
        }
        let (code, fields) = match &self.0 {
            gongkai_app::Error::Form(problems) => ("invalid_form", form_fields(problems)),
            other => (other.code(), Vec::new()),
        };
        let body = ErrorBody {
            error: ErrorDetail {
                code: code.to_string(),
                message: public_message(&self.0),
                fields,
            },
        };
        (status, Json(body)).into_response()
    }
}

/// The field names of a form's problems, each written `字段：说明` by the app.
fn form_fields(problems: &[String]) -> Vec<String> {
    problems
        .iter()
        .map(|p| p.split('：').next().unwrap_or(p).to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::form_fields;

    #[test]
    fn a_form_error_names_its_fields_in_order() {
        let problems = [
            "联系方式：请至少填写一项".to_string(),
            "所需信息：请填写（条例第二十九条）".to_string(),
            "没有冒号".to_string(),
        ];
        assert_eq!(form_fields(&problems), ["联系方式", "所需信息", "没有冒号"]);
    }
}
