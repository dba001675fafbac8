//! Public pages: the portal home and the reading preferences.

use super::render;
use crate::AppState;
use crate::error::WebError;
use crate::layout::Layout;
use crate::visitor::{self, Prefs, Visitor};
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use gongkai_app::model::Org;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(show_home))
        .route("/prefs", get(set_prefs))
}

/// A unit as the public directory shows it.
pub struct UnitRow {
    pub name: String,
    pub kind: &'static str,
    pub phone: String,
    pub address: String,
    pub depth: usize,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    layout: Layout,
    latest: Vec<super::documents::DocumentView>,
    units: Vec<UnitRow>,
}

/// Documents shown on the home page.
const LATEST_ON_HOME: usize = 5;

async fn show_home(
    State(state): State<AppState>,
    visitor: Visitor,
) -> Result<Html<String>, WebError> {
    let units = gongkai_app::orgs::public_directory(&state.app).await?;
    let units = tree_order(&units)
        .into_iter()
        .map(|(depth, org)| UnitRow {
            name: org.name.clone(),
            kind: org.kind.label_zh(),
            phone: org.contact_phone.clone(),
            address: org.contact_address.clone(),
            depth,
        })
        .collect();
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

/// Units in tree order (each parent followed by its children), with their depth.
pub fn tree_order(orgs: &[Org]) -> Vec<(usize, &Org)> {
    fn visit<'a>(
        orgs: &'a [Org],
        parent: Option<&Org>,
        depth: usize,
        out: &mut Vec<(usize, &'a Org)>,
    ) {
        for org in orgs.iter().filter(|o| o.parent_id == parent.map(|p| p.id)) {
            if out.iter().any(|(_, seen)| seen.id == org.id) {
                continue;
            }
            out.push((depth, org));
            visit(orgs, Some(org), depth + 1, out);
        }
    }
    let mut out = Vec::new();
    visit(orgs, None, 0, &mut out);
    out
}

#[derive(serde::Deserialize)]
struct PrefsQuery {
    font: Option<String>,
    contrast: Option<String>,
    back: Option<String>,
}

/// Stores a reading preference in a cookie and goes back to the page it came from.
async fn set_prefs(State(state): State<AppState>, Query(query): Query<PrefsQuery>) -> Response {
    let back = query
        .back
        .filter(|b| b.starts_with('/') && !b.starts_with("//"))
        .unwrap_or_else(|| "/".to_string());
    let mut response = Redirect::to(&back).into_response();
    if let Some(font) = query.font.filter(|f| Prefs::FONTS.contains(&f.as_str())) {
        visitor::add_cookie(
            &mut response,
            visitor::preference_cookie(&state, visitor::FONT, font),
        );
    }
    if let Some(contrast) = query.contrast.filter(|c| c == "high" || c == "normal") {
        visitor::add_cookie(
            &mut response,
            visitor::preference_cookie(&state, visitor::CONTRAST, contrast),
        );
    }
    response
}
