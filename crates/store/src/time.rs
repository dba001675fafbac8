//! Timestamps as stored: UTC, RFC 3339 with microseconds and a `Z`, so that text
//! order is time order on both backends.

use chrono::{DateTime, SecondsFormat, Utc};

/// A point in time, always UTC.
pub type Timestamp = DateTime<Utc>;

/// The current time, truncated to what the database keeps.
pub fn now() -> Timestamp {
    let t = Utc::now();
    t - chrono::Duration::nanoseconds(i64::from(t.timestamp_subsec_nanos() % 1000))
}

pub(crate) fn to_text(t: Timestamp) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

pub(crate) fn from_text(s: &str) -> crate::Result<Timestamp> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| crate::Error::Corrupt(format!("时间“{s}”无法解析：{e}")))
}

pub(crate) fn date_to_text(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(crate) fn date_from_text(s: &str) -> crate::Result<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| crate::Error::Corrupt(format!("日期“{s}”无法解析：{e}")))
}

/// A nullable date column.
pub(crate) fn optional_date(
    row: &sqlx::any::AnyRow,
    column: &str,
) -> crate::Result<Option<chrono::NaiveDate>> {
    use sqlx::Row;
    row.try_get::<Option<String>, _>(column)?
        .as_deref()
        .map(date_from_text)
        .transpose()
}

/// A nullable timestamp column.
pub(crate) fn optional_time(
    row: &sqlx::any::AnyRow,
    column: &str,
) -> crate::Result<Option<Timestamp>> {
    use sqlx::Row;
    row.try_get::<Option<String>, _>(column)?
        .as_deref()
        .map(from_text)
        .transpose()
}
