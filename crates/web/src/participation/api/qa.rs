//! `GET /api/v1/qa` (the entries the public may read) and `GET /api/v1/qa/match?q=`
//! (the entries that answer a question best: the same matches, in the same shape, as
//! `gongkai qa match --format json`). Field names are a contract.

use crate::kit::api_error::{ApiError, ErrorBody};
use crate::kit::state::AppState;
use axum::extract::{Query, State};
use axum::routing::get;
use axum::{Json, Router};
use gongkai_app::qa;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

/// The most matches asked for.
const MAX_TOP: usize = 10;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/qa", get(list_entries))
        .route("/api/v1/qa/match", get(match_entries))
}

/// The Q&A paths and schemas of the OpenAPI document.
#[derive(OpenApi)]
#[openapi(
    paths(list_entries, match_entries),
    components(schemas(QaEntryItem, QaEntryList, QaMatchItem, QaMatchList))
)]
pub struct ApiDoc;

/// An entry of the policy Q&A library.
#[derive(Debug, Serialize, ToSchema)]
pub struct QaEntryItem {
    /// The entry's code (编号).
    pub code: String,
    pub question: String,
    pub answer: String,
    pub topic: String,
    /// The basis as written (政策依据).
    pub basis: String,
    /// The library documents the basis names, as their public pages.
    pub documents: Vec<String>,
}

/// The entries the public may read, by code (those waiting for review are left out).
#[derive(Debug, Serialize, ToSchema)]
pub struct QaEntryList {
    pub entries: Vec<QaEntryItem>,
}

/// A matched entry.
#[derive(Debug, Serialize, ToSchema)]
pub struct QaMatchItem {
    pub code: String,
    pub question: String,
    pub topic: String,
    /// In (0, 1], two decimals.
    pub score: f64,
}

/// The matches, best first; empty when nothing answers the question well.
#[derive(Debug, Serialize, ToSchema)]
pub struct QaMatchList {
    pub matches: Vec<QaMatchItem>,
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct MatchParams {
    /// The question, in the asker's own words.
    pub q: String,
    /// How many matches at most, 1–10 (default 3).
    pub top: Option<usize>,
}

#[utoipa::path(
    get,
    path = "/api/v1/qa",
    tag = "participation",
    responses((status = 200, description = "The entries", body = QaEntryList))
)]
pub async fn list_entries(State(state): State<AppState>) -> Result<Json<QaEntryList>, ApiError> {
    let entries = qa::public_entries(&state.app)
        .await?
        .into_iter()
        .map(|v| QaEntryItem {
            documents: v
                .documents
                .iter()
                .map(|(id, _, _)| format!("/documents/{id}"))
                .collect(),
            code: v.entry.fields.code,
            question: v.entry.fields.question,
            answer: v.entry.fields.answer,
            topic: v.entry.fields.topic,
            basis: v.entry.fields.basis,
        })
        .collect();
    Ok(Json(QaEntryList { entries }))
}

#[utoipa::path(
    get,
    path = "/api/v1/qa/match",
    tag = "participation",
    params(MatchParams),
    responses(
        (status = 200, description = "The matches, best first", body = QaMatchList),
        (status = 422, description = "No question", body = ErrorBody)
    )
)]
pub async fn match_entries(
    State(state): State<AppState>,
    Query(params): Query<MatchParams>,
) -> Result<Json<QaMatchList>, ApiError> {
    let top = params.top.unwrap_or(3).clamp(1, MAX_TOP);
    let matches = qa::match_question(&state.app, &params.q, top)
        .await?
        .into_iter()
        .map(|m| QaMatchItem {
            score: (f64::from(m.score) * 100.0).round() / 100.0,
            code: m.code,
            question: m.question,
            topic: m.topic,
        })
        .collect();
    Ok(Json(QaMatchList { matches }))
}
