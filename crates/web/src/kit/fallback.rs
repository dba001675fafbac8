//! The answer to an address no route knows: 404 in JSON under `/api/`, the Chinese
//! error page elsewhere; and the same for the plain-text English rejections of the
//! framework's extractors (`/documents/abc`: "Invalid URL: Cannot parse…").

use super::api_error::{ApiError, ErrorBody};
use super::error::WebError;
use super::error_page::ErrorPage;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

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

/// What a rejected request is told, by status.
fn rejection_message(status: StatusCode) -> (&'static str, &'static str) {
    match status.as_u16() {
        404 => ("not_found", "您访问的页面不存在。"),
        405 => ("method_not_allowed", "不支持以这种方式访问该地址。"),
        415 => ("unsupported_media_type", "提交的内容格式不正确。"),
        422 => ("invalid_request", "提交的内容无法识别，请检查后重新提交。"),
        _ => ("bad_request", "地址或参数无效，请检查后重试。"),
    }
}

/// Rewrites an extractor's rejection (4xx, plain text or no body type, such as a 405)
/// into the Chinese
/// error page, or the JSON error under `/api/`, keeping its status. Answers of the
/// platform's own handlers are pages or JSON already and pass unchanged.
pub async fn chinese_rejections(request: Request, next: Next) -> Response {
    let api = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    let status = response.status();
    let plain = match response.headers().get(header::CONTENT_TYPE) {
        None => true,
        Some(t) => t.to_str().is_ok_and(|t| t.starts_with("text/plain")),
    };
    if !status.is_client_error() || !plain || status == StatusCode::PAYLOAD_TOO_LARGE {
        return response;
    }
    let (code, message) = rejection_message(status);
    if api {
        return ErrorBody::response(status, code, message);
    }
    (status, Html(ErrorPage::bare(status, message))).into_response()
}
