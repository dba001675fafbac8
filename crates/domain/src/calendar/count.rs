//! Counting working days and calendar days on a [`Calendar`].
//!
//! Owns the counting rules of deadlines.md:
//! * a period starts the day after its starting day, which is never counted (民法典 Art. 201);
//! * a period in days whose last day is not a working day ends on the next working day
//!   (民法典 Art. 203);
//! * a day in a year without a loaded notice is answered from weekends alone, and the answer
//!   is marked provisional through [`Reckoned::missing_years`].

use std::ops::Bound::{Excluded, Included};

use chrono::{Datelike, Days, NaiveDate};

use super::date::is_weekend;
use super::{Calendar, Reckoned};

impl Calendar {
    /// Whether `d` is a working day: a Monday–Friday outside every holiday range, or a
    /// Saturday/Sunday listed as a make-up workday (调休).
    pub fn is_workday(&self, d: NaiveDate) -> Reckoned<bool> {
        self.reckon(self.is_working(d), d, d)
    }

    /// The `n`-th working day after `d`.
    ///
    /// `d` itself is never counted, whatever day it is (民法典 Art. 201: a period starts the
    /// next day); `n = 0` returns `d` itself. Days are visited one by one, so `n` is meant to
    /// be a legal period (tens of days), not an arbitrary large number.
    pub fn add_workdays(&self, d: NaiveDate, n: u32) -> Reckoned<NaiveDate> {
        let mut day = d;
        let mut counted = 0;
        while counted < n {
            let Some(next) = day.succ_opt() else { break };
            day = next;
            if self.is_working(day) {
                counted += 1;
            }
        }
        match d.succ_opt() {
            Some(first) if n > 0 => self.reckon(day, first, day),
            _ => Reckoned {
                value: day,
                missing_years: Vec::new(),
            },
        }
    }

    /// The working days after `a` up to and including `b`.
    ///
    /// If `b < a` this is the negated count of working days after `b` up to and including
    /// `a`; `a == b` gives 0. Computed from weekday arithmetic and range counts of the
    /// exception days, so it is fast over many years.
    pub fn workdays_between(&self, a: NaiveDate, b: NaiveDate) -> Reckoned<i64> {
        if b < a {
            let reversed = self.workdays_between(b, a);
            return Reckoned {
                value: -reversed.value,
                missing_years: reversed.missing_years,
            };
        }
        let count = self.count_workdays_after(a, b);
        match a.succ_opt() {
            Some(first) if a < b => self.reckon(count, first, b),
            _ => Reckoned {
                value: count,
                missing_years: Vec::new(),
            },
        }
    }

    /// The end of a period of `n` calendar days after `d` ("within N days").
    ///
    /// `d` is not counted (民法典 Art. 201); if the `n`-th day is not a working day, the
    /// period ends on the next working day (民法典 Art. 203). `n = 0` returns `d` itself: an
    /// empty period has no last day to move.
    pub fn add_calendar_days(&self, d: NaiveDate, n: u32) -> Reckoned<NaiveDate> {
        if n == 0 {
            return Reckoned {
                value: d,
                missing_years: Vec::new(),
            };
        }
        let last_day = d
            .checked_add_days(Days::new(u64::from(n)))
            .unwrap_or(NaiveDate::MAX);
        let end = self.next_working_day_from(last_day);
        self.reckon(end, last_day, end)
    }

    /// Working-day status of `d` from the loaded data (weekends alone where none applies).
    fn is_working(&self, d: NaiveDate) -> bool {
        if is_weekend(d) {
            self.make_up_workdays.contains(&d)
        } else {
            !self.weekdays_off.contains(&d)
        }
    }

    /// `d` if it is a working day, otherwise the first working day after it.
    fn next_working_day_from(&self, d: NaiveDate) -> NaiveDate {
        let mut day = d;
        while !self.is_working(day) {
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
        day
    }

    /// Working days in `(a, b]` for `a <= b`.
    fn count_workdays_after(&self, a: NaiveDate, b: NaiveDate) -> i64 {
        let span = (Excluded(a), Included(b));
        let weekdays_off = self.weekdays_off.range(span).count();
        let make_up_workdays = self.make_up_workdays.range(span).count();
        weekdays_after(a, b) - to_i64(weekdays_off) + to_i64(make_up_workdays)
    }

    /// Wraps `value` with the years in `first..=last` whose notice is not loaded.
    fn reckon<T>(&self, value: T, first: NaiveDate, last: NaiveDate) -> Reckoned<T> {
        let missing_years = (first.year()..=last.year())
            .filter(|year| !self.notices.contains_key(year))
            .collect();
        Reckoned {
            value,
            missing_years,
        }
    }
}

/// Mondays–Fridays in `(a, b]` for `a <= b`: five per whole week, then the remaining days.
fn weekdays_after(a: NaiveDate, b: NaiveDate) -> i64 {
    let days = (b - a).num_days();
    let (weeks, rest) = (days / 7, days % 7);
    let first_rest_weekday = i64::from(a.weekday().num_days_from_monday()) + 1;
    let rest_weekdays = (0..rest)
        .filter(|i| (first_rest_weekday + i) % 7 < 5)
        .count();
    5 * weeks + to_i64(rest_weekdays)
}

/// A day count as `i64`; counts of days between two dates always fit.
fn to_i64(count: usize) -> i64 {
    i64::try_from(count).unwrap_or(i64::MAX)
}
