//! The public holidays fixed by 《全国年节及纪念日放假办法》 (2024 revision, in force
//! since 2025-01-01, 第二条): 元旦 1 day (1月1日), 春节 4 days (农历除夕、正月初一至初三),
//! 清明节 1 day (清明当日), 劳动节 2 days (5月1日、2日), 端午节 1 day (农历端午当日),
//! 中秋节 1 day (农历中秋当日), 国庆节 3 days (10月1日至3日).
//!
//! The State Council's yearly notice adds the 调休 (weekends swapped for working days)
//! and the days given back when a holiday falls on a weekend; until it is published,
//! the calendar counts these fixed days and the weekends, and marks the answer
//! provisional. Lunar dates come from `chinese-lunisolar-calendar` (tables for
//! 1901–2100); 清明 is the day the sun reaches 15° of ecliptic longitude, from the
//! usual 21st-century formula (寿星公式, C = 4.81), checked against every notice loaded.

use chinese_lunisolar_calendar::LunisolarDate;
use chrono::{Days, NaiveDate};

/// The first year the 2024 revision applies to; earlier years without a notice are
/// counted from weekends alone (the older rules gave other days).
pub const FIRST_YEAR: i32 = 2025;
/// The last year the lunar tables cover.
pub const LAST_YEAR: i32 = 2100;

/// The fixed holidays of `year` in date order, with the festival each belongs to;
/// empty outside [`FIRST_YEAR`]..=[`LAST_YEAR`].
pub fn fixed_holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return Vec::new();
    }
    let mut days = Vec::with_capacity(13);
    let solar = |m, d| NaiveDate::from_ymd_opt(year, m, d);
    days.extend(solar(1, 1).map(|d| (d, "元旦")));
    if let Some(new_year) = lunar(year, 1, 1) {
        // 除夕 is the day before 正月初一, whether the twelfth month has 29 or 30 days.
        let eve = new_year.checked_sub_days(Days::new(1));
        let first_days = (0..3).filter_map(|n| new_year.checked_add_days(Days::new(n)));
        days.extend(eve.into_iter().chain(first_days).map(|d| (d, "春节")));
    }
    days.extend(qingming(year).map(|d| (d, "清明节")));
    days.extend(
        [solar(5, 1), solar(5, 2)]
            .into_iter()
            .flatten()
            .map(|d| (d, "劳动节")),
    );
    days.extend(lunar(year, 5, 5).map(|d| (d, "端午节")));
    days.extend(lunar(year, 8, 15).map(|d| (d, "中秋节")));
    days.extend(
        [solar(10, 1), solar(10, 2), solar(10, 3)]
            .into_iter()
            .flatten()
            .map(|d| (d, "国庆节")),
    );
    days.sort();
    days
}

/// Which notices a provisional answer lacks and how it was counted instead, for its
/// warning: "2027年的节假日安排尚未载入，按《全国年节及纪念日放假办法》…推算（调休安排未知）".
pub fn provisional_zh(years: &[i32]) -> String {
    let named: Vec<String> = years.iter().map(|y| format!("{y}年")).collect();
    let basis = if years.iter().all(|y| (FIRST_YEAR..=LAST_YEAR).contains(y)) {
        "按《全国年节及纪念日放假办法》规定的节日和周末推算（调休安排未知）"
    } else {
        "仅按周末推算"
    };
    format!("{}的节假日安排尚未载入，{basis}", named.join("、"))
}

/// The Gregorian date of a day of the (non-leap) lunar month in lunar year `year`.
pub fn lunar(year: i32, month: u8, day: u8) -> Option<NaiveDate> {
    let year = u16::try_from(year).ok()?;
    LunisolarDate::from_ymd(year, month, false, day)
        .ok()
        .map(LunisolarDate::to_naive_date)
}

/// 清明 of a year of the 21st century: April ⌊Y·0.2422 + 4.81⌋ − ⌊Y/4⌋, Y the year's
/// last two digits (computed in ten-thousandths to stay exact).
pub fn qingming(year: i32) -> Option<NaiveDate> {
    if !(2001..=2100).contains(&year) {
        return None;
    }
    let y = year % 100;
    let day = (y * 2422 + 48_100) / 10_000 - y / 4;
    NaiveDate::from_ymd_opt(year, 4, u32::try_from(day).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn the_2024_revision_gives_thirteen_days() {
        let days = fixed_holidays(2027);
        assert_eq!(days.len(), 13);
        let spring: Vec<NaiveDate> = days
            .iter()
            .filter(|(_, name)| *name == "春节")
            .map(|(d, _)| *d)
            .collect();
        // 2027: 正月初一 is 6 February, so 除夕 is 5 February.
        assert_eq!(
            spring,
            [
                day("2027-02-05"),
                day("2027-02-06"),
                day("2027-02-07"),
                day("2027-02-08")
            ]
        );
        assert!(days.contains(&(day("2027-01-01"), "元旦")));
        assert!(days.contains(&(day("2027-05-02"), "劳动节")));
        assert!(days.contains(&(day("2027-10-03"), "国庆节")));
        assert!(
            fixed_holidays(2024).is_empty(),
            "the older rule is not guessed"
        );
        assert!(fixed_holidays(2101).is_empty());
    }

    #[test]
    fn lunar_festivals_and_qingming_of_known_years() {
        // 端午 and 中秋 of 2027 and 2028, 清明 from 2019 to 2030 (published almanacs).
        assert_eq!(lunar(2027, 5, 5), Some(day("2027-06-09")));
        assert_eq!(lunar(2027, 8, 15), Some(day("2027-09-15")));
        assert_eq!(lunar(2028, 1, 1), Some(day("2028-01-26")));
        let qingming_days: Vec<u32> = (2019..=2030)
            .filter_map(qingming)
            .map(|d| chrono::Datelike::day(&d))
            .collect();
        assert_eq!(qingming_days, [5, 4, 4, 5, 5, 4, 4, 5, 5, 4, 4, 5]);
    }
}
