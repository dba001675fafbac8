//! The library's JSON API: `/api/v1/documents`, its complete export and `/api/v1/search`, with their part
//! of the OpenAPI document.

mod documents;
mod export;
mod search;

use crate::kit::state::AppState;
use axum::Router;
use utoipa::OpenApi;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(documents::router())
        .merge(export::router())
        .merge(search::router())
}

/// The library's paths and schemas of the OpenAPI document.
#[derive(OpenApi)]
#[openapi(
    paths(
        documents::list_documents,
        documents::get_document,
        export::export_jsonl,
        export::export_csv,
        search::search_documents
    ),
    components(schemas(
        documents::DocumentSummary,
        documents::DocumentList,
        documents::DocumentDetail,
        documents::ValidityChangeView,
        documents::AttachmentView,
        documents::RelationView,
        search::SearchResponse,
        search::SearchHit,
        search::SearchFacets,
        search::FacetValue
    ))
)]
pub struct ApiDoc;
