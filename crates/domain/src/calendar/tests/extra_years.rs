//! Provisional answers for a year without a notice, and the loading and validation of
//! extra years.

use super::{builtin, day};
use crate::Error;

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
    // From Sun 2026-12-20: 12-21..25 (5), 12-28..31 (9), Fri 2027-01-01 is 元旦 by law
    // (《全国年节及纪念日放假办法》) though the 2027 notice is missing, 01-04..08 (14),
    // 01-11..15 (19), 01-18 (20).
    let answer = builtin().add_workdays(day("2026-12-20"), 20);
    assert_eq!(answer.value, day("2027-01-18"));
    assert_eq!(answer.missing_years, vec![2027]);
    let between = builtin().workdays_between(day("2026-12-20"), day("2027-01-18"));
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
