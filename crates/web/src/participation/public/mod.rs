//! The public pages of participation: consultations (`consultations`) and the policy
//! Q&A (`qa`).

mod consultations;
mod qa;

use crate::kit::state::AppState;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(consultations::router())
        .merge(qa::router())
}
