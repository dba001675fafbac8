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
use gongkai_app::documents::{self, PUBLIC_PAGE_SIZE, attachments};
use gongkai_app::model::{Attachment, Document, Relation, Relations};
use gongkai_domain::relation::RelationKind;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/documents", get(list_documents))
        .route("/documents/feed.atom", get(documents_feed))
        .route("/documents/{id}", get(show_document))
        .route(
            "/documents/{id}/attachments/{attachment}",
            get(download_attachment),
        )
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
    /// 施行日期 and 有效期至, when either is recorded.
    pub validity_period: Option<(String, String)>,
    /// Sanitised when stored: imported text is escaped into paragraphs, HTML from
    /// the console is cleaned (`gongkai_app::documents::sanitize_html`).
    pub body_html: String,
    pub validity_change: Option<ChangeView>,
}

/// A recorded validity change as a stamp line shows it.
pub struct ChangeView {
    /// E.g. "2025-04-01 废止：被《…》废止".
    pub summary: String,
    /// The document that replaced this one, when the reader may follow the link.
    pub replaced_by: Option<(DocumentId, String)>,
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
            validity_period: (f.effective_on.is_some() || f.expires_on.is_some())
                .then(|| (date(f.effective_on), date(f.expires_on))),
            body_html: f.body_html,
            title: f.title,
            validity_change: d.validity_change.map(|c| ChangeView {
                summary: format!(
                    "{} {}：{}",
                    c.on.format("%Y-%m-%d"),
                    f.validity.label_zh(),
                    c.reason
                ),
                replaced_by: None,
            }),
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

impl DocumentView {
    /// Names the document that replaced this one (when the reader may open it).
    pub fn replaced_by(mut self, other: Option<&Document>) -> DocumentView {
        if let (Some(change), Some(other)) = (self.validity_change.as_mut(), other) {
            change.replaced_by = Some((other.id, other.fields.title.clone()));
        }
        self
    }
}

/// A related document as the document page links it.
pub struct RelatedLink {
    pub label: &'static str,
    pub id: DocumentId,
    pub title: String,
    /// The form of an interpretation (文字, 图解…).
    pub form: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "document.html")]
struct DocumentPage {
    layout: Layout,
    document: DocumentView,
    attachments: Vec<Attachment>,
    /// Interpretations of this document (相关解读).
    interpretations: Vec<RelatedLink>,
    /// Every other relation, from both ends.
    related: Vec<RelatedLink>,
}

fn related_links(relations: &Relations) -> (Vec<RelatedLink>, Vec<RelatedLink>) {
    let link = |r: &Relation, label: &'static str| RelatedLink {
        label,
        id: r.other.id,
        title: r.other.title.clone(),
        form: r.other.interpretation_form.map(|f| f.label_zh()),
    };
    let (interpretations, incoming): (Vec<&Relation>, Vec<&Relation>) = relations
        .incoming
        .iter()
        .partition(|r| r.kind == RelationKind::Interprets);
    let outgoing = relations.outgoing.iter().map(|r| {
        let label = if r.kind == RelationKind::Interprets {
            "解读对象"
        } else {
            r.kind.label_zh()
        };
        link(r, label)
    });
    let related = outgoing
        .chain(
            incoming
                .into_iter()
                .map(|r| link(r, r.kind.inverse_label_zh())),
        )
        .collect();
    let interpretations = interpretations
        .into_iter()
        .map(|r| link(r, r.kind.inverse_label_zh()))
        .collect();
    (interpretations, related)
}

async fn show_document(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<i64>,
) -> Result<Html<String>, WebError> {
    let page = documents::public_document_page(&state.app, DocumentId(id)).await?;
    let document = DocumentView::from(page.document).replaced_by(page.replaced_by.as_ref());
    let (interpretations, related) = related_links(&page.relations);
    render(&DocumentPage {
        layout: Layout::public(&state, &visitor, &document.title),
        document,
        attachments: page.attachments,
        interpretations,
        related,
    })
}

async fn download_attachment(
    State(state): State<AppState>,
    Path((id, attachment)): Path<(DocumentId, i64)>,
) -> Result<Response, WebError> {
    let download = attachments::public_download(&state.app, id, attachment).await?;
    Ok(super::document_actions::download_response(download))
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
