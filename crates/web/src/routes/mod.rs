//! Every route of the site, one module per area; handlers are named verb_noun.

mod annual_reports;
mod audit;
mod auth;
mod console;
mod console_documents;
mod console_requests;
mod document_actions;
mod documents;
mod documents_filter;
mod ledger_actions;
mod ledgers;
mod multipart;
mod ops;
mod orgs;
mod orgs_import;
mod platform;
mod public;
mod request_files;
mod request_letters;
mod requests;
mod search;
mod tasks;

use crate::AppState;
use crate::error::WebError;
use askama::Template;
use axum::Router;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .merge(public::router())
        .merge(auth::router())
        .merge(console::router())
        .merge(console_documents::router())
        .merge(console_requests::router())
        .merge(annual_reports::router())
        .merge(request_letters::router())
        .merge(document_actions::router())
        .merge(documents::router())
        .merge(ledgers::router())
        .merge(ledger_actions::router())
        .merge(tasks::router())
        .merge(search::router())
        .merge(requests::router())
        .merge(request_files::router())
        .merge(platform::router())
        .merge(orgs::router())
        .merge(orgs_import::router())
        .merge(audit::router())
        .merge(ops::router())
        .merge(crate::api::router())
        .fallback(ops::not_found)
        .with_state(state)
}

/// Renders a page template.
fn render(template: &impl Template) -> Result<Html<String>, WebError> {
    Ok(Html(template.render()?))
}

/// Renders a page that shows personal data or a tracking code: never to be kept by a
/// browser or proxy (`Cache-Control: no-store`).
fn render_private(template: &impl Template) -> Result<Response, WebError> {
    Ok((
        [(axum::http::header::CACHE_CONTROL, "no-store")],
        Html(template.render()?),
    )
        .into_response())
}

/// Renders a page template with a status other than 200 OK.
fn render_with_status(status: StatusCode, template: &impl Template) -> Result<Response, WebError> {
    Ok((status, Html(template.render()?)).into_response())
}
