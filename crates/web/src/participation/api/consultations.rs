//! `GET /api/v1/consultations`: the consultations that have started, open and closed,
//! each with its 意见收集和采纳情况 once published. No comment text, name or contact is
//! ever in it. Field names are a contract.

use crate::kit::api_error::ApiError;
use crate::kit::state::AppState;
use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use gongkai_app::consultations::{self, AdoptionReport, ConsultationView};
use gongkai_domain::consultation::Stage;
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

pub fn router() -> Router<AppState> {
    Router::new().route("/api/v1/consultations", get(list_consultations))
}

/// The consultations' paths and schemas of the OpenAPI document.
#[derive(OpenApi)]
#[openapi(
    paths(list_consultations),
    components(schemas(
        ConsultationList,
        ConsultationItem,
        AdoptionView,
        AnswerView,
        DispositionCount
    ))
)]
pub struct ApiDoc;

/// How many comments got one disposition.
#[derive(Debug, Serialize, ToSchema)]
pub struct DispositionCount {
    /// `adopted`, `partly_adopted`, `not_adopted` or `out_of_scope`.
    pub disposition: String,
    pub label: String,
    pub comments: usize,
}

/// One answer: a disposition, its reason, and how many comments it answers.
#[derive(Debug, Serialize, ToSchema)]
pub struct AnswerView {
    pub disposition: String,
    pub reason: String,
    pub comments: usize,
}

/// The 意见收集和采纳情况.
#[derive(Debug, Serialize, ToSchema)]
pub struct AdoptionView {
    pub received: usize,
    pub counts: Vec<DispositionCount>,
    pub answers: Vec<AnswerView>,
    /// The office's summary.
    pub summary: String,
}

/// A consultation on a draft.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsultationItem {
    pub id: i64,
    pub title: String,
    /// The unit consulting.
    pub org: String,
    /// `major_decision`, `rule`, `normative` or `other`.
    pub kind: String,
    pub starts_on: String,
    /// The last day for comments, YYYY-MM-DD.
    pub ends_on: String,
    /// `open` or `closed`.
    pub stage: String,
    /// `open`: calendar days after today up to the last day (0: today is the last).
    pub days_left: Option<u32>,
    /// Why the period is shorter than usual ("" when it is not).
    pub short_reason: String,
    /// The consultation's public page.
    pub url: String,
    /// The policy as finally published in the library.
    pub final_document_url: Option<String>,
    /// Once published.
    pub adoption: Option<AdoptionView>,
}

/// The consultations: open ones first by the nearest end, then closed ones.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsultationList {
    pub consultations: Vec<ConsultationItem>,
}

fn adoption(r: &AdoptionReport) -> AdoptionView {
    AdoptionView {
        received: r.received,
        counts: r
            .counts
            .iter()
            .map(|(d, n)| DispositionCount {
                disposition: d.code().to_string(),
                label: d.label_zh().to_string(),
                comments: *n,
            })
            .collect(),
        answers: r
            .answers
            .iter()
            .map(|a| AnswerView {
                disposition: a.disposition.code().to_string(),
                reason: a.reason.clone(),
                comments: a.comments,
            })
            .collect(),
        summary: r.summary.clone(),
    }
}

impl From<&ConsultationView> for ConsultationItem {
    fn from(v: &ConsultationView) -> ConsultationItem {
        let c = &v.consultation;
        ConsultationItem {
            id: c.id.0,
            title: c.fields.title.clone(),
            org: v.org_name.clone(),
            kind: c.fields.kind.code().to_string(),
            starts_on: c.fields.starts_on.to_string(),
            ends_on: c.fields.ends_on.to_string(),
            stage: v.stage.code().to_string(),
            days_left: match v.stage {
                Stage::Open { days_left } => Some(days_left),
                _ => None,
            },
            short_reason: c.fields.short_reason.clone(),
            url: format!("/consultations/{}", c.id),
            final_document_url: c.final_document.map(|d| format!("/documents/{d}")),
            adoption: v.report.as_ref().map(adoption),
        }
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/consultations",
    tag = "participation",
    responses((status = 200, description = "Consultations that have started", body = ConsultationList))
)]
pub async fn list_consultations(
    State(state): State<AppState>,
) -> Result<Json<ConsultationList>, ApiError> {
    let consultations = consultations::public_list(&state.app)
        .await?
        .iter()
        .map(ConsultationItem::from)
        .collect();
    Ok(Json(ConsultationList { consultations }))
}
