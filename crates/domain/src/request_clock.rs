//! The statutory clock of a disclosure request (依申请公开): when the reply is due,
//! computed from the request's events and explained step by step.
//!
//! Rules (deadlines.md, "Disclosure requests"):
//! * the reply is due 20 working days after the receipt date (条例第三十三条第一款),
//!   the receipt date itself not counted (民法典第二百零一条);
//! * after a correction (补正), the 20 working days run again from the day the corrected
//!   request is received (条例第三十条); the correction notice itself is due within 7
//!   working days of receipt;
//! * the days spent consulting a third party (条例第三十二条) or other agencies (条例第三十
//!   四条) are not counted: a stop from day A to day B moves the due date later by the
//!   working days after A up to and including B;
//! * an extension adds at most 20 working days (条例第三十三条第二款), approved by the head
//!   of the disclosure office and notified before the original due date.
//!
//! Order of application: start, 20 working days, each stop, the extension.

use chrono::{Datelike, NaiveDate};

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

/// A period the clock does not run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stop {
    /// The day the consultation (or fee notice) was sent (not itself a stopped day).
    pub from: NaiveDate,
    /// The day the answer came, or the consultation period ended (a stopped day).
    pub to: NaiveDate,
    pub reason: StopReason,
}

/// Why the clock stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopReason {
    /// Consultation of a third party or of other agencies (条例第三十二条、第三十四条).
    Consultation,
    /// The payment window of a fee notice (国办函〔2020〕109号). Whether it stops the
    /// clock is UNVERIFIED (deadlines.md): the office's setting decides, default yes.
    Payment,
}

impl Stop {
    /// A consultation stop from `from` to `to`.
    pub fn consultation(from: NaiveDate, to: NaiveDate) -> Stop {
        Stop {
            from,
            to,
            reason: StopReason::Consultation,
        }
    }
}

/// What the clock is computed from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClockInput {
    /// The receipt date (条例第三十一条).
    pub received: Option<NaiveDate>,
    /// The day the corrected request was received, after a correction notice.
    pub corrected: Option<NaiveDate>,
    pub stops: Vec<Stop>,
    /// Working days of an approved extension.
    pub extension: Option<u32>,
}

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

/// The period after `start` up to `due`: official holidays on weekdays (as ranges) and
/// make-up working days on weekends.
fn period_step(calendar: &Calendar, start: NaiveDate, due: NaiveDate) -> Step {
    let mut holidays: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    let mut makeup_days = Vec::new();
    let mut day = start;
    while day < due {
        let Some(next) = day.succ_opt() else { break };
        day = next;
        let weekend = day.weekday().number_from_monday() >= 6;
        let working = calendar.is_workday(day).value;
        if weekend && working {
            makeup_days.push(day);
        }
        if !working && !weekend {
            extend_or_push(calendar, &mut holidays, day);
        }
    }
    Step::Period {
        workdays: REPLY_WORKDAYS,
        due,
        holidays,
        makeup_days,
    }
}

/// Adds a holiday to the last range when only rest days lie between them (a holiday
/// range goes on over the weekend inside it), else starts a new range.
fn extend_or_push(calendar: &Calendar, ranges: &mut Vec<(NaiveDate, NaiveDate)>, day: NaiveDate) {
    if let Some((_, end)) = ranges.last_mut() {
        let rest_between = end
            .iter_days()
            .skip(1)
            .take_while(|d| *d < day)
            .all(|d| !calendar.is_workday(d).value);
        if rest_between {
            *end = day;
            return;
        }
    }
    ranges.push((day, day));
}

impl Reckoning {
    /// The explanation in Chinese, one line per step, as the staff page, the API and
    /// `gongkai calendar request-due` show it.
    pub fn explain_zh(&self) -> Vec<String> {
        let mut lines: Vec<String> = self.steps.iter().map(step_zh).collect();
        lines.push(format!(
            "补正通知应于 {} 前发出（收到申请之日起 {CORRECTION_NOTICE_WORKDAYS} 个工作日内，条例第三十条）",
            self.correction_notice_due
        ));
        if !self.missing_years.is_empty() {
            let years: Vec<String> = self
                .missing_years
                .iter()
                .map(|y| format!("{y}年"))
                .collect();
            lines.push(format!(
                "注意：{}的节假日安排尚未载入，以上日期仅按周末推算，为临时结果",
                years.join("、")
            ));
        }
        lines
    }
}

fn step_zh(step: &Step) -> String {
    match step {
        Step::Start {
            date,
            corrected: false,
        } => format!(
            "起算：收到申请之日 {date}（{}），自次日起计算（民法典第二百零一条）",
            weekday_zh(*date)
        ),
        Step::Start {
            date,
            corrected: true,
        } => format!(
            "起算：收到补正后申请之日 {date}（{}），自次日起重新计算（条例第三十条）",
            weekday_zh(*date)
        ),
        Step::Period {
            workdays,
            due,
            holidays,
            makeup_days,
        } => {
            let mut line = format!(
                "{workdays} 个工作日届满：{due}（{}）（条例第三十三条第一款）",
                weekday_zh(*due)
            );
            if !holidays.is_empty() {
                let ranges: Vec<String> = holidays.iter().map(|(a, b)| range_zh(*a, *b)).collect();
                line.push_str(&format!("；跳过法定节假日 {}", ranges.join("、")));
            }
            if !makeup_days.is_empty() {
                let days: Vec<String> = makeup_days
                    .iter()
                    .map(|d| format!("{d}（{}）", weekday_zh(*d)))
                    .collect();
                line.push_str(&format!("；调休上班日 {} 计入", days.join("、")));
            }
            line
        }
        Step::Stopped {
            stop,
            workdays,
            due,
        } => format!(
            "中止：{} 至 {}，其间 {workdays} 个工作日不计入（{}），期限顺延至 {due}（{}）",
            stop.from,
            stop.to,
            match stop.reason {
                StopReason::Consultation => "条例第三十二条、第三十四条",
                StopReason::Payment =>
                    "等待缴纳信息处理费，国办函〔2020〕109号；本机关设定缴费期间不计入",
            },
            weekday_zh(*due)
        ),
        Step::Extended {
            workdays,
            due,
            notice_by,
        } => format!(
            "延长：经政府信息公开工作机构负责人同意延长 {workdays} 个工作日，至 {due}（{}）；延期通知应在 {notice_by} 前送达申请人（条例第三十三条第二款）",
            weekday_zh(*due)
        ),
    }
}

fn range_zh(from: NaiveDate, to: NaiveDate) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from} 至 {to}")
    }
}

fn weekday_zh(d: NaiveDate) -> &'static str {
    [
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
    ][d.weekday().num_days_from_monday() as usize]
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::calendar::parse_date;

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
        let reason =
            |input: &ClockInput| reckon(input, &Calendar::builtin()).unwrap_err().to_string();
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
}
