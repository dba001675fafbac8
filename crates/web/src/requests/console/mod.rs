//! The console pages of requests: the list, staff entry and a request's page with
//! its handling steps ([`handling`]), its files ([`files`]), and the letters with
//! their templates ([`letters`]).

mod files;
mod handling;
mod letters;

use crate::kit::state::AppState;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(handling::router())
        .merge(files::router())
        .merge(letters::router())
}
