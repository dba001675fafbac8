//! Work-plan ledgers (任务分工台账), all on the console: the office's plans with their
//! review and tracking, corrections, the sheet and taking tasks into other plans, and
//! each unit's tasks with their reports and sign-off (`console`); the completion
//! chart they share (`completion`).

mod completion;
mod console;

use crate::kit::state::AppState;
use axum::Router;

pub fn router() -> Router<AppState> {
    console::router()
}
