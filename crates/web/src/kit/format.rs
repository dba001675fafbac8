//! Times and dates as pages show them: China time to the second for moments, ISO
//! dates, and a dash for what is not recorded.

use chrono::NaiveDate;
use gongkai_app::config::china_offset;
use gongkai_app::model::Timestamp;

/// A moment as staff read it: China time to the second.
pub fn local_time(t: Timestamp) -> String {
    t.with_timezone(&china_offset())
        .format("%Y-%m-%d %H:%M:%S")
        .to_string()
}

/// A date, or "—" when none is recorded.
pub fn date(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "—".to_string(), |d| d.format("%Y-%m-%d").to_string())
}

/// The text, or "—" when it is blank.
pub fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".to_string()
    } else {
        s.to_string()
    }
}
