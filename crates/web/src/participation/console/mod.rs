//! The console pages of participation: the consultations of the user's units, the
//! form to open one (`consultations`), and a consultation's page with its comments
//! and what staff and the office do with it (`consultation_page`); the policy Q&A
//! library (`qa`).

mod consultation_page;
mod consultations;
mod qa;

use crate::kit::state::AppState;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(consultations::router())
        .merge(consultation_page::router())
        .merge(qa::router())
}
