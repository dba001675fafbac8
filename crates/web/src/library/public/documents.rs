//! Public pages of the policy library (政策文件库): the list and the document page
//! with the metadata table of Chinese government portals.

use super::filter_form::FilterForm;
use crate::kit::error::{WebError, public_message};
use crate::kit::layout::Layout;
use crate::kit::pager::{Pager, page_count};
use crate::kit::render::{render, render_with_status};
use crate::kit::state::AppState;
use crate::kit::visitor::Visitor;
use crate::library::document_view::DocumentView;
use crate::library::search_params::{FilterParams, PageParam};
use crate::library::selection::Selection;
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, Response};
use axum::routing::get;
use gongkai_app::DocumentId;
use gongkai_app::documents::{self, PUBLIC_PAGE_SIZE, attachments};
use gongkai_app::model::{Attachment, Relation, Relations};
use gongkai_domain::relation::RelationKind;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/documents", get(list_documents))
        .route("/documents/{id}", get(show_document))
        .route(
            "/documents/{id}/attachments/{attachment}",
            get(download_attachment),
        )
}

#[derive(Template)]
#[template(path = "library/documents_list.html")]
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

/// A related document as the document page links it.
pub struct RelatedLink {
    pub label: &'static str,
    pub id: DocumentId,
    pub title: String,
    /// The form of an interpretation (文字, 图解…).
    pub form: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "library/document.html")]
struct DocumentPage {
    layout: Layout,
    document: DocumentView,
    attachments: Vec<Attachment>,
    /// Interpretations of this document (相关解读).
    interpretations: Vec<RelatedLink>,
    /// Every other relation, from both ends.
    related: Vec<RelatedLink>,
    /// The consultations (征求意见) the document came out of: id and title.
    consultations: Vec<(gongkai_app::ConsultationId, String)>,
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
        consultations: page.consultations,
    })
}

async fn download_attachment(
    State(state): State<AppState>,
    Path((id, attachment)): Path<(DocumentId, i64)>,
) -> Result<Response, WebError> {
    let download = attachments::public_download(&state.app, id, attachment).await?;
    Ok(crate::kit::download::download_response(download))
}
