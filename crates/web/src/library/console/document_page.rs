//! A document's console page: its review steps, relations, attachments, columns,
//! validity and history, with the notice of a finished action or the reason of a refused one.

use super::safety_view::{SafetyView, disclosure_text, safety_view};
use crate::kit::error::WebError;
use crate::kit::extract::DoneQuery;
use crate::kit::format::local_time;
use crate::kit::layout::Layout;
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use crate::library::document_view::DocumentView;
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Html;
use axum::routing::get;
use gongkai_app::documents::columns::{self, ColumnChoice};
use gongkai_app::documents::{self, Allowed, attachments};
use gongkai_app::model::{Attachment, Relation};
use gongkai_app::{DocumentId, Error};
use gongkai_domain::relation::RelationKind;
use gongkai_domain::validity::Validity;

pub fn router() -> Router<AppState> {
    Router::new().route("/console/documents/{id}", get(show_document))
}

/// A relation as the console lists it.
pub struct RelationRow {
    pub kind: &'static str,
    pub label: &'static str,
    pub other_id: DocumentId,
    pub other_title: String,
    pub other_status: &'static str,
}

fn relation_rows(relations: &[Relation], outgoing: bool) -> Vec<RelationRow> {
    relations
        .iter()
        .map(|r| RelationRow {
            kind: r.kind.code(),
            label: if outgoing {
                r.kind.label_zh()
            } else {
                r.kind.inverse_label_zh()
            },
            other_id: r.other.id,
            other_title: r.other.title.clone(),
            other_status: r.other.status.label_zh(),
        })
        .collect()
}

/// One line of a document's history.
pub struct EventRow {
    pub at: String,
    pub actor: String,
    pub step: &'static str,
    pub note: String,
}

#[derive(Template)]
#[template(path = "library/console_document.html")]
pub struct DocumentPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<&'static str>,
    document: DocumentView,
    status: &'static str,
    normative: bool,
    disclosure: String,
    form: Option<&'static str>,
    allowed: Allowed,
    steps: Vec<(&'static str, &'static str)>,
    attachments: Vec<Attachment>,
    safety: SafetyView,
    disclosure_code: &'static str,
    disclosure_reason: String,
    outgoing: Vec<RelationRow>,
    incoming: Vec<RelationRow>,
    events: Vec<EventRow>,
    relation_kinds: Vec<(&'static str, &'static str)>,
    validities: Vec<(&'static str, &'static str)>,
    columns: Vec<ColumnChoice>,
    /// Whether the ticks are the rule's suggestions, not yet confirmed.
    columns_suggested: bool,
}

/// What a finished action says on the page it returns to.
fn notice(done: &str) -> Option<&'static str> {
    Some(match done {
        "saved" => "已保存。",
        "submit" => "已提交审核。",
        "return" => "已退回修改。",
        "publish" => "已审核发布。",
        "validity" => "有效性已变更。",
        "related" => "已添加关联。",
        "unrelated" => "已删除关联。",
        "attached" => "附件已上传。",
        "detached" => "附件已删除。",
        "secrecy" => "保密审查已记录。",
        "masked" => "已遮盖。",
        "dismissed" => "已排除，理由已记录。",
        "columns" => "所属栏目已保存。",
        _ => return None,
    })
}

/// The document page for staff, with `error` from a refused action.
pub async fn document_page(
    state: &AppState,
    staff: &Staff,
    id: DocumentId,
    error: Option<String>,
    done: &str,
) -> Result<DocumentPage, WebError> {
    let app = &state.app;
    let document = documents::console_document(app, &staff.user, id).await?;
    let allowed = documents::allowed(app, &staff.user, &document).await?;
    let relations = documents::relations_of(app, id).await?;
    let events = documents::events(&app.store, id)
        .await
        .map_err(Error::from)?
        .into_iter()
        .map(|e| EventRow {
            at: local_time(e.at),
            actor: e.actor_name,
            step: e.step.label_zh(),
            note: e.note,
        })
        .collect();
    let attachments = attachments::list(app, id).await?;
    let columns = columns::choices(app, id).await?;
    let f = &document.fields;
    Ok(DocumentPage {
        layout: Layout::for_staff(state, staff, &f.title).await?,
        error,
        notice: notice(done),
        status: document.status.label_zh(),
        normative: f.normative,
        disclosure: disclosure_text(&f.disclosure),
        disclosure_code: f.disclosure.code(),
        disclosure_reason: f.disclosure.reason().unwrap_or_default().to_string(),
        form: f.interpretation_form.map(|form| form.label_zh()),
        steps: allowed
            .steps
            .iter()
            .map(|s| (s.code(), s.label_zh()))
            .collect(),
        allowed,
        safety: safety_view(app, id, &attachments).await?,
        attachments,
        outgoing: relation_rows(&relations.outgoing, true),
        incoming: relation_rows(&relations.incoming, false),
        events,
        relation_kinds: RelationKind::ALL
            .iter()
            .map(|k| (k.code(), k.label_zh()))
            .collect(),
        validities: Validity::ALL
            .iter()
            .map(|v| (v.code(), v.label_zh()))
            .collect(),
        columns_suggested: columns.iter().any(|c| c.suggested),
        columns,
        document: DocumentView::from(document),
    })
}

async fn show_document(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<DocumentId>,
    Query(query): Query<DoneQuery>,
) -> Result<Html<String>, WebError> {
    render(&document_page(&state, &staff, id, None, &query.done).await?)
}
