//! `/console/assessment/{id}`: the results under a scheme — the ranking with every
//! indicator's points, a unit's deductions down to the records, hand scores and
//! adjustments entered, publishing (which freezes the scheme), and the XLSX and DOCX
//! 通报.

use super::links::record_href;
use crate::kit::download::{DOCX, XLSX, file_response};
use crate::kit::error::{WebError, public_message, status_of};
use crate::kit::extract::DoneQuery;
use crate::kit::layout::Layout;
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use gongkai_app::assessment::{self, AdjustmentInput, Results, ScoreInput};
use gongkai_app::documents::today;
use gongkai_app::{Error, OrgId};
use gongkai_domain::assessment::Source;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/assessment/{id}", get(show_results))
        .route("/console/assessment/{id}/units/{org}", get(show_unit))
        .route("/console/assessment/{id}/scores", post(set_score))
        .route("/console/assessment/{id}/adjustments", post(add_adjustment))
        .route("/console/assessment/{id}/publish", post(publish))
        .route("/console/assessment/{id}/results.xlsx", get(export_xlsx))
        .route("/console/assessment/{id}/notice.docx", get(export_docx))
}

#[derive(Template)]
#[template(path = "compliance/assessment_results.html")]
struct ResultsPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<&'static str>,
    r: Results,
    manual: Vec<(String, String, u32)>,
    published: usize,
}

fn notice(done: &str) -> Option<&'static str> {
    Some(match done {
        "score" => "评分已保存。",
        "adjustment" => "加减分已记录。",
        "published" => "考核结果已发布，方案已锁定；修改方案将生成新版本。",
        _ => return None,
    })
}

async fn results_page(
    state: &AppState,
    staff: &Staff,
    id: i64,
    error: Option<String>,
    done: &str,
) -> Result<ResultsPage, WebError> {
    let r = assessment::results(&state.app, &staff.user, id).await?;
    let manual = r
        .scheme
        .scheme
        .indicators
        .iter()
        .filter(|l| l.source == Source::Manual)
        .map(|l| (l.code.clone(), l.label.clone(), l.weight))
        .collect();
    let published = assessment::published_count(&state.app, id).await?;
    Ok(ResultsPage {
        layout: Layout::for_staff(state, staff, &r.scheme.scheme.name).await?,
        error,
        notice: notice(done),
        manual,
        published,
        r,
    })
}

async fn show_results(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Query(q): Query<DoneQuery>,
) -> Result<Html<String>, WebError> {
    render(&results_page(&state, &staff, id, None, &q.done).await?)
}

/// Back to the results with a notice, or the page again with the refusal.
async fn outcome(
    state: &AppState,
    staff: &Staff,
    id: i64,
    done: Result<&str, Error>,
) -> Result<Response, WebError> {
    match done {
        Ok(done) => {
            Ok(Redirect::to(&format!("/console/assessment/{id}?done={done}")).into_response())
        }
        Err(e) if e.is_client_error() && !matches!(e, Error::Forbidden | Error::NotFound(_)) => {
            let page = results_page(state, staff, id, Some(public_message(&e)), "").await?;
            Ok((status_of(&e), render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

async fn set_score(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(form): Form<ScoreInput>,
) -> Result<Response, WebError> {
    let done = assessment::set_score(&state.app, &staff.user, id, &form)
        .await
        .map(|()| "score");
    outcome(&state, &staff, id, done).await
}

async fn add_adjustment(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    Form(form): Form<AdjustmentInput>,
) -> Result<Response, WebError> {
    let done = assessment::add_adjustment(&state.app, &staff.user, id, &form)
        .await
        .map(|()| "adjustment");
    outcome(&state, &staff, id, done).await
}

async fn publish(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let done = assessment::publish(&state.app, &staff.user, id)
        .await
        .map(|()| "published");
    outcome(&state, &staff, id, done).await
}

async fn export_xlsx(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let r = assessment::results(&state.app, &staff.user, id).await?;
    let bytes = assessment::results_xlsx(&r)?;
    Ok(file_response(
        &format!("{}考核结果.xlsx", r.scheme.scheme.name),
        XLSX,
        bytes,
    ))
}

async fn export_docx(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let r = assessment::results(&state.app, &staff.user, id).await?;
    let bytes = assessment::notice_docx(&r, &state.app.settings.agency.name, today())?;
    Ok(file_response(
        &format!("{}考核结果通报.docx", r.scheme.scheme.year),
        DOCX,
        bytes,
    ))
}

/// One indicator of one unit, with the records it lost points for.
struct Line {
    label: String,
    rule: String,
    weight: u32,
    points: String,
    basis: String,
    deductions: Vec<(String, String, String, String)>,
}

#[derive(Template)]
#[template(path = "compliance/assessment_unit.html")]
struct UnitPage {
    layout: Layout,
    id: i64,
    scheme: String,
    unit: String,
    total: String,
    rank: usize,
    lines: Vec<Line>,
    adjustments: Vec<(String, String, String)>,
}

async fn show_unit(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, org)): Path<(i64, i64)>,
) -> Result<Html<String>, WebError> {
    let r = assessment::results(&state.app, &staff.user, id).await?;
    let u = r
        .units
        .iter()
        .find(|u| u.org_id == OrgId(org))
        .ok_or_else(|| Error::NotFound("单位不存在或无权查看".to_string()))?;
    let lines = r
        .scheme
        .scheme
        .indicators
        .iter()
        .zip(&u.score.indicators)
        .map(|(line, s)| Line {
            label: line.label.clone(),
            rule: line.rule.label_zh(),
            weight: line.weight,
            points: format!("{:.2}", s.points),
            basis: s.basis.clone(),
            deductions: s
                .deductions
                .iter()
                .map(|d| {
                    (
                        record_href(&d.item.record),
                        d.item.label.clone(),
                        d.item.outcome.label_zh(),
                        format!("{:.2}", d.points),
                    )
                })
                .collect(),
        })
        .collect();
    render(&UnitPage {
        layout: Layout::for_staff(&state, &staff, &u.score.unit).await?,
        id,
        scheme: r.scheme.scheme.name.clone(),
        unit: u.score.unit.clone(),
        total: format!("{:.2}", u.score.total),
        rank: u.score.rank,
        lines,
        adjustments: u
            .score
            .adjustments
            .iter()
            .map(|a| {
                (
                    format!("{:+.2}", a.points),
                    a.reason.clone(),
                    a.evidence.clone(),
                )
            })
            .collect(),
    })
}
