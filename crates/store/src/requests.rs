//! Disclosure requests (依申请公开) as stored: the request and its applicant, the
//! serial counter per year, and the append-only events (correction, stops, extension,
//! reply) the statutory clock is computed from, and the reconsiderations and suits
//! brought against the handling.
//!
//! The applicant's identity number and contacts are personal information: they are
//! stored here for the staff handling the request and never enter the audit log,
//! whose entries name the request by serial only.

use crate::time::{date_from_text, date_to_text, from_text, optional_date, to_text};
use crate::{Error, OrgId, RequestId, Result, Store, Timestamp, UserId, WriteTx, now};
use chrono::NaiveDate;
use gongkai_domain::annual_report::{ApplicantType, CaseKind, CaseResult, Outcome};
use gongkai_domain::request::Channel;
use sqlx::Row;
use sqlx::any::AnyRow;
use std::collections::HashMap;

/// The applicant and what they ask for, as submitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestFields {
    pub org_id: OrgId,
    pub applicant_type: ApplicantType,
    pub applicant_name: String,
    /// 居民身份证号码, or the organisation's 统一社会信用代码.
    pub id_number: String,
    pub phone: String,
    pub email: String,
    pub address: String,
    pub description: String,
    pub doc_reference: String,
    pub purpose: String,
    pub preferred_form: String,
    pub delivery: String,
    pub channel: Channel,
    pub receipt_evidence: String,
    pub received_on: NaiveDate,
}

/// A stored request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub id: RequestId,
    pub serial: String,
    pub fields: RequestFields,
    pub reply: Option<(NaiveDate, Outcome)>,
    /// The unit the request is assigned (交办) or last transferred (转办) to.
    pub handling_org: Option<OrgId>,
    pub created_at: Timestamp,
}

/// What happened to a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    /// The correction notice (补正告知) was sent.
    CorrectionNotice,
    /// The corrected request was received: the clock restarts.
    Corrected,
    /// A consultation (third party or other agency) stopped the clock.
    Stop,
    /// The reply period was extended (with the approver in the note).
    Extension,
    /// The reply was given.
    Reply,
    /// The request was assigned to the unit holding the information (交办).
    Assign,
    /// The request was transferred to another unit, with the reason (转办).
    Transfer,
    /// An internal note of the staff (never shown to the applicant).
    Note,
    /// The fee notice (收费通知) was sent, with the amount.
    FeeNotice,
    /// The fee was paid.
    FeePaid,
    /// The reply was delivered to the applicant (送达), with how.
    Delivery,
    /// A correction of the reply given (更正): what was wrong and what stands now. The
    /// reply itself is given once; its outcome stays as recorded.
    ReplyCorrection,
}

impl EventKind {
    const ALL: [EventKind; 12] = [
        EventKind::CorrectionNotice,
        EventKind::Corrected,
        EventKind::Stop,
        EventKind::Extension,
        EventKind::Reply,
        EventKind::Assign,
        EventKind::Transfer,
        EventKind::Note,
        EventKind::FeeNotice,
        EventKind::FeePaid,
        EventKind::Delivery,
        EventKind::ReplyCorrection,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EventKind::CorrectionNotice => "correction_notice",
            EventKind::Corrected => "corrected",
            EventKind::Stop => "stop",
            EventKind::Extension => "extension",
            EventKind::Reply => "reply",
            EventKind::Assign => "assign",
            EventKind::Transfer => "transfer",
            EventKind::Note => "note",
            EventKind::FeeNotice => "fee_notice",
            EventKind::FeePaid => "fee_paid",
            EventKind::Delivery => "delivery",
            EventKind::ReplyCorrection => "reply_correction",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            EventKind::CorrectionNotice => "发出补正告知",
            EventKind::Corrected => "收到补正后的申请",
            EventKind::Stop => "征求意见（中止计算）",
            EventKind::Extension => "延长答复期限",
            EventKind::Reply => "答复",
            EventKind::Assign => "交办",
            EventKind::Transfer => "转办",
            EventKind::Note => "内部备注",
            EventKind::FeeNotice => "发出收费通知",
            EventKind::FeePaid => "申请人缴费",
            EventKind::Delivery => "送达答复",
            EventKind::ReplyCorrection => "更正答复",
        }
    }

    /// Whether the applicant's tracking page lists the event: the steps of the
    /// statutory procedure do; assignment, transfer and notes are internal.
    pub fn shown_to_applicant(self) -> bool {
        !matches!(
            self,
            EventKind::Assign | EventKind::Transfer | EventKind::Note
        )
    }

    /// Whether the applicant also reads the event's note: only a reply correction's,
    /// which is written to them; other notes name consulted parties or staff matters.
    pub fn note_shown_to_applicant(self) -> bool {
        self == EventKind::ReplyCorrection
    }

    pub fn parse(code: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One event of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: i64,
    pub kind: EventKind,
    pub on: NaiveDate,
    /// The last stopped day of a stop.
    pub until: Option<NaiveDate>,
    /// The working days of an extension.
    pub workdays: Option<u32>,
    pub note: String,
    /// The unit of an assignment or transfer.
    pub org_id: Option<OrgId>,
    /// The amount of a fee notice, in 元.
    pub amount: Option<u64>,
    pub actor_id: Option<UserId>,
    pub actor_name: String,
    pub at: Timestamp,
}

/// An event to append.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEvent {
    pub kind: EventKind,
    pub on: NaiveDate,
    pub until: Option<NaiveDate>,
    pub workdays: Option<u32>,
    pub note: String,
    pub org_id: Option<OrgId>,
    pub amount: Option<u64>,
}

impl NewEvent {
    /// An event of `kind` on `on` with nothing else; set the other fields as needed.
    pub fn on(kind: EventKind, on: NaiveDate) -> NewEvent {
        NewEvent {
            kind,
            on,
            until: None,
            workdays: None,
            note: String::new(),
            org_id: None,
            amount: None,
        }
    }
}

const COLUMNS: &str = "id, serial, org_id, applicant_type, applicant_name, id_number, phone, \
     email, address, description, doc_reference, purpose, preferred_form, delivery, channel, \
     receipt_evidence, received_on, outcome, replied_on, handling_org_id, created_at";

fn from_row(row: &AnyRow) -> Result<Request> {
    let applicant: String = row.try_get("applicant_type")?;
    let channel: String = row.try_get("channel")?;
    let outcome: Option<String> = row.try_get("outcome")?;
    let reply = match (optional_date(row, "replied_on")?, outcome) {
        (Some(on), Some(code)) => Some((
            on,
            Outcome::parse(&code).ok_or_else(|| Error::unreadable("办理结果", &code))?,
        )),
        _ => None,
    };
    Ok(Request {
        id: RequestId(row.try_get("id")?),
        serial: row.try_get("serial")?,
        fields: RequestFields {
            org_id: OrgId(row.try_get("org_id")?),
            applicant_type: ApplicantType::parse(&applicant)
                .ok_or_else(|| Error::unreadable("申请人类型", &applicant))?,
            applicant_name: row.try_get("applicant_name")?,
            id_number: row.try_get("id_number")?,
            phone: row.try_get("phone")?,
            email: row.try_get("email")?,
            address: row.try_get("address")?,
            description: row.try_get("description")?,
            doc_reference: row.try_get("doc_reference")?,
            purpose: row.try_get("purpose")?,
            preferred_form: row.try_get("preferred_form")?,
            delivery: row.try_get("delivery")?,
            channel: Channel::parse(&channel)
                .ok_or_else(|| Error::unreadable("申请方式", &channel))?,
            receipt_evidence: row.try_get("receipt_evidence")?,
            received_on: date_from_text(&row.try_get::<String, _>("received_on")?)?,
        },
        reply,
        handling_org: row.try_get::<Option<i64>, _>("handling_org_id")?.map(OrgId),
        created_at: from_text(&row.try_get::<String, _>("created_at")?)?,
    })
}

/// The next serial of `year`: one more than the last one given out.
async fn next_serial(tx: &mut WriteTx, year: i32) -> Result<u64> {
    let row =
        sqlx::query("UPDATE request_serials SET last = last + 1 WHERE year = $1 RETURNING last")
            .bind(i64::from(year))
            .fetch_optional(tx.conn())
            .await?;
    let last: i64 = match row {
        Some(row) => row.try_get("last")?,
        None => {
            sqlx::query("INSERT INTO request_serials (year, last) VALUES ($1, 1)")
                .bind(i64::from(year))
                .execute(tx.conn())
                .await?;
            1
        }
    };
    u64::try_from(last).map_err(|_| Error::Corrupt(format!("申请编号序号溢出：{year}")))
}

/// Stores a new request under the serial `serial_of(year, n)` gives for the next
/// number of the receipt year, with the hash of its tracking code.
pub async fn create(
    tx: &mut WriteTx,
    fields: &RequestFields,
    tracking_hash: &str,
    serial_of: impl Fn(i32, u64) -> String,
) -> Result<Request> {
    use chrono::Datelike;
    let year = fields.received_on.year();
    let serial = serial_of(year, next_serial(tx, year).await?);
    let f = fields;
    let row = sqlx::query(&format!(
        "INSERT INTO disclosure_requests (serial, tracking_hash, org_id, applicant_type, \
         applicant_name, id_number, phone, email, address, description, doc_reference, purpose, \
         preferred_form, delivery, channel, receipt_evidence, received_on, created_at) VALUES \
         ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) \
         RETURNING {COLUMNS}"
    ))
    .bind(&serial)
    .bind(tracking_hash)
    .bind(f.org_id.0)
    .bind(f.applicant_type.code())
    .bind(&f.applicant_name)
    .bind(&f.id_number)
    .bind(&f.phone)
    .bind(&f.email)
    .bind(&f.address)
    .bind(&f.description)
    .bind(&f.doc_reference)
    .bind(&f.purpose)
    .bind(&f.preferred_form)
    .bind(&f.delivery)
    .bind(f.channel.code())
    .bind(&f.receipt_evidence)
    .bind(date_to_text(f.received_on))
    .bind(to_text(now()))
    .fetch_one(tx.conn())
    .await
    .map_err(|e| Error::on_unique(e, "申请编号", &serial))?;
    let request = from_row(&row)?;
    // Named by serial only: the applicant's identity and contacts stay out of the log.
    let entry = serde_json::json!({
        "serial": request.serial, "channel": f.channel.code(),
        "received_on": date_to_text(f.received_on), "org": f.org_id,
    });
    tx.record("request.create", "request", request.id, None, Some(entry));
    Ok(request)
}

/// One request.
pub async fn get(store: &Store, id: RequestId) -> Result<Request> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM disclosure_requests WHERE id = $1"
    ))
    .bind(id.0)
    .fetch_optional(store.pool())
    .await?
    .ok_or_else(|| Error::NotFound {
        entity: "申请",
        id: id.to_string(),
    })?;
    from_row(&row)
}

/// The request whose tracking code hashes to `hash`, if any.
pub async fn find_by_tracking_hash(store: &Store, hash: &str) -> Result<Option<Request>> {
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM disclosure_requests WHERE tracking_hash = $1"
    ))
    .bind(hash)
    .fetch_optional(store.pool())
    .await?
    .as_ref()
    .map(from_row)
    .transpose()
}

/// Every request, newest receipt first.
pub async fn list(store: &Store) -> Result<Vec<Request>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM disclosure_requests ORDER BY received_on DESC, id DESC"
    ))
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(from_row).collect()
}

/// The events of a request, in the order they were recorded.
pub async fn events(store: &Store, id: RequestId) -> Result<Vec<Event>> {
    let rows = sqlx::query(&format!(
        "SELECT {EVENT_COLUMNS} FROM request_events WHERE request_id = $1 ORDER BY id"
    ))
    .bind(id.0)
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(event_from_row).collect()
}

/// The events of every request, by request, each in recording order (one query, for
/// lists).
pub async fn all_events(store: &Store) -> Result<HashMap<RequestId, Vec<Event>>> {
    let rows = sqlx::query(&format!(
        "SELECT {EVENT_COLUMNS} FROM request_events ORDER BY request_id, id"
    ))
    .fetch_all(store.pool())
    .await?;
    let mut by_request: HashMap<RequestId, Vec<Event>> = HashMap::new();
    for row in &rows {
        let request = RequestId(row.try_get("request_id")?);
        by_request
            .entry(request)
            .or_default()
            .push(event_from_row(row)?);
    }
    Ok(by_request)
}

const EVENT_COLUMNS: &str = "id, request_id, kind, on_date, until_date, workdays, note, org_id, \
     amount, actor_id, actor_name, at";

fn event_from_row(row: &AnyRow) -> Result<Event> {
    let kind: String = row.try_get("kind")?;
    Ok(Event {
        id: row.try_get("id")?,
        kind: EventKind::parse(&kind).ok_or_else(|| Error::unreadable("申请事件", &kind))?,
        on: date_from_text(&row.try_get::<String, _>("on_date")?)?,
        until: optional_date(row, "until_date")?,
        workdays: row
            .try_get::<Option<i64>, _>("workdays")?
            .and_then(|n| u32::try_from(n).ok()),
        note: row.try_get("note")?,
        org_id: row.try_get::<Option<i64>, _>("org_id")?.map(OrgId),
        amount: row
            .try_get::<Option<i64>, _>("amount")?
            .and_then(|n| u64::try_from(n).ok()),
        actor_id: row.try_get::<Option<i64>, _>("actor_id")?.map(UserId),
        actor_name: row.try_get("actor_name")?,
        at: from_text(&row.try_get::<String, _>("at")?)?,
    })
}

/// Appends an event.
pub async fn add_event(tx: &mut WriteTx, id: RequestId, event: &NewEvent) -> Result<()> {
    let actor = tx.actor().clone();
    sqlx::query(
        "INSERT INTO request_events (request_id, kind, on_date, until_date, workdays, note, \
         org_id, amount, actor_id, actor_name, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(id.0)
    .bind(event.kind.code())
    .bind(date_to_text(event.on))
    .bind(event.until.map(date_to_text))
    .bind(event.workdays.map(i64::from))
    .bind(&event.note)
    .bind(event.org_id.map(|o| o.0))
    .bind(event.amount.and_then(|a| i64::try_from(a).ok()))
    .bind(actor.user_id.map(|u| u.0))
    .bind(&actor.name)
    .bind(to_text(now()))
    .execute(tx.conn())
    .await?;
    let entry = serde_json::json!({
        "kind": event.kind.code(), "on": date_to_text(event.on),
        "org": event.org_id, "amount": event.amount,
    });
    tx.record("request.event", "request", id, None, Some(entry));
    if matches!(event.kind, EventKind::Assign | EventKind::Transfer) {
        sqlx::query("UPDATE disclosure_requests SET handling_org_id = $1 WHERE id = $2")
            .bind(event.org_id.map(|o| o.0))
            .bind(id.0)
            .execute(tx.conn())
            .await?;
    }
    Ok(())
}

/// Records the reply (once): refused when the request was already replied to.
pub async fn reply(
    tx: &mut WriteTx,
    id: RequestId,
    on: NaiveDate,
    outcome: Outcome,
    basis: &str,
) -> Result<()> {
    let done = sqlx::query(
        "UPDATE disclosure_requests SET outcome = $1, replied_on = $2 WHERE id = $3 AND outcome IS NULL",
    )
    .bind(outcome.code())
    .bind(date_to_text(on))
    .bind(id.0)
    .execute(tx.conn())
    .await?;
    if done.rows_affected() == 0 {
        return Err(Error::Refused("该申请已经答复，不能再次答复".to_string()));
    }
    let event = NewEvent {
        note: basis.to_string(),
        ..NewEvent::on(EventKind::Reply, on)
    };
    add_event(tx, id, &event).await
}

/// A reconsideration or suit about a request, with its result as it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub id: i64,
    pub request_id: RequestId,
    pub kind: CaseKind,
    pub filed_on: NaiveDate,
    pub result: CaseResult,
    pub decided_on: Option<NaiveDate>,
    pub note: String,
}

fn case_from_row(row: &AnyRow) -> Result<Case> {
    let kind: String = row.try_get("kind")?;
    let result: String = row.try_get("result")?;
    Ok(Case {
        id: row.try_get("id")?,
        request_id: RequestId(row.try_get("request_id")?),
        kind: CaseKind::parse(&kind).ok_or_else(|| Error::unreadable("案件类型", &kind))?,
        filed_on: date_from_text(&row.try_get::<String, _>("filed_on")?)?,
        result: CaseResult::parse(&result).ok_or_else(|| Error::unreadable("案件结果", &result))?,
        decided_on: optional_date(row, "decided_on")?,
        note: row.try_get("note")?,
    })
}

const CASE_COLUMNS: &str = "id, request_id, kind, filed_on, result, decided_on, note";

/// Records a case, pending.
pub async fn add_case(
    tx: &mut WriteTx,
    request: RequestId,
    kind: CaseKind,
    filed_on: NaiveDate,
    note: &str,
) -> Result<Case> {
    let at = to_text(now());
    let row = sqlx::query(&format!(
        "INSERT INTO request_cases (request_id, kind, filed_on, result, note, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING {CASE_COLUMNS}"
    ))
    .bind(request.0)
    .bind(kind.code())
    .bind(date_to_text(filed_on))
    .bind(CaseResult::Pending.code())
    .bind(note)
    .bind(at)
    .fetch_one(tx.conn())
    .await?;
    let case = case_from_row(&row)?;
    let entry = serde_json::json!({"case": case.id, "kind": kind.code(), "filed_on": date_to_text(filed_on)});
    tx.record("request.case", "request", request, None, Some(entry));
    Ok(case)
}

/// Records a case's result and the day it was decided.
pub async fn decide_case(
    tx: &mut WriteTx,
    request: RequestId,
    case: i64,
    result: CaseResult,
    decided_on: Option<NaiveDate>,
) -> Result<()> {
    let done = sqlx::query(
        "UPDATE request_cases SET result = $1, decided_on = $2, updated_at = $3 \
         WHERE id = $4 AND request_id = $5",
    )
    .bind(result.code())
    .bind(decided_on.map(date_to_text))
    .bind(to_text(now()))
    .bind(case)
    .bind(request.0)
    .execute(tx.conn())
    .await?;
    if done.rows_affected() == 0 {
        return Err(Error::NotFound {
            entity: "案件",
            id: case.to_string(),
        });
    }
    let entry = serde_json::json!({"case": case, "result": result.code()});
    tx.record("request.case_result", "request", request, None, Some(entry));
    Ok(())
}

/// The cases of a request, in filing order.
pub async fn cases_of(store: &Store, request: RequestId) -> Result<Vec<Case>> {
    let rows = sqlx::query(&format!(
        "SELECT {CASE_COLUMNS} FROM request_cases WHERE request_id = $1 ORDER BY filed_on, id"
    ))
    .bind(request.0)
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(case_from_row).collect()
}

/// The cases of every request, by request, in filing order (one query, for lists).
pub async fn all_cases(store: &Store) -> Result<HashMap<RequestId, Vec<Case>>> {
    let rows = sqlx::query(&format!(
        "SELECT {CASE_COLUMNS} FROM request_cases ORDER BY request_id, filed_on, id"
    ))
    .fetch_all(store.pool())
    .await?;
    let mut by_request: HashMap<RequestId, Vec<Case>> = HashMap::new();
    for row in &rows {
        let case = case_from_row(row)?;
        by_request.entry(case.request_id).or_default().push(case);
    }
    Ok(by_request)
}

/// How many requests are stored.
pub async fn count(store: &Store) -> Result<i64> {
    Ok(sqlx::query("SELECT COUNT(*) AS n FROM disclosure_requests")
        .fetch_one(store.pool())
        .await?
        .try_get("n")?)
}

/// The place of request `id` among the requests of the same applicant (by identity
/// number) received in the same calendar month, in order of receipt: the n of 按件计收
/// (国办函〔2020〕109号第四条).
pub async fn rank_in_month(
    store: &Store,
    id_number: &str,
    received_on: NaiveDate,
    id: RequestId,
) -> Result<i64> {
    use chrono::Datelike;
    let first = received_on.with_day(1).unwrap_or(received_on);
    Ok(sqlx::query(
        "SELECT COUNT(*) AS n FROM disclosure_requests WHERE id_number = $1 \
         AND received_on >= $2 AND (received_on < $3 OR (received_on = $3 AND id <= $4))",
    )
    .bind(id_number)
    .bind(date_to_text(first))
    .bind(date_to_text(received_on))
    .bind(id.0)
    .fetch_one(store.pool())
    .await?
    .try_get("n")?)
}

/// A file attached to a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestFile {
    pub id: i64,
    pub file: crate::attachments::NewAttachment,
    pub note: String,
    pub actor_name: String,
    pub at: Timestamp,
}

/// Attaches a stored file to a request, with an event in its timeline.
pub async fn add_file(
    tx: &mut WriteTx,
    id: RequestId,
    file: &crate::attachments::NewAttachment,
    note: &str,
    on: NaiveDate,
) -> Result<i64> {
    let actor = tx.actor().clone();
    let row = sqlx::query(
        "INSERT INTO request_files (request_id, sha256, file_name, media_type, size_bytes, \
         note, actor_name, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(id.0)
    .bind(&file.sha256)
    .bind(&file.file_name)
    .bind(&file.media_type)
    .bind(file.size_bytes)
    .bind(note)
    .bind(&actor.name)
    .bind(to_text(now()))
    .fetch_one(tx.conn())
    .await?;
    let file_id: i64 = row.try_get("id")?;
    let text = match note {
        "" => format!("附件：{}", file.file_name),
        note => format!("附件：{}（{note}）", file.file_name),
    };
    let event = NewEvent {
        note: text,
        ..NewEvent::on(EventKind::Note, on)
    };
    add_event(tx, id, &event).await?;
    Ok(file_id)
}

/// The files of a request, in the order they were attached.
pub async fn files(store: &Store, id: RequestId) -> Result<Vec<RequestFile>> {
    let rows = sqlx::query(
        "SELECT id, sha256, file_name, media_type, size_bytes, note, actor_name, at \
         FROM request_files WHERE request_id = $1 ORDER BY id",
    )
    .bind(id.0)
    .fetch_all(store.pool())
    .await?;
    rows.iter()
        .map(|row| {
            Ok(RequestFile {
                id: row.try_get("id")?,
                file: crate::attachments::NewAttachment {
                    sha256: row.try_get("sha256")?,
                    file_name: row.try_get("file_name")?,
                    media_type: row.try_get("media_type")?,
                    size_bytes: row.try_get("size_bytes")?,
                },
                note: row.try_get("note")?,
                actor_name: row.try_get("actor_name")?,
                at: from_text(&row.try_get::<String, _>("at")?)?,
            })
        })
        .collect()
}
