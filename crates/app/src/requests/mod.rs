//! Disclosure requests (依申请公开): intake through the public form or by staff, the
//! applicant's tracking page, and the handling steps that move the statutory clock
//! (correction, consultation stops, extension) up to the single reply.
//!
//! Who sees what: the applicant sees their own request through its serial and private
//! tracking code, never another's (a wrong pair is "not found", with no hint which part
//! was wrong). The applicant's identity number and contacts are shown only to staff who
//! handle requests: office and admin grants covering the agency asked, or held in a
//! unit of that government (its office), and to the staff of the unit the request is
//! assigned to (交办), who add notes; every other step is the office's ([`handling`]).

pub mod files;
mod handling;

pub use handling::payment_due;

use crate::access::CurrentUser;
use crate::documents::today;
use crate::{App, Error, Result};
use chrono::NaiveDate;
use gongkai_domain::annual_report::{ApplicantType, CaseKind, CaseResult, Outcome};
use gongkai_domain::calendar::parse_date;
use gongkai_domain::credit_code::CreditCode;
use gongkai_domain::ledger::Timeliness;
use gongkai_domain::request::{Channel, format_serial, is_valid_id_number};
use gongkai_domain::request_clock::{
    self, ClockInput, MAX_EXTENSION_WORKDAYS, Reckoning, Stop, THIRD_PARTY_WORKDAYS,
};
use gongkai_domain::role::Role;
use gongkai_store::requests::{self, Case, Event, EventKind, NewEvent, Request, RequestFields};
use gongkai_store::{OrgId, RequestId, orgs};
use rand::Rng;
use serde::Deserialize;
use sha2::{Digest, Sha256};

/// Roles that handle requests for the agencies their grants cover.
pub const REQUEST_HANDLERS: [Role; 2] = [Role::Admin, Role::Office];

/// Longest description, name and other free text, in characters.
const MAX_TEXT_CHARS: usize = 2000;
const MAX_SHORT_CHARS: usize = 100;

/// The request form (条例第二十九条), as the public and staff fill it in.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RequestInput {
    #[serde(default)]
    pub applicant_type: String,
    #[serde(default)]
    pub applicant_name: String,
    #[serde(default)]
    pub id_number: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub doc_reference: String,
    #[serde(default)]
    pub purpose: String,
    #[serde(default)]
    pub preferred_form: String,
    #[serde(default)]
    pub delivery: String,
    /// Staff entry only: how it came, when, and the evidence of the date.
    #[serde(default)]
    pub channel: String,
    #[serde(default)]
    pub received_on: String,
    #[serde(default)]
    pub receipt_evidence: String,
}

/// Every problem of a form, each naming its field, so that the page can show them all.
fn form_errors(errors: Vec<(&str, String)>) -> Result<()> {
    if errors.is_empty() {
        return Ok(());
    }
    Err(Error::Form(
        errors
            .into_iter()
            .map(|(field, message)| format!("{field}：{message}"))
            .collect(),
    ))
}

fn text(value: &str, max: usize, field: &'static str, errors: &mut Vec<(&str, String)>) -> String {
    let value = value.trim();
    if value.chars().count() > max {
        errors.push((field, format!("不能超过 {max} 个字")));
    }
    value.to_string()
}

impl RequestInput {
    /// The applicant and request, checked: everything wrong is reported at once.
    fn fields(
        &self,
        org_id: OrgId,
        channel: Channel,
        received_on: NaiveDate,
        ask_purpose: bool,
    ) -> Result<RequestFields> {
        let mut errors = Vec::new();
        let applicant_type = ApplicantType::parse(&self.applicant_type);
        if applicant_type.is_none() {
            errors.push(("申请人类型", "请选择申请人类型".to_string()));
        }
        let applicant_name = text(
            &self.applicant_name,
            MAX_SHORT_CHARS,
            "申请人姓名或名称",
            &mut errors,
        );
        if applicant_name.is_empty() {
            errors.push(("申请人姓名或名称", "请填写".to_string()));
        }
        let id_number = self.id_number.trim().to_ascii_uppercase();
        match applicant_type {
            Some(t) if t.is_person() && !is_valid_id_number(&id_number) => {
                errors.push(("身份证件号码", "请填写有效的18位居民身份证号码".to_string()));
            }
            Some(t) if !t.is_person() && CreditCode::parse(&id_number).is_err() => {
                errors.push((
                    "统一社会信用代码",
                    "请填写有效的18位统一社会信用代码".to_string(),
                ));
            }
            _ => {}
        }
        let phone = text(&self.phone, MAX_SHORT_CHARS, "联系电话", &mut errors);
        let email = text(&self.email, MAX_SHORT_CHARS, "电子邮箱", &mut errors);
        let address = text(&self.address, MAX_SHORT_CHARS, "通信地址", &mut errors);
        if phone.is_empty() && email.is_empty() && address.is_empty() {
            errors.push((
                "联系方式",
                "请至少填写联系电话、电子邮箱或通信地址中的一项".to_string(),
            ));
        }
        let description = text(
            &self.description,
            MAX_TEXT_CHARS,
            "所需信息的内容描述",
            &mut errors,
        );
        let doc_reference = text(
            &self.doc_reference,
            MAX_SHORT_CHARS,
            "文件名称或文号",
            &mut errors,
        );
        if description.is_empty() && doc_reference.is_empty() {
            errors.push((
                "所需信息",
                "请填写所需政府信息的名称、文号或者便于查询的其他特征性描述（条例第二十九条）"
                    .to_string(),
            ));
        }
        let purpose = if ask_purpose {
            text(&self.purpose, MAX_TEXT_CHARS, "申请用途", &mut errors)
        } else {
            String::new()
        };
        let fields = RequestFields {
            org_id,
            applicant_type: applicant_type.unwrap_or(ApplicantType::NaturalPerson),
            applicant_name,
            id_number,
            phone,
            email,
            address,
            description,
            doc_reference,
            purpose,
            preferred_form: text(
                &self.preferred_form,
                MAX_SHORT_CHARS,
                "获取信息的方式",
                &mut errors,
            ),
            delivery: text(
                &self.delivery,
                MAX_SHORT_CHARS,
                "获取信息的途径",
                &mut errors,
            ),
            channel,
            receipt_evidence: text(
                &self.receipt_evidence,
                MAX_TEXT_CHARS,
                "收到日期的凭据",
                &mut errors,
            ),
            received_on,
        };
        form_errors(errors)?;
        Ok(fields)
    }
}

/// A submitted request: its serial and the private tracking code, shown once.
#[derive(Debug, Clone)]
pub struct Submitted {
    pub request: Request,
    pub tracking_code: String,
}

/// The agency the public form addresses: the first top-level unit.
async fn public_agency(app: &App) -> Result<OrgId> {
    crate::orgs::roots(app)
        .await?
        .first()
        .map(|o| o.id)
        .ok_or_else(|| Error::Internal("单位目录为空，无法受理申请".to_string()))
}

/// A request through the portal: received today, the day both sides confirm it
/// (条例第三十一条第三项: the confirmation page is shown at once).
pub async fn submit(app: &App, input: &RequestInput) -> Result<Submitted> {
    let org = public_agency(app).await?;
    let portal = gongkai_store::Actor::system("portal");
    intake(app, portal, org, input, Channel::Online, today()).await
}

/// A request that came by post, fax, e-mail or in person, entered by staff with the
/// channel and the evidence of its receipt date (条例第三十一条).
pub async fn record(app: &App, user: &CurrentUser, input: &RequestInput) -> Result<Submitted> {
    let org = public_agency(app).await?;
    require_handler(app, user, org).await?;
    let channel = Channel::parse(&input.channel)
        .ok_or_else(|| Error::invalid("申请方式", "请选择申请方式"))?;
    let received_on = parse_date(input.received_on.trim())
        .map_err(|_| Error::invalid("收到申请日期", "请填写有效日期（YYYY-MM-DD）"))?;
    if received_on > today() {
        return Err(Error::invalid("收到申请日期", "不能晚于今天"));
    }
    if channel != Channel::InPerson && input.receipt_evidence.trim().is_empty() {
        return Err(Error::invalid(
            "收到日期的凭据",
            "请记录签收或确认的凭据（条例第三十一条），如邮件签收单号、确认邮件",
        ));
    }
    intake(app, user.actor(), org, input, channel, received_on).await
}

/// Stores a request entered on behalf of `actor` (the demo), checked like staff entry.
pub(crate) async fn record_as(
    app: &App,
    actor: gongkai_store::Actor,
    input: &RequestInput,
    channel: Channel,
    received_on: NaiveDate,
) -> Result<Submitted> {
    let org = public_agency(app).await?;
    intake(app, actor, org, input, channel, received_on).await
}

/// Checks the form and stores the request with a new serial and tracking code.
async fn intake(
    app: &App,
    actor: gongkai_store::Actor,
    org: OrgId,
    input: &RequestInput,
    channel: Channel,
    received_on: NaiveDate,
) -> Result<Submitted> {
    let fields = input.fields(org, channel, received_on, app.settings.requests.ask_purpose)?;
    let tracking_code = new_tracking_code();
    let pattern = app.settings.requests.serial_pattern.clone();
    let serial =
        move |year, n| format_serial(&pattern, year, n).unwrap_or_else(|| format!("{year}-{n}"));
    let mut tx = app.store.begin(actor).await?;
    let request =
        requests::create(&mut tx, &fields, &tracking_hash(&tracking_code), serial).await?;
    tx.commit().await?;
    Ok(Submitted {
        request,
        tracking_code,
    })
}

/// Characters of tracking codes: no 0/O, 1/I/L, so that a code read aloud is typed right.
const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_LENGTH: usize = 12;

fn new_tracking_code() -> String {
    let mut rng = rand::rng();
    (0..CODE_LENGTH)
        .map(|_| char::from(CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())]))
        .collect()
}

fn tracking_hash(code: &str) -> String {
    let normalised: String = code
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_ascii_uppercase();
    hex::encode(Sha256::digest(normalised.as_bytes()))
}

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
    let request = requests::get(&app.store, id).await?;
    let all = orgs::list(&app.store).await?;
    if !may_view(user, &request, &all) {
        return Err(Error::Forbidden);
    }
    handling(app, request).await
}

/// One request, for those who handle it (the agency's office): every step but notes.
async fn handled(app: &App, user: &CurrentUser, id: RequestId) -> Result<Handling> {
    let current = detail(app, user, id).await?;
    require_handler(app, user, current.request.fields.org_id).await?;
    Ok(current)
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

/// A reconsideration or suit as the staff page records it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CaseInput {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub filed_on: String,
    #[serde(default)]
    pub note: String,
}

/// Records a reconsideration (行政复议, within 60 days) or suit (行政诉讼) about a
/// request, pending until its result is known (section 四 of the annual report).
pub async fn add_case(
    app: &App,
    user: &CurrentUser,
    id: RequestId,
    input: &CaseInput,
) -> Result<()> {
    let current = handled(app, user, id).await?;
    let kind = CaseKind::parse(&input.kind)
        .ok_or_else(|| Error::invalid("案件类型", "请选择行政复议或行政诉讼"))?;
    let filed_on = date_field(&input.filed_on, "申请或起诉日期")?;
    if filed_on < current.request.fields.received_on || filed_on > today() {
        return Err(Error::invalid(
            "申请或起诉日期",
            "应在收到申请之日和今天之间",
        ));
    }
    let note = input.note.trim();
    if note.chars().count() > MAX_TEXT_CHARS {
        return Err(Error::invalid(
            "说明",
            format!("不能超过 {MAX_TEXT_CHARS} 个字"),
        ));
    }
    let mut tx = app.store.begin(user.actor()).await?;
    requests::add_case(&mut tx, id, kind, filed_on, note).await?;
    tx.commit().await?;
    Ok(())
}

/// A case's result.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DecisionInput {
    #[serde(default)]
    pub case: i64,
    #[serde(default)]
    pub result: String,
    /// The day of the decision or judgment; empty while pending.
    #[serde(default)]
    pub decided_on: String,
}

/// Records a case's result: a decided result needs its date, a pending one has none.
pub async fn decide_case(
    app: &App,
    user: &CurrentUser,
    id: RequestId,
    input: &DecisionInput,
) -> Result<()> {
    let current = handled(app, user, id).await?;
    let case = current
        .cases
        .iter()
        .find(|c| c.id == input.case)
        .ok_or_else(|| Error::NotFound("案件不存在".to_string()))?;
    let result =
        CaseResult::parse(&input.result).ok_or_else(|| Error::invalid("结果", "请选择结果"))?;
    let decided_on = match (result, input.decided_on.trim()) {
        (CaseResult::Pending, _) => None,
        (_, "") => {
            return Err(Error::invalid(
                "决定或判决日期",
                "请填写作出决定或判决的日期",
            ));
        }
        (_, text) => {
            let date = date_field(text, "决定或判决日期")?;
            if date < case.filed_on || date > today() {
                return Err(Error::invalid(
                    "决定或判决日期",
                    "应在申请或起诉之日和今天之间",
                ));
            }
            Some(date)
        }
    };
    let mut tx = app.store.begin(user.actor()).await?;
    requests::decide_case(&mut tx, id, case.id, result, decided_on).await?;
    tx.commit().await?;
    Ok(())
}

/// Whether the user takes the office's steps on this request (not only notes).
pub async fn is_handler(app: &App, user: &CurrentUser, request: &Request) -> Result<bool> {
    let all = orgs::list(&app.store).await?;
    Ok(handles(user, request.fields.org_id, &all))
}

/// The units a request can be assigned to: those of the agency's government, by name.
pub async fn assignable_units(
    app: &App,
    request: &Request,
) -> Result<Vec<gongkai_store::orgs::Org>> {
    let all = orgs::list(&app.store).await?;
    let government = crate::ledgers::units::government_of(&all, request.fields.org_id);
    Ok(all
        .iter()
        .filter(|o| crate::ledgers::units::is_within(&all, o.id, government))
        .cloned()
        .collect())
}
