//! The JSON API, version 1, documented by the OpenAPI document at
//! `/api/v1/openapi.json`. Field names are a contract: scripts rely on them.
//!
//! Errors are `{"error": {"code": "...", "message": "..."}}` with the HTTP status of
//! the error; codes are the stable codes of `gongkai_app::Error::code`.

mod annual_reports;
mod documents;
mod openapi;
mod search;

use crate::AppState;
use crate::error::{public_message, status_of};
use axum::Json;
use axum::Router;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(annual_reports::router())
        .merge(documents::router())
        .merge(openapi::router())
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
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.0.code().to_string(),
                message: public_message(&self.0),
            },
        };
        (status, Json(body)).into_response()
    }
}
