//! The platform itself: signing in and out ([`auth`]), reading preferences
//! ([`prefs`]), health, metrics and styles ([`ops`]), and the console's home,
//! accounts, unit directory and audit log ([`console`]).

mod auth;
mod console;
mod ops;
mod prefs;

use crate::kit::state::AppState;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(auth::router())
        .merge(prefs::router())
        .merge(ops::router())
        .merge(console::router())
}
