//! Disclosure requests (依申请公开): the public form and tracking page ([`public`]),
//! the staff's handling, files and letters ([`console`]), and the JSON API for
//! applicants and staff ([`api`]).

mod api;
mod choices;
mod console;
mod public;

pub use api::ApiDoc;

use crate::kit::state::AppState;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(public::router())
        .merge(console::router())
        .merge(api::router())
}
