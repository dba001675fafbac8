//! What the office does to a plan besides reviewing it: correct or delete a draft's
//! task, export the ledger sheet and import it back, and take tasks into another plan
//! (回头看, a local division from a superior plan).

use super::plans::plan_outcome;
use crate::kit::error::{WebError, public_message, status_of};
use crate::kit::layout::Layout;
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use askama::Template;
use axum::Router;
use axum::extract::{Form, Multipart, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use gongkai_app::ledgers::derive::{self, Link, Pick, Target};
use gongkai_app::ledgers::review::{self, TaskInput};
use gongkai_app::ledgers::sheet;
use gongkai_app::model::Task;
use gongkai_app::{Error, PlanId, TaskId};

pub fn router() -> Router<AppState> {
    Router::new()
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
#[template(path = "ledgers/ledger_task_form.html")]
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
        layout: Layout::for_staff(state, staff, "修改任务").await?,
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
    Ok(crate::kit::download::file_response(
        &name,
        crate::kit::download::XLSX,
        bytes,
    ))
}

async fn import_sheet(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<PlanId>,
    mut multipart: Multipart,
) -> Result<Response, WebError> {
    let done = match crate::kit::multipart::read(&state, &mut multipart).await {
        Err(too_large) => return Ok(too_large),
        Ok(Err(e)) => Err(e),
        Ok(Ok(form)) => match form.file("file") {
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
    };
    plan_outcome(&state, &staff, id, done).await
}

#[derive(Template)]
#[template(path = "ledgers/ledger_take.html")]
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
        layout: Layout::for_staff(state, staff, title).await?,
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
        "new" => crate::kit::multipart::parse_org(value("runner")).map(|runner| Target::New {
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
