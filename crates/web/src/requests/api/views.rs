//! The views of a disclosure request that both APIs show: its standing against the due
//! date, the handling steps without their notes, the dates that move the statutory
//! clock, the reply with its legal basis, and the structured steps of the due date
//! (`gongkai_domain::request_clock`).

use chrono::NaiveDate;
use gongkai_app::model::{RequestEvent as Event, RequestEventKind as EventKind};
use gongkai_app::requests::Handling;
use gongkai_domain::ledger::Timeliness;
use gongkai_domain::request_clock::{Step, StopReason};
use serde::Serialize;
use utoipa::ToSchema;

/// How an open request stands against its due date today.
#[derive(Debug, Serialize, ToSchema)]
pub struct TimelinessView {
    /// `on_time`, `overdue` or `done` (replied).
    pub kind: String,
    /// 剩余5个工作日, 今日到期, 逾期2个工作日, 已完成.
    pub label: String,
    /// `on_time`: working days after today up to the due date.
    pub workdays_left: Option<i64>,
    /// `on_time`: calendar days up to the due date.
    pub days_left: Option<i64>,
    /// `overdue`: working days past the due date.
    pub workdays_late: Option<i64>,
}

impl From<Timeliness> for TimelinessView {
    fn from(t: Timeliness) -> TimelinessView {
        let (kind, workdays_left, days_left, workdays_late) = match t {
            Timeliness::Done => ("done", None, None, None),
            Timeliness::Open => ("open", None, None, None),
            Timeliness::OnTime {
                workdays_left,
                days_left,
            } => ("on_time", Some(workdays_left), Some(days_left), None),
            Timeliness::Overdue { workdays_late } => ("overdue", None, None, Some(workdays_late)),
        };
        TimelinessView {
            kind: kind.to_string(),
            label: t.label_zh(),
            workdays_left,
            days_left,
            workdays_late,
        }
    }
}

/// The dates that move the clock, when they happened (YYYY-MM-DD).
#[derive(Debug, Serialize, ToSchema)]
pub struct KeyDates {
    /// 补正告知 sent (条例第三十条).
    pub correction_notice_on: Option<NaiveDate>,
    /// The corrected request received: the 20 working days run again from it.
    pub corrected_on: Option<NaiveDate>,
    /// The applicant told of the extension (条例第三十三条第二款).
    pub extended_on: Option<NaiveDate>,
    pub extension_workdays: Option<u32>,
    /// The fee notice (收费通知) sent, and its amount in 元; the payment window may
    /// stop the clock (国办函〔2020〕109号, a setting).
    pub fee_notice_on: Option<NaiveDate>,
    pub fee_amount: Option<u64>,
    /// The fee paid.
    pub fee_paid_on: Option<NaiveDate>,
    /// 答复日期.
    pub replied_on: Option<NaiveDate>,
    /// The last correction of the reply (更正答复); the outcome stands.
    pub reply_corrected_on: Option<NaiveDate>,
    /// The reply delivered (送达).
    pub delivered_on: Option<NaiveDate>,
}

/// A handling step, without its note unless it is written to the applicant.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicEvent {
    /// correction_notice, corrected, stop, extension, fee_notice, fee_paid, reply,
    /// reply_correction, delivery; for staff also the internal assign, transfer and note.
    pub kind: String,
    pub label: String,
    pub on: NaiveDate,
    /// A stop: its last stopped day.
    pub until: Option<NaiveDate>,
    /// An extension: its working days.
    pub workdays: Option<u32>,
    /// A fee notice: the amount in 元.
    pub amount: Option<u64>,
    /// A reply correction: what it corrects (the only note the applicant reads).
    pub text: Option<String>,
}

/// The steps the applicant sees, as the tracking page lists them: assignment,
/// transfer and internal notes are the agency's own business.
pub fn applicant_events(handling: &Handling) -> Vec<PublicEvent> {
    handling
        .events
        .iter()
        .filter(|e| e.kind.shown_to_applicant())
        .map(PublicEvent::from)
        .collect()
}

impl From<&Event> for PublicEvent {
    fn from(e: &Event) -> PublicEvent {
        PublicEvent {
            kind: e.kind.code().to_string(),
            label: e.kind.label_zh().to_string(),
            on: e.on,
            until: e.until,
            workdays: e.workdays,
            amount: e.amount,
            text: e.kind.note_shown_to_applicant().then(|| e.note.clone()),
        }
    }
}

/// The reply: one outcome of the annual report's rows, with its legal basis.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReplyView {
    pub on: NaiveDate,
    /// The outcome's stable code (e.g. `disclosed`, `partly_disclosed`).
    pub outcome: String,
    pub outcome_label: String,
    /// The legal basis stated in the reply.
    pub legal_basis: String,
}

/// The reply of a request, if given, with the basis recorded with it.
pub fn reply_view(handling: &Handling) -> Option<ReplyView> {
    let (on, outcome) = handling.request.reply?;
    let basis = last_of(&handling.events, EventKind::Reply)
        .map(|e| e.note.clone())
        .filter(|b| !b.is_empty())
        .unwrap_or_else(|| outcome.legal_basis_zh().to_string());
    Some(ReplyView {
        on,
        outcome: outcome.code().to_string(),
        outcome_label: outcome.label_zh().to_string(),
        legal_basis: basis,
    })
}

fn last_of(events: &[Event], kind: EventKind) -> Option<&Event> {
    events.iter().rev().find(|e| e.kind == kind)
}

/// The dates that moved the clock, as recorded.
pub fn key_dates(handling: &Handling) -> KeyDates {
    let events = &handling.events;
    let extension = last_of(events, EventKind::Extension);
    let fee_notice = last_of(events, EventKind::FeeNotice);
    KeyDates {
        correction_notice_on: last_of(events, EventKind::CorrectionNotice).map(|e| e.on),
        corrected_on: last_of(events, EventKind::Corrected).map(|e| e.on),
        extended_on: extension.map(|e| e.on),
        extension_workdays: extension.and_then(|e| e.workdays),
        fee_notice_on: fee_notice.map(|e| e.on),
        fee_amount: fee_notice.and_then(|e| e.amount),
        fee_paid_on: last_of(events, EventKind::FeePaid).map(|e| e.on),
        replied_on: handling.request.reply.map(|(on, _)| on),
        reply_corrected_on: last_of(events, EventKind::ReplyCorrection).map(|e| e.on),
        delivered_on: last_of(events, EventKind::Delivery).map(|e| e.on),
    }
}

/// `open`/`replied` and its label.
pub fn status_of(handling: &Handling) -> (&'static str, &'static str) {
    if handling.request.reply.is_some() {
        ("replied", "已答复")
    } else {
        ("open", "办理中")
    }
}

/// One step of the due date's computation (`gongkai_domain::request_clock::Step`).
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct ClockStep {
    /// `start`, `period`, `stopped` or `extended`.
    pub kind: String,
    /// start: the day after which the clock runs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// start: whether it is the corrected request's receipt (条例第三十条).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corrected: Option<bool>,
    /// period, stopped, extended: the working days counted or not counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workdays: Option<u32>,
    /// period, stopped, extended: the due date after this step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_on: Option<NaiveDate>,
    /// period: the holidays skipped, each `[first, last]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holidays: Option<Vec<[NaiveDate; 2]>>,
    /// period: the make-up working days (调休) counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub makeup_days: Option<Vec<NaiveDate>>,
    /// stopped: `consultation` (条例第三十二条、第三十四条) or `payment` (the payment
    /// window of a fee notice, 国办函〔2020〕109号).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// stopped: the day it began (not itself stopped) and its last stopped day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
    /// extended: the applicant must be told before this day (条例第三十三条第二款).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice_by: Option<NaiveDate>,
}

/// A step of the due date as the API shows it.
pub fn clock_step(step: &Step) -> ClockStep {
    match step {
        Step::Start { date, corrected } => ClockStep {
            kind: "start".to_string(),
            date: Some(*date),
            corrected: Some(*corrected),
            ..ClockStep::default()
        },
        Step::Period {
            workdays,
            due,
            holidays,
            makeup_days,
        } => ClockStep {
            kind: "period".to_string(),
            workdays: Some(*workdays),
            due_on: Some(*due),
            holidays: Some(holidays.iter().map(|(a, b)| [*a, *b]).collect()),
            makeup_days: Some(makeup_days.clone()),
            ..ClockStep::default()
        },
        Step::Stopped {
            stop,
            workdays,
            due,
        } => ClockStep {
            kind: "stopped".to_string(),
            workdays: Some(*workdays),
            due_on: Some(*due),
            reason: Some(stop_reason(stop.reason).to_string()),
            from: Some(stop.from),
            to: Some(stop.to),
            ..ClockStep::default()
        },
        Step::Extended {
            workdays,
            due,
            notice_by,
        } => ClockStep {
            kind: "extended".to_string(),
            workdays: Some(*workdays),
            due_on: Some(*due),
            notice_by: Some(*notice_by),
            ..ClockStep::default()
        },
    }
}

fn stop_reason(reason: StopReason) -> &'static str {
    match reason {
        StopReason::Consultation => "consultation",
        StopReason::Payment => "payment",
    }
}
