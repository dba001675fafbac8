//! The disclosure platform's columns (政府信息公开平台, 条例 Art. 24): the hub and
//! 政府信息公开指南 · 政府信息公开制度 · 法定主动公开内容 · 政府信息公开年报 (the
//! reports published from the platform's own records first, with their JSON, then
//! the reports in the library).

use crate::kit::error::WebError;
use crate::kit::layout::Layout;
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Visitor;
use crate::library::document_view::DocumentView;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use gongkai_app::config::OfficeSettings;
use gongkai_app::model::PublishedReport;
use gongkai_app::platform::pages::{self, PageKind};
use gongkai_app::{OrgId, annual_report, platform};
use gongkai_domain::platform::PlatformColumn;
use gongkai_domain::topic::STANDARD_TOPICS;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/xxgk", get(show_platform))
        .route("/xxgk/guide", get(show_guide))
        .route("/xxgk/rules", get(list_rules))
        .route("/xxgk/annual-reports", get(list_annual_reports))
        .route(
            "/xxgk/annual-reports/{org}/{year}",
            get(show_published_report),
        )
        .route(
            "/xxgk/annual-reports/{org}/{year}/json",
            get(published_report_json),
        )
}

#[derive(Template)]
#[template(path = "library/platform.html")]
struct PlatformPage {
    layout: Layout,
    rules: usize,
    reports: usize,
}

async fn show_platform(
    State(state): State<AppState>,
    visitor: Visitor,
) -> Result<Html<String>, WebError> {
    let (rules, reports) = platform::rules_and_reports(&state.app).await?;
    let published = annual_report::published_list(&state.app).await?;
    render(&PlatformPage {
        layout: Layout::public(&state, &visitor, "政府信息公开"),
        rules: rules.len(),
        reports: reports.len() + published.len(),
    })
}

#[derive(Template)]
#[template(path = "library/platform_guide.html")]
struct GuidePage {
    layout: Layout,
    /// The office's own guide, when it has written one; else the computed guide.
    written: Option<String>,
    office: OfficeSettings,
    topics: String,
}

/// "未公布" for settings the operator left empty, so the guide never shows a blank.
fn or_unpublished(value: &str) -> String {
    if value.trim().is_empty() {
        "未公布".to_string()
    } else {
        value.to_string()
    }
}

async fn show_guide(
    State(state): State<AppState>,
    visitor: Visitor,
) -> Result<Html<String>, WebError> {
    let o = &state.app.settings.office;
    let office = OfficeSettings {
        name: or_unpublished(&o.name),
        address: or_unpublished(&o.address),
        postcode: or_unpublished(&o.postcode),
        hours: or_unpublished(&o.hours),
        phone: or_unpublished(&o.phone),
        fax: or_unpublished(&o.fax),
        email: or_unpublished(&o.email),
    };
    let title = PlatformColumn::Guide.label_zh();
    let written = pages::page(&state.app, PageKind::Guide).await?;
    render(&GuidePage {
        layout: Layout::public(&state, &visitor, title),
        written: written.map(|p| p.body_html),
        office,
        topics: STANDARD_TOPICS
            .iter()
            .map(|(name, _)| *name)
            .collect::<Vec<_>>()
            .join("、"),
    })
}

#[derive(Template)]
#[template(path = "library/platform_list.html")]
struct ListPage {
    layout: Layout,
    heading: &'static str,
    /// The office's text above the list (公开制度 only), when it has written one.
    written: Option<String>,
    /// Who publishes the column, for an empty one.
    office: String,
    documents: Vec<DocumentView>,
    /// The annual reports the platform computed and the office published (年报 only).
    published: Vec<PublishedReport>,
}

async fn list_column(
    state: &AppState,
    visitor: &Visitor,
    column: PlatformColumn,
) -> Result<Html<String>, WebError> {
    let (rules, reports) = platform::rules_and_reports(&state.app).await?;
    let (documents, published, written) = match column {
        PlatformColumn::AnnualReports => (
            reports,
            annual_report::published_list(&state.app).await?,
            None,
        ),
        _ => (
            rules,
            Vec::new(),
            pages::page(&state.app, PageKind::Rules).await?,
        ),
    };
    render(&ListPage {
        layout: Layout::public(state, visitor, column.label_zh()),
        heading: column.label_zh(),
        written: written.map(|p| p.body_html),
        office: state.app.settings.office.name_or_description(),
        documents: documents.into_iter().map(DocumentView::from).collect(),
        published,
    })
}

async fn list_rules(
    State(state): State<AppState>,
    visitor: Visitor,
) -> Result<Html<String>, WebError> {
    list_column(&state, &visitor, PlatformColumn::Rules).await
}

async fn list_annual_reports(
    State(state): State<AppState>,
    visitor: Visitor,
) -> Result<Html<String>, WebError> {
    list_column(&state, &visitor, PlatformColumn::AnnualReports).await
}

#[derive(Template)]
#[template(path = "reports/annual_report_published.html")]
struct PublishedReportPage {
    layout: Layout,
    /// The frozen report's content (sanitised when it was rendered from the record).
    body: String,
    json_path: String,
}

/// A published annual report as the office froze it, in the site's layout and
/// stylesheet (the site's CSP allows no inline styles), printable.
async fn show_published_report(
    State(state): State<AppState>,
    visitor: Visitor,
    Path((org, year)): Path<(OrgId, i32)>,
) -> Result<Html<String>, WebError> {
    let (published, _, html) = annual_report::published(&state.app, org, year).await?;
    render(&PublishedReportPage {
        layout: Layout::public(&state, &visitor, &published.title),
        body: report_content(&html).to_string(),
        json_path: format!("/xxgk/annual-reports/{org}/{year}/json"),
    })
}

/// The report itself of a frozen HTML document: what its `<main>` holds (a document
/// published before the report was served in the site's layout has its own head and
/// inline styles, which are left out).
fn report_content(html: &str) -> &str {
    const OPEN: &str = "<main id=\"main\">";
    match (html.find(OPEN), html.rfind("</main>")) {
        (Some(start), Some(end)) if start + OPEN.len() <= end => &html[start + OPEN.len()..end],
        _ => html,
    }
}

/// A published annual report as JSON (names in docs/annual-report.md).
async fn published_report_json(
    State(state): State<AppState>,
    Path((org, year)): Path<(OrgId, i32)>,
) -> Result<Response, WebError> {
    let (_, json, _) = annual_report::published(&state.app, org, year).await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], json).into_response())
}
