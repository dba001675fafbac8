//! The JSON API of participation: consultations (`consultations`), published messages
//! (`messages`) and the policy Q&A library (`qa`), with their part of the OpenAPI
//! document.

mod consultations;
mod messages;
mod qa;

use crate::kit::state::AppState;
use axum::Router;
use utoipa::OpenApi;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(consultations::router())
        .merge(messages::router())
        .merge(qa::router())
}

/// The participation part of the OpenAPI document.
pub fn api_doc() -> utoipa::openapi::OpenApi {
    let mut doc = consultations::ApiDoc::openapi();
    doc.merge(messages::ApiDoc::openapi());
    doc.merge(qa::ApiDoc::openapi());
    doc
}
