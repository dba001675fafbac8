//! What staff do to a document from its console page: review steps, validity
//! changes, relations, attachments.
//!
//! A refused action shows the document page again with the reason; a done one
//! redirects back to it with a notice.

use super::document_page::document_page;
use crate::kit::download::download_response;
use crate::kit::error::{WebError, public_message, status_of};
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use axum::Router;
use axum::extract::{Form, Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use gongkai_app::documents::{self, ValidityInput, attachments};
use gongkai_app::{DocumentId, Error};
use gongkai_domain::lifecycle::LifecycleStep;
use gongkai_domain::relation::RelationKind;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/documents/{id}/step", post(step_document))
        .route("/console/documents/{id}/validity", post(change_validity))
        .route("/console/documents/{id}/relations", post(add_relation))
        .route(
            "/console/documents/{id}/relations/delete",
            post(remove_relation),
        )
        .route(
            "/console/documents/{id}/attachments",
            post(upload_attachment),
        )
        .route(
            "/console/documents/{id}/attachments/{attachment}",
            get(download_attachment),
        )
        .route(
            "/console/documents/{id}/attachments/{attachment}/delete",
            post(delete_attachment),
        )
}

/// Back to the document page: with a notice when `done` is Ok, with the refusal
/// (and its status) when not.
pub(super) async fn outcome(
    state: &AppState,
    staff: &Staff,
    id: DocumentId,
    done: Result<&str, Error>,
) -> Result<Response, WebError> {
    match done {
        Ok(notice) => {
            Ok(Redirect::to(&format!("/console/documents/{id}?done={notice}")).into_response())
        }
        Err(e) if e.is_client_error() && !matches!(e, Error::Forbidden | Error::NotFound(_)) => {
            let page = document_page(state, staff, id, Some(public_message(&e)), "").await?;
            Ok((status_of(&e), render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(serde::Deserialize)]
struct StepForm {
    step: String,
    #[serde(default)]
    note: String,
}

async fn step_document(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<DocumentId>,
    Form(form): Form<StepForm>,
) -> Result<Response, WebError> {
    let done = match LifecycleStep::from_code(&form.step) {
        Some(step) => documents::take_step(&state.app, &staff.user, id, step, &form.note)
            .await
            .map(|_| step.code()),
        None => Err(Error::invalid("操作", "无法识别的审核操作")),
    };
    outcome(&state, &staff, id, done).await
}

async fn change_validity(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<DocumentId>,
    Form(form): Form<ValidityInput>,
) -> Result<Response, WebError> {
    let done = documents::change_validity(&state.app, &staff.user, id, &form)
        .await
        .map(|_| "validity");
    outcome(&state, &staff, id, done).await
}

#[derive(serde::Deserialize)]
struct RelationForm {
    kind: String,
    /// The other document: id, 索引号 or 发文字号.
    target: String,
}

fn relation_kind(code: &str) -> Result<RelationKind, Error> {
    RelationKind::parse(code).map_err(|e| Error::invalid("关联类型", e.to_string()))
}

async fn add_relation(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<DocumentId>,
    Form(form): Form<RelationForm>,
) -> Result<Response, WebError> {
    let done = match relation_kind(&form.kind) {
        Ok(kind) => documents::relate(&state.app, &staff.user, id, &form.target, kind)
            .await
            .map(|()| "related"),
        Err(e) => Err(e),
    };
    outcome(&state, &staff, id, done).await
}

async fn remove_relation(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<DocumentId>,
    Form(form): Form<RelationForm>,
) -> Result<Response, WebError> {
    let target = form
        .target
        .trim()
        .parse()
        .map(DocumentId)
        .map_err(|_| Error::invalid("关联文件", "无效的文件编号"));
    let done = match (relation_kind(&form.kind), target) {
        (Ok(kind), Ok(target)) => documents::unrelate(&state.app, &staff.user, id, target, kind)
            .await
            .map(|()| "unrelated"),
        (Err(e), _) | (_, Err(e)) => Err(e),
    };
    outcome(&state, &staff, id, done).await
}

async fn upload_attachment(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<DocumentId>,
    mut multipart: Multipart,
) -> Result<Response, WebError> {
    let file = match crate::kit::multipart::read(&state, &mut multipart).await {
        Err(too_large) => return Ok(too_large),
        Ok(form) => form.and_then(|f| {
            f.file("file")
                .ok_or_else(|| Error::invalid("附件", "请选择要上传的文件"))
        }),
    };
    let done = match file {
        Ok(file) => attachments::attach(&state.app, &staff.user, id, &file.file_name, file.bytes)
            .await
            .map(|_| "attached"),
        Err(e) => Err(e),
    };
    outcome(&state, &staff, id, done).await
}

async fn delete_attachment(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, attachment)): Path<(DocumentId, i64)>,
) -> Result<Response, WebError> {
    let done = attachments::detach(&state.app, &staff.user, id, attachment)
        .await
        .map(|()| "detached");
    outcome(&state, &staff, id, done).await
}

async fn download_attachment(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, attachment)): Path<(DocumentId, i64)>,
) -> Result<Response, WebError> {
    let download = attachments::console_download(&state.app, &staff.user, id, attachment).await?;
    Ok(download_response(download))
}
