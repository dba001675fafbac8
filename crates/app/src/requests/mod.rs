//! Disclosure requests (依申请公开): intake through the public form or by staff
//! (`intake`), the applicant's tracking page, the handling steps that move the
//! statutory clock (correction, consultation stops, extension; assignment, fees and
//! delivery in `handling`) up to the single reply, files ([`files`]) and the
//! reconsiderations and suits that follow (`cases`).
//!
//! Who sees what: the applicant sees their own request through its serial and private
//! tracking code, never another's (a wrong pair is "not found", with no hint which part
//! was wrong). The applicant's identity number and contacts are shown only to staff who
//! handle requests: office and admin grants covering the agency asked, or held in a
//! unit of that government (its office), and to the staff of the unit the request is
//! assigned to (交办), who add notes; every other step is the office's (`handling`).

mod cases;
pub mod files;
mod handling;
mod intake;

pub use cases::{CaseInput, DecisionInput, add_case, decide_case};
pub use handling::payment_due;
pub(crate) use intake::record_as;
use intake::tracking_hash;
pub use intake::{RequestInput, Submitted, agencies, record, submit};

use crate::access::CurrentUser;
use crate::documents::today;
use crate::{App, Error, Result};
use chrono::NaiveDate;
use gongkai_domain::annual_report::Outcome;
use gongkai_domain::calendar::parse_date;
use gongkai_domain::ledger::Timeliness;
use gongkai_domain::request_clock::{
    self, ClockInput, MAX_EXTENSION_WORKDAYS, Reckoning, Stop, THIRD_PARTY_WORKDAYS,
};
use gongkai_domain::role::Role;
use gongkai_store::requests::{self, Case, Event, EventKind, NewEvent, Request};
use gongkai_store::{OrgId, RequestId, orgs};
use serde::Deserialize;

/// Roles that handle requests for the agencies their grants cover.
pub const REQUEST_HANDLERS: [Role; 2] = [Role::Admin, Role::Office];

/// A request with its events and computed clock.
#[derive(Debug, Clone)]
pub struct Handling {
    pub request: Request,
    pub events: Vec<Event>,
    /// Reconsiderations and suits about the request.
    pub cases: Vec<Case>,
    pub reckoning: Reckoning,
    /// Against the due date today; done once replied.
    pub timeliness: Timeliness,
}

/// One request with its record, read from the store.
async fn handling(app: &App, request: Request) -> Result<Handling> {
    let events = requests::events(&app.store, request.id).await?;
    let cases = requests::cases_of(&app.store, request.id).await?;
    handling_of(app, request, events, cases)
}

/// A request's clock and standing from its record.
fn handling_of(
    app: &App,
    request: Request,
    events: Vec<Event>,
    cases: Vec<Case>,
) -> Result<Handling> {
    let reckoning = request_clock::reckon(&clock_input(app, &request, &events), &app.calendar)?;
    let replied = request.reply.is_some();
    let timeliness = Timeliness::on(Some(reckoning.due), replied, today(), &app.calendar);
    Ok(Handling {
        request,
        events,
        cases,
        reckoning,
        timeliness,
    })
}

/// What the clock is computed from: the receipt, the last corrected receipt, the stops
/// (consultations, and the payment window where the office's setting stops the clock)
/// and the extension, as recorded.
pub(crate) fn clock_input(app: &App, request: &Request, events: &[Event]) -> ClockInput {
    let fee_stop = handling::fee_stop(app, events, today());
    ClockInput {
        received: Some(request.fields.received_on),
        corrected: events
            .iter()
            .rev()
            .find(|e| e.kind == EventKind::Corrected)
            .map(|e| e.on),
        stops: events
            .iter()
            .filter(|e| e.kind == EventKind::Stop)
            .map(|e| Stop::consultation(e.on, e.until.unwrap_or(e.on)))
            .chain(fee_stop)
            .collect(),
        extension: events
            .iter()
            .find(|e| e.kind == EventKind::Extension)
            .and_then(|e| e.workdays),
    }
}

/// The applicant's view of their request: found only by its serial and tracking code
/// together.
pub async fn track(app: &App, serial: &str, code: &str) -> Result<Handling> {
    let not_found = || Error::NotFound("未找到该申请，请核对申请编号和查询码".to_string());
    let request = requests::find_by_tracking_hash(&app.store, &tracking_hash(code))
        .await?
        .filter(|r| r.serial == serial.trim())
        .ok_or_else(not_found)?;
    handling(app, request).await
}

/// Whether the user handles requests addressed to `agency`: an office or admin grant
/// covering it, or held in a unit of that government (its office, 区府办).
pub(crate) fn handles(user: &CurrentUser, agency: OrgId, all: &[gongkai_store::orgs::Org]) -> bool {
    user.covers(&REQUEST_HANDLERS, agency, all)
        || user.grants.iter().any(|g| {
            REQUEST_HANDLERS.contains(&g.role)
                && crate::ledgers::units::government_of(all, g.org_id) == agency
        })
}

pub(crate) async fn require_handler(app: &App, user: &CurrentUser, org: OrgId) -> Result<()> {
    let all = orgs::list(&app.store).await?;
    if handles(user, org, &all) {
        Ok(())
    } else {
        Err(Error::Forbidden)
    }
}

/// The requests the user handles, open ones first by due date, then the replied ones;
/// the whole record is read in three queries, however many requests there are.
pub async fn list(app: &App, user: &CurrentUser) -> Result<Vec<Handling>> {
    let all = orgs::list(&app.store).await?;
    let mut events = requests::all_events(&app.store).await?;
    let mut cases = requests::all_cases(&app.store).await?;
    let mut rows = Vec::new();
    for request in requests::list(&app.store).await? {
        if may_view(user, &request, &all) {
            let record = events.remove(&request.id).unwrap_or_default();
            let filed = cases.remove(&request.id).unwrap_or_default();
            rows.push(handling_of(app, request, record, filed)?);
        }
    }
    rows.sort_by_key(|h| (h.request.reply.is_some(), h.reckoning.due));
    Ok(rows)
}

/// The due list's default horizon, in working days (the console's list and home).
pub const DUE_WITHIN: i64 = 5;
/// The longest due-list horizon that may be asked for, in working days (console and API).
pub const MAX_WITHIN: i64 = 60;

/// The open requests the user handles that are due within `n` working days or overdue.
pub async fn due_within(app: &App, user: &CurrentUser, n: i64) -> Result<Vec<Handling>> {
    Ok(list(app, user)
        .await?
        .into_iter()
        .filter(|h| h.timeliness.is_overdue() || h.timeliness.is_due_within(n))
        .collect())
}

/// Whether the user sees a request: its handlers (the agency's office), and the staff
/// of the unit it is assigned to, who add notes.
fn may_view(user: &CurrentUser, request: &Request, all: &[gongkai_store::orgs::Org]) -> bool {
    handles(user, request.fields.org_id, all)
        || request
            .handling_org
            .is_some_and(|unit| user.covers(&Role::ALL, unit, all))
}

/// One request, for those who handle it or the unit it is assigned to.
pub async fn detail(app: &App, user: &CurrentUser, id: RequestId) -> Result<Handling> {
    opened(app, user, id, false).await
}

/// One request, for those who handle it (the agency's office): every step but notes.
async fn handled(app: &App, user: &CurrentUser, id: RequestId) -> Result<Handling> {
    opened(app, user, id, true).await
}

/// A request with its record, once the user is found to see it (`as_handler`: to
/// handle it).
async fn opened(
    app: &App,
    user: &CurrentUser,
    id: RequestId,
    as_handler: bool,
) -> Result<Handling> {
    let request = requests::get(&app.store, id).await?;
    let all = orgs::list(&app.store).await?;
    let allowed = match as_handler {
        true => handles(user, request.fields.org_id, &all),
        false => may_view(user, &request, &all),
    };
    if !allowed {
        return Err(Error::Forbidden);
    }
    handling(app, request).await
}

/// A handling step, as the staff page's forms send it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct StepInput {
    /// correction_notice, corrected, stop, extension.
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub on: String,
    #[serde(default)]
    pub until: String,
    #[serde(default)]
    pub workdays: String,
    /// Stop: who was consulted; extension: the approving head of the office.
    #[serde(default)]
    pub note: String,
    /// Stop: third_party (at most 15 working days) or agency.
    #[serde(default)]
    pub consulted: String,
    /// Assign, transfer: the unit's id.
    #[serde(default)]
    pub org: String,
    /// Fee notice: per_request (按件) or per_page (按量).
    #[serde(default)]
    pub method: String,
    /// Fee notice by pages: how many.
    #[serde(default)]
    pub pages: String,
}

fn date_field(value: &str, field: &str) -> Result<NaiveDate> {
    parse_date(value.trim()).map_err(|_| Error::invalid(field, "请填写有效日期（YYYY-MM-DD）"))
}

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

/// The reply form.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ReplyInput {
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub on: String,
    /// The legal basis; the outcome's default when left empty.
    #[serde(default)]
    pub basis: String,
}

/// Records the reply: one outcome of the annual report's rows with its legal basis,
/// once (a correction is a new, linked event, not a second reply).
pub async fn reply(app: &App, user: &CurrentUser, id: RequestId, input: &ReplyInput) -> Result<()> {
    let current = handled(app, user, id).await?;
    let outcome = Outcome::parse(&input.outcome)
        .ok_or_else(|| Error::invalid("办理结果", "请选择办理结果"))?;
    let on = date_field(&input.on, "答复日期")?;
    if on > today() || on < current.request.fields.received_on {
        return Err(Error::invalid("答复日期", "应在收到申请之日和今天之间"));
    }
    handling::check_outcome(app, &current, outcome, on)?;
    let basis = match input.basis.trim() {
        "" => outcome.legal_basis_zh().to_string(),
        text => text.to_string(),
    };
    let mut tx = app.store.begin(user.actor()).await?;
    requests::reply(&mut tx, id, on, outcome, &basis).await?;
    tx.commit().await?;
    Ok(())
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
    let government = crate::ledgers::units::government_of(&all, agency);
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
