//! Public pages of the policy library (政策文件库): the list and the document page
//! with the metadata table of Chinese government portals.

use super::documents_filter::FilterForm;
use super::{render, render_with_status};
use crate::AppState;
use crate::error::{WebError, public_message};
use crate::layout::Layout;
use crate::pager::{Pager, page_count};
use crate::search_params::{FilterParams, PageParam};
use crate::selection::Selection;
use crate::visitor::Visitor;
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use chrono::NaiveDate;
use gongkai_app::DocumentId;
use gongkai_app::documents::{self, PUBLIC_PAGE_SIZE};
use gongkai_app::model::Document;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/documents", get(list_documents))
        .route("/documents/feed.atom", get(documents_feed))
        .route("/documents/{id}", get(show_document))
}

/// A document as the public pages show it.
pub struct DocumentView {
    pub id: DocumentId,
    pub title: String,
    pub index_number: String,
    pub doc_number: String,
    pub topic: String,
    pub genre: String,
    pub issuer: String,
    pub validity: &'static str,
    pub stamp: Option<&'static str>,
    pub written_on: String,
    pub published_on: String,
    /// Sanitised when stored: every imported text is escaped into paragraphs.
    pub body_html: String,
}

pub fn date(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "—".to_string(), |d| d.format("%Y-%m-%d").to_string())
}

pub fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".to_string()
    } else {
        s.to_string()
    }
}

impl From<Document> for DocumentView {
    fn from(d: Document) -> DocumentView {
        let f = d.fields;
        DocumentView {
            id: d.id,
            index_number: d.index_number,
            doc_number: or_dash(&f.doc_number),
            topic: or_dash(&f.topic),
            genre: or_dash(&f.genre),
            issuer: or_dash(&f.issuer_name),
            validity: f.validity.label_zh(),
            stamp: f.validity.stamp_zh(),
            written_on: date(f.written_on),
            published_on: date(f.published_on),
            body_html: f.body_html,
            title: f.title,
        }
    }
}

#[derive(Template)]
#[template(path = "documents_list.html")]
struct ListPage {
    layout: Layout,
    form: FilterForm,
    error: Option<String>,
    documents: Vec<DocumentView>,
    total: i64,
    pager: Pager,
}

async fn list_documents(
    State(state): State<AppState>,
    visitor: Visitor,
    Query(filters): Query<FilterParams>,
    Query(page): Query<PageParam>,
) -> Result<Response, WebError> {
    let mut list = ListPage {
        layout: Layout::public(&state, &visitor, "政策文件"),
        form: FilterForm::new(&state, &filters).await,
        error: None,
        documents: Vec::new(),
        total: 0,
        pager: Pager::new(1, 1, |_| String::new()),
    };
    let selection = match filters.filter() {
        Ok(filter) => Selection::of_filter(filter, page.number()),
        Err(e) if e.is_client_error() => {
            list.error = Some(public_message(&e));
            return render_with_status(StatusCode::BAD_REQUEST, &list);
        }
        Err(e) => return Err(e.into()),
    };
    let (found, total) = documents::public_list(
        &state.app,
        &selection.filter,
        i64::from(selection.page),
        PUBLIC_PAGE_SIZE,
    )
    .await?;
    let pages = page_count(u64::try_from(total).unwrap_or(0), PUBLIC_PAGE_SIZE as u64);
    list.pager = Pager::new(u64::from(selection.page), pages, |n| {
        selection
            .at_page(u32::try_from(n).unwrap_or(u32::MAX))
            .href("/documents")
    });
    list.documents = found.into_iter().map(DocumentView::from).collect();
    list.total = total;
    render_with_status(StatusCode::OK, &list)
}

#[derive(Template)]
#[template(path = "document.html")]
struct DocumentPage {
    layout: Layout,
    document: DocumentView,
}

async fn show_document(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<i64>,
) -> Result<Html<String>, WebError> {
    let document = documents::public_document(&state.app, DocumentId(id)).await?;
    let document = DocumentView::from(document);
    render(&DocumentPage {
        layout: Layout::public(&state, &visitor, &document.title),
        document,
    })
}

/// One entry of the Atom feed.
pub struct FeedEntry {
    pub id: DocumentId,
    pub title: String,
    pub updated: String,
    pub summary: String,
}

#[derive(Template)]
#[template(path = "feed.xml")]
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
