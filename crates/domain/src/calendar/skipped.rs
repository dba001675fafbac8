//! What a period of working days passes over: the official holidays on weekdays (as
//! ranges, a holiday going on over the weekend inside it) and the make-up working days
//! on weekends — what an explained due date names.

use super::Calendar;
use chrono::{Datelike, NaiveDate};

/// The days after `start` up to `end` that a count of working days treats unusually.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Skipped {
    /// Official holidays falling on weekdays, as ranges.
    pub holidays: Vec<(NaiveDate, NaiveDate)>,
    /// Weekend days that are working days (调休上班).
    pub makeup_days: Vec<NaiveDate>,
}

impl Calendar {
    /// The holidays and make-up days after `start` up to and including `end`.
    pub fn skipped(&self, start: NaiveDate, end: NaiveDate) -> Skipped {
        let mut skipped = Skipped::default();
        let mut day = start;
        while day < end {
            let Some(next) = day.succ_opt() else { break };
            day = next;
            let weekend = day.weekday().number_from_monday() >= 6;
            let working = self.is_workday(day).value;
            if weekend && working {
                skipped.makeup_days.push(day);
            }
            if !working && !weekend {
                self.extend_or_push(&mut skipped.holidays, day);
            }
        }
        skipped
    }

    /// Adds a holiday to the last range when only rest days lie between them, else
    /// starts a new range.
    fn extend_or_push(&self, ranges: &mut Vec<(NaiveDate, NaiveDate)>, day: NaiveDate) {
        if let Some((_, end)) = ranges.last_mut() {
            let rest_between = end
                .iter_days()
                .skip(1)
                .take_while(|d| *d < day)
                .all(|d| !self.is_workday(d).value);
            if rest_between {
                *end = day;
                return;
            }
        }
        ranges.push((day, day));
    }
}
