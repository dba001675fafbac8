//! The outer middleware: security headers (HSTS behind https), request body limit,
//! request timeout and request tracing.

use super::error_page::ErrorPage;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use gongkai_app::config::ServerSettings;
use std::time::Duration;
use tower::ServiceBuilder;
use tower::layer::util::{Identity, Stack};
use tower_http::classify::{ServerErrorsAsFailures, SharedClassifier};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// Only our own scripts, styles, images and forms; no framing by other sites.
const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
                   object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

type Headers = SetResponseHeaderLayer<HeaderValue>;

/// HSTS, sent only when the public reaches the platform over https.
type Hsts = SetResponseHeaderLayer<Option<HeaderValue>>;

/// The outer stack, outermost first.
pub type Layers = Stack<
    Hsts,
    Stack<
        Headers,
        Stack<
            Headers,
            Stack<
                Headers,
                Stack<
                    Headers,
                    Stack<
                        TimeoutLayer,
                        Stack<
                            RequestBodyLimitLayer,
                            Stack<TraceLayer<SharedClassifier<ServerErrorsAsFailures>>, Identity>,
                        >,
                    >,
                >,
            >,
        >,
    >,
>;

fn header_layer(name: HeaderName, value: &'static str) -> Headers {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}

pub fn layers(settings: &ServerSettings) -> ServiceBuilder<Layers> {
    ServiceBuilder::new()
        .layer(TraceLayer::new_for_http())
        .layer(RequestBodyLimitLayer::new(settings.body_limit_bytes))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(u64::from(settings.request_timeout_seconds)),
        ))
        .layer(header_layer(header::CONTENT_SECURITY_POLICY, CSP))
        .layer(header_layer(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header_layer(header::REFERRER_POLICY, "same-origin"))
        .layer(header_layer(header::X_FRAME_OPTIONS, "DENY"))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::STRICT_TRANSPORT_SECURITY,
            settings
                .is_https()
                .then(|| HeaderValue::from_static("max-age=31536000")),
        ))
}

/// Gives the body limit's bare 413 a page that says what happened and what the limit
/// is; other responses pass unchanged.
pub async fn explain_too_large(response: Response, limit_bytes: usize) -> Response {
    let is_page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if response.status() != StatusCode::PAYLOAD_TOO_LARGE || is_page {
        return response;
    }
    too_large(limit_bytes)
}

/// The 413 page naming the limit.
pub fn too_large(limit_bytes: usize) -> Response {
    let limit = limit_bytes as f64 / (1024.0 * 1024.0);
    let message = format!("提交的内容过大：单次提交（含上传的文件）不能超过 {limit:.1} MB。");
    let page = ErrorPage::bare(StatusCode::PAYLOAD_TOO_LARGE, &message);
    (StatusCode::PAYLOAD_TOO_LARGE, Html(page)).into_response()
}

/// The 400 page for a form field (named) whose bytes are not UTF-8; the content is
/// refused rather than stored with U+FFFD in place of what was sent.
pub fn malformed_form(name: &str) -> Response {
    let message = format!(
        "提交的表单无法读取：字段“{name}”含有无法识别的字符（不是有效的 UTF-8 编码）。请检查浏览器或输入法的编码设置后重新提交。"
    );
    let page = ErrorPage::bare(StatusCode::BAD_REQUEST, &message);
    (StatusCode::BAD_REQUEST, Html(page)).into_response()
}
