//! Tests of the calendar: the official 2024–2026 notices day by day, the counting rules and
//! the validation of extra notices.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Datelike, NaiveDate, Weekday};

use super::{Calendar, parse_date};
use crate::Error;

fn day(s: &str) -> NaiveDate {
    parse_date(s).unwrap()
}

fn builtin() -> Calendar {
    Calendar::builtin()
}

// ---------------------------------------------------------------------------------------
// Official data, typed out from holidays.md §7 (one literal per date, not from the JSON).
// ---------------------------------------------------------------------------------------

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
    let parsed = super::data::parse_notices(super::BUILTIN_JSON).unwrap();
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

// ---------------------------------------------------------------------------------------
// Counting rules, with values computed by hand.
// ---------------------------------------------------------------------------------------

#[test]
fn add_workdays_from_a_holiday_starts_the_next_day() {
    // 2025-01-28 (Tue) is in 春节 01-28..02-04; the first working day after is 02-05 (Wed).
    let answer = builtin().add_workdays(day("2025-01-28"), 1);
    assert_eq!(answer.value, day("2025-02-05"));
    assert!(!answer.is_provisional());
}

#[test]
fn add_workdays_from_a_make_up_saturday_skips_the_whole_festival() {
    // 2026-02-14 (Sat, make-up) not counted; 02-15..02-23 off; 02-24 (Tue) is day 1.
    assert_eq!(
        builtin().add_workdays(day("2026-02-14"), 1).value,
        day("2026-02-24")
    );
}

#[test]
fn add_workdays_across_spring_festival_2025() {
    // From Fri 2025-01-24: 01-26 Sun (make-up) 1, 01-27 2, [01-28..02-04 off], 02-05..07 3–5,
    // 02-08 Sat (make-up) 6, 02-10..14 7–11, 02-17..21 12–16, 02-24..27 17–20.
    assert_eq!(
        builtin().add_workdays(day("2025-01-24"), 20).value,
        day("2025-02-27")
    );
}

#[test]
fn add_workdays_across_national_day_2025() {
    // From Fri 2025-09-26: 09-28 Sun (make-up) 1, 09-29 2, 09-30 3, [10-01..10-08 off],
    // 10-09 4, 10-10 5.
    assert_eq!(
        builtin().add_workdays(day("2025-09-26"), 5).value,
        day("2025-10-10")
    );
}

#[test]
fn add_zero_workdays_returns_the_day_itself_even_on_a_holiday() {
    let calendar = builtin();
    assert_eq!(
        calendar.add_workdays(day("2025-01-29"), 0).value,
        day("2025-01-29")
    );
    assert_eq!(
        calendar.add_workdays(day("2025-03-08"), 0).value,
        day("2025-03-08")
    );
}

#[test]
fn workdays_between_across_spring_festival_2025() {
    // (2025-01-24, 2025-02-28]: the 20 days above up to 02-27, plus Fri 02-28 = 21.
    let calendar = builtin();
    assert_eq!(
        calendar
            .workdays_between(day("2025-01-24"), day("2025-02-28"))
            .value,
        21
    );
    assert_eq!(
        calendar
            .workdays_between(day("2025-02-28"), day("2025-01-24"))
            .value,
        -21
    );
    assert_eq!(
        calendar
            .workdays_between(day("2025-01-28"), day("2025-01-28"))
            .value,
        0
    );
    // Inside one holiday range nothing counts.
    assert_eq!(
        calendar
            .workdays_between(day("2025-01-28"), day("2025-02-04"))
            .value,
        0
    );
}

/// Straightforward reference: iterate the days of `(a, b]`.
fn naive_between(calendar: &Calendar, a: NaiveDate, b: NaiveDate) -> i64 {
    a.iter_days()
        .skip(1)
        .take_while(|d| *d <= b)
        .filter(|d| calendar.is_workday(*d).value)
        .count() as i64
}

#[test]
fn workdays_between_agrees_with_day_by_day_counting() {
    let calendar = builtin();
    let start = day("2018-12-01");
    for offset in (0..3000).step_by(37) {
        let a = start + chrono::Days::new(offset);
        for span in [0, 1, 2, 3, 4, 5, 6, 7, 8, 13, 30, 61, 365, 800] {
            let b = a + chrono::Days::new(span);
            let expected = naive_between(&calendar, a, b);
            assert_eq!(calendar.workdays_between(a, b).value, expected, "{a}..{b}");
            assert_eq!(calendar.workdays_between(b, a).value, -expected, "{b}..{a}");
        }
    }
}

#[test]
fn add_then_between_round_trips_over_2019_to_2026() {
    let calendar = builtin();
    let mut d = day("2019-01-01");
    while d <= day("2026-11-30") {
        for n in [1, 2, 5, 7, 15, 20] {
            let due = calendar.add_workdays(d, n).value;
            assert!(calendar.is_workday(due).value, "{d} + {n} = {due}");
            assert_eq!(
                calendar.workdays_between(d, due).value,
                i64::from(n),
                "{d} + {n}"
            );
        }
        d = d.succ_opt().unwrap();
    }
}

#[test]
fn add_calendar_days_moves_the_end_to_the_next_working_day() {
    let calendar = builtin();
    // 30 days after 2025-09-01 is 2025-10-01 (holiday until 10-08; 10-09 Thu works).
    assert_eq!(
        calendar.add_calendar_days(day("2025-09-01"), 30).value,
        day("2025-10-09")
    );
    // 30 days after 2025-03-03 is Wed 2025-04-02, a working day: unchanged.
    assert_eq!(
        calendar.add_calendar_days(day("2025-03-03"), 30).value,
        day("2025-04-02")
    );
    // Ends on a Saturday 2025-03-15 → Monday 2025-03-17.
    assert_eq!(
        calendar.add_calendar_days(day("2025-03-05"), 10).value,
        day("2025-03-17")
    );
    // Ends on make-up Sunday 2025-01-26: a working day, so the period ends there.
    assert_eq!(
        calendar.add_calendar_days(day("2025-01-16"), 10).value,
        day("2025-01-26")
    );
    // n = 0: no period, the day itself.
    assert_eq!(
        calendar.add_calendar_days(day("2025-01-29"), 0).value,
        day("2025-01-29")
    );
}

// ---------------------------------------------------------------------------------------
// Provisional answers and extra years.
// ---------------------------------------------------------------------------------------

/// A FICTITIOUS 2027 notice used only to test loading (no 2027 notice existed when written).
const TEST_2027: &str = r#"{
    "2027": {
        "holidays": [["2027-01-01", "2027-01-03"]],
        "workdays": [],
        "notes": "test data, not an official notice",
        "source": "none"
    }
}"#;

#[test]
fn a_year_without_notice_is_answered_from_weekends_and_flagged() {
    let calendar = builtin();
    let answer = calendar.is_workday(day("2027-03-01")); // a Monday
    assert!(answer.value);
    assert_eq!(answer.missing_years, vec![2027]);
    assert!(answer.warning_zh().unwrap().contains("2027年"));
    assert!(!calendar.is_workday(day("2027-03-06")).value); // a Saturday
}

#[test]
fn a_period_reaching_into_a_missing_year_is_provisional() {
    // From Sun 2026-12-20: 12-21..25 (5), 12-28..31 (9), Fri 2027-01-01 (10, weekends only),
    // 01-04..08 (15), 01-11..15 (20).
    let answer = builtin().add_workdays(day("2026-12-20"), 20);
    assert_eq!(answer.value, day("2027-01-15"));
    assert_eq!(answer.missing_years, vec![2027]);
    let between = builtin().workdays_between(day("2026-12-20"), day("2027-01-15"));
    assert_eq!(between.value, 20);
    assert_eq!(between.missing_years, vec![2027]);
}

#[test]
fn loading_the_missing_year_makes_the_answer_final() {
    let calendar = builtin().with_extra_years(TEST_2027).unwrap();
    assert_eq!(calendar.loaded_years(), (2019..=2027).collect::<Vec<_>>());
    // With 2027-01-01 off, the 20th working day moves to Mon 2027-01-18.
    let answer = calendar.add_workdays(day("2026-12-20"), 20);
    assert_eq!(answer.value, day("2027-01-18"));
    assert!(!answer.is_provisional());
    assert_eq!(answer.warning_zh(), None);
}

#[test]
fn a_year_in_extra_data_replaces_the_builtin_year() {
    let only_new_year = r#"{"2026": {"holidays": [["2026-01-01", "2026-01-03"]], "workdays": []}}"#;
    let calendar = builtin().with_extra_years(only_new_year).unwrap();
    assert!(calendar.is_workday(day("2026-02-16")).value); // Monday, no longer 春节
    assert!(!calendar.is_workday(day("2026-02-14")).value); // Saturday, no longer make-up
    assert!(!calendar.is_workday(day("2026-01-02")).value);
    assert!(!calendar.is_workday(day("2025-01-28")).value); // other years untouched
}

fn extra_error(json: &str) -> Error {
    builtin().with_extra_years(json).unwrap_err()
}

#[test]
fn a_day_both_holiday_and_make_up_workday_is_rejected() {
    let json =
        r#"{"2027": {"holidays": [["2027-01-01", "2027-01-03"]], "workdays": ["2027-01-02"]}}"#;
    let error = extra_error(json);
    assert_eq!(error.code(), "calendar_data");
    assert!(error.to_string().contains("2027-01-02"), "{error}");
}

#[test]
fn a_conflict_with_another_loaded_year_is_rejected() {
    // 2026-10-03 (Sat) is inside the 2026 National Day holiday.
    let json = r#"{"2027": {"holidays": [], "workdays": ["2026-10-03"]}}"#;
    assert!(extra_error(json).to_string().contains("2026-10-03"));
}

#[test]
fn a_make_up_workday_on_a_weekday_is_rejected() {
    let json = r#"{"2027": {"holidays": [], "workdays": ["2027-01-04"]}}"#; // Monday
    assert!(extra_error(json).to_string().contains("2027-01-04"));
}

#[test]
fn a_malformed_date_is_rejected() {
    for bad in ["2027-02-30", "2027-2-5", "27-02-05"] {
        let json =
            format!(r#"{{"2027": {{"holidays": [["{bad}", "2027-02-10"]], "workdays": []}}}}"#);
        let error = extra_error(&json);
        assert_eq!(error.code(), "calendar_data");
        assert!(error.to_string().contains(bad), "{error}");
    }
}

#[test]
fn a_range_ending_before_it_starts_is_rejected() {
    let json = r#"{"2027": {"holidays": [["2027-02-10", "2027-02-05"]], "workdays": []}}"#;
    let message = extra_error(json).to_string();
    assert!(
        message.contains("2027-02-10") && message.contains("2027-02-05"),
        "{message}"
    );
}

#[test]
fn a_date_far_from_the_notice_year_is_rejected() {
    let json = r#"{"2027": {"holidays": [["2025-10-01", "2025-10-03"]], "workdays": []}}"#;
    assert!(extra_error(json).to_string().contains("2025-10-01"));
}

#[test]
fn a_year_key_that_is_not_a_four_digit_year_is_rejected() {
    for key in ["27", "year2027", "20271", "２０２７"] {
        let json = format!(r#"{{"{key}": {{"holidays": [], "workdays": []}}}}"#);
        let error = extra_error(&json);
        assert_eq!(error.code(), "calendar_data");
        assert!(error.to_string().contains(key), "{error}");
    }
}

#[test]
fn malformed_json_is_a_format_error() {
    for json in [
        "",
        "[]",
        "{\"2027\": {\"holidays\": [[\"2027-01-01\"]], \"workdays\": []}}",
        "{",
    ] {
        assert_eq!(extra_error(json).code(), "calendar_format", "{json}");
    }
}

#[test]
fn an_empty_object_changes_nothing() {
    let calendar = builtin().with_extra_years("{}").unwrap();
    assert_eq!(calendar.loaded_years(), builtin().loaded_years());
}

// ---------------------------------------------------------------------------------------
// parse_date
// ---------------------------------------------------------------------------------------

#[test]
fn parse_date_is_strict() {
    assert_eq!(
        parse_date(" 2024-02-29 ").unwrap(),
        NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
    );
    for bad in [
        "2024-02-30",
        "2023-02-29",
        "2024-2-3",
        "2024/02/03",
        "20240203",
        "",
        "２０２４-02-03",
    ] {
        let error = parse_date(bad).unwrap_err();
        assert_eq!(
            error,
            Error::InvalidDate {
                input: bad.trim().to_string()
            }
        );
    }
    assert!(
        parse_date("2024-02-30")
            .unwrap_err()
            .to_string()
            .contains("2024-02-30")
    );
}
