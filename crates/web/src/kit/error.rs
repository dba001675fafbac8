//! How errors become responses: a status code, a Chinese page for people, and the
//! cause in the log (never in the page) when the fault is ours.

use super::error_page::ErrorPage;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use gongkai_app::Error;

/// An error on its way to the browser.
#[derive(Debug)]
pub struct WebError(pub Error);

impl From<Error> for WebError {
    fn from(e: Error) -> WebError {
        WebError(e)
    }
}

impl From<askama::Error> for WebError {
    fn from(e: askama::Error) -> WebError {
        WebError(Error::Internal(format!("页面模板出错：{e}")))
    }
}

/// The HTTP status of an app error.
pub fn status_of(e: &Error) -> StatusCode {
    match e {
        Error::Unauthenticated | Error::BadCredentials => StatusCode::UNAUTHORIZED,
        Error::Forbidden => StatusCode::FORBIDDEN,
        Error::NotFound(_) => StatusCode::NOT_FOUND,
        Error::Invalid { .. } | Error::Domain(_) | Error::Import(_) | Error::Form(_) => {
            StatusCode::UNPROCESSABLE_ENTITY
        }
        Error::Store(e) if is_duplicate(e) => StatusCode::CONFLICT,
        Error::Store(_)
        | Error::Search(_)
        | Error::Config { .. }
        | Error::Io { .. }
        | Error::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

fn is_duplicate(e: &gongkai_app::StoreError) -> bool {
    matches!(e, gongkai_app::StoreError::Duplicate { .. })
}

/// The message a person sees: the error itself when it is theirs, a plain apology
/// when it is ours (the cause goes to the log).
pub fn public_message(e: &Error) -> String {
    if e.is_client_error() {
        e.to_string()
    } else {
        "服务器内部错误，请稍后再试；如问题持续，请联系系统管理员。".to_string()
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let status = status_of(&self.0);
        if !self.0.is_client_error() {
            tracing::error!(error = %self.0, code = self.0.code(), "request failed");
        }
        let page = ErrorPage::bare(status, &public_message(&self.0));
        (status, Html(page)).into_response()
    }
}
