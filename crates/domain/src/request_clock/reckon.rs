//! The reckoning of the due date: the statutory periods, the checks on the input's
//! dates, and each step from the start to the extension.

use chrono::NaiveDate;

use super::{ClockInput, Stop};
use crate::calendar::Calendar;
use crate::{Error, Result};

fn refused(reason: String) -> Error {
    Error::RequestDates { reason }
}

/// Working days for the reply (条例第三十三条第一款).
pub const REPLY_WORKDAYS: u32 = 20;
/// Working days for the correction notice after receipt (条例第三十条).
pub const CORRECTION_NOTICE_WORKDAYS: u32 = 7;
/// Longest extension, in working days (条例第三十三条第二款).
pub const MAX_EXTENSION_WORKDAYS: u32 = 20;
/// Longest third-party consultation, in working days (条例第三十二条).
pub const THIRD_PARTY_WORKDAYS: u32 = 15;

/// One step of the explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The clock starts the day after this date.
    Start { date: NaiveDate, corrected: bool },
    /// The 20 working days, with the holidays they skip and the make-up working days
    /// they count.
    Period {
        workdays: u32,
        due: NaiveDate,
        holidays: Vec<(NaiveDate, NaiveDate)>,
        makeup_days: Vec<NaiveDate>,
    },
    /// A stop, the working days it does not count and the due date after it.
    Stopped {
        stop: Stop,
        workdays: u32,
        due: NaiveDate,
    },
    /// The extension and the due date after it; `notice_by` is the original due date,
    /// before which the applicant must be told.
    Extended {
        workdays: u32,
        due: NaiveDate,
        notice_by: NaiveDate,
    },
}

/// A due date and how it was reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reckoning {
    pub due: NaiveDate,
    /// The last day for the correction notice, counted from the first receipt.
    pub correction_notice_due: NaiveDate,
    pub steps: Vec<Step>,
    /// Years touched whose holiday notice is not loaded: the answer is provisional.
    pub missing_years: Vec<i32>,
}

/// The due date of a request's reply, explained.
pub fn reckon(input: &ClockInput, calendar: &Calendar) -> Result<Reckoning> {
    let received = input
        .received
        .ok_or_else(|| refused("缺少收到申请的日期".to_string()))?;
    let start = match input.corrected {
        Some(corrected) if corrected < received => {
            return Err(refused(format!(
                "补正后收到申请的日期 {corrected} 早于收到申请的日期 {received}"
            )));
        }
        Some(corrected) => corrected,
        None => received,
    };
    check_stops(&input.stops, start)?;
    let extension = check_extension(input.extension)?;

    let mut missing = Vec::new();
    let mut track = |years: Vec<i32>| missing.extend(years);
    let correction = calendar.add_workdays(received, CORRECTION_NOTICE_WORKDAYS);
    track(correction.missing_years);
    let base = calendar.add_workdays(start, REPLY_WORKDAYS);
    track(base.missing_years);
    let mut steps = vec![
        Step::Start {
            date: start,
            corrected: input.corrected.is_some(),
        },
        period_step(calendar, start, base.value),
    ];
    let mut due = base.value;
    let mut stops = input.stops.clone();
    stops.sort_by_key(|s| s.from);
    for stop in stops {
        let counted = calendar.workdays_between(stop.from, stop.to);
        track(counted.missing_years);
        let workdays = u32::try_from(counted.value.max(0)).unwrap_or(0);
        let moved = calendar.add_workdays(due, workdays);
        track(moved.missing_years);
        due = moved.value;
        steps.push(Step::Stopped {
            stop,
            workdays,
            due,
        });
    }
    if let Some(workdays) = extension {
        let extended = calendar.add_workdays(due, workdays);
        track(extended.missing_years);
        steps.push(Step::Extended {
            workdays,
            due: extended.value,
            notice_by: due,
        });
        due = extended.value;
    }
    missing.sort_unstable();
    missing.dedup();
    Ok(Reckoning {
        due,
        correction_notice_due: correction.value,
        steps,
        missing_years: missing,
    })
}

fn check_stops(stops: &[Stop], start: NaiveDate) -> Result<()> {
    for (i, stop) in stops.iter().enumerate() {
        let (from, to) = (stop.from, stop.to);
        if to < from {
            return Err(refused(format!(
                "中止计算的起止日期有误：{from} 至 {to}（结束日期不能早于开始日期）"
            )));
        }
        if from < start {
            return Err(refused(format!(
                "中止计算的开始日期 {from} 早于起算日 {start}"
            )));
        }
        if stops[..i].iter().any(|o| from < o.to && o.from < to) {
            return Err(refused(format!(
                "中止计算的期间 {from} 至 {to} 与其他中止期间重叠"
            )));
        }
    }
    Ok(())
}

fn check_extension(extension: Option<u32>) -> Result<Option<u32>> {
    match extension {
        Some(0) => Err(refused("延长期限的工作日数须大于 0".to_string())),
        Some(n) if n > MAX_EXTENSION_WORKDAYS => Err(refused(format!(
            "延长期限最多 {MAX_EXTENSION_WORKDAYS} 个工作日（条例第三十三条第二款），不能延长 {n} 个工作日"
        ))),
        other => Ok(other),
    }
}

/// The period after `start` up to `due`, with the days it skips and counts unusually.
fn period_step(calendar: &Calendar, start: NaiveDate, due: NaiveDate) -> Step {
    let skipped = calendar.skipped(start, due);
    Step::Period {
        workdays: REPLY_WORKDAYS,
        due,
        holidays: skipped.holidays,
        makeup_days: skipped.makeup_days,
    }
}
