//! The library's console pages: the working list and the document form
//! ([`documents`]), a document's page ([`document_page`]), what staff do from it
//! ([`actions`]), and the cleanup and interpretation pages ([`cleanup`]).

mod actions;
mod cleanup;
mod document_page;
mod documents;

use crate::kit::state::AppState;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(documents::router())
        .merge(document_page::router())
        .merge(actions::router())
        .merge(cleanup::router())
}
