//! The console pages of ledgers: plans ([`plans`]), what the office does to a plan
//! besides reviewing it ([`plan_actions`]), and the units' tasks ([`tasks`]).

mod plan_actions;
mod plans;
mod tasks;

use crate::kit::state::AppState;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(plans::router())
        .merge(plan_actions::router())
        .merge(tasks::router())
}
