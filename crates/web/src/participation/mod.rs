//! Participation (政民互动): consultations on drafts (征求意见) — the public list and
//! pages with the comment form (`public`), the staff's pages (`console`) and the
//! JSON API (`api`); what they show of a consultation (`view`).

mod api;
mod console;
mod public;
mod view;

pub use api::api_doc;

use crate::kit::state::AppState;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(public::router())
        .merge(console::router())
        .merge(api::router())
}
