//! The console's annual report page: the report of a unit (optionally with its units)
//! for a year, computed from the records; the office's entries (figures of section 二
//! the platform does not hold, texts of 一, 五, 六); downloads as HTML, JSON, XLSX and
//! DOCX.

use super::view::{ReportView, standalone_html};
use crate::kit::download::file_response;
use crate::kit::error::{WebError, public_message, status_of};
use crate::kit::format::local_time;
use crate::kit::layout::Layout;
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use askama::Template;
use axum::Router;
use axum::extract::{Form, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::Datelike;
use gongkai_app::annual_report::{self, InputsForm};
use gongkai_app::model::Org;
use gongkai_app::{Error, OrgId};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/reports/annual", get(show_report))
        .route("/console/reports/annual/download", get(download_report))
        .route("/console/reports/annual/inputs", post(save_inputs))
        .route("/console/reports/annual/publish", post(publish_report))
}

/// Which report: unit, year, whether its units are counted too.
#[derive(Debug, Clone, serde::Deserialize)]
struct Which {
    org: Option<OrgId>,
    year: Option<i32>,
    #[serde(default)]
    units: Option<String>,
    done: Option<String>,
}

impl Which {
    fn with_units(&self) -> bool {
        self.units.as_deref().is_some_and(|v| !v.is_empty())
    }

    /// The year asked for, else last year (the report due now, 条例第四十九条).
    fn year(&self) -> i32 {
        self.year
            .unwrap_or_else(|| gongkai_app::documents::today().year() - 1)
    }

    fn query(&self, org: OrgId) -> String {
        let units = if self.with_units() { "&units=1" } else { "" };
        format!("org={org}&year={}{units}", self.year())
    }
}

#[derive(Template)]
#[template(path = "reports/console_annual_report.html")]
struct ReportPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<String>,
    units: Vec<Org>,
    org: OrgId,
    year: i32,
    with_units: bool,
    query: String,
    view: ReportView,
    form: InputsForm,
    /// When this unit's report of the year was published, if it was.
    published_at: Option<String>,
}

/// The unit asked for, else the first one the user reports for.
async fn chosen(
    state: &AppState,
    staff: &Staff,
    which: &Which,
) -> Result<(Vec<Org>, OrgId), WebError> {
    let units = annual_report::units_for(&state.app, &staff.user).await?;
    let org = match (which.org, units.first()) {
        (Some(org), _) => org,
        (None, Some(first)) => first.id,
        (None, None) => return Err(Error::Forbidden.into()),
    };
    Ok((units, org))
}

async fn report_page(
    state: &AppState,
    staff: &Staff,
    which: &Which,
    form: Option<InputsForm>,
    error: Option<String>,
) -> Result<ReportPage, WebError> {
    let (units, org) = chosen(state, staff, which).await?;
    let year = which.year();
    let report =
        annual_report::for_user(&state.app, &staff.user, org, year, which.with_units()).await?;
    let form = form.unwrap_or_else(|| InputsForm::of(&report.inputs));
    let published_at = annual_report::published_list(&state.app)
        .await?
        .into_iter()
        .find(|p| p.org_id == org && p.year == year)
        .map(|p| local_time(p.published_at));
    Ok(ReportPage {
        published_at,
        layout: Layout::for_staff(state, staff, "政府信息公开工作年度报告").await?,
        error,
        notice: which.done.as_ref().map(|_| "已保存。".to_string()),
        units,
        org,
        year,
        with_units: which.with_units(),
        query: which.query(org),
        view: ReportView::of(&report),
        form,
    })
}

async fn show_report(
    State(state): State<AppState>,
    staff: Staff,
    Query(which): Query<Which>,
) -> Result<Response, WebError> {
    Ok(render(&report_page(&state, &staff, &which, None, None).await?)?.into_response())
}

#[derive(serde::Deserialize)]
struct FormatQuery {
    format: String,
}

async fn download_report(
    State(state): State<AppState>,
    staff: Staff,
    Query(which): Query<Which>,
    Query(query): Query<FormatQuery>,
) -> Result<Response, WebError> {
    let (_, org) = chosen(&state, &staff, &which).await?;
    let report = annual_report::for_user(
        &state.app,
        &staff.user,
        org,
        which.year(),
        which.with_units(),
    )
    .await?;
    let title = report.title();
    let (extension, media_type, bytes) = match query.format.as_str() {
        "html" => (
            "html",
            "text/html; charset=utf-8",
            standalone_html(&report)?.into_bytes(),
        ),
        "json" => (
            "json",
            "application/json",
            serde_json::to_vec_pretty(&annual_report::to_json(&report))
                .map_err(|e| Error::Internal(e.to_string()))?,
        ),
        "xlsx" => (
            "xlsx",
            crate::kit::download::XLSX,
            annual_report::to_xlsx(&report)?,
        ),
        "docx" => (
            "docx",
            crate::kit::download::DOCX,
            annual_report::to_docx(&report)?,
        ),
        _ => return Err(Error::invalid("格式", "应为 html、json、xlsx 或 docx").into()),
    };
    Ok(file_response(
        &format!("{title}.{extension}"),
        media_type,
        bytes,
    ))
}

async fn save_inputs(
    State(state): State<AppState>,
    staff: Staff,
    Query(which): Query<Which>,
    Form(form): Form<InputsForm>,
) -> Result<Response, WebError> {
    let (_, org) = chosen(&state, &staff, &which).await?;
    let saved = annual_report::save_inputs(&state.app, &staff.user, org, which.year(), &form).await;
    match saved {
        Ok(()) => Ok(Redirect::to(&format!(
            "/console/reports/annual?{}&done=1#inputs",
            which.query(org)
        ))
        .into_response()),
        Err(e) if e.is_client_error() && !matches!(e, Error::Forbidden | Error::NotFound(_)) => {
            let page =
                report_page(&state, &staff, &which, Some(form), Some(public_message(&e))).await?;
            Ok((status_of(&e), render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

async fn publish_report(
    State(state): State<AppState>,
    staff: Staff,
    Query(which): Query<Which>,
) -> Result<Response, WebError> {
    let (_, org) = chosen(&state, &staff, &which).await?;
    let to_html = |report: &gongkai_app::annual_report::AnnualReport| {
        standalone_html(report).map_err(|e| Error::Internal(e.to_string()))
    };
    let published = annual_report::publish(
        &state.app,
        &staff.user,
        org,
        which.year(),
        which.with_units(),
        to_html,
    )
    .await;
    match published {
        Ok(()) => Ok(Redirect::to(&format!(
            "/console/reports/annual?{}&done=1",
            which.query(org)
        ))
        .into_response()),
        Err(e) if e.is_client_error() && !matches!(e, Error::Forbidden | Error::NotFound(_)) => {
            let page = report_page(&state, &staff, &which, None, Some(public_message(&e))).await?;
            Ok((status_of(&e), render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
