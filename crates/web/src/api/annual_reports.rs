//! `GET /api/v1/annual-reports` and `GET /api/v1/annual-reports/{org}/{year}`: the
//! annual reports published on the disclosure platform, the latter as the JSON frozen
//! at publication (field names in docs/annual-report.md).

use super::ApiError;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use gongkai_app::{OrgId, annual_report};
use serde::Serialize;
use utoipa::ToSchema;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/annual-reports", get(list_reports))
        .route("/api/v1/annual-reports/{org}/{year}", get(get_report))
}

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
    params(("org" = i64, Path, description = "The unit's id"), ("year" = i32, Path, description = "The year reported on")),
    responses(
        (status = 200, description = "The report as published (schema gongkai/annual-report/1, docs/annual-report.md)"),
        (status = 404, description = "Not published", body = super::ErrorBody)
    )
)]
pub async fn get_report(
    State(state): State<AppState>,
    Path((org, year)): Path<(OrgId, i32)>,
) -> Result<Response, ApiError> {
    let (_, json, _) = annual_report::published(&state.app, org, year).await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], json).into_response())
}
