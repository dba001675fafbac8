//! The columns of 法定主动公开内容 from the console: a document's columns set on its
//! page, and the worklist of published documents whose suggested columns wait for
//! confirmation.

use super::actions::outcome;
use crate::kit::error::WebError;
use crate::kit::extract::DoneQuery;
use crate::kit::layout::Layout;
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use crate::library::document_view::DocumentView;
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use gongkai_app::DocumentId;
use gongkai_app::documents::columns;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/documents/{id}/columns", post(set_columns))
        .route("/console/columns", get(list_awaiting))
        .route("/console/columns/{id}/confirm", post(confirm_suggested))
}

/// The ticked `column` boxes of the document page's form.
async fn set_columns(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<DocumentId>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let codes: Vec<String> = fields
        .into_iter()
        .filter(|(name, _)| name == "column")
        .map(|(_, value)| value)
        .collect();
    let done = columns::confirm(&state.app, &staff.user, id, &codes)
        .await
        .map(|()| "columns");
    outcome(&state, &staff, id, done).await
}

/// A document waiting for its columns to be confirmed.
struct AwaitingRow {
    document: DocumentView,
    /// The suggested columns' names.
    suggested: Vec<&'static str>,
}

#[derive(Template)]
#[template(path = "library/console_columns.html")]
struct AwaitingPage {
    layout: Layout,
    notice: bool,
    rows: Vec<AwaitingRow>,
}

async fn list_awaiting(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<DoneQuery>,
) -> Result<Html<String>, WebError> {
    let catalogue = columns::statutory_columns(&state.app)?;
    let name_of = |code: &str| {
        catalogue
            .iter()
            .find(|c| c.code == code)
            .map(|c| c.name)
            .unwrap_or("（已停用的栏目）")
    };
    let rows = columns::awaiting(&state.app, &staff.user)
        .await?
        .into_iter()
        .map(|(document, codes)| AwaitingRow {
            suggested: codes.iter().map(|c| name_of(c)).collect(),
            document: DocumentView::from(document),
        })
        .collect();
    render(&AwaitingPage {
        layout: Layout::for_staff(&state, &staff, "待确认栏目").await?,
        notice: query.done == "confirmed",
        rows,
    })
}

async fn confirm_suggested(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<DocumentId>,
) -> Result<Response, WebError> {
    columns::confirm_suggested(&state.app, &staff.user, id).await?;
    Ok(Redirect::to("/console/columns?done=confirmed").into_response())
}
