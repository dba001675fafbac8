//! The answer to an address no route knows: 404 in JSON under `/api/`, the Chinese
//! error page elsewhere.

use super::api_error::ApiError;
use super::error::WebError;
use axum::response::{IntoResponse, Response};

/// 404 for any other address: JSON under `/api/`, a page elsewhere.
pub async fn not_found(uri: axum::http::Uri) -> Response {
    if uri.path().starts_with("/api/") {
        let error = gongkai_app::Error::NotFound("接口不存在".to_string());
        return ApiError(error).into_response();
    }
    WebError(gongkai_app::Error::NotFound(
        "您访问的页面不存在。".to_string(),
    ))
    .into_response()
}
