//! The period of the compliance pages: `?year=2025`, or `?from=…&to=…`; this year by
//! default. A bad value is a Chinese error, not a rejection in English.

use chrono::Datelike;
use gongkai_app::compliance::Period;
use gongkai_app::documents::today;
use gongkai_app::{Error, Result};
use gongkai_domain::calendar::parse_date;

/// The query of the compliance pages, as typed.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct PeriodQuery {
    pub year: String,
    pub from: String,
    pub to: String,
}

impl PeriodQuery {
    /// The period asked for.
    pub fn period(&self) -> Result<Period> {
        let (from, to) = (self.from.trim(), self.to.trim());
        if !from.is_empty() || !to.is_empty() {
            let date = |field: &str, text: &str| {
                parse_date(text).map_err(|e| Error::invalid(field, e.to_string()))
            };
            return Period::new(date("起始日期", from)?, date("截止日期", to)?);
        }
        match self.year.trim() {
            "" => Period::year(today().year()),
            year => Period::year(
                year.parse()
                    .map_err(|_| Error::invalid("年度", format!("“{year}”不是年份")))?,
            ),
        }
    }

    /// The query string that asks for `period` again.
    pub fn of(period: &Period) -> String {
        format!("from={}&to={}", period.from, period.to)
    }
}
