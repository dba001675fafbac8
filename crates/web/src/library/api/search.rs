//! `GET /api/v1/search`: full-text search of the public library with facets.

use crate::kit::api_error::{ApiError, ErrorBody};
use crate::kit::state::AppState;
use crate::library::search_params::{FilterParams, SearchParams, search_query};
use axum::Json;
use axum::Router;
use axum::extract::{Query, State};
use axum::routing::get;
use chrono::NaiveDate;
use gongkai_app::search::{self, FacetCount};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

pub fn router() -> Router<AppState> {
    Router::new().route("/api/v1/search", get(search_documents))
}

/// Paging of `GET /api/v1/search`; the words and order are [`SearchParams`], the
/// filters [`FilterParams`].
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchPaging {
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
    params(SearchParams, FilterParams, SearchPaging),
    responses(
        (status = 200, description = "Hits and facet counts", body = SearchResponse),
        (status = 422, description = "A parameter is invalid", body = ErrorBody),
    ),
    tag = "documents"
)]
pub async fn search_documents(
    State(state): State<AppState>,
    Query(words): Query<SearchParams>,
    Query(filters): Query<FilterParams>,
    Query(paging): Query<SearchPaging>,
) -> Result<Json<SearchResponse>, ApiError> {
    let query = search_query(
        words.words(),
        &filters.filter()?,
        words.sort()?,
        paging.page.unwrap_or(1),
        paging.per_page.unwrap_or(20),
    );
    let results = search::search(&state.app, query).await?;
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
