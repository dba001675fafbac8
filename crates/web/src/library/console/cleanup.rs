//! The cleanup of normative documents (规范性文件清理: the list to review and the
//! decision on a batch of them) and the interpretation figures (解读率 and lag by
//! issuer and year).

use super::documents::ConsoleRow;
use crate::kit::error::{WebError, public_message, status_of};
use crate::kit::format::date;
use crate::kit::layout::Layout;
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use gongkai_app::documents::interpretations::{self, IssuerYear};
use gongkai_app::documents::{self, CleanupDecision, ValidityInput};
use gongkai_app::{DocumentId, Error};
use gongkai_domain::validity::Validity;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/cleanup", get(show_cleanup).post(apply_cleanup))
        .route("/console/interpretations", get(show_interpretations))
}

#[derive(Template)]
#[template(path = "library/cleanup.html")]
struct CleanupPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<String>,
    days: u32,
    rows: Vec<(ConsoleRow, String, String)>,
    total: i64,
    validities: Vec<(&'static str, &'static str)>,
}

#[derive(serde::Deserialize)]
struct CleanupQuery {
    days: Option<u32>,
    done: Option<usize>,
}

/// Default horizon of the cleanup list, in days.
const CLEANUP_DAYS: u32 = 90;

async fn cleanup_page(
    state: &AppState,
    staff: &Staff,
    days: u32,
    error: Option<String>,
    done: Option<usize>,
) -> Result<CleanupPage, WebError> {
    let (found, total) = documents::cleanup_list(&state.app, &staff.user, days).await?;
    let rows = found
        .iter()
        .map(|d| {
            let expires = date(d.fields.expires_on);
            let reviewed = date(d.last_reviewed_on);
            (ConsoleRow::from(d), expires, reviewed)
        })
        .collect();
    Ok(CleanupPage {
        layout: Layout::for_staff(state, staff, "规范性文件清理").await?,
        error,
        notice: done.map(|n| format!("已处理 {n} 件文件。")),
        days,
        rows,
        total,
        validities: Validity::ALL
            .iter()
            .filter(|v| **v != Validity::Valid)
            .map(|v| (v.code(), v.label_zh()))
            .collect(),
    })
}

async fn show_cleanup(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<CleanupQuery>,
) -> Result<Html<String>, WebError> {
    let days = query.days.unwrap_or(CLEANUP_DAYS).min(3650);
    render(&cleanup_page(&state, &staff, days, None, query.done).await?)
}

/// The cleanup form: the ticked documents (`ids`, repeated), the decision
/// (`keep` or a validity code) and the shared date, reason and replacement.
fn cleanup_form(
    body: &[u8],
) -> Result<(Vec<DocumentId>, CleanupDecision, ValidityInput, u32), Error> {
    let mut ids = Vec::new();
    let mut decision = String::new();
    let mut input = ValidityInput::default();
    let mut days = CLEANUP_DAYS;
    for (key, value) in url::form_urlencoded::parse(body) {
        match key.as_ref() {
            "ids" => ids.push(DocumentId(
                value
                    .parse()
                    .map_err(|_| Error::invalid("文件", "无效的文件编号"))?,
            )),
            "decision" => decision = value.into_owned(),
            "on" => input.on = value.into_owned(),
            "reason" => input.reason = value.into_owned(),
            "replaced_by" => input.replaced_by = value.into_owned(),
            "days" => days = value.parse().unwrap_or(CLEANUP_DAYS),
            _ => {}
        }
    }
    let decision = match decision.as_str() {
        "keep" => CleanupDecision::Keep,
        code => CleanupDecision::Change(
            Validity::parse(code).map_err(|_| Error::invalid("处理方式", "请选择处理方式"))?,
        ),
    };
    Ok((ids, decision, input, days))
}

async fn apply_cleanup(
    State(state): State<AppState>,
    staff: Staff,
    body: Bytes,
) -> Result<Response, WebError> {
    let parsed = cleanup_form(&body);
    let days = parsed.as_ref().map_or(CLEANUP_DAYS, |p| p.3);
    let done = match parsed {
        Ok((ids, decision, input, _)) => {
            documents::cleanup_batch(&state.app, &staff.user, &ids, decision, &input).await
        }
        Err(e) => Err(e),
    };
    match done {
        Ok(n) => {
            Ok(Redirect::to(&format!("/console/cleanup?days={days}&done={n}")).into_response())
        }
        Err(e) if e.is_client_error() && !matches!(e, Error::Forbidden) => {
            let page = cleanup_page(&state, &staff, days, Some(public_message(&e)), None).await?;
            Ok((status_of(&e), render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "library/interpretations.html")]
struct InterpretationsPage {
    layout: Layout,
    groups: Vec<IssuerYear>,
    max_lag: i64,
}

async fn show_interpretations(
    State(state): State<AppState>,
    staff: Staff,
) -> Result<Html<String>, WebError> {
    render(&InterpretationsPage {
        layout: Layout::for_staff(&state, &staff, "政策解读统计").await?,
        groups: interpretations::interpretation_report(&state.app).await?,
        max_lag: i64::from(state.app.settings.compliance.interpretation_workdays),
    })
}
