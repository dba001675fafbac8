//! The policy library (政策文件库): the portal's home, document list and pages, the
//! Atom feed, full-text search and the disclosure platform's columns ([`public`]);
//! drafting, review, relations, attachments, validity, cleanup and interpretation
//! figures for staff ([`console`]); the documents and search API ([`api`]).

mod api;
mod console;
mod document_view;
mod public;
mod search_params;
mod selection;
mod snippet;

pub use api::ApiDoc;

use crate::kit::state::AppState;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(public::router())
        .merge(console::router())
        .merge(api::router())
}
