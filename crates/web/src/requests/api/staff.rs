//! The staff API of disclosure requests: `GET /api/v1/requests` (the requests the
//! signed-in user handles, or those due within N working days) and
//! `GET /api/v1/requests/{id}` (one request with the applicant, the record and the
//! explained due date). The console's session cookie signs in; 401 without it, 403
//! for a user who does not handle the request (office and admin grants, see
//! `gongkai_app::requests::REQUEST_HANDLERS`).

use super::views::{
    ClockStep, PublicEvent, ReplyView, TimelinessView, clock_step, reply_view,
    status_of as request_status,
};
use crate::kit::api_error::{ApiError, ErrorBody};
use crate::kit::extract::ApiStaff;
use crate::kit::render::no_store;
use crate::kit::state::AppState;
use axum::Json;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use chrono::NaiveDate;
use gongkai_app::RequestId;
use gongkai_app::requests::{self, Handling};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/requests", get(list_requests))
        .route("/api/v1/requests/{id}", get(get_request))
}

/// Longest due-list horizon, in working days (as the console's list).
const MAX_WITHIN: i64 = 60;

/// A request in the staff list.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestSummary {
    pub id: i64,
    pub serial: String,
    /// `open` or `replied`.
    pub status: String,
    /// online, in_person, post, fax or email.
    pub channel: String,
    pub received_on: NaiveDate,
    pub due_on: NaiveDate,
    pub timeliness: TimelinessView,
    pub reply: Option<ReplyView>,
    /// The request's console page.
    pub url: String,
}

/// The requests of `GET /api/v1/requests`: open ones first by due date, then replied.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestList {
    pub requests: Vec<RequestSummary>,
}

impl From<&Handling> for RequestSummary {
    fn from(h: &Handling) -> RequestSummary {
        let id = h.request.id.0;
        RequestSummary {
            id,
            serial: h.request.serial.clone(),
            status: request_status(h).0.to_string(),
            channel: h.request.fields.channel.code().to_string(),
            received_on: h.request.fields.received_on,
            due_on: h.reckoning.due,
            timeliness: h.timeliness.into(),
            reply: reply_view(h),
            url: format!("/console/requests/{id}"),
        }
    }
}

/// The filter of `GET /api/v1/requests`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Only open requests due within this many working days (0–60) or overdue.
    pub within: Option<i64>,
}

/// The requests the signed-in user handles.
#[utoipa::path(
    get,
    path = "/api/v1/requests",
    params(ListParams),
    responses(
        (status = 200, description = "The requests", body = RequestList),
        (status = 401, description = "Not signed in", body = ErrorBody),
    ),
    tag = "requests"
)]
pub async fn list_requests(
    State(state): State<AppState>,
    ApiStaff(user): ApiStaff,
    Query(params): Query<ListParams>,
) -> Result<Response, ApiError> {
    let rows = match params.within.map(|n| n.clamp(0, MAX_WITHIN)) {
        Some(n) => requests::due_within(&state.app, &user, n).await?,
        None => requests::list(&state.app, &user).await?,
    };
    let list = RequestList {
        requests: rows.iter().map(RequestSummary::from).collect(),
    };
    Ok(no_store(Json(list)))
}

/// The applicant (staff only: 条例第三十条 asks for them to handle the request).
#[derive(Debug, Serialize, ToSchema)]
pub struct ApplicantView {
    /// natural_person, commercial, research, public_interest, legal_service,
    /// other_organisation.
    #[serde(rename = "type")]
    pub kind: String,
    pub type_label: String,
    pub name: String,
    /// 居民身份证号码 or 统一社会信用代码.
    pub id_number: String,
    pub phone: String,
    pub email: String,
    pub address: String,
}

/// A handling step with its note and who recorded it.
#[derive(Debug, Serialize, ToSchema)]
pub struct StaffEvent {
    #[serde(flatten)]
    pub event: PublicEvent,
    /// Stop: who was consulted; extension: the approver; reply: the legal basis;
    /// transfer: the reason; note: the internal note.
    pub note: String,
    /// Assignment or transfer: the unit's id.
    pub unit_id: Option<i64>,
    pub recorded_by: String,
    /// RFC 3339.
    pub recorded_at: String,
}

/// A reconsideration (行政复议) or suit (行政诉讼) about the request.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseView {
    pub id: i64,
    /// The case kind's stable code.
    pub kind: String,
    pub kind_label: String,
    pub filed_on: NaiveDate,
    /// The result's stable code (`pending` until known).
    pub result: String,
    pub result_label: String,
    pub decided_on: Option<NaiveDate>,
    pub note: String,
}

/// A whole request, for the staff who handle it.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestDetail {
    #[serde(flatten)]
    pub summary: RequestSummary,
    pub applicant: ApplicantView,
    /// 所需信息的内容描述.
    pub description: String,
    /// 文件名称或文号.
    pub doc_reference: String,
    pub purpose: String,
    pub preferred_form: String,
    pub delivery: String,
    /// The evidence of the receipt date (条例第三十一条), for staff entries.
    pub receipt_evidence: String,
    /// The last day for the correction notice (条例第三十条), YYYY-MM-DD.
    pub correction_notice_due_on: NaiveDate,
    /// The due date explained, line by line (Chinese).
    pub explanation: Vec<String>,
    pub clock_steps: Vec<ClockStep>,
    /// Whether a year the clock touches has no holiday notice loaded: the dates are
    /// then counted on weekends only.
    pub provisional: bool,
    pub missing_years: Vec<i32>,
    pub events: Vec<StaffEvent>,
    pub cases: Vec<CaseView>,
}

fn detail_of(h: &Handling) -> RequestDetail {
    let f = &h.request.fields;
    let r = &h.reckoning;
    RequestDetail {
        summary: RequestSummary::from(h),
        applicant: ApplicantView {
            kind: f.applicant_type.code().to_string(),
            type_label: f.applicant_type.label_zh().to_string(),
            name: f.applicant_name.clone(),
            id_number: f.id_number.clone(),
            phone: f.phone.clone(),
            email: f.email.clone(),
            address: f.address.clone(),
        },
        description: f.description.clone(),
        doc_reference: f.doc_reference.clone(),
        purpose: f.purpose.clone(),
        preferred_form: f.preferred_form.clone(),
        delivery: f.delivery.clone(),
        receipt_evidence: f.receipt_evidence.clone(),
        correction_notice_due_on: r.correction_notice_due,
        explanation: r.explain_zh(),
        clock_steps: r.steps.iter().map(clock_step).collect(),
        provisional: !r.missing_years.is_empty(),
        missing_years: r.missing_years.clone(),
        events: h
            .events
            .iter()
            .map(|e| StaffEvent {
                event: PublicEvent::from(e),
                note: e.note.clone(),
                unit_id: e.org_id.map(|o| o.0),
                recorded_by: e.actor_name.clone(),
                recorded_at: e.at.to_rfc3339(),
            })
            .collect(),
        cases: h
            .cases
            .iter()
            .map(|c| CaseView {
                id: c.id,
                kind: c.kind.code().to_string(),
                kind_label: c.kind.label_zh().to_string(),
                filed_on: c.filed_on,
                result: c.result.code().to_string(),
                result_label: c.result.label_zh().to_string(),
                decided_on: c.decided_on,
                note: c.note.clone(),
            })
            .collect(),
    }
}

/// One request with the applicant, its record and the explained due date.
#[utoipa::path(
    get,
    path = "/api/v1/requests/{id}",
    params(("id" = i64, Path, description = "Request id")),
    responses(
        (status = 200, description = "The request", body = RequestDetail),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "The user does not handle this request", body = ErrorBody),
        (status = 404, description = "No such request", body = ErrorBody),
    ),
    tag = "requests"
)]
pub async fn get_request(
    State(state): State<AppState>,
    ApiStaff(user): ApiStaff,
    Path(id): Path<i64>,
) -> Result<Response, ApiError> {
    let handling = requests::detail(&state.app, &user, RequestId(id)).await?;
    Ok(no_store(Json(detail_of(&handling))))
}
