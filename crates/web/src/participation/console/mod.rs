//! The console pages of participation: the consultations of the user's units, the
//! form to open one (`consultations`), and a consultation's page with its comments
//! and what staff and the office do with it (`consultation_page`); messages, their
//! boxes and figures (`messages`, `mailboxes`, `message_stats`); the policy Q&A
//! library (`qa`).

mod consultation_page;
mod consultations;
mod mailboxes;
mod message_stats;
mod messages;
mod qa;

use crate::kit::state::AppState;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(consultations::router())
        .merge(consultation_page::router())
        .merge(mailboxes::router())
        .merge(message_stats::router())
        .merge(messages::router())
        .merge(qa::router())
}
