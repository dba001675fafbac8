//! Recording a handling step on an open request, checked against its record so far,
//! and the steps the staff page offers a user.

use super::clock::clock_input;
use super::handlers::handles;
use super::lookup::{detail, handled};
use super::step_input::{StepInput, date_field};
use super::{Handling, handling};
use crate::access::CurrentUser;
use crate::documents::today;
use crate::{App, Error, Result};
use chrono::NaiveDate;
use gongkai_domain::request_clock::{self, MAX_EXTENSION_WORKDAYS, THIRD_PARTY_WORKDAYS};
use gongkai_store::requests::{self, Event, EventKind, NewEvent, Request};
use gongkai_store::{RequestId, orgs};

/// Records a handling step on an open request; the clock must still compute after it.
pub async fn step(app: &App, user: &CurrentUser, id: RequestId, input: &StepInput) -> Result<()> {
    // Notes are for everyone who sees the request; every other step is the office's.
    let current = match input.kind.as_str() {
        "note" => detail(app, user, id).await?,
        _ => handled(app, user, id).await?,
    };
    let after_reply = matches!(
        input.kind.as_str(),
        "note" | "delivery" | "reply_correction"
    );
    if current.request.reply.is_some() && !after_reply {
        return Err(Error::invalid("办理", "该申请已经答复"));
    }
    let event = new_event(app, &current, input).await?;
    let mut events = current.events.clone();
    events.push(Event {
        id: 0,
        kind: event.kind,
        on: event.on,
        until: event.until,
        workdays: event.workdays,
        note: event.note.clone(),
        org_id: event.org_id,
        amount: event.amount,
        actor_id: None,
        actor_name: String::new(),
        at: gongkai_store::now(),
    });
    request_clock::reckon(&clock_input(app, &current.request, &events), &app.calendar)?;
    let mut tx = app.store.begin(user.actor()).await?;
    requests::add_event(&mut tx, id, &event).await?;
    tx.commit().await?;
    Ok(())
}

/// The event a step records, checked against the request's record so far.
async fn new_event(app: &App, current: &Handling, input: &StepInput) -> Result<NewEvent> {
    let on = date_field(&input.on, "日期")?;
    if on > today() {
        return Err(Error::invalid("日期", "不能晚于今天"));
    }
    let has = |kind| current.events.iter().any(|e| e.kind == kind);
    let note = input.note.trim().to_string();
    let event = |kind, until, workdays, note| NewEvent {
        until,
        workdays,
        note,
        ..NewEvent::on(kind, on)
    };
    match input.kind.as_str() {
        "correction_notice" if has(EventKind::CorrectionNotice) => Err(Error::invalid(
            "补正告知",
            "补正告知只能发出一次（条例第三十条“一次性告知”）",
        )),
        "correction_notice" => Ok(event(EventKind::CorrectionNotice, None, None, note)),
        "corrected" if !has(EventKind::CorrectionNotice) => {
            Err(Error::invalid("补正", "尚未发出补正告知"))
        }
        "corrected" => Ok(event(EventKind::Corrected, None, None, note)),
        "stop" => {
            let until = date_field(&input.until, "征求意见结束日期")?;
            if note.is_empty() {
                return Err(Error::invalid(
                    "征求意见对象",
                    "请填写征求意见的第三方或机关",
                ));
            }
            if input.consulted == "third_party" {
                let limit = app.calendar.add_workdays(on, THIRD_PARTY_WORKDAYS).value;
                if until > limit {
                    return Err(Error::invalid(
                        "征求意见结束日期",
                        format!(
                            "第三方应在 {THIRD_PARTY_WORKDAYS} 个工作日内答复（条例第三十二条），最迟到 {limit}"
                        ),
                    ));
                }
            }
            Ok(event(EventKind::Stop, Some(until), None, note))
        }
        "extension" => extension_event(current, input, on, note),
        "assign" | "transfer" => {
            let all = orgs::list(&app.store).await?;
            handling::assignment(current, input, on, &all)
        }
        "note" => handling::internal_note(input, on),
        "fee_notice" => handling::fee_notice(app, current, input, on).await,
        "fee_paid" => handling::fee_paid(app, current, input, on),
        "delivery" => handling::delivery(current, input, on),
        "reply_correction" => handling::reply_correction(current, input, on),
        _ => Err(Error::invalid("办理", "无法识别的办理环节")),
    }
}

/// An extension: approved by the head of the disclosure office (named), at most 20
/// working days, once, and notified before the due date it extends (条例第三十三条第二款).
fn extension_event(
    current: &Handling,
    input: &StepInput,
    on: NaiveDate,
    approver: String,
) -> Result<NewEvent> {
    if current
        .events
        .iter()
        .any(|e| e.kind == EventKind::Extension)
    {
        return Err(Error::invalid("延长答复期限", "答复期限只能延长一次"));
    }
    if approver.is_empty() {
        return Err(Error::invalid(
            "批准人",
            "延长答复期限须经政府信息公开工作机构负责人同意，请填写批准人",
        ));
    }
    let workdays: u32 = input
        .workdays
        .trim()
        .parse()
        .ok()
        .filter(|n| (1..=MAX_EXTENSION_WORKDAYS).contains(n))
        .ok_or_else(|| {
            Error::invalid(
                "延长工作日数",
                format!(
                    "延长期限为 1 至 {MAX_EXTENSION_WORKDAYS} 个工作日（条例第三十三条第二款）"
                ),
            )
        })?;
    if on > current.reckoning.due {
        return Err(Error::invalid(
            "延期通知日期",
            format!("延期须在原答复期限 {} 前告知申请人", current.reckoning.due),
        ));
    }
    Ok(NewEvent {
        workdays: Some(workdays),
        note: approver,
        ..NewEvent::on(EventKind::Extension, on)
    })
}

/// What the staff page offers a user on a request.
#[derive(Debug, Clone)]
pub struct StepOptions {
    /// Whether the user takes the office's steps (else only notes and files: the
    /// assigned unit).
    pub handler: bool,
    /// The units the request can be assigned to: those of the agency's government.
    pub units: Vec<gongkai_store::orgs::Org>,
}

/// The steps the user may take on a request and the units it can go to (one read of
/// the directory).
pub async fn step_options(app: &App, user: &CurrentUser, request: &Request) -> Result<StepOptions> {
    let all = orgs::list(&app.store).await?;
    let agency = request.fields.org_id;
    let government = crate::access::government_of(&all, agency);
    let units = all
        .iter()
        .filter(|o| crate::ledgers::units::is_within(&all, o.id, government))
        .cloned()
        .collect();
    Ok(StepOptions {
        handler: handles(user, agency, &all),
        units,
    })
}
