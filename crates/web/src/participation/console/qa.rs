//! `/console/qa`: the policy Q&A library for staff — every entry with its basis
//! documents and whether it waits for review (待复核) because one was repealed or
//! amended since; the import of a sheet and the review, for the disclosure office.

use crate::kit::error::{WebError, public_message, status_of};
use crate::kit::extract::DoneQuery;
use crate::kit::layout::Layout;
use crate::kit::multipart;
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use askama::Template;
use axum::Router;
use axum::extract::{Multipart, Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use gongkai_app::Error;
use gongkai_app::qa::{self, EntryView};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/qa", get(list_entries))
        .route("/console/qa/import", post(import_sheet))
        .route("/console/qa/{id}/review", post(review_entry))
}

#[derive(Template)]
#[template(path = "participation/console_qa.html")]
struct ListPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<String>,
    entries: Vec<EntryView>,
    waiting: usize,
}

async fn page(
    state: &AppState,
    staff: &Staff,
    error: Option<String>,
    notice: Option<String>,
) -> Result<ListPage, WebError> {
    let entries = qa::entries(&state.app).await?;
    Ok(ListPage {
        layout: Layout::for_staff(state, staff, "政策咨询问答库").await?,
        error,
        notice,
        waiting: entries.iter().filter(|e| !e.is_current()).count(),
        entries,
    })
}

async fn list_entries(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<DoneQuery>,
) -> Result<Html<String>, WebError> {
    let notice = match query.done.as_str() {
        "reviewed" => Some("已复核。".to_string()),
        "" => None,
        summary => Some(format!("导入完成：{summary}")),
    };
    render(&page(&state, &staff, None, notice).await?)
}

/// The list again with the refusal, under its status.
async fn refused(state: &AppState, staff: &Staff, e: Error) -> Result<Response, WebError> {
    if !e.is_client_error() || matches!(e, Error::Forbidden | Error::NotFound(_)) {
        return Err(e.into());
    }
    let shown = page(state, staff, Some(public_message(&e)), None).await?;
    Ok((status_of(&e), render(&shown)?).into_response())
}

async fn import_sheet(
    State(state): State<AppState>,
    staff: Staff,
    mut form: Multipart,
) -> Result<Response, WebError> {
    let file = match multipart::read(&state, &mut form).await {
        Ok(Ok(form)) => form.file("file"),
        Ok(Err(e)) => return refused(&state, &staff, e).await,
        Err(too_large) => return Ok(too_large),
    };
    let Some(file) = file else {
        return refused(&state, &staff, Error::invalid("文件", "请选择要导入的表格")).await;
    };
    match qa::import_upload(&state.app, &staff.user, &file.file_name, &file.bytes).await {
        Ok(s) => {
            let summary = format!(
                "新增{}条，更新{}条，未变{}条",
                s.created, s.updated, s.unchanged
            );
            let query: String = url::form_urlencoded::byte_serialize(summary.as_bytes()).collect();
            Ok(Redirect::to(&format!("/console/qa?done={query}")).into_response())
        }
        Err(e) => refused(&state, &staff, e).await,
    }
}

async fn review_entry(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    match qa::mark_reviewed(&state.app, &staff.user, id).await {
        Ok(()) => Ok(Redirect::to("/console/qa?done=reviewed").into_response()),
        Err(e) => refused(&state, &staff, e).await,
    }
}
