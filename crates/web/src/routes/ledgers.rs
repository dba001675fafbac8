//! Console pages of work-plan ledgers for the disclosure office: the list of plans with
//! the import forms, a plan's page (review of a draft: names to map, tasks to correct,
//! confirmation; tracking of a confirmed plan: figures, chart per unit, the ledger),
//! and the correction form of a task. Units' pages are in `tasks`.

use super::console::console_layout;
use super::render;
use crate::AppState;
use crate::chart::CompletionChart;
use crate::error::{WebError, public_message, status_of};
use crate::layout::Layout;
use crate::visitor::Staff;
use askama::Template;
use axum::Router;
use axum::extract::{Form, Multipart, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use gongkai_app::ledgers::derive::{self, Link, Pick, Target};
use gongkai_app::ledgers::review::{self, NameRow, TaskInput};
use gongkai_app::ledgers::{self, PlanSummary, PlanView, import, sheet};
use gongkai_app::model::Org;
use gongkai_app::model::Task;
use gongkai_app::{Error, OrgId, PlanId, TaskId};
use gongkai_domain::ledger::PlanStatus;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/ledgers", get(list_plans))
        .route("/console/ledgers/import", post(import_file))
        .route("/console/ledgers/import-document", post(import_document))
        .route("/console/ledgers/{id}", get(show_plan))
        .route("/console/ledgers/{id}/names", post(map_name))
        .route("/console/ledgers/{id}/confirm", post(confirm_plan))
        .route("/console/ledgers/{id}/ledger.xlsx", get(export_sheet))
        .route("/console/ledgers/{id}/sheet", post(import_sheet))
        .route(
            "/console/ledgers/{id}/take",
            get(show_pick).post(take_tasks),
        )
        .route("/console/tasks/{id}/edit", get(edit_task).post(update_task))
        .route("/console/tasks/{id}/delete", post(delete_task))
}

#[derive(Template)]
#[template(path = "ledgers.html")]
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
        layout: console_layout(state, staff, "任务台账").await?,
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
    let form = match super::multipart::read(&mut multipart).await {
        Ok(form) => form,
        Err(super::multipart::Refusal::TooLarge) => {
            return Ok(crate::security::too_large(
                state.app.settings.server.body_limit_bytes,
            ));
        }
        Err(super::multipart::Refusal::Invalid(e)) => {
            return after_import(&state, &staff, Err(e)).await;
        }
    };
    let done = match (form.org("runner"), form.files.into_iter().next()) {
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
    let done = match super::multipart::parse_org(&form.runner) {
        Ok(runner) => import::from_document(&state.app, &staff.user, runner, &form.document)
            .await
            .map(|p| p.id),
        Err(e) => Err(e),
    };
    after_import(&state, &staff, done).await
}

#[derive(Template)]
#[template(path = "ledger.html")]
struct PlanPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<String>,
    view: PlanView,
    draft: bool,
    names: Vec<NameRow>,
    unknown: usize,
    units: Vec<Org>,
    chart: CompletionChart,
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
    let chart = CompletionChart::of(&view.units);
    Ok(PlanPage {
        layout: console_layout(state, staff, &view.plan.title).await?,
        error,
        notice: notice_of(query),
        unknown: names.iter().filter(|n| n.resolved.is_unknown()).count(),
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
async fn plan_outcome(
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
        .map(|(_, v)| super::multipart::parse_org(v))
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

#[derive(Template)]
#[template(path = "ledger_task_form.html")]
struct TaskFormPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<String>,
    task: Task,
    input: TaskInput,
}

async fn task_form(
    state: &AppState,
    staff: &Staff,
    id: TaskId,
    input: Option<TaskInput>,
    error: Option<String>,
) -> Result<TaskFormPage, WebError> {
    let (_, task) = review::managed_task(&state.app, &staff.user, id).await?;
    Ok(TaskFormPage {
        layout: console_layout(state, staff, "修改任务").await?,
        error,
        notice: None,
        input: input.unwrap_or_else(|| TaskInput::from_task(&task)),
        task,
    })
}

async fn edit_task(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<TaskId>,
) -> Result<Response, WebError> {
    Ok(render(&task_form(&state, &staff, id, None, None).await?)?.into_response())
}

async fn update_task(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<TaskId>,
    Form(input): Form<TaskInput>,
) -> Result<Response, WebError> {
    match review::update_task(&state.app, &staff.user, id, &input).await {
        Ok(task) => Ok(Redirect::to(&format!(
            "/console/ledgers/{}?done=updated#task-{}",
            task.plan_id, task.id
        ))
        .into_response()),
        Err(e) if e.is_client_error() && !matches!(e, Error::Forbidden | Error::NotFound(_)) => {
            let page = task_form(&state, &staff, id, Some(input), Some(public_message(&e))).await?;
            Ok((status_of(&e), render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

async fn delete_task(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<TaskId>,
) -> Result<Response, WebError> {
    let plan = review::delete_task(&state.app, &staff.user, id).await?;
    Ok(Redirect::to(&format!("/console/ledgers/{plan}?done=deleted")).into_response())
}

async fn export_sheet(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<PlanId>,
) -> Result<Response, WebError> {
    let (name, bytes) = sheet::export(&state.app, &staff.user, id).await?;
    Ok(super::document_actions::file_response(
        &name,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        bytes,
    ))
}

async fn import_sheet(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<PlanId>,
    mut multipart: Multipart,
) -> Result<Response, WebError> {
    let done = match super::multipart::read(&mut multipart).await {
        Ok(form) => match form.files.first() {
            Some(file) => sheet::import(&state.app, &staff.user, id, &file.file_name, &file.bytes)
                .await
                .map(|r| {
                    format!(
                        "done=sheet&updated={}&added={}&unchanged={}",
                        r.updated, r.added, r.unchanged
                    )
                }),
            None => Err(Error::invalid("文件", "请选择台账表格")),
        },
        Err(super::multipart::Refusal::TooLarge) => {
            return Ok(crate::security::too_large(
                state.app.settings.server.body_limit_bytes,
            ));
        }
        Err(super::multipart::Refusal::Invalid(e)) => Err(e),
    };
    plan_outcome(&state, &staff, id, done).await
}

#[derive(Template)]
#[template(path = "ledger_take.html")]
struct PickPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<String>,
    pick: Pick,
    link: &'static str,
    carry_over: bool,
}

#[derive(serde::Deserialize)]
struct LinkQuery {
    link: String,
}

fn link_of(code: &str) -> Result<Link, Error> {
    Link::parse(code).ok_or_else(|| Error::NotFound("页面不存在".to_string()))
}

async fn pick_page(
    state: &AppState,
    staff: &Staff,
    id: PlanId,
    link: Link,
    error: Option<String>,
) -> Result<PickPage, WebError> {
    let pick = derive::pick(&state.app, &staff.user, id, link).await?;
    let title = match link {
        Link::CarryOver => "回头看：结转未完成任务",
        Link::Superior => "依据上级计划制定本级分工",
    };
    Ok(PickPage {
        layout: console_layout(state, staff, title).await?,
        error,
        notice: None,
        pick,
        link: link.code(),
        carry_over: link == Link::CarryOver,
    })
}

async fn show_pick(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<PlanId>,
    Query(query): Query<LinkQuery>,
) -> Result<Response, WebError> {
    let link = link_of(&query.link)?;
    Ok(render(&pick_page(&state, &staff, id, link, None).await?)?.into_response())
}

/// The pick form: `link`, several `task`, and `target` (a plan id, or `new` with
/// `title` and `runner`).
async fn take_tasks(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<PlanId>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let value = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map_or("", |(_, v)| v.as_str())
    };
    let link = link_of(value("link"))?;
    let tasks: Result<Vec<TaskId>, Error> = pairs
        .iter()
        .filter(|(k, _)| k == "task")
        .map(|(_, v)| {
            v.parse()
                .map(TaskId)
                .map_err(|_| Error::invalid("任务", "无效的任务编号"))
        })
        .collect();
    let target = match value("target") {
        "new" => super::multipart::parse_org(value("runner")).map(|runner| Target::New {
            title: value("title").to_string(),
            runner,
        }),
        other => other
            .parse()
            .map(|p| Target::Plan(PlanId(p)))
            .map_err(|_| Error::invalid("转入计划", "请选择转入的计划")),
    };
    let done = match (tasks, target) {
        (Ok(tasks), Ok(target)) => {
            derive::take(&state.app, &staff.user, id, link, &tasks, target).await
        }
        (Err(e), _) | (_, Err(e)) => Err(e),
    };
    match done {
        Ok((target, _)) => {
            Ok(Redirect::to(&format!("/console/ledgers/{target}?done=taken")).into_response())
        }
        Err(e) if e.is_client_error() && !matches!(e, Error::Forbidden | Error::NotFound(_)) => {
            let page = pick_page(&state, &staff, id, link, Some(public_message(&e))).await?;
            Ok((status_of(&e), render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
