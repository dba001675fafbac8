//! The platform's console pages: the home ([`home`]), accounts ([`users`]), the unit
//! directory and its import ([`orgs`], [`orgs_import`]), and the audit log
//! ([`audit`]).

mod audit;
mod home;
mod orgs;
mod orgs_import;
mod users;

use crate::kit::state::AppState;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(home::router())
        .merge(users::router())
        .merge(orgs::router())
        .merge(orgs_import::router())
        .merge(audit::router())
}
