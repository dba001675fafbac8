//! A consultation's console page: its facts and materials, its comments (with name
//! and contact) to dispose of one by one or as a group, the sheet of comments, and
//! the actions — the final document; for the office, extending, closing early and
//! publishing the 意见收集和采纳情况. A refused action shows the page again with the
//! reason; a done one comes back with a notice.

use crate::kit::download::{XLSX, file_response};
use crate::kit::error::{WebError, public_message, status_of};
use crate::kit::extract::DoneQuery;
use crate::kit::format::local_time;
use crate::kit::layout::Layout;
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use crate::participation::view::Shown;
use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Form, Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use gongkai_app::consultations::{self, AdoptionReport};
use gongkai_app::{ConsultationId, Error};
use gongkai_app::{documents, guard};
use gongkai_domain::consultation::Disposition;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/consultations/{id}", get(show_consultation))
        .route(
            "/console/consultations/{id}/dispose",
            post(dispose_comments),
        )
        .route(
            "/console/consultations/{id}/extend",
            post(extend_consultation),
        )
        .route(
            "/console/consultations/{id}/close",
            post(close_consultation),
        )
        .route(
            "/console/consultations/{id}/final",
            post(set_final_document),
        )
        .route("/console/consultations/{id}/publish", post(publish_report))
        .route(
            "/console/consultations/{id}/comments.xlsx",
            get(export_comments),
        )
}

/// A comment as the staff's table shows it.
pub struct CommentRow {
    pub id: i64,
    pub number: usize,
    pub submitted: String,
    pub name: String,
    pub contact: String,
    pub body: String,
    pub disposition: String,
    pub reason: String,
    /// The personal information in the text, masked, for staff not to quote it.
    pub personal: String,
    /// The number of the first comment of its group, if answered together.
    pub group: Option<usize>,
}

#[derive(Template)]
#[template(path = "participation/console_consultation.html")]
struct ConsultationPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<&'static str>,
    c: Shown,
    comments: Vec<CommentRow>,
    pending: usize,
    dispositions: Vec<(&'static str, &'static str)>,
    final_document: String,
}

/// What a finished action says on the page it returns to.
fn notice(done: &str) -> Option<&'static str> {
    Some(match done {
        "opened" => "已发布征求意见。",
        "disposed" => "已记录采纳情况。",
        "extended" => "已延长征求意见期限。",
        "closed" => "已提前结束征求意见。",
        "final" => "已关联正式文件。",
        "published" => "已公布意见收集和采纳情况。",
        _ => return None,
    })
}

async fn page(
    state: &AppState,
    staff: &Staff,
    id: ConsultationId,
    error: Option<String>,
    done: &str,
) -> Result<ConsultationPage, WebError> {
    let found = consultations::staff_page(&state.app, &staff.user, id).await?;
    let numbers: Vec<i64> = found.comments.iter().map(|c| c.id).collect();
    let guard = guard::guard_of(&state.app.settings, documents::today());
    let comments = found
        .comments
        .iter()
        .enumerate()
        .map(|(n, c)| CommentRow {
            id: c.id,
            number: n + 1,
            submitted: local_time(c.submitted_at),
            name: c.name.clone(),
            contact: c.contact.clone(),
            body: c.body.clone(),
            personal: guard::summary(&guard, &c.body),
            disposition: c
                .disposition
                .as_ref()
                .map_or("未处理", |(d, _)| d.label_zh())
                .to_string(),
            reason: c
                .disposition
                .as_ref()
                .map(|(_, r)| r.clone())
                .unwrap_or_default(),
            group: c
                .answer_group
                .and_then(|g| numbers.iter().position(|id| *id == g))
                .map(|i| i + 1),
        })
        .collect();
    let report = AdoptionReport::of(&found.comments, "");
    let c = Shown::from(&found.view);
    Ok(ConsultationPage {
        layout: Layout::for_staff(state, staff, &c.title).await?,
        error,
        notice: notice(done),
        final_document: found
            .view
            .consultation
            .final_document
            .map(|d| d.to_string())
            .unwrap_or_default(),
        c,
        comments,
        pending: report.pending,
        dispositions: Disposition::ALL
            .iter()
            .map(|d| (d.code(), d.label_zh()))
            .collect(),
    })
}

async fn show_consultation(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<ConsultationId>,
    Query(query): Query<DoneQuery>,
) -> Result<Html<String>, WebError> {
    render(&page(&state, &staff, id, None, &query.done).await?)
}

/// Back to the page: with a notice when `done` is Ok, with the refusal (and its
/// status) when not.
async fn outcome(
    state: &AppState,
    staff: &Staff,
    id: ConsultationId,
    done: Result<&str, Error>,
) -> Result<Response, WebError> {
    match done {
        Ok(notice) => {
            Ok(Redirect::to(&format!("/console/consultations/{id}?done={notice}")).into_response())
        }
        Err(e) if e.is_client_error() && !matches!(e, Error::Forbidden | Error::NotFound(_)) => {
            let shown = page(state, staff, id, Some(public_message(&e)), "").await?;
            Ok((status_of(&e), render(&shown)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// The dispose form: the ticked comments (`comment`, repeated), the disposition and
/// the reason.
fn dispose_form(body: &[u8]) -> Result<(Vec<i64>, String, String), Error> {
    let mut ids = Vec::new();
    let (mut disposition, mut reason) = (String::new(), String::new());
    for (key, value) in url::form_urlencoded::parse(body) {
        match key.as_ref() {
            "comment" => ids.push(
                value
                    .parse()
                    .map_err(|_| Error::invalid("意见", "无效的意见编号"))?,
            ),
            "disposition" => disposition = value.into_owned(),
            "reason" => reason = value.into_owned(),
            _ => {}
        }
    }
    Ok((ids, disposition, reason))
}

async fn dispose_comments(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<ConsultationId>,
    body: Bytes,
) -> Result<Response, WebError> {
    let done = match dispose_form(&body) {
        Ok((ids, disposition, reason)) => {
            consultations::dispose(&state.app, &staff.user, id, &ids, &disposition, &reason).await
        }
        Err(e) => Err(e),
    };
    outcome(&state, &staff, id, done.map(|_| "disposed")).await
}

#[derive(serde::Deserialize)]
struct ExtendForm {
    #[serde(default)]
    until: String,
    #[serde(default)]
    reason: String,
}

async fn extend_consultation(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<ConsultationId>,
    Form(form): Form<ExtendForm>,
) -> Result<Response, WebError> {
    let done = consultations::extend(&state.app, &staff.user, id, &form.until, &form.reason).await;
    outcome(&state, &staff, id, done.map(|()| "extended")).await
}

#[derive(serde::Deserialize)]
struct ReasonForm {
    #[serde(default)]
    reason: String,
}

async fn close_consultation(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<ConsultationId>,
    Form(form): Form<ReasonForm>,
) -> Result<Response, WebError> {
    let done = consultations::close_early(&state.app, &staff.user, id, &form.reason).await;
    outcome(&state, &staff, id, done.map(|()| "closed")).await
}

#[derive(serde::Deserialize)]
struct FinalForm {
    #[serde(default)]
    document: String,
}

async fn set_final_document(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<ConsultationId>,
    Form(form): Form<FinalForm>,
) -> Result<Response, WebError> {
    let done = consultations::set_final_document(&state.app, &staff.user, id, &form.document).await;
    outcome(&state, &staff, id, done.map(|()| "final")).await
}

#[derive(serde::Deserialize)]
struct PublishForm {
    #[serde(default)]
    summary: String,
}

async fn publish_report(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<ConsultationId>,
    Form(form): Form<PublishForm>,
) -> Result<Response, WebError> {
    let done = consultations::publish(&state.app, &staff.user, id, &form.summary).await;
    outcome(&state, &staff, id, done.map(|()| "published")).await
}

async fn export_comments(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<ConsultationId>,
) -> Result<Response, WebError> {
    let (name, bytes) = consultations::comments_sheet(&state.app, &staff.user, id).await?;
    Ok(file_response(&name, XLSX, bytes))
}
