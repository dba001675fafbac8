//! `/console/compliance/units/{id}`: one unit's figures, each with its rule and the late
//! and missing records behind it, linked to the records.

use super::links::record_href;
use super::period::PeriodQuery;
use crate::kit::error::WebError;
use crate::kit::layout::Layout;
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Html;
use axum::routing::get;
use gongkai_app::compliance;
use gongkai_app::{Error, OrgId};
use gongkai_domain::compliance::Figure;

pub fn router() -> Router<AppState> {
    Router::new().route("/console/compliance/units/{id}", get(show_unit))
}

/// A record behind a figure, with the console page it is on.
struct Fault {
    href: String,
    label: String,
    due: String,
    done: String,
    outcome: String,
    note: String,
}

struct Section {
    label: &'static str,
    rule: &'static str,
    rate: String,
    rag: &'static str,
    rag_label: &'static str,
    summary: String,
    faults: Vec<Fault>,
}

fn section(m: &compliance::Monitor, f: &Figure) -> Section {
    let rag = m.thresholds.rag(f);
    Section {
        label: f.indicator.label_zh(),
        rule: f.indicator.rule_zh(),
        rate: f.rate_text(),
        rag: rag.code(),
        rag_label: rag.label_zh(),
        summary: if !f.has_source {
            "平台尚无此类记录".to_string()
        } else {
            format!(
                "应办 {} 件，按期 {} 件，超期办结 {} 件，逾期未办 {} 件",
                f.counted, f.on_time, f.late, f.overdue
            )
        },
        faults: f
            .faults
            .iter()
            .map(|i| Fault {
                href: record_href(&i.record),
                label: i.label.clone(),
                due: i.due.to_string(),
                done: i.done.map_or_else(|| "—".to_string(), |d| d.to_string()),
                outcome: i.outcome.label_zh(),
                note: i.note.clone(),
            })
            .collect(),
    }
}

#[derive(Template)]
#[template(path = "compliance/unit.html")]
struct UnitPage {
    layout: Layout,
    name: String,
    period: String,
    query: String,
    sections: Vec<Section>,
}

async fn show_unit(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Query(query): Query<PeriodQuery>,
) -> Result<Html<String>, WebError> {
    let period = query.period()?;
    let m = compliance::monitor(&state.app, &staff.user, period).await?;
    let unit = m
        .units
        .iter()
        .find(|u| u.org.id == OrgId(id))
        .ok_or_else(|| Error::NotFound("单位不存在或无权查看".to_string()))?;
    render(&UnitPage {
        layout: Layout::for_staff(&state, &staff, &unit.org.name).await?,
        name: unit.org.name.clone(),
        period: m.period.label_zh(),
        query: PeriodQuery::of(&m.period),
        sections: unit.figures.iter().map(|f| section(&m, f)).collect(),
    })
}
