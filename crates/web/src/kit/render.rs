//! Rendering a page template into a response: as it is, with another status, or not
//! to be kept (`Cache-Control: no-store`) for pages and API answers that carry
//! personal data or a tracking code.

use super::error::WebError;
use askama::Template;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

/// Renders a page template.
pub fn render(template: &impl Template) -> Result<Html<String>, WebError> {
    Ok(Html(template.render()?))
}

/// Renders a page that shows personal data or a tracking code: never to be kept by a
/// browser or proxy.
pub fn render_private(template: &impl Template) -> Result<Response, WebError> {
    Ok(no_store(Html(template.render()?)))
}

/// Renders a page template with a status other than 200 OK.
pub fn render_with_status(
    status: StatusCode,
    template: &impl Template,
) -> Result<Response, WebError> {
    Ok((status, Html(template.render()?)).into_response())
}

/// Responses that carry a tracking code or an applicant's request are not to be kept
/// by browsers or proxies.
pub fn no_store(response: impl IntoResponse) -> Response {
    ([(header::CACHE_CONTROL, "no-store")], response).into_response()
}
