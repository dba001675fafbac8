//! The counting rules, with values computed by hand: working days added and counted
//! between two dates, and calendar-day periods ending on a working day.

use chrono::NaiveDate;

use super::{builtin, day};
use crate::calendar::Calendar;

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
