//! `GET /prefs`: the reading preferences for older readers (适老化: font size, high
//! contrast), kept in cookies.

use crate::kit::state::AppState;
use crate::kit::visitor::{self, Prefs};
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

pub fn router() -> Router<AppState> {
    Router::new().route("/prefs", get(set_prefs))
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
