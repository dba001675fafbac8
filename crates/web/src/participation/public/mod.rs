//! The public pages of participation: consultations (`consultations`), messages
//! (`messages`) and the policy Q&A (`qa`).

mod consultations;
mod messages;
mod qa;

use crate::kit::state::AppState;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(consultations::router())
        .merge(messages::router())
        .merge(qa::router())
}
