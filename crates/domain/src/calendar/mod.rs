//! The working-day calendar of mainland China.
//!
//! This module owns the answer to "is this day a working day?" and every period counted in
//! working days or calendar days (see `shared/domain/deadlines.md`). The official holiday
//! notices of the State Council (国务院办公厅关于…部分节假日安排的通知) are the data; the
//! counting rules are those of 民法典 Art. 200–204 as adopted by the project.
//!
//! * `data` (private) reads and validates notices in the format of `data/holidays-cn.json`;
//! * `count` (private) counts days on a [`Calendar`];
//! * `date` (private) reads a strict `YYYY-MM-DD` date and tells weekends;
//! * [`Reckoned`] carries a computed value together with the years for which no notice was
//!   loaded, so that a provisional result can never be shown as final;
//! * [`statutory`] gives the holidays 《全国年节及纪念日放假办法》 fixes, which a year
//!   without a notice still keeps (only its 调休 are unknown).

mod count;
mod data;
mod date;
mod reckoned;
pub mod skipped;
pub mod statutory;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};

use crate::{Error, Result};
use data::Notice;
use date::is_weekend;
pub use date::parse_date;
pub use reckoned::Reckoned;

/// The official notices 2019–2026, reviewed day by day (holidays.md §7).
const BUILTIN_JSON: &str = include_str!("../../data/holidays-cn.json");

/// The built-in calendar, parsed once.
///
/// The built-in data cannot fail to parse: the unit test `builtin_covers_2019_to_2026` proves
/// it. Should it ever fail, the calendar is empty, which is not silent: every answer then
/// comes back provisional with a warning naming the year.
static BUILTIN: LazyLock<Calendar> =
    LazyLock::new(|| match Calendar::empty().with_extra_years(BUILTIN_JSON) {
        Ok(calendar) => calendar,
        Err(_) => Calendar::empty(),
    });

/// A working-day calendar built from one holiday notice per year.
///
/// The union of all loaded notices applies to any date (so 2018-12-30, a holiday of the 2019
/// notice, is a holiday); a date is *covered* only when the notice for its own calendar year
/// is loaded.
#[derive(Debug, Clone)]
pub struct Calendar {
    /// The loaded notices by the year they are for.
    notices: BTreeMap<i32, Notice>,
    /// Mondays–Fridays inside an official holiday range.
    weekdays_off: BTreeSet<NaiveDate>,
    /// Saturdays and Sundays made working days (调休).
    make_up_workdays: BTreeSet<NaiveDate>,
}

impl Calendar {
    /// The calendar of the official notices 2019–2026 shipped with the crate.
    pub fn builtin() -> Calendar {
        BUILTIN.clone()
    }

    /// Adds the notices of `json` (same format as `holidays-cn.json`); a year present in
    /// `json` replaces that year of this calendar.
    ///
    /// Fails with [`Error::CalendarFormat`] for JSON of another structure, and with
    /// [`Error::CalendarData`] naming the date (or year key) for a malformed date, a range
    /// ending before it starts, a make-up workday that is not a Saturday or Sunday, a date
    /// outside the notice's year and the year before, a day that is both a holiday and a
    /// make-up workday (also across notices), or a key that is not a 4-digit year.
    pub fn with_extra_years(self, json: &str) -> Result<Calendar> {
        let mut notices = self.notices;
        notices.extend(data::parse_notices(json)?);
        Calendar::from_notices(notices)
    }

    /// The years whose notice is loaded, ascending.
    pub fn loaded_years(&self) -> Vec<i32> {
        self.notices.keys().copied().collect()
    }

    /// True if the notice for the calendar year of `d` is loaded.
    pub fn covers(&self, d: NaiveDate) -> bool {
        self.notices.contains_key(&d.year())
    }

    /// A calendar without any notice: every day is answered from weekends alone.
    fn empty() -> Calendar {
        Calendar {
            notices: BTreeMap::new(),
            weekdays_off: BTreeSet::new(),
            make_up_workdays: BTreeSet::new(),
        }
    }

    /// Builds the day indexes from the notices, rejecting a day that one notice makes a
    /// holiday and another a make-up workday.
    fn from_notices(notices: BTreeMap<i32, Notice>) -> Result<Calendar> {
        let mut holidays = BTreeSet::new();
        let mut make_up_workdays = BTreeSet::new();
        for notice in notices.values() {
            holidays.extend(notice.holiday_dates());
            make_up_workdays.extend(notice.workdays.iter().copied());
        }
        if let Some(day) = holidays.intersection(&make_up_workdays).next() {
            return Err(Error::CalendarData {
                date: day.to_string(),
                reason: "同一日期既列为放假日又列为调休上班日".to_string(),
            });
        }
        // A year without its notice keeps the holidays the law fixes (provisional).
        for year in statutory::FIRST_YEAR..=statutory::LAST_YEAR {
            if !notices.contains_key(&year) {
                holidays.extend(
                    statutory::fixed_holidays(year)
                        .into_iter()
                        .map(|(day, _)| day)
                        .filter(|day| !make_up_workdays.contains(day)),
                );
            }
        }
        let weekdays_off = holidays.into_iter().filter(|d| !is_weekend(*d)).collect();
        Ok(Calendar {
            notices,
            weekdays_off,
            make_up_workdays,
        })
    }
}
