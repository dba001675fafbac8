//! What staff do to a document from its console page: review steps, validity
//! changes, relations, attachments; and the cleanup (清理) and interpretation pages.
//!
//! A refused action shows the document page again with the reason; a done one
//! redirects back to it with a notice.

use super::console::console_layout;
use super::console_documents::{ConsoleRow, document_page};
use super::render;
use crate::AppState;
use crate::error::{WebError, public_message, status_of};
use crate::layout::Layout;
use crate::visitor::Staff;
use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Form, Multipart, Path, Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use gongkai_app::documents::interpretations::{self, IssuerYear};
use gongkai_app::documents::{self, CleanupDecision, ValidityInput, attachments};
use gongkai_app::{DocumentId, Error};
use gongkai_domain::lifecycle::LifecycleStep;
use gongkai_domain::relation::RelationKind;
use gongkai_domain::validity::Validity;

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
        .route("/console/cleanup", get(show_cleanup).post(apply_cleanup))
        .route("/console/interpretations", get(show_interpretations))
}

/// Back to the document page: with a notice when `done` is Ok, with the refusal
/// (and its status) when not.
async fn outcome(
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
    let file = match super::multipart::read(&state, &mut multipart).await {
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

/// A document's attachment under the name it was uploaded with.
pub fn download_response(download: attachments::Download) -> Response {
    let attachment = download.attachment;
    file_response(
        &attachment.file_name,
        &attachment.media_type,
        download.bytes,
    )
}

/// A file sent for download under `name` (RFC 6266 with an RFC 5987 UTF-8 name and an
/// ASCII fallback for old clients).
pub fn file_response(name: &str, media_type: &str, bytes: Vec<u8>) -> Response {
    let encoded: String = url::form_urlencoded::byte_serialize(name.as_bytes())
        .collect::<String>()
        .replace('+', "%20");
    let fallback: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let disposition = format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}");
    (
        [
            (header::CONTENT_TYPE, media_type.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response()
}

async fn download_attachment(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, attachment)): Path<(DocumentId, i64)>,
) -> Result<Response, WebError> {
    let download = attachments::console_download(&state.app, &staff.user, id, attachment).await?;
    Ok(download_response(download))
}

#[derive(Template)]
#[template(path = "cleanup.html")]
struct CleanupPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<String>,
    days: u32,
    rows: Vec<(ConsoleRow, String, String)>,
    total: i64,
    validities: Vec<(&'static str, &'static str)>,
}

#[derive(serde::Deserialize)]
struct CleanupQuery {
    days: Option<u32>,
    done: Option<usize>,
}

/// Default horizon of the cleanup list, in days.
const CLEANUP_DAYS: u32 = 90;

async fn cleanup_page(
    state: &AppState,
    staff: &Staff,
    days: u32,
    error: Option<String>,
    done: Option<usize>,
) -> Result<CleanupPage, WebError> {
    let (found, total) = documents::cleanup_list(&state.app, &staff.user, days).await?;
    let rows = found
        .iter()
        .map(|d| {
            let expires = super::documents::date(d.fields.expires_on);
            let reviewed = super::documents::date(d.last_reviewed_on);
            (ConsoleRow::from(d), expires, reviewed)
        })
        .collect();
    Ok(CleanupPage {
        layout: console_layout(state, staff, "规范性文件清理").await?,
        error,
        notice: done.map(|n| format!("已处理 {n} 件文件。")),
        days,
        rows,
        total,
        validities: Validity::ALL
            .iter()
            .filter(|v| **v != Validity::Valid)
            .map(|v| (v.code(), v.label_zh()))
            .collect(),
    })
}

async fn show_cleanup(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<CleanupQuery>,
) -> Result<Html<String>, WebError> {
    let days = query.days.unwrap_or(CLEANUP_DAYS).min(3650);
    render(&cleanup_page(&state, &staff, days, None, query.done).await?)
}

/// The cleanup form: the ticked documents (`ids`, repeated), the decision
/// (`keep` or a validity code) and the shared date, reason and replacement.
fn cleanup_form(
    body: &[u8],
) -> Result<(Vec<DocumentId>, CleanupDecision, ValidityInput, u32), Error> {
    let mut ids = Vec::new();
    let mut decision = String::new();
    let mut input = ValidityInput::default();
    let mut days = CLEANUP_DAYS;
    for (key, value) in url::form_urlencoded::parse(body) {
        match key.as_ref() {
            "ids" => ids.push(DocumentId(
                value
                    .parse()
                    .map_err(|_| Error::invalid("文件", "无效的文件编号"))?,
            )),
            "decision" => decision = value.into_owned(),
            "on" => input.on = value.into_owned(),
            "reason" => input.reason = value.into_owned(),
            "replaced_by" => input.replaced_by = value.into_owned(),
            "days" => days = value.parse().unwrap_or(CLEANUP_DAYS),
            _ => {}
        }
    }
    let decision = match decision.as_str() {
        "keep" => CleanupDecision::Keep,
        code => CleanupDecision::Change(
            Validity::parse(code).map_err(|_| Error::invalid("处理方式", "请选择处理方式"))?,
        ),
    };
    Ok((ids, decision, input, days))
}

async fn apply_cleanup(
    State(state): State<AppState>,
    staff: Staff,
    body: Bytes,
) -> Result<Response, WebError> {
    let parsed = cleanup_form(&body);
    let days = parsed.as_ref().map_or(CLEANUP_DAYS, |p| p.3);
    let done = match parsed {
        Ok((ids, decision, input, _)) => {
            documents::cleanup_batch(&state.app, &staff.user, &ids, decision, &input).await
        }
        Err(e) => Err(e),
    };
    match done {
        Ok(n) => {
            Ok(Redirect::to(&format!("/console/cleanup?days={days}&done={n}")).into_response())
        }
        Err(e) if e.is_client_error() && !matches!(e, Error::Forbidden) => {
            let page = cleanup_page(&state, &staff, days, Some(public_message(&e)), None).await?;
            Ok((status_of(&e), render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "interpretations.html")]
struct InterpretationsPage {
    layout: Layout,
    groups: Vec<IssuerYear>,
    max_lag: i64,
}

async fn show_interpretations(
    State(state): State<AppState>,
    staff: Staff,
) -> Result<Html<String>, WebError> {
    render(&InterpretationsPage {
        layout: console_layout(&state, &staff, "政策解读统计").await?,
        groups: interpretations::interpretation_report(&state.app).await?,
        max_lag: gongkai_domain::interpretation::DEFAULT_MAX_INTERPRETATION_LAG,
    })
}
