//! The JSON API, version 1, documented by the OpenAPI document at
//! `/api/v1/openapi.json`. Field names are a contract: scripts rely on them.
//!
//! Errors are `{"error": {"code": "...", "message": "..."}}` with the HTTP status of
//! the error; codes are the stable codes of `gongkai_app::Error::code`, except a form
//! with several wrong fields, which is `invalid_form` with the `fields` it names.
//!
//! Also owned here: the JSON body extractor whose rejection is an [`ErrorBody`], and the
//! staff extractor that answers 401 in JSON instead of sending to the login page.

mod annual_reports;
mod documents;
mod openapi;
mod request_views;
mod requests;
mod requests_staff;
mod search;

use crate::AppState;
use crate::error::{public_message, status_of};
use crate::visitor::Visitor;
use axum::Json;
use axum::Router;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use gongkai_app::access::CurrentUser;
use serde::Serialize;
use serde::de::DeserializeOwned;
use utoipa::ToSchema;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(annual_reports::router())
        .merge(documents::router())
        .merge(openapi::router())
        .merge(requests::router())
        .merge(requests_staff::router())
        .merge(search::router())
}

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

/// A JSON body (`Content-Type: application/json`); anything else is refused with an
/// [`ErrorBody`]: 415 `unsupported_media_type` or 400 `invalid_json`.
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(JsonBody(value)),
            Err(axum::extract::rejection::JsonRejection::MissingJsonContentType(_)) => {
                Err(ErrorBody::response(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type",
                    "请求体须为 JSON（Content-Type: application/json）",
                ))
            }
            Err(e) => Err(ErrorBody::response(
                StatusCode::BAD_REQUEST,
                "invalid_json",
                format!("请求体不是有效的 JSON：{}", e.body_text()),
            )),
        }
    }
}

/// A signed-in staff member, by the console's session cookie; anyone else gets 401
/// `unauthenticated` in JSON (an API client has no login page to be sent to).
pub struct ApiStaff(pub CurrentUser);

impl<S: Send + Sync> FromRequestParts<S> for ApiStaff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let visitor = Visitor::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        visitor
            .user()
            .cloned()
            .map(ApiStaff)
            .ok_or_else(|| ApiError(gongkai_app::Error::Unauthenticated).into_response())
    }
}

/// Responses that carry a tracking code or an applicant's request are not to be kept
/// by browsers or proxies.
pub fn no_store(response: impl IntoResponse) -> Response {
    ([(header::CACHE_CONTROL, "no-store")], response).into_response()
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
