//! 法定主动公开内容 (条例第二十条、第二十一条): the list of its columns with how many
//! documents each holds, each column's documents page by page, and the 机构职能 page
//! (the office's text, else the directory of units). A column without documents says
//! who provides its information and who publishes it.

use super::directory::{UnitRow, unit_rows};
use crate::kit::error::WebError;
use crate::kit::layout::Layout;
use crate::kit::pager::{Pager, page_count};
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Visitor;
use crate::library::document_view::DocumentView;
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Html;
use axum::routing::get;
use gongkai_app::documents::{PUBLIC_PAGE_SIZE, columns};
use gongkai_app::platform::pages::{self, PageKind};
use gongkai_domain::platform::statutory::{Scope, StatutoryColumn};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/xxgk/statutory", get(show_statutory))
        .route("/xxgk/statutory/{code}", get(show_column))
        .route("/xxgk/organization", get(show_organization))
}

#[derive(Template)]
#[template(path = "library/platform_statutory.html")]
struct StatutoryPage {
    layout: Layout,
    /// Art. 20's items, then the local Art. 21 items, each with its count.
    national: Vec<(StatutoryColumn, i64)>,
    local: Vec<(StatutoryColumn, i64)>,
}

async fn show_statutory(
    State(state): State<AppState>,
    visitor: Visitor,
) -> Result<Html<String>, WebError> {
    let (national, local) = columns::public_counts(&state.app)
        .await?
        .into_iter()
        .partition(|(c, _)| c.scope == Scope::Everyone);
    render(&StatutoryPage {
        layout: Layout::public(&state, &visitor, "法定主动公开内容"),
        national,
        local,
    })
}

#[derive(Template)]
#[template(path = "library/platform_column.html")]
struct ColumnPage {
    layout: Layout,
    column: StatutoryColumn,
    documents: Vec<DocumentView>,
    total: i64,
    pager: Pager,
    /// Who publishes the platform (the disclosure office), for an empty column.
    office: String,
}

#[derive(serde::Deserialize)]
struct PageQuery {
    page: Option<String>,
}

async fn show_column(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(code): Path<String>,
    Query(query): Query<PageQuery>,
) -> Result<Html<String>, WebError> {
    // An unreadable page number is the first page, as in the library's list.
    let page = query
        .page
        .and_then(|p| p.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .max(1);
    let number = i64::try_from(page).unwrap_or(1);
    let (column, found, total) =
        columns::public_in_column(&state.app, &code, number, PUBLIC_PAGE_SIZE).await?;
    let pages = page_count(
        u64::try_from(total).unwrap_or_default(),
        u64::try_from(PUBLIC_PAGE_SIZE).unwrap_or(20),
    );
    render(&ColumnPage {
        layout: Layout::public(&state, &visitor, column.name),
        pager: Pager::new(page, pages, |n| format!("/xxgk/statutory/{code}?page={n}")),
        documents: found.into_iter().map(DocumentView::from).collect(),
        total,
        office: state.app.settings.office.name_or_description(),
        column,
    })
}

#[derive(Template)]
#[template(path = "library/platform_organization.html")]
struct OrganizationPage {
    layout: Layout,
    /// The office's own text, when it has written one.
    body_html: Option<String>,
    units: Vec<UnitRow>,
}

async fn show_organization(
    State(state): State<AppState>,
    visitor: Visitor,
) -> Result<Html<String>, WebError> {
    let written = pages::page(&state.app, PageKind::Organization).await?;
    render(&OrganizationPage {
        layout: Layout::public(&state, &visitor, PageKind::Organization.label_zh()),
        body_html: written.map(|p| p.body_html),
        units: unit_rows(&state).await?,
    })
}
