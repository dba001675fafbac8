//! The pages of the disclosure platform the office writes (政府信息公开指南, 政府信息公开
//! 制度, 机构职能): the list with when each was last saved, and the editor of one.

use crate::kit::error::{WebError, public_message, status_of};
use crate::kit::extract::DoneQuery;
use crate::kit::format::local_time;
use crate::kit::layout::Layout;
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use gongkai_app::access::require_office;
use gongkai_app::platform::pages::{self, PageKind};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/platform-pages", get(list_pages))
        .route(
            "/console/platform-pages/{code}",
            get(edit_page).post(save_page),
        )
}

/// The public address of each page.
fn public_path(kind: PageKind) -> &'static str {
    match kind {
        PageKind::Guide => "/xxgk/guide",
        PageKind::Rules => "/xxgk/rules",
        PageKind::Organization => "/xxgk/organization",
    }
}

struct PageRow {
    kind: PageKind,
    public: &'static str,
    /// When and by whom it was last saved; `None`: the portal shows its own text.
    saved: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "library/console_platform_pages.html")]
struct ListPage {
    layout: Layout,
    rows: Vec<PageRow>,
}

async fn list_pages(State(state): State<AppState>, staff: Staff) -> Result<Html<String>, WebError> {
    require_office(&staff.user)?;
    let mut rows = Vec::new();
    for kind in PageKind::ALL {
        let saved = pages::page(&state.app, kind).await?;
        rows.push(PageRow {
            kind,
            public: public_path(kind),
            saved: saved.map(|p| (local_time(p.updated_at), p.updated_by)),
        });
    }
    render(&ListPage {
        layout: Layout::for_staff(&state, &staff, "公开指南、制度与机构职能").await?,
        rows,
    })
}

#[derive(Template)]
#[template(path = "library/console_platform_page.html")]
struct EditPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<&'static str>,
    kind: PageKind,
    public: &'static str,
    body_html: String,
}

async fn edit_page(
    State(state): State<AppState>,
    staff: Staff,
    Path(code): Path<String>,
    Query(query): Query<DoneQuery>,
) -> Result<Html<String>, WebError> {
    require_office(&staff.user)?;
    let kind = PageKind::from_code(&code)?;
    let saved = pages::page(&state.app, kind).await?;
    render(&EditPage {
        layout: Layout::for_staff(&state, &staff, kind.label_zh()).await?,
        error: None,
        notice: (query.done == "saved").then_some("已保存，公开页面已更新。"),
        kind,
        public: public_path(kind),
        body_html: saved.map(|p| p.body_html).unwrap_or_default(),
    })
}

#[derive(serde::Deserialize)]
struct PageForm {
    #[serde(default)]
    body_html: String,
}

async fn save_page(
    State(state): State<AppState>,
    staff: Staff,
    Path(code): Path<String>,
    Form(form): Form<PageForm>,
) -> Result<Response, WebError> {
    let kind = PageKind::from_code(&code)?;
    match pages::save_page(&state.app, &staff.user, kind, &form.body_html).await {
        Ok(()) => {
            Ok(Redirect::to(&format!("/console/platform-pages/{code}?done=saved")).into_response())
        }
        Err(e) if e.is_client_error() && !matches!(e, gongkai_app::Error::Forbidden) => {
            let page = EditPage {
                layout: Layout::for_staff(&state, &staff, kind.label_zh()).await?,
                error: Some(public_message(&e)),
                notice: None,
                kind,
                public: public_path(kind),
                body_html: form.body_html,
            };
            Ok((status_of(&e), render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
