//! `/console/messages/stats`: a month's messages per answering unit — received,
//! replied, on time, overdue, the average working days to a reply — as a chart of
//! on-time rates with the table beside it, by category and by box, and as XLSX.

use crate::kit::chart::BarChart;
use crate::kit::download::{XLSX, file_response};
use crate::kit::error::WebError;
use crate::kit::layout::Layout;
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{Html, Response};
use axum::routing::get;
use chrono::Datelike;
use gongkai_app::documents::today;
use gongkai_app::messages::{self, MonthFigures, UnitFigures};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/messages/stats", get(show_stats))
        .route("/console/messages/stats.xlsx", get(export_stats))
}

#[derive(serde::Deserialize)]
struct MonthQuery {
    year: Option<i32>,
    month: Option<u32>,
}

impl MonthQuery {
    /// The month asked for, this month by default.
    fn month(&self) -> (i32, u32) {
        let now = today();
        (
            self.year.unwrap_or(now.year()),
            self.month.unwrap_or(now.month()),
        )
    }
}

#[derive(Template)]
#[template(path = "participation/message_stats.html")]
struct StatsPage {
    layout: Layout,
    figures: MonthFigures,
    chart: BarChart,
}

impl StatsPage {
    /// The units' rows, then the total.
    fn rows(&self) -> Vec<&UnitFigures> {
        self.figures
            .units
            .iter()
            .chain([&self.figures.total])
            .collect()
    }
}

/// The share of a unit's messages replied on time, in whole per cent.
fn on_time_percent(on_time: usize, received: usize) -> u32 {
    if received == 0 {
        return 0;
    }
    u32::try_from(on_time * 100 / received).unwrap_or(100)
}

async fn show_stats(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<MonthQuery>,
) -> Result<Html<String>, WebError> {
    let (year, month) = query.month();
    let figures = messages::month_figures(&state.app, &staff.user, year, month).await?;
    let chart = BarChart::of(
        "各单位按时答复率（数据见下表）",
        figures
            .units
            .iter()
            .map(|u| (u.unit.clone(), on_time_percent(u.on_time, u.received))),
    );
    render(&StatsPage {
        layout: Layout::for_staff(&state, &staff, "留言统计").await?,
        figures,
        chart,
    })
}

async fn export_stats(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<MonthQuery>,
) -> Result<Response, WebError> {
    let (year, month) = query.month();
    let (name, bytes) = messages::sheet(&state.app, &staff.user, year, month).await?;
    Ok(file_response(&name, XLSX, bytes))
}
