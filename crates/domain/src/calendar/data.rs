//! Reading and validating holiday notices in the format of `data/holidays-cn.json`.
//!
//! Format (holidays.md §7): top-level keys are the 4-digit year a notice is for; each value
//! has `holidays`, a list of inclusive `[start, end]` date ranges, and `workdays`, the
//! Saturdays and Sundays the notice makes working days. Other keys (`notes`, `source`, …) are
//! accepted and ignored. Every validation error names the offending date or year key.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use super::date::{is_weekend, parse_date};
use crate::{Error, Result};

/// One year's notice, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Notice {
    /// Inclusive ranges of days off, as the notice names them (weekend days included).
    pub(super) holidays: Vec<(NaiveDate, NaiveDate)>,
    /// Saturdays and Sundays made working days (调休).
    pub(super) workdays: Vec<NaiveDate>,
}

impl Notice {
    /// Every day inside one of the holiday ranges.
    pub(super) fn holiday_dates(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.holidays
            .iter()
            .flat_map(|&(start, end)| start.iter_days().take_while(move |d| *d <= end))
    }
}

/// A notice as written in the file, before validation.
#[derive(Debug, Deserialize)]
struct RawNotice {
    holidays: Vec<(String, String)>,
    workdays: Vec<String>,
}

/// Parses and validates every notice of `json`, keyed by year.
pub(super) fn parse_notices(json: &str) -> Result<BTreeMap<i32, Notice>> {
    let raw: BTreeMap<String, RawNotice> =
        serde_json::from_str(json).map_err(|e| Error::CalendarFormat {
            reason: format!("不是预期结构的 JSON（{e}）"),
        })?;
    raw.into_iter()
        .map(|(key, notice)| {
            let year = parse_year_key(&key)?;
            Ok((year, validate_notice(year, notice)?))
        })
        .collect()
}

/// A year key must be exactly four ASCII digits.
fn parse_year_key(key: &str) -> Result<i32> {
    let invalid = || Error::CalendarData {
        date: key.to_string(),
        reason: "年份键应为四位数字年份".to_string(),
    };
    if key.len() != 4 || !key.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid());
    }
    key.parse().map_err(|_| invalid())
}

fn validate_notice(year: i32, raw: RawNotice) -> Result<Notice> {
    let holidays = raw
        .holidays
        .iter()
        .map(|(start, end)| parse_range(year, start, end))
        .collect::<Result<Vec<_>>>()?;
    let workdays = raw
        .workdays
        .iter()
        .map(|day| parse_make_up_workday(year, day))
        .collect::<Result<Vec<_>>>()?;
    Ok(Notice { holidays, workdays })
}

fn parse_range(year: i32, start: &str, end: &str) -> Result<(NaiveDate, NaiveDate)> {
    let (start, end) = (
        parse_notice_date(year, start)?,
        parse_notice_date(year, end)?,
    );
    if end < start {
        return Err(Error::CalendarData {
            date: start.to_string(),
            reason: format!("假期结束日 {end} 早于开始日"),
        });
    }
    Ok((start, end))
}

/// A make-up workday (调休上班日) is by definition a weekend day made a working day.
fn parse_make_up_workday(year: i32, day: &str) -> Result<NaiveDate> {
    let date = parse_notice_date(year, day)?;
    if !is_weekend(date) {
        return Err(Error::CalendarData {
            date: date.to_string(),
            reason: "调休上班日应为周六或周日，此日本为工作日".to_string(),
        });
    }
    Ok(date)
}

/// Parses a date of the notice for `year`.
///
/// A notice may reach into the previous year (2019's New Year starts 2018-12-30, its make-up
/// day is 2018-12-29) but never further: anything else is taken to be a typo.
fn parse_notice_date(year: i32, s: &str) -> Result<NaiveDate> {
    let date = parse_date(s).map_err(|_| Error::CalendarData {
        date: s.to_string(),
        reason: "不是 YYYY-MM-DD 格式的真实日期".to_string(),
    })?;
    if date.year() != year && date.year() != year - 1 {
        return Err(Error::CalendarData {
            date: date.to_string(),
            reason: format!("不在 {year} 年通知可涉及的 {} 年或 {year} 年内", year - 1),
        });
    }
    Ok(date)
}
