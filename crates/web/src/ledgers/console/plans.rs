//! Console pages of work-plan ledgers for the disclosure office: the list of plans with
//! the import forms, and a plan's page (review of a draft: names to map, confirmation;
//! tracking of a confirmed plan: figures, chart per unit, the ledger). Corrections,
//! the sheet and taking tasks into other plans are in `plan_actions`; units' pages
//! in `tasks`.

use crate::kit::chart::BarChart;
use crate::kit::error::{WebError, public_message, status_of};
use crate::kit::layout::Layout;
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use crate::ledgers::completion::completion_chart;
use askama::Template;
use axum::Router;
use axum::extract::{Form, Multipart, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use gongkai_app::ledgers::review::{self, NameRow};
use gongkai_app::ledgers::{self, PlanSummary, PlanView, import};
use gongkai_app::model::Org;
use gongkai_app::{Error, OrgId, PlanId};
use gongkai_domain::ledger::PlanStatus;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/ledgers", get(list_plans))
        .route("/console/ledgers/import", post(import_file))
        .route("/console/ledgers/import-document", post(import_document))
        .route("/console/ledgers/{id}", get(show_plan))
        .route("/console/ledgers/{id}/names", post(map_name))
        .route("/console/ledgers/{id}/confirm", post(confirm_plan))
}

#[derive(Template)]
#[template(path = "ledgers/ledgers.html")]
struct ListPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<String>,
    plans: Vec<PlanSummary>,
    runners: Vec<Org>,
}

async fn list_page(
    state: &AppState,
    staff: &Staff,
    error: Option<String>,
) -> Result<ListPage, WebError> {
    Ok(ListPage {
        layout: Layout::for_staff(state, staff, "任务台账").await?,
        error,
        notice: None,
        plans: ledgers::plans(&state.app, &staff.user).await?,
        runners: ledgers::running_units(&state.app, &staff.user).await?,
    })
}

async fn list_plans(State(state): State<AppState>, staff: Staff) -> Result<Response, WebError> {
    Ok(render(&list_page(&state, &staff, None).await?)?.into_response())
}

/// The list again with a refusal, or the new plan's page.
async fn after_import(
    state: &AppState,
    staff: &Staff,
    done: Result<PlanId, Error>,
) -> Result<Response, WebError> {
    match done {
        Ok(id) => Ok(Redirect::to(&format!("/console/ledgers/{id}?done=imported")).into_response()),
        Err(e) if e.is_client_error() && !matches!(e, Error::Forbidden | Error::NotFound(_)) => {
            let page = list_page(state, staff, Some(public_message(&e))).await?;
            Ok((status_of(&e), render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

async fn import_file(
    State(state): State<AppState>,
    staff: Staff,
    mut multipart: Multipart,
) -> Result<Response, WebError> {
    let form = match crate::kit::multipart::read(&state, &mut multipart).await {
        Ok(Ok(form)) => form,
        Ok(Err(e)) => return after_import(&state, &staff, Err(e)).await,
        Err(too_large) => return Ok(too_large),
    };
    let done = match (form.org("runner"), form.file("file")) {
        (Ok(runner), Some(file)) => {
            import::from_file(&state.app, &staff.user, runner, &file.file_name, file.bytes)
                .await
                .map(|p| p.id)
        }
        (Err(e), _) => Err(e),
        (_, None) => Err(Error::invalid("文件", "请选择要导入的文件")),
    };
    after_import(&state, &staff, done).await
}

#[derive(serde::Deserialize)]
struct DocumentImportForm {
    runner: String,
    document: String,
}

async fn import_document(
    State(state): State<AppState>,
    staff: Staff,
    Form(form): Form<DocumentImportForm>,
) -> Result<Response, WebError> {
    let done = match crate::kit::multipart::parse_org(&form.runner) {
        Ok(runner) => import::from_document(&state.app, &staff.user, runner, &form.document)
            .await
            .map(|p| p.id),
        Err(e) => Err(e),
    };
    after_import(&state, &staff, done).await
}

#[derive(Template)]
#[template(path = "ledgers/ledger.html")]
struct PlanPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<String>,
    view: PlanView,
    draft: bool,
    names: Vec<NameRow>,
    unknown: usize,
    /// Names the office declared not to be units (mapped to none).
    not_units: usize,
    units: Vec<Org>,
    chart: BarChart,
}

impl PlanPage {
    fn status_label(&self) -> &'static str {
        self.view.plan.status.label_zh()
    }

    fn year(&self) -> String {
        self.view
            .plan
            .year
            .map(|y| format!("{y}年"))
            .unwrap_or_else(|| "未注明".to_string())
    }
}

#[derive(serde::Deserialize, Default)]
struct PlanQuery {
    done: Option<String>,
    updated: Option<usize>,
    added: Option<usize>,
    unchanged: Option<usize>,
}

fn notice_of(query: &PlanQuery) -> Option<String> {
    let text = match query.done.as_deref()? {
        "sheet" => {
            return Some(format!(
                "已导入台账表格：更新 {} 项，新增 {} 项，未变 {} 项。进展情况和状态以报送和销号记录为准，不从表格读取。",
                query.updated.unwrap_or(0),
                query.added.unwrap_or(0),
                query.unchanged.unwrap_or(0)
            ));
        }
        "imported" => "已导入，请核对任务和单位后确认下发。",
        "mapped" => "已保存名称对应，下次导入时自动使用。",
        "confirmed" => "计划已确认下发，各单位可在“我的任务”中查看。",
        "updated" => "任务已更新。",
        "deleted" => "任务已删除。",
        "taken" => "已转入所选任务，请核对单位和工作时限后确认下发。",
        _ => return None,
    };
    Some(text.to_string())
}

async fn plan_page(
    state: &AppState,
    staff: &Staff,
    id: PlanId,
    error: Option<String>,
    query: &PlanQuery,
) -> Result<PlanPage, WebError> {
    let view = ledgers::plan_view(&state.app, &staff.user, id).await?;
    let draft = view.plan.status == PlanStatus::Draft;
    let reviewing = draft && view.may_manage;
    let names = if reviewing {
        review::names(&state.app, &staff.user, id).await?
    } else {
        Vec::new()
    };
    let units = if reviewing {
        gongkai_app::orgs::list(&state.app, &staff.user).await?
    } else {
        Vec::new()
    };
    let chart = completion_chart(&view.units);
    Ok(PlanPage {
        layout: Layout::for_staff(state, staff, &view.plan.title).await?,
        error,
        notice: notice_of(query),
        unknown: names.iter().filter(|n| n.resolved.is_unknown()).count(),
        not_units: names.iter().filter(|n| n.resolved.is_not_a_unit()).count(),
        draft,
        names,
        units,
        chart,
        view,
    })
}

async fn show_plan(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<PlanId>,
    Query(query): Query<PlanQuery>,
) -> Result<Response, WebError> {
    let page = plan_page(&state, &staff, id, None, &query).await?;
    Ok(render(&page)?.into_response())
}

/// Back to the plan page with a notice, or with the refusal.
pub(super) async fn plan_outcome(
    state: &AppState,
    staff: &Staff,
    id: PlanId,
    done: Result<String, Error>,
) -> Result<Response, WebError> {
    match done {
        Ok(query) => Ok(Redirect::to(&format!("/console/ledgers/{id}?{query}")).into_response()),
        Err(e) if e.is_client_error() && !matches!(e, Error::Forbidden | Error::NotFound(_)) => {
            let page = plan_page(
                state,
                staff,
                id,
                Some(public_message(&e)),
                &PlanQuery::default(),
            )
            .await?;
            Ok((status_of(&e), render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// The mapping form: a name and the units it means (several `unit` fields; none, or
/// the value `none`, for "not a unit").
async fn map_name(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<PlanId>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let name = pairs
        .iter()
        .find(|(k, _)| k == "name")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let units: Result<Vec<OrgId>, Error> = pairs
        .iter()
        .filter(|(k, v)| k == "unit" && !v.is_empty() && v != "none")
        .map(|(_, v)| crate::kit::multipart::parse_org(v))
        .collect();
    let done = match units {
        Ok(units) => review::map_name(&state.app, &staff.user, id, &name, &units)
            .await
            .map(|()| "done=mapped".to_string()),
        Err(e) => Err(e),
    };
    plan_outcome(&state, &staff, id, done).await
}

async fn confirm_plan(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<PlanId>,
) -> Result<Response, WebError> {
    let done = review::confirm(&state.app, &staff.user, id)
        .await
        .map(|()| "done=confirmed".to_string());
    plan_outcome(&state, &staff, id, done).await
}
