//! The library's public pages.

mod columns;
mod directory;
mod documents;
mod feed;
mod filter_form;
mod home;
mod search;
mod statutory;

use crate::kit::state::AppState;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(home::router())
        .merge(documents::router())
        .merge(feed::router())
        .merge(search::router())
        .merge(columns::router())
        .merge(statutory::router())
}
