use chrono::NaiveDate;

use super::*;
use crate::calendar::Calendar;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, m, d).unwrap_or_default()
}

fn item(outcome: Outcome, id: i64) -> Item {
    Item {
        record: RecordRef {
            kind: "request",
            id,
        },
        label: format!("第{id}号"),
        due: day(3, 3),
        done: None,
        outcome,
        note: String::new(),
    }
}

#[test]
fn a_record_is_on_time_late_overdue_or_pending() {
    let cal = Calendar::builtin();
    // Due Monday 2025-03-03.
    assert_eq!(
        Outcome::judge(&cal, day(3, 3), Some(day(3, 3)), day(3, 20)),
        Outcome::OnTime
    );
    assert_eq!(
        Outcome::judge(&cal, day(3, 3), Some(day(3, 5)), day(3, 20)),
        Outcome::Late { workdays: 2 }
    );
    // Not done: Friday 03-07 is 4 working days past; before the due date it waits.
    assert_eq!(
        Outcome::judge(&cal, day(3, 3), None, day(3, 7)),
        Outcome::Overdue { workdays: 4 }
    );
    assert_eq!(
        Outcome::judge(&cal, day(3, 3), None, day(3, 3)),
        Outcome::Pending
    );
    // Done on the Saturday after a Friday deadline: late by at least one day.
    assert_eq!(
        Outcome::judge(&cal, day(3, 7), Some(day(3, 8)), day(3, 20)),
        Outcome::Late { workdays: 1 }
    );
}

#[test]
fn a_figure_counts_what_is_due_and_lists_the_faults_worst_first() {
    let figure = Figure::of(
        Indicator::Requests,
        vec![
            item(Outcome::OnTime, 1),
            item(Outcome::Late { workdays: 2 }, 2),
            item(Outcome::Pending, 3),
            item(Outcome::Overdue { workdays: 1 }, 4),
            item(Outcome::Late { workdays: 5 }, 5),
            item(Outcome::OnTime, 6),
        ],
    );
    assert_eq!(
        (figure.counted, figure.on_time, figure.late, figure.overdue),
        (5, 2, 2, 1)
    );
    let order: Vec<i64> = figure.faults.iter().map(|i| i.record.id).collect();
    assert_eq!(order, [4, 5, 2]);
    assert_eq!(figure.rate_text(), "40.0%");
    assert_eq!(Thresholds::default().rag(&figure), Rag::Red);
}

#[test]
fn no_records_is_no_data_not_full_marks() {
    let empty = Figure::of(Indicator::Messages, vec![item(Outcome::Pending, 1)]);
    assert_eq!(empty.rate(), None);
    assert_eq!(empty.rate_text(), "—");
    assert_eq!(Thresholds::default().rag(&empty), Rag::NoData);
    assert!(!Figure::without_source(Indicator::PolicyQuestions).has_source);
}

#[test]
fn colours_follow_the_thresholds() {
    let t = Thresholds::default();
    let of = |on_time: usize, late: usize| {
        let mut items: Vec<Item> = (0..on_time)
            .map(|i| item(Outcome::OnTime, i as i64))
            .collect();
        items.extend((0..late).map(|i| item(Outcome::Late { workdays: 1 }, 100 + i as i64)));
        t.rag(&Figure::of(Indicator::LedgerTasks, items))
    };
    assert_eq!(of(19, 1), Rag::Green);
    assert_eq!(of(18, 2), Rag::Amber);
    assert_eq!(of(8, 2), Rag::Amber);
    assert_eq!(of(7, 3), Rag::Red);
}

#[test]
fn indicator_codes_round_trip() {
    for indicator in Indicator::ALL {
        assert_eq!(Indicator::from_code(indicator.code()), Some(indicator));
        assert!(!indicator.rule_zh().is_empty());
    }
    assert_eq!(Indicator::from_code("speed"), None);
}

#[test]
fn annual_reports_are_due_by_january_or_march() {
    assert_eq!(
        annual_report_due(2025, false),
        NaiveDate::from_ymd_opt(2026, 1, 31)
    );
    assert_eq!(
        annual_report_due(2025, true),
        NaiveDate::from_ymd_opt(2026, 3, 31)
    );
}
