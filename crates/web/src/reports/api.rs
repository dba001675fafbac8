//! `GET /api/v1/annual-reports` and `GET /api/v1/annual-reports/{org}/{year}`: the
//! annual reports published on the disclosure platform, the latter as the JSON frozen
//! at publication (field names in docs/annual-report.md).

use crate::kit::api_error::{ApiError, ErrorBody};
use crate::kit::state::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use gongkai_app::{OrgId, annual_report};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

/// The tag these paths have carried in the published document since utoipa named it
/// after the module they were listed from; kept so that the document does not change
/// (a proper tag with a description would be a change of the API).
const TAG: &str = "super::annual_reports";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/annual-reports", get(list_reports))
        .route("/api/v1/annual-reports/{org}/{year}", get(get_report))
}

/// The annual reports' paths and schemas of the OpenAPI document.
#[derive(OpenApi)]
#[openapi(
    paths(list_reports, get_report),
    components(schemas(PublishedItem, PublishedList))
)]
pub struct ApiDoc;

/// One published report.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublishedItem {
    pub org_id: i64,
    pub year: i32,
    pub title: String,
    /// RFC 3339.
    pub published_at: String,
    /// The report's JSON.
    pub url: String,
}

/// The published reports, newest year first.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublishedList {
    pub items: Vec<PublishedItem>,
}

#[utoipa::path(
    get,
    path = "/api/v1/annual-reports",
    tag = TAG,
    responses((status = 200, description = "Published annual reports", body = PublishedList))
)]
pub async fn list_reports(State(state): State<AppState>) -> Result<Json<PublishedList>, ApiError> {
    let items = annual_report::published_list(&state.app)
        .await?
        .into_iter()
        .map(|p| PublishedItem {
            url: format!("/api/v1/annual-reports/{}/{}", p.org_id, p.year),
            org_id: p.org_id.0,
            year: p.year,
            title: p.title,
            published_at: p.published_at.to_rfc3339(),
        })
        .collect();
    Ok(Json(PublishedList { items }))
}

#[utoipa::path(
    get,
    path = "/api/v1/annual-reports/{org}/{year}",
    tag = TAG,
    params(("org" = i64, Path, description = "The unit's id"), ("year" = i32, Path, description = "The year reported on")),
    responses(
        (status = 200, description = "The report as published (schema gongkai/annual-report/1, docs/annual-report.md)"),
        (status = 404, description = "Not published", body = ErrorBody)
    )
)]
pub async fn get_report(
    State(state): State<AppState>,
    Path((org, year)): Path<(OrgId, i32)>,
) -> Result<Response, ApiError> {
    let (_, json, _) = annual_report::published(&state.app, org, year).await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], json).into_response())
}
