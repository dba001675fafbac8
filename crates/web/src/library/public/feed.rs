//! `GET /documents/feed.atom`: the Atom feed of the newest publications.

use crate::kit::error::WebError;
use crate::kit::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use gongkai_app::DocumentId;
use gongkai_app::documents;
use gongkai_app::documents::export::rfc3339;
use gongkai_app::model::Document;

pub fn router() -> Router<AppState> {
    Router::new().route("/documents/feed.atom", get(documents_feed))
}

/// One entry of the Atom feed.
pub struct FeedEntry {
    pub id: DocumentId,
    pub title: String,
    pub updated: String,
    pub summary: String,
}

#[derive(Template)]
#[template(path = "library/feed.xml")]
struct Feed {
    agency: String,
    base: String,
    updated: String,
    entries: Vec<FeedEntry>,
}

/// The site's address as the client reached it (feed links must be absolute).
fn site_base(state: &AppState, headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .unwrap_or("localhost");
    let scheme = if state.app.settings.server.cookies_secure() {
        "https"
    } else {
        "http"
    };
    format!("{scheme}://{host}")
}

/// The Atom feed of the newest publications.
async fn documents_feed(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let (found, _) = documents::public_page(&state.app, 1).await?;
    // An entry is updated when the public saw it change, not when its record did.
    let entry_time = |d: &Document| rfc3339(documents::last_public_change(d));
    let updated = found
        .iter()
        .map(entry_time)
        .max()
        .unwrap_or_else(|| rfc3339(chrono::Utc::now()));
    let entries = found
        .iter()
        .map(|d| FeedEntry {
            id: d.id,
            title: d.fields.title.clone(),
            updated: entry_time(d),
            summary: [d.fields.doc_number.as_str(), d.fields.issuer_name.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · "),
        })
        .collect();
    let feed = Feed {
        agency: state.app.settings.agency.name.clone(),
        base: site_base(&state, &headers),
        updated,
        entries,
    };
    let body = feed.render()?;
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        body,
    )
        .into_response())
}
