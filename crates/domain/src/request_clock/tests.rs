//! The due dates of requests around holidays, corrections, stops and extensions,
//! checked against counts made by hand, with their explanations and refusals.

#![allow(clippy::unwrap_used, clippy::expect_used)]
use super::*;
use crate::calendar::{Calendar, parse_date};
use chrono::NaiveDate;

fn day(s: &str) -> NaiveDate {
    parse_date(s).unwrap()
}

fn due(input: &ClockInput) -> NaiveDate {
    reckon(input, &Calendar::builtin()).unwrap().due
}

fn received(s: &str) -> ClockInput {
    ClockInput {
        received: Some(day(s)),
        ..ClockInput::default()
    }
}

#[test]
fn receipt_on_a_working_day() {
    // Mon 2025-03-03: 03-04..07 (4), 10..14 (9), 17..21 (14), 24..28 (19), 03-31 (20).
    assert_eq!(due(&received("2025-03-03")), day("2025-03-31"));
}

#[test]
fn receipt_on_a_weekend_counts_from_the_next_day() {
    // Sat 2025-03-01: 03-03 (1), 04..07 (5), 10..14 (10), 17..21 (15), 24..28 (20).
    assert_eq!(due(&received("2025-03-01")), day("2025-03-28"));
}

#[test]
fn receipt_on_the_eve_of_spring_festival_2025() {
    // Mon 2025-01-27; 01-28..02-04 off; 02-05..07 (3), Sat 02-08 worked (4),
    // 02-10..14 (9), 17..21 (14), 24..28 (19), 03-03 (20).
    let reckoning = reckon(&received("2025-01-27"), &Calendar::builtin()).unwrap();
    assert_eq!(reckoning.due, day("2025-03-03"));
    // Correction notice: 02-05, 06, 07, 08, 10, 11, 12.
    assert_eq!(reckoning.correction_notice_due, day("2025-02-12"));
    let text = reckoning.explain_zh().join("\n");
    assert!(
        text.contains("跳过法定节假日 2025-01-28 至 2025-02-04"),
        "{text}"
    );
    assert!(
        text.contains("调休上班日 2025-02-08（星期六） 计入"),
        "{text}"
    );
    assert!(reckoning.missing_years.is_empty());
}

#[test]
fn receipt_before_national_day_2023() {
    // Thu 2023-09-28; 09-29..10-06 off; Sat 10-07 and Sun 10-08 worked (2),
    // 10-09..13 (7), 16..20 (12), 23..27 (17), 30, 31, 11-01 (20).
    assert_eq!(due(&received("2023-09-28")), day("2023-11-01"));
}

#[test]
fn a_correction_restarts_the_twenty_days() {
    // The example without stop and extension: Fri 2025-01-24; Sun 01-26
    // worked (1), 01-27 (2), 02-05..07 (5), Sat 02-08 (6), 02-10..14 (11),
    // 17..21 (16), 24..27 (20).
    assert_eq!(due(&received("2025-01-24")), day("2025-02-27"));
    // Corrected request received Mon 2025-02-10: 02-11..14 (4), 17..21 (9),
    // 24..28 (14), 03-03..07 (19), 03-10 (20).
    let corrected = ClockInput {
        corrected: Some(day("2025-02-10")),
        ..received("2025-01-24")
    };
    assert_eq!(due(&corrected), day("2025-03-10"));
}

#[test]
fn a_third_party_pause_spanning_a_holiday() {
    // Fri 2024-09-20. Base: 09-23..27 (5), Sun 09-29 (6), 09-30 (7), 10-01..07 off,
    // 10-08..11 (11), Sat 10-12 (12), 10-14..18 (17), 21..23 (20) -> 10-23.
    // Stop 09-27..10-15 does not count 09-29, 09-30, 10-08..11, 10-12, 10-14, 10-15
    // (9 working days): 10-24, 25, 28..31, 11-01, 04, 05 -> 11-05.
    let input = ClockInput {
        stops: vec![Stop::consultation(day("2024-09-27"), day("2024-10-15"))],
        ..received("2024-09-20")
    };
    let reckoning = reckon(&input, &Calendar::builtin()).unwrap();
    assert_eq!(reckoning.due, day("2024-11-05"));
    assert!(matches!(
        reckoning.steps[2],
        Step::Stopped { workdays: 9, .. }
    ));
}

#[test]
fn a_payment_window_stops_the_clock_like_a_consultation_and_says_why() {
    // The same days as the third-party pause above, as a fee notice's payment
    // window: the same 9 working days are not counted.
    let payment = Stop {
        reason: StopReason::Payment,
        ..Stop::consultation(day("2024-09-27"), day("2024-10-15"))
    };
    let input = ClockInput {
        stops: vec![payment],
        ..received("2024-09-20")
    };
    let reckoning = reckon(&input, &Calendar::builtin()).unwrap();
    assert_eq!(reckoning.due, day("2024-11-05"));
    let lines = reckoning.explain_zh();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("中止：2024-09-27 至 2024-10-15")
                && l.contains("等待缴纳信息处理费")),
        "{lines:?}"
    );
}

#[test]
fn correction_stop_and_extension_together() {
    // The example: corrected 02-10 -> 03-10; stop 02-12..02-20 does not
    // count 02-13, 14, 17..20 (6): 03-11..14, 17, 18 -> 03-18; extension of 20:
    // 03-19..21 (3), 24..28 (8), 03-31..04-03 (12), 04-04..06 off, 04-07..11 (17),
    // 14..16 (20) -> 2025-04-16.
    let input = ClockInput {
        received: Some(day("2025-01-24")),
        corrected: Some(day("2025-02-10")),
        stops: vec![Stop::consultation(day("2025-02-12"), day("2025-02-20"))],
        extension: Some(20),
    };
    let reckoning = reckon(&input, &Calendar::builtin()).unwrap();
    assert_eq!(reckoning.due, day("2025-04-16"));
    assert_eq!(
        reckoning.steps.last(),
        Some(&Step::Extended {
            workdays: 20,
            due: day("2025-04-16"),
            notice_by: day("2025-03-18"),
        })
    );
    let lines = reckoning.explain_zh();
    assert!(lines[0].contains("收到补正后申请之日 2025-02-10"));
    assert!(lines[2].contains("其间 6 个工作日不计入") && lines[2].contains("2025-03-18"));
    assert!(lines[3].contains("延期通知应在 2025-03-18 前送达"));
}

#[test]
fn impossible_dates_are_refused_with_the_reason() {
    let reason = |input: &ClockInput| reckon(input, &Calendar::builtin()).unwrap_err().to_string();
    assert!(reason(&ClockInput::default()).contains("缺少收到申请的日期"));
    let early = ClockInput {
        corrected: Some(day("2025-01-01")),
        ..received("2025-01-24")
    };
    assert!(reason(&early).contains("早于收到申请的日期"));
    let long = ClockInput {
        extension: Some(21),
        ..received("2025-01-24")
    };
    assert!(reason(&long).contains("最多 20 个工作日"));
    let reversed = ClockInput {
        stops: vec![Stop::consultation(day("2025-02-20"), day("2025-02-12"))],
        ..received("2025-01-24")
    };
    assert!(reason(&reversed).contains("结束日期不能早于开始日期"));
    let overlapping = ClockInput {
        stops: vec![
            Stop::consultation(day("2025-02-10"), day("2025-02-20")),
            Stop::consultation(day("2025-02-14"), day("2025-02-24")),
        ],
        ..received("2025-01-24")
    };
    assert!(reason(&overlapping).contains("重叠"));
}

#[test]
fn a_year_without_a_notice_makes_the_answer_provisional() {
    let reckoning = reckon(&received("2031-12-20"), &Calendar::builtin()).unwrap();
    assert_eq!(reckoning.missing_years, vec![2031, 2032]);
    assert!(reckoning.explain_zh().last().unwrap().contains("临时结果"));
}
