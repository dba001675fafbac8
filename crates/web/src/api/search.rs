//! `GET /api/v1/search`: full-text search of the public library with facets.

use super::ApiError;
use crate::AppState;
use axum::Json;
use axum::Router;
use axum::extract::{Query, State};
use axum::routing::get;
use chrono::NaiveDate;
use gongkai_app::search::{self, FacetCount, SearchQuery};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

pub fn router() -> Router<AppState> {
    Router::new().route("/api/v1/search", get(search_documents))
}

/// Search parameters.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Words, a phrase, a 发文字号 in any bracket form, or a 索引号; empty matches all.
    pub q: Option<String>,
    pub issuer: Option<String>,
    pub topic: Option<String>,
    pub genre: Option<String>,
    pub year: Option<i32>,
    /// valid, expired, repealed or amended.
    pub validity: Option<String>,
    /// `relevance` (default) or `date` (newest first).
    pub sort: Option<String>,
    pub page: Option<u32>,
    /// 1–100, default 20.
    pub per_page: Option<u32>,
}

/// One search hit. Field names are a contract.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchHit {
    pub id: i64,
    pub title: String,
    pub doc_number: String,
    pub index_number: String,
    pub issuer: String,
    pub published_on: Option<NaiveDate>,
    pub validity: String,
    /// HTML: escaped text with the matches in `<mark>`.
    pub snippet: String,
}

/// One facet value and the number of matching documents that have it.
#[derive(Debug, Serialize, ToSchema)]
pub struct FacetValue {
    pub value: String,
    pub count: u64,
}

/// Facet counts of the matching documents.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchFacets {
    pub issuer: Vec<FacetValue>,
    pub topic: Vec<FacetValue>,
    pub genre: Vec<FacetValue>,
    pub year: Vec<FacetValue>,
    pub validity: Vec<FacetValue>,
}

/// The search answer. Field names are a contract.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResponse {
    pub total: u64,
    pub hits: Vec<SearchHit>,
    pub facets: SearchFacets,
}

impl SearchParams {
    /// The query, by the rules the API shares with `gongkai bench search`.
    fn query(self) -> Result<SearchQuery, gongkai_app::Error> {
        search::SearchParams {
            q: self.q,
            issuer: self.issuer,
            topic: self.topic,
            genre: self.genre,
            year: self.year,
            validity: self.validity,
            sort: self.sort,
            page: self.page,
            per_page: self.per_page,
        }
        .into_query()
    }
}

fn facet(values: Vec<FacetCount>) -> Vec<FacetValue> {
    values
        .into_iter()
        .map(|f| FacetValue {
            value: f.value,
            count: f.count,
        })
        .collect()
}

/// Full-text search with filters, facets and pages.
#[utoipa::path(
    get,
    path = "/api/v1/search",
    params(SearchParams),
    responses(
        (status = 200, description = "Hits and facet counts", body = SearchResponse),
        (status = 422, description = "A parameter is invalid", body = super::ErrorBody),
    ),
    tag = "documents"
)]
pub async fn search_documents(
    State(state): State<AppState>,
    Query(params): Query<SearchParams>,
) -> Result<Json<SearchResponse>, ApiError> {
    let results = search::search(&state.app, params.query()?).await?;
    Ok(Json(SearchResponse {
        total: results.total,
        hits: results
            .hits
            .into_iter()
            .map(|h| SearchHit {
                id: h.id,
                title: h.title,
                doc_number: h.doc_number,
                index_number: h.index_number,
                issuer: h.issuer,
                published_on: h.published_on,
                validity: h.validity.code().to_string(),
                snippet: h.snippet,
            })
            .collect(),
        facets: SearchFacets {
            issuer: facet(results.facets.issuer),
            topic: facet(results.facets.topic),
            genre: facet(results.facets.genre),
            year: facet(results.facets.year),
            validity: facet(results.facets.validity),
        },
    }))
}
