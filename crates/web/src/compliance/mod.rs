//! The compliance area of the console: the monitor of units × indicators with its
//! colours, chart and JSON ([`monitor`]), one unit's late and missing records behind
//! each figure ([`unit`]), and the assessment (考核): its schemes ([`scheme_form`]) and
//! results ([`assessment`]).

mod assessment;
mod links;
mod monitor;
mod period;
mod scheme_form;
mod unit;

use crate::kit::state::AppState;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(monitor::router())
        .merge(unit::router())
        .merge(scheme_form::router())
        .merge(assessment::router())
}
