//! `GET /api/v1/documents` and `GET /api/v1/documents/{id}`.

use crate::kit::api_error::{ApiError, ErrorBody};
use crate::kit::state::AppState;
use crate::library::search_params::FilterParams;
use axum::Json;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::routing::get;
use chrono::NaiveDate;
use gongkai_app::DocumentId;
use gongkai_app::documents;
use gongkai_app::model::{Document, Relation, Relations};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/documents", get(list_documents))
        .route("/api/v1/documents/{id}", get(get_document))
}

/// A document in listings.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentSummary {
    pub id: i64,
    pub title: String,
    /// 发文字号 as written ("" when none).
    pub doc_number: String,
    /// 索引号.
    pub index_number: String,
    /// 发布机构.
    pub issuer: String,
    /// 主题分类.
    pub topic: String,
    /// 体裁分类.
    pub genre: String,
    /// 有效性: valid, expired, repealed or amended.
    pub validity: String,
    /// 成文日期, YYYY-MM-DD.
    pub written_on: Option<NaiveDate>,
    /// 发布日期, YYYY-MM-DD.
    pub published_on: Option<NaiveDate>,
    /// The document's public page.
    pub url: String,
}

/// A page of documents.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentList {
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
    pub documents: Vec<DocumentSummary>,
}

/// A whole document.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentDetail {
    #[serde(flatten)]
    pub summary: DocumentSummary,
    /// The body as plain text.
    pub body_text: String,
    /// The body as sanitised HTML.
    pub body_html: String,
    /// Whether it is a 行政规范性文件.
    pub normative: bool,
    /// 解读形式 of an interpretation: text, graphic, video, press_conference, q_and_a.
    pub interpretation_form: Option<String>,
    /// The last validity change (立改废), if any.
    pub validity_change: Option<ValidityChangeView>,
    pub attachments: Vec<AttachmentView>,
    /// Relations with other public documents, from both ends.
    pub relations: Vec<RelationView>,
}

/// A validity change.
#[derive(Debug, Serialize, ToSchema)]
pub struct ValidityChangeView {
    /// YYYY-MM-DD.
    pub on: NaiveDate,
    pub reason: String,
    /// The public document that replaced this one.
    pub replaced_by: Option<i64>,
}

/// A downloadable attachment.
#[derive(Debug, Serialize, ToSchema)]
pub struct AttachmentView {
    pub id: i64,
    pub file_name: String,
    pub media_type: String,
    pub size_bytes: i64,
    /// SHA-256 of the content, lower-case hex.
    pub sha256: String,
    pub url: String,
}

/// A relation seen from this document.
#[derive(Debug, Serialize, ToSchema)]
pub struct RelationView {
    /// amends, repeals, interprets or based_on.
    pub kind: String,
    /// `outgoing`: this document amends/repeals/interprets/is based on the other;
    /// `incoming`: the other one does so to this document.
    pub direction: String,
    pub id: i64,
    pub title: String,
    pub url: String,
}

fn relation_views(relations: &Relations) -> Vec<RelationView> {
    let view = |r: &Relation, direction: &str| RelationView {
        kind: r.kind.code().to_string(),
        direction: direction.to_string(),
        id: r.other.id.0,
        title: r.other.title.clone(),
        url: format!("/documents/{}", r.other.id),
    };
    let outgoing = relations.outgoing.iter().map(|r| view(r, "outgoing"));
    let incoming = relations.incoming.iter().map(|r| view(r, "incoming"));
    outgoing.chain(incoming).collect()
}

impl From<Document> for DocumentSummary {
    fn from(d: Document) -> DocumentSummary {
        let f = d.fields;
        DocumentSummary {
            id: d.id.0,
            url: format!("/documents/{}", d.id),
            title: f.title,
            doc_number: f.doc_number,
            index_number: d.index_number,
            issuer: f.issuer_name,
            topic: f.topic,
            genre: f.genre,
            validity: f.validity.code().to_string(),
            written_on: f.written_on,
            published_on: f.published_on,
        }
    }
}

/// Paging of `GET /api/v1/documents`; the filters are [`FilterParams`].
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Page, from 1 (default 1).
    pub page: Option<i64>,
    /// Documents per page, 1–100 (default 20).
    pub per_page: Option<i64>,
}

/// Published documents, newest first, with filters and pages.
#[utoipa::path(
    get,
    path = "/api/v1/documents",
    params(FilterParams, ListParams),
    responses(
        (status = 200, description = "A page of documents", body = DocumentList),
        (status = 422, description = "A filter value is invalid", body = ErrorBody),
    ),
    tag = "documents"
)]
pub async fn list_documents(
    State(state): State<AppState>,
    Query(filters): Query<FilterParams>,
    Query(params): Query<ListParams>,
) -> Result<Json<DocumentList>, ApiError> {
    let page = params.page.unwrap_or(1).max(1);
    let per_page = params
        .per_page
        .unwrap_or(documents::PUBLIC_PAGE_SIZE)
        .clamp(1, documents::MAX_PAGE_SIZE);
    let filter = filters.filter()?;
    let (found, total) = documents::public_list(&state.app, &filter, page, per_page).await?;
    Ok(Json(DocumentList {
        total,
        page,
        per_page,
        documents: found.into_iter().map(DocumentSummary::from).collect(),
    }))
}

/// One published document.
#[utoipa::path(
    get,
    path = "/api/v1/documents/{id}",
    params(("id" = i64, Path, description = "Document id")),
    responses(
        (status = 200, description = "The document", body = DocumentDetail),
        (status = 404, description = "No such public document", body = ErrorBody),
    ),
    tag = "documents"
)]
pub async fn get_document(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Json<DocumentDetail>, ApiError> {
    let page = documents::public_document_page(&state.app, DocumentId(id)).await?;
    let document = page.document;
    let f = &document.fields;
    let attachments = page
        .attachments
        .into_iter()
        .map(|a| AttachmentView {
            url: format!("/documents/{id}/attachments/{}", a.id),
            id: a.id,
            file_name: a.file_name,
            media_type: a.media_type,
            size_bytes: a.size_bytes,
            sha256: a.sha256,
        })
        .collect();
    let replaced_by = page.replaced_by.map(|d| d.id.0);
    Ok(Json(DocumentDetail {
        body_text: f.body_text.clone(),
        body_html: f.body_html.clone(),
        normative: f.normative,
        interpretation_form: f.interpretation_form.map(|form| form.code().to_string()),
        validity_change: document
            .validity_change
            .as_ref()
            .map(|c| ValidityChangeView {
                on: c.on,
                reason: c.reason.clone(),
                replaced_by,
            }),
        attachments,
        relations: relation_views(&page.relations),
        summary: DocumentSummary::from(document),
    }))
}
