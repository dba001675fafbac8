//! Where a consultation stands on a day: not started, open with its days left, or
//! over (by its last day or closed early).

use super::period::days_between;
use chrono::NaiveDate;
use serde::Serialize;

/// Where a consultation stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Not yet open for comment.
    Upcoming,
    /// Open: comments are accepted; the number of calendar days after today up to the
    /// last day (0: today is the last day).
    Open { days_left: u32 },
    /// Over, by its end date or closed early.
    Closed,
}

impl Stage {
    /// The stage on `today` of a consultation open from `starts_on` to `ends_on`
    /// (comments are accepted on both days), or closed early.
    pub fn on(
        starts_on: NaiveDate,
        ends_on: NaiveDate,
        closed_early: bool,
        today: NaiveDate,
    ) -> Stage {
        if closed_early || today > ends_on {
            Stage::Closed
        } else if today < starts_on {
            Stage::Upcoming
        } else {
            Stage::Open {
                days_left: days_between(today, ends_on),
            }
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Stage::Upcoming => "upcoming",
            Stage::Open { .. } => "open",
            Stage::Closed => "closed",
        }
    }

    pub fn label_zh(self) -> String {
        match self {
            Stage::Upcoming => "未开始".to_string(),
            Stage::Open { days_left: 0 } => "今日截止".to_string(),
            Stage::Open { days_left } => format!("剩余{days_left}天"),
            Stage::Closed => "已结束".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::calendar::parse_date;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn the_stage_follows_the_dates_and_an_early_close() {
        let (from, to) = (d("2025-03-01"), d("2025-03-31"));
        assert_eq!(Stage::on(from, to, false, d("2025-02-28")), Stage::Upcoming);
        assert_eq!(
            Stage::on(from, to, false, d("2025-03-01")),
            Stage::Open { days_left: 30 }
        );
        assert_eq!(
            Stage::on(from, to, false, d("2025-03-31")).label_zh(),
            "今日截止"
        );
        assert_eq!(Stage::on(from, to, false, d("2025-04-01")), Stage::Closed);
        assert_eq!(Stage::on(from, to, true, d("2025-03-10")), Stage::Closed);
    }
}
