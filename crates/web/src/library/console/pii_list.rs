//! The office's overview of personal information waiting to be dealt with: every open
//! finding in the documents of the units the user may see, unit by unit.

use crate::kit::error::WebError;
use crate::kit::layout::Layout;
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;
use gongkai_app::DocumentId;
use gongkai_app::documents::pii::{self, place_of};
use gongkai_domain::lifecycle::DocumentStatus;

pub fn router() -> Router<AppState> {
    Router::new().route("/console/pii", get(show_open))
}

/// One open finding on the overview.
struct Row {
    document_id: DocumentId,
    title: String,
    status: &'static str,
    place: String,
    kind: &'static str,
    masked: String,
}

/// The open findings of one unit.
struct UnitGroup {
    unit: String,
    documents: usize,
    rows: Vec<Row>,
}

#[derive(Template)]
#[template(path = "library/console_pii.html")]
struct PiiPage {
    layout: Layout,
    total: usize,
    units: Vec<UnitGroup>,
}

async fn show_open(State(state): State<AppState>, staff: Staff) -> Result<Html<String>, WebError> {
    let open = pii::open_findings(&state.app, &staff.user).await?;
    let total = open.len();
    let mut units: Vec<UnitGroup> = Vec::new();
    for f in open {
        let unit = if f.issuer_name.is_empty() {
            "未指定发布机构".to_string()
        } else {
            f.issuer_name.clone()
        };
        let row = Row {
            document_id: f.finding.document_id,
            status: DocumentStatus::from_code(&f.document_status)
                .map_or("—", DocumentStatus::label_zh),
            title: f.title,
            place: place_of(&f.finding.scan),
            kind: f.finding.scan.kind.label(),
            masked: f.finding.scan.masked,
        };
        match units.last_mut() {
            Some(group) if group.unit == unit => group.rows.push(row),
            _ => units.push(UnitGroup {
                unit,
                documents: 0,
                rows: vec![row],
            }),
        }
    }
    for group in &mut units {
        let mut ids: Vec<DocumentId> = group.rows.iter().map(|r| r.document_id).collect();
        ids.dedup();
        group.documents = ids.len();
    }
    render(&PiiPage {
        layout: Layout::for_staff(&state, &staff, "个人信息检查").await?,
        total,
        units,
    })
}
