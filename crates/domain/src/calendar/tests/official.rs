//! The official notices of 2024–2026 day by day, typed out from holidays.md §7 (one
//! literal per date, not from the JSON), and the years the built-in data covers.

use chrono::{Datelike, NaiveDate, Weekday};

use super::{builtin, day};

/// 国办发明电〔2023〕7号: every day off of 2024.
const HOLIDAYS_2024: &[&str] = &[
    // 元旦
    "2024-01-01",
    // 春节
    "2024-02-10",
    "2024-02-11",
    "2024-02-12",
    "2024-02-13",
    "2024-02-14",
    "2024-02-15",
    "2024-02-16",
    "2024-02-17",
    // 清明
    "2024-04-04",
    "2024-04-05",
    "2024-04-06",
    // 劳动节
    "2024-05-01",
    "2024-05-02",
    "2024-05-03",
    "2024-05-04",
    "2024-05-05",
    // 端午
    "2024-06-10",
    // 中秋
    "2024-09-15",
    "2024-09-16",
    "2024-09-17",
    // 国庆
    "2024-10-01",
    "2024-10-02",
    "2024-10-03",
    "2024-10-04",
    "2024-10-05",
    "2024-10-06",
    "2024-10-07",
];

/// 国办发明电〔2023〕7号: make-up workdays of 2024.
const WORKDAYS_2024: &[&str] = &[
    "2024-02-04",
    "2024-02-18",
    "2024-04-07",
    "2024-04-28",
    "2024-05-11",
    "2024-09-14",
    "2024-09-29",
    "2024-10-12",
];

/// 国办发明电〔2024〕12号: every day off of 2025.
const HOLIDAYS_2025: &[&str] = &[
    // 元旦
    "2025-01-01",
    // 春节
    "2025-01-28",
    "2025-01-29",
    "2025-01-30",
    "2025-01-31",
    "2025-02-01",
    "2025-02-02",
    "2025-02-03",
    "2025-02-04",
    // 清明
    "2025-04-04",
    "2025-04-05",
    "2025-04-06",
    // 劳动节
    "2025-05-01",
    "2025-05-02",
    "2025-05-03",
    "2025-05-04",
    "2025-05-05",
    // 端午
    "2025-05-31",
    "2025-06-01",
    "2025-06-02",
    // 国庆 + 中秋
    "2025-10-01",
    "2025-10-02",
    "2025-10-03",
    "2025-10-04",
    "2025-10-05",
    "2025-10-06",
    "2025-10-07",
    "2025-10-08",
];

/// 国办发明电〔2024〕12号: make-up workdays of 2025.
const WORKDAYS_2025: &[&str] = &[
    "2025-01-26",
    "2025-02-08",
    "2025-04-27",
    "2025-09-28",
    "2025-10-11",
];

/// Notice of 2025-11-04 for 2026: every day off of 2026.
const HOLIDAYS_2026: &[&str] = &[
    // 元旦
    "2026-01-01",
    "2026-01-02",
    "2026-01-03",
    // 春节
    "2026-02-15",
    "2026-02-16",
    "2026-02-17",
    "2026-02-18",
    "2026-02-19",
    "2026-02-20",
    "2026-02-21",
    "2026-02-22",
    "2026-02-23",
    // 清明
    "2026-04-04",
    "2026-04-05",
    "2026-04-06",
    // 劳动节
    "2026-05-01",
    "2026-05-02",
    "2026-05-03",
    "2026-05-04",
    "2026-05-05",
    // 端午
    "2026-06-19",
    "2026-06-20",
    "2026-06-21",
    // 中秋
    "2026-09-25",
    "2026-09-26",
    "2026-09-27",
    // 国庆
    "2026-10-01",
    "2026-10-02",
    "2026-10-03",
    "2026-10-04",
    "2026-10-05",
    "2026-10-06",
    "2026-10-07",
];

/// Notice of 2025-11-04 for 2026: make-up workdays of 2026.
const WORKDAYS_2026: &[&str] = &[
    "2026-01-04",
    "2026-02-14",
    "2026-02-28",
    "2026-05-09",
    "2026-09-20",
    "2026-10-10",
];

fn assert_official_year(year: i32, holidays: &[&str], workdays: &[&str]) {
    let calendar = builtin();
    for d in holidays {
        let answer = calendar.is_workday(day(d));
        assert!(!answer.value, "{d} should be a holiday");
        assert!(!answer.is_provisional(), "{d} should be covered");
    }
    for d in workdays {
        let weekday = day(d).weekday();
        assert!(
            matches!(weekday, Weekday::Sat | Weekday::Sun),
            "{d} is a {weekday}"
        );
        assert!(
            calendar.is_workday(day(d)).value,
            "{d} should be a make-up workday"
        );
    }
    // Every other day of the year follows the weekend rule: nothing else is off or on.
    let listed: Vec<NaiveDate> = holidays.iter().chain(workdays).map(|d| day(d)).collect();
    let mut d = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
    while d.year() == year {
        if !listed.contains(&d) {
            let weekday = !matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
            assert_eq!(calendar.is_workday(d).value, weekday, "{d}");
        }
        d = d.succ_opt().unwrap();
    }
}

#[test]
fn official_2024_day_by_day() {
    assert_eq!(HOLIDAYS_2024.len(), 28);
    assert_official_year(2024, HOLIDAYS_2024, WORKDAYS_2024);
}

#[test]
fn official_2025_day_by_day() {
    assert_eq!(HOLIDAYS_2025.len(), 28);
    assert_official_year(2025, HOLIDAYS_2025, WORKDAYS_2025);
}

#[test]
fn official_2026_day_by_day() {
    assert_eq!(HOLIDAYS_2026.len(), 33);
    assert_official_year(2026, HOLIDAYS_2026, WORKDAYS_2026);
}

#[test]
fn ordinary_days_and_new_years_eve_2024() {
    let calendar = builtin();
    // 2024-02-08 (Thu) is an ordinary weekday.
    assert!(calendar.is_workday(day("2024-02-08")).value);
    // 除夕 2024-02-09 (Fri): the notice only "encourages" rest; it is a working day.
    assert!(calendar.is_workday(day("2024-02-09")).value);
    // Ordinary weekends.
    for d in [
        "2024-03-02",
        "2024-03-03",
        "2025-03-08",
        "2025-03-09",
        "2026-03-07",
    ] {
        assert!(!calendar.is_workday(day(d)).value, "{d}");
    }
}

#[test]
fn builtin_covers_2019_to_2026() {
    let calendar = builtin();
    assert_eq!(calendar.loaded_years(), (2019..=2026).collect::<Vec<_>>());
    assert!(calendar.covers(day("2019-01-01")));
    assert!(calendar.covers(day("2026-12-31")));
    assert!(!calendar.covers(day("2018-12-31")));
    assert!(!calendar.covers(day("2027-01-01")));
}

#[test]
fn builtin_json_parses_without_fallback() {
    let parsed = crate::calendar::data::parse_notices(crate::calendar::BUILTIN_JSON).unwrap();
    assert_eq!(parsed.len(), 8);
}

#[test]
fn previous_year_days_of_a_notice_apply_but_are_provisional() {
    let calendar = builtin();
    // 2019 notice: 元旦 2018-12-30..2019-01-01, make-up 2018-12-29 (Sat).
    let answer = calendar.is_workday(day("2018-12-30"));
    assert!(!answer.value);
    assert_eq!(answer.missing_years, vec![2018]);
    assert!(calendar.is_workday(day("2018-12-29")).value);
    // 2023 notice: 元旦 starts 2022-12-31, covered by the loaded 2022 year.
    let answer = calendar.is_workday(day("2022-12-31"));
    assert!(!answer.value);
    assert!(!answer.is_provisional());
}
