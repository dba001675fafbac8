//! The public API of disclosure requests (依申请公开): `POST /api/v1/requests` submits a
//! request as the portal's form does (条例第二十九条), `POST /api/v1/requests/track`
//! shows its progress to whoever holds the serial and the private tracking code.
//!
//! What the applicant sees is exactly the public tracking page: dates, status, the
//! reply's outcome and legal basis; never the identity number or the contacts, nor the
//! staff's notes (a consulted third party, the approver of an extension). Serial and
//! code travel in the body, never in the URL, and no response is cached.

use super::{ApiError, JsonBody, no_store};
use crate::AppState;
use axum::Json;
use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use chrono::NaiveDate;
use gongkai_app::model::{RequestEvent as Event, RequestEventKind as EventKind};
use gongkai_app::requests::{self, Handling, RequestInput};
use gongkai_domain::ledger::Timeliness;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/requests", post(submit_request))
        .route("/api/v1/requests/track", post(track_request))
}

/// The public request form (条例第二十九条). Every field is a string; empty or absent
/// fields are empty.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct SubmitBody {
    /// natural_person, commercial, research, public_interest, legal_service or
    /// other_organisation.
    pub applicant_type: String,
    /// 申请人姓名或名称.
    pub applicant_name: String,
    /// 居民身份证号码 of a person, 统一社会信用代码 of an organisation.
    pub id_number: String,
    /// At least one of phone, email and address (联系方式).
    pub phone: String,
    pub email: String,
    pub address: String,
    /// 所需信息的内容描述; this or `doc_reference` is required.
    pub description: String,
    /// 文件名称或文号.
    pub doc_reference: String,
    /// 申请用途, when the platform asks for it.
    pub purpose: String,
    /// 获取信息的方式 (e.g. 电子文本).
    pub preferred_form: String,
    /// 获取信息的途径 (e.g. 电子邮件).
    pub delivery: String,
}

impl From<SubmitBody> for RequestInput {
    /// Only the public form's fields: channel, receipt date and evidence are staff's.
    fn from(b: SubmitBody) -> RequestInput {
        RequestInput {
            applicant_type: b.applicant_type,
            applicant_name: b.applicant_name,
            id_number: b.id_number,
            phone: b.phone,
            email: b.email,
            address: b.address,
            description: b.description,
            doc_reference: b.doc_reference,
            purpose: b.purpose,
            preferred_form: b.preferred_form,
            delivery: b.delivery,
            ..RequestInput::default()
        }
    }
}

/// A submitted request. The tracking code is shown this once: only its hash is kept.
#[derive(Debug, Serialize, ToSchema)]
pub struct Submitted {
    pub serial: String,
    pub tracking_code: String,
    /// 收到申请之日 (条例第三十一条第三项: the day of submission), YYYY-MM-DD.
    pub received_on: NaiveDate,
    /// The reply is due by this day (条例第三十三条), YYYY-MM-DD.
    pub due_on: NaiveDate,
}

/// Submits a disclosure request through the portal.
#[utoipa::path(
    post,
    path = "/api/v1/requests",
    request_body = SubmitBody,
    responses(
        (status = 201, description = "Submitted; keep the tracking code", body = Submitted),
        (status = 422, description = "`invalid_form`: every wrong field named", body = super::ErrorBody),
        (status = 415, description = "The body is not `application/json`", body = super::ErrorBody),
    ),
    tag = "requests"
)]
pub async fn submit_request(
    axum::extract::State(state): axum::extract::State<AppState>,
    JsonBody(body): JsonBody<SubmitBody>,
) -> Result<Response, ApiError> {
    let submitted = requests::submit(&state.app, &RequestInput::from(body)).await?;
    let serial = submitted.request.serial;
    let handling = requests::track(&state.app, &serial, &submitted.tracking_code).await?;
    let body = Submitted {
        received_on: handling.request.fields.received_on,
        due_on: handling.reckoning.due,
        serial,
        tracking_code: submitted.tracking_code,
    };
    Ok(no_store((StatusCode::CREATED, Json(body))))
}

/// The serial and the private tracking code of a request.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct TrackBody {
    pub serial: String,
    pub code: String,
}

/// A request as its applicant sees it: no identity number, contacts or staff notes.
#[derive(Debug, Serialize, ToSchema)]
pub struct Tracked {
    pub serial: String,
    /// `open` (办理中) or `replied` (已答复).
    pub status: String,
    /// 办理中 or 已答复.
    pub status_label: String,
    /// How it came: online, in_person, post, fax, email…
    pub channel: String,
    /// YYYY-MM-DD.
    pub received_on: NaiveDate,
    /// The reply's due date, YYYY-MM-DD.
    pub due_on: NaiveDate,
    pub timeliness: TimelinessView,
    pub key_dates: KeyDates,
    /// The handling steps, oldest first.
    pub events: Vec<PublicEvent>,
    /// The reply, once given.
    pub reply: Option<ReplyView>,
}

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
    /// 答复日期.
    pub replied_on: Option<NaiveDate>,
}

/// A handling step without its note.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicEvent {
    /// correction_notice, corrected, stop, extension or reply.
    pub kind: String,
    pub label: String,
    pub on: NaiveDate,
    /// A stop: its last stopped day.
    pub until: Option<NaiveDate>,
    /// An extension: its working days.
    pub workdays: Option<u32>,
}

impl From<&Event> for PublicEvent {
    fn from(e: &Event) -> PublicEvent {
        PublicEvent {
            kind: e.kind.code().to_string(),
            label: e.kind.label_zh().to_string(),
            on: e.on,
            until: e.until,
            workdays: e.workdays,
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

fn key_dates(handling: &Handling) -> KeyDates {
    let events = &handling.events;
    let extension = last_of(events, EventKind::Extension);
    KeyDates {
        correction_notice_on: last_of(events, EventKind::CorrectionNotice).map(|e| e.on),
        corrected_on: last_of(events, EventKind::Corrected).map(|e| e.on),
        extended_on: extension.map(|e| e.on),
        extension_workdays: extension.and_then(|e| e.workdays),
        replied_on: handling.request.reply.map(|(on, _)| on),
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

impl From<&Handling> for Tracked {
    fn from(h: &Handling) -> Tracked {
        let (status, label) = status_of(h);
        Tracked {
            serial: h.request.serial.clone(),
            status: status.to_string(),
            status_label: label.to_string(),
            channel: h.request.fields.channel.code().to_string(),
            received_on: h.request.fields.received_on,
            due_on: h.reckoning.due,
            timeliness: h.timeliness.into(),
            key_dates: key_dates(h),
            events: h.events.iter().map(PublicEvent::from).collect(),
            reply: reply_view(h),
        }
    }
}

/// The progress of a request, found by its serial and tracking code together; a wrong
/// pair is 404 `not_found` with the same body whichever part is wrong.
#[utoipa::path(
    post,
    path = "/api/v1/requests/track",
    request_body = TrackBody,
    responses(
        (status = 200, description = "The request's progress", body = Tracked),
        (status = 404, description = "No request with this serial and code", body = super::ErrorBody),
    ),
    tag = "requests"
)]
pub async fn track_request(
    axum::extract::State(state): axum::extract::State<AppState>,
    JsonBody(body): JsonBody<TrackBody>,
) -> Response {
    match requests::track(&state.app, &body.serial, &body.code).await {
        Ok(handling) => no_store(Json(Tracked::from(&handling))),
        Err(e) => no_store(ApiError(e).into_response()),
    }
}
