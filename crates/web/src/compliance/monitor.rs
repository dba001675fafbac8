//! `/console/compliance`: every unit the user may see × every indicator, coloured red,
//! amber or green with the rate and the counts in words, a chart of the indicators'
//! overall rates with the same figures in a table, and `/console/compliance.json`.

use super::period::PeriodQuery;
use crate::kit::chart::BarChart;
use crate::kit::error::WebError;
use crate::kit::layout::Layout;
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use gongkai_app::compliance::{self, Monitor};
use gongkai_domain::compliance::{Figure, Indicator, Thresholds};
use serde_json::{Value, json};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/compliance", get(show_monitor))
        .route("/console/compliance.json", get(monitor_json))
}

/// One cell of the table.
pub struct Cell {
    pub rag: &'static str,
    pub rag_label: &'static str,
    pub rate: String,
    pub counts: String,
}

fn cell(thresholds: &Thresholds, f: &Figure) -> Cell {
    let rag = thresholds.rag(f);
    Cell {
        rag: rag.code(),
        rag_label: if f.has_source {
            rag.label_zh()
        } else {
            "暂无记录"
        },
        rate: f.rate_text(),
        counts: if f.counted == 0 {
            String::new()
        } else {
            format!("{}/{}", f.on_time, f.counted)
        },
    }
}

/// A unit's row.
pub struct Row {
    pub org_id: i64,
    pub name: String,
    pub cells: Vec<Cell>,
}

#[derive(Template)]
#[template(path = "compliance/monitor.html")]
struct MonitorPage {
    layout: Layout,
    period: String,
    query: String,
    from: String,
    to: String,
    indicators: Vec<(&'static str, &'static str)>,
    rows: Vec<Row>,
    totals: Vec<Cell>,
    chart: BarChart,
    green: u32,
    amber: u32,
}

fn percent(f: &Figure) -> u32 {
    f.rate().map_or(0, |r| (r * 100.0).round() as u32)
}

async fn show_monitor(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<PeriodQuery>,
) -> Result<Html<String>, WebError> {
    let period = query.period()?;
    let m = compliance::monitor(&state.app, &staff.user, period).await?;
    let t = m.thresholds;
    let chart = BarChart::of(
        "各项指标总体按期率（数据见下表合计行）",
        m.totals
            .iter()
            .filter(|f| f.rate().is_some())
            .map(|f| (f.indicator.label_zh().to_string(), percent(f))),
    );
    render(&MonitorPage {
        layout: Layout::for_staff(&state, &staff, "合规监测").await?,
        period: m.period.label_zh(),
        query: PeriodQuery::of(&m.period),
        from: m.period.from.to_string(),
        to: m.period.to.to_string(),
        indicators: Indicator::ALL
            .iter()
            .map(|i| (i.label_zh(), i.rule_zh()))
            .collect(),
        rows: m
            .units
            .iter()
            .map(|u| Row {
                org_id: u.org.id.0,
                name: u.org.name.clone(),
                cells: u.figures.iter().map(|f| cell(&t, f)).collect(),
            })
            .collect(),
        totals: m.totals.iter().map(|f| cell(&t, f)).collect(),
        chart,
        green: (t.green * 100.0).round() as u32,
        amber: (t.amber * 100.0).round() as u32,
    })
}

/// A figure as JSON: its counts, rate, colour and the records behind it.
pub fn figure_json(thresholds: &Thresholds, f: &Figure) -> Value {
    json!({
        "indicator": f.indicator.code(),
        "label": f.indicator.label_zh(),
        "has_source": f.has_source,
        "counted": f.counted,
        "on_time": f.on_time,
        "late": f.late,
        "overdue": f.overdue,
        "rate": f.rate(),
        "rag": thresholds.rag(f).code(),
        "faults": f.faults.iter().map(|i| json!({
            "kind": i.record.kind,
            "id": i.record.id,
            "label": i.label,
            "due": i.due,
            "done": i.done,
            "outcome": i.outcome.label_zh(),
            "note": i.note,
        })).collect::<Vec<_>>(),
    })
}

fn monitor_value(m: &Monitor) -> Value {
    let t = m.thresholds;
    json!({
        "from": m.period.from,
        "to": m.period.to,
        "judged_on": m.today,
        "thresholds": {"green": t.green, "amber": t.amber},
        "units": m.units.iter().map(|u| json!({
            "org_id": u.org.id.0,
            "name": u.org.name,
            "figures": u.figures.iter().map(|f| figure_json(&t, f)).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "totals": m.totals.iter().map(|f| figure_json(&t, f)).collect::<Vec<_>>(),
    })
}

async fn monitor_json(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<PeriodQuery>,
) -> Result<Response, WebError> {
    let period = query.period()?;
    let m = compliance::monitor(&state.app, &staff.user, period).await?;
    Ok(Json(monitor_value(&m)).into_response())
}
