//! The library's console pages: the working list and the document form
//! ([`documents`]), the import of files ([`import`]), a document's page ([`document_page`]), what staff do from it
//! ([`actions`]), the columns of 法定主动公开内容 ([`columns`]), the cleanup and
//! interpretation pages ([`cleanup`]), publication safety on a
//! document's page ([`safety_view`], its actions [`safety`]) and the open personal-information findings of every
//! unit ([`pii_list`]), and the platform's pages the office writes ([`platform_pages`]).

mod actions;
mod cleanup;
mod columns;
mod document_page;
mod documents;
mod import;
mod pii_list;
mod platform_pages;
mod safety;
mod safety_view;

use crate::kit::state::AppState;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(documents::router())
        .merge(import::router())
        .merge(document_page::router())
        .merge(actions::router())
        .merge(cleanup::router())
        .merge(columns::router())
        .merge(safety::router())
        .merge(pii_list::router())
        .merge(platform_pages::router())
}
