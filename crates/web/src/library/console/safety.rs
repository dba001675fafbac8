//! Publication safety actions from a document's console page: the 保密审查 a reviewer
//! records, and masking or dismissing a personal-information finding.

use super::actions::outcome;
use crate::kit::error::WebError;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use axum::Router;
use axum::extract::{Form, Path, State};
use axum::response::Response;
use axum::routing::post;
use gongkai_app::documents::pii;
use gongkai_app::documents::secrecy::{self, ReviewInput};
use gongkai_app::{DocumentId, Error};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/documents/{id}/secrecy", post(record_review))
        .route(
            "/console/documents/{id}/findings/{finding}/mask",
            post(mask_finding),
        )
        .route(
            "/console/documents/{id}/findings/{finding}/dismiss",
            post(dismiss_finding),
        )
}

async fn record_review(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<DocumentId>,
    Form(form): Form<ReviewInput>,
) -> Result<Response, WebError> {
    let done = secrecy::record_review(&state.app, &staff.user, id, &form)
        .await
        .map(|_| "secrecy");
    outcome(&state, &staff, id, done).await
}

async fn mask_finding(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, finding)): Path<(DocumentId, i64)>,
) -> Result<Response, WebError> {
    let done = pii::mask(&state.app, &staff.user, id, finding)
        .await
        .map(|()| "masked");
    outcome(&state, &staff, id, done).await
}

#[derive(serde::Deserialize)]
struct DismissForm {
    #[serde(default)]
    reason: String,
}

async fn dismiss_finding(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, finding)): Path<(DocumentId, i64)>,
    Form(form): Form<DismissForm>,
) -> Result<Response, WebError> {
    let done: Result<&str, Error> =
        pii::dismiss(&state.app, &staff.user, id, finding, &form.reason)
            .await
            .map(|()| "dismissed");
    outcome(&state, &staff, id, done).await
}
