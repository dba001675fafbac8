//! Tests of the calendar: the official 2024–2026 notices day by day, the counting rules and
//! the validation of extra notices.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod counting;
mod extra_years;
mod official;
mod provisional;

use chrono::NaiveDate;

use super::{Calendar, parse_date};

fn day(s: &str) -> NaiveDate {
    parse_date(s).unwrap()
}

fn builtin() -> Calendar {
    Calendar::builtin()
}
