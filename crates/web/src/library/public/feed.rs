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
    let scheme = if state.app.settings.server.secure_cookies {
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
    let rfc3339 = |d: &Document| {
        d.published_at
            .unwrap_or(d.updated_at)
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    };
    let updated =
        found.iter().map(rfc3339).max().unwrap_or_else(|| {
            chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        });
    let entries = found
        .iter()
        .map(|d| FeedEntry {
            id: d.id,
            title: d.fields.title.clone(),
            updated: rfc3339(d),
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
