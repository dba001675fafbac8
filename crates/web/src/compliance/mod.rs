//! The compliance area of the console: the monitor of units × indicators with its
//! colours, chart and JSON ([`monitor`]), and one unit's late and missing records
//! behind each figure ([`unit`]).

mod monitor;
mod period;
mod unit;

use crate::kit::state::AppState;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new().merge(monitor::router()).merge(unit::router())
}
