//! `GET /`: the portal's home page, with the newest documents of the library and the
//! directory of units with their public contacts (条例第二十条).

use super::directory::{UnitRow, unit_rows};
use crate::kit::error::WebError;
use crate::kit::layout::Layout;
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Visitor;
use crate::library::document_view::DocumentView;
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;

pub fn router() -> Router<AppState> {
    Router::new().route("/", get(show_home))
}

#[derive(Template)]
#[template(path = "library/home.html")]
struct HomePage {
    layout: Layout,
    latest: Vec<DocumentView>,
    units: Vec<UnitRow>,
}

/// Documents shown on the home page.
const LATEST_ON_HOME: usize = 5;

async fn show_home(
    State(state): State<AppState>,
    visitor: Visitor,
) -> Result<Html<String>, WebError> {
    let units = unit_rows(&state).await?;
    let (latest, _) = gongkai_app::documents::public_page(&state.app, 1).await?;
    render(&HomePage {
        layout: Layout::public(&state, &visitor, "首页"),
        latest: latest
            .into_iter()
            .take(LATEST_ON_HOME)
            .map(Into::into)
            .collect(),
        units,
    })
}
