//! The public pages of consultations: the list of open and closed ones, a
//! consultation's page with its materials, days left and the comment form (name and
//! contact as the office asks, never shown), the 意见收集和采纳情况 once published, and
//! the files of its materials.

use crate::kit::download::file_response;
use crate::kit::error::{WebError, public_message, status_of};
use crate::kit::extract::DoneQuery;
use crate::kit::layout::Layout;
use crate::kit::render::{render, render_with_status};
use crate::kit::state::AppState;
use crate::kit::visitor::Visitor;
use crate::participation::view::Shown;
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use gongkai_app::config::Ask;
use gongkai_app::consultations::{self, CommentInput};
use gongkai_app::{ConsultationId, Error};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/consultations", get(list_consultations))
        .route(
            "/consultations/{id}",
            get(show_consultation).post(submit_comment),
        )
        .route("/consultations/{id}/files/{file}", get(download_file))
}

#[derive(Template)]
#[template(path = "participation/consultations.html")]
struct ListPage {
    layout: Layout,
    open: Vec<Shown>,
    closed: Vec<Shown>,
}

async fn list_consultations(
    State(state): State<AppState>,
    visitor: Visitor,
) -> Result<Html<String>, WebError> {
    let (open, closed): (Vec<Shown>, Vec<Shown>) = consultations::public_list(&state.app)
        .await?
        .iter()
        .map(Shown::from)
        .partition(|s| s.is_open);
    render(&ListPage {
        layout: Layout::public(&state, &visitor, "征求意见"),
        open,
        closed,
    })
}

#[derive(Template)]
#[template(path = "participation/consultation.html")]
struct ConsultationPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<String>,
    c: Shown,
    input: CommentInput,
    ask_name: Ask,
    ask_contact: Ask,
    max_chars: u32,
}

impl ConsultationPage {
    fn asks(&self, ask: &Ask) -> bool {
        *ask != Ask::No
    }

    fn requires(&self, ask: &Ask) -> bool {
        *ask == Ask::Required
    }
}

async fn page(
    state: &AppState,
    visitor: &Visitor,
    id: ConsultationId,
    input: CommentInput,
    error: Option<String>,
    notice: Option<String>,
) -> Result<ConsultationPage, WebError> {
    let view = consultations::public_page(&state.app, id).await?;
    let c = Shown::from(&view);
    let p = &state.app.settings.participation;
    Ok(ConsultationPage {
        layout: Layout::public(state, visitor, &c.title),
        error,
        notice,
        c,
        input,
        ask_name: p.comment_name,
        ask_contact: p.comment_contact,
        max_chars: p.max_comment_chars,
    })
}

async fn show_consultation(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<ConsultationId>,
    Query(query): Query<DoneQuery>,
) -> Result<Html<String>, WebError> {
    let notice = (query.done == "commented").then(|| {
        "感谢您的意见！意见将在征求意见结束后统一研究，采纳情况将在本页公布。".to_string()
    });
    render(&page(&state, &visitor, id, CommentInput::default(), None, notice).await?)
}

async fn submit_comment(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<ConsultationId>,
    Form(input): Form<CommentInput>,
) -> Result<Response, WebError> {
    match consultations::comment(&state.app, id, &input).await {
        Ok(()) => Ok(Redirect::to(&format!("/consultations/{id}?done=commented")).into_response()),
        Err(e) if e.is_client_error() && !matches!(e, Error::NotFound(_)) => {
            let shown = page(&state, &visitor, id, input, Some(public_message(&e)), None).await?;
            render_with_status(status_of(&e), &shown)
        }
        Err(e) => Err(e.into()),
    }
}

async fn download_file(
    State(state): State<AppState>,
    Path((id, file)): Path<(ConsultationId, i64)>,
) -> Result<Response, WebError> {
    let (found, bytes) = consultations::public_file(&state.app, id, file).await?;
    Ok(file_response(
        &found.file.file_name,
        &found.file.media_type,
        bytes,
    ))
}
