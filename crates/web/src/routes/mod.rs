//! Every route of the site, one module per area; handlers are named verb_noun.

mod audit;
mod auth;
mod console;
mod documents;
mod ops;
mod orgs;
mod orgs_import;
mod public;

use crate::AppState;
use crate::error::WebError;
use askama::Template;
use axum::Router;
use axum::response::Html;

pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .merge(public::router())
        .merge(auth::router())
        .merge(console::router())
        .merge(documents::router())
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
