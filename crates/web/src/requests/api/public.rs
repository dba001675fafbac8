//! The public API of disclosure requests (依申请公开): `POST /api/v1/requests` submits a
//! request as the portal's form does (条例第二十九条), `POST /api/v1/requests/track`
//! shows its progress to whoever holds the serial and the private tracking code.
//!
//! What the applicant sees is exactly the public tracking page: dates, status, the
//! reply's outcome and legal basis; never the identity number or the contacts, nor the
//! staff's notes (a consulted third party, the approver of an extension). Serial and
//! code travel in the body, never in the URL, and no response is cached.

use super::views::{
    KeyDates, PublicEvent, ReplyView, TimelinessView, applicant_events, key_dates, reply_view,
    status_of,
};
use crate::kit::api_error::{ApiError, ErrorBody};
use crate::kit::extract::JsonBody;
use crate::kit::render::no_store;
use crate::kit::state::AppState;
use axum::Json;
use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use chrono::NaiveDate;
use gongkai_app::requests::{self, Handling, RequestInput};
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
    /// The id of the agency asked (the government or an administrative organ below
    /// it); absent: the platform's government.
    pub agency: Option<i64>,
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
            agency: b.agency.map(|id| id.to_string()).unwrap_or_default(),
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
        (status = 422, description = "`invalid_form`: every wrong field named", body = ErrorBody),
        (status = 415, description = "The body is not `application/json`", body = ErrorBody),
    ),
    tag = "requests"
)]
pub async fn submit_request(
    axum::extract::State(state): axum::extract::State<AppState>,
    JsonBody(body): JsonBody<SubmitBody>,
) -> Response {
    match submit(&state, body).await {
        Ok(submitted) => no_store((StatusCode::CREATED, Json(submitted))),
        Err(e) => no_store(e.into_response()),
    }
}

async fn submit(state: &AppState, body: SubmitBody) -> Result<Submitted, ApiError> {
    let submitted = requests::submit(&state.app, &RequestInput::from(body)).await?;
    Ok(Submitted {
        received_on: submitted.request.fields.received_on,
        due_on: submitted.reckoning.due,
        serial: submitted.request.serial,
        tracking_code: submitted.tracking_code,
    })
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
    /// The steps of the statutory procedure, oldest first; internal steps (assignment,
    /// transfer, notes) are not shown.
    pub events: Vec<PublicEvent>,
    /// The reply, once given.
    pub reply: Option<ReplyView>,
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
            events: applicant_events(h),
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
        (status = 404, description = "No request with this serial and code", body = ErrorBody),
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
