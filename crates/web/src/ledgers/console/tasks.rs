//! Console pages of ledger tasks for units and the office: the user's tasks with the
//! ones due within N working days, a task's page with its record, the unit's progress
//! report on its part (with files and library documents as evidence), the office's
//! sign-off and return of each unit's part and closing of the task, and evidence
//! downloads.

use crate::kit::chart::BarChart;
use crate::kit::download::file_response;
use crate::kit::error::{WebError, public_message, status_of};
use crate::kit::format::local_time;
use crate::kit::layout::Layout;
use crate::kit::multipart::{self, MultipartForm};
use crate::kit::render::render;
use crate::kit::state::AppState;
use crate::kit::visitor::Staff;
use crate::ledgers::completion::completion_chart;
use askama::Template;
use axum::Router;
use axum::extract::{Form, Multipart, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use gongkai_app::ledgers::UnitStats;
use gongkai_app::ledgers::sign_off::{self, PartDecision};
use gongkai_app::ledgers::tracking::{self, ReportInput, TaskView, Upload, WorkRow};
use gongkai_app::model::Report;
use gongkai_app::{DocumentId, Error, OrgId, TaskId};
use gongkai_domain::ledger::TaskStatus;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/console/tasks", get(list_tasks))
        .route("/console/tasks/{id}", get(show_task))
        .route("/console/tasks/{id}/reports", post(file_report))
        .route(
            "/console/tasks/{id}/sign-off",
            post(|State(state), staff, Path(id), Form(form)| {
                decide_part(state, staff, id, form, PartDecision::SignOff)
            }),
        )
        .route(
            "/console/tasks/{id}/return",
            post(|State(state), staff, Path(id), Form(form)| {
                decide_part(state, staff, id, form, PartDecision::Return)
            }),
        )
        .route("/console/tasks/{id}/close", post(close_task))
        .route(
            "/console/tasks/{id}/evidence/{evidence}",
            get(download_evidence),
        )
}

/// Default horizon of the due list, in working days.
pub const DUE_WITHIN: i64 = 10;
/// Longest horizon asked for.
const MAX_WITHIN: i64 = 250;

#[derive(Template)]
#[template(path = "ledgers/tasks.html")]
struct ListPage {
    layout: Layout,
    rows: Vec<WorkRow>,
    /// Figures per unit of the listed tasks, as a table and a chart.
    units: Vec<UnitStats>,
    chart: BarChart,
    /// The due-list horizon, when the list is filtered.
    within: Option<i64>,
    default_within: i64,
}

#[derive(serde::Deserialize)]
struct ListQuery {
    within: Option<String>,
}

async fn list_tasks(
    State(state): State<AppState>,
    staff: Staff,
    Query(query): Query<ListQuery>,
) -> Result<Response, WebError> {
    let within = match query.within.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(
            text.parse::<i64>()
                .ok()
                .filter(|n| (0..=MAX_WITHIN).contains(n))
                .ok_or_else(|| {
                    Error::invalid("工作日数", format!("请填写 0 到 {MAX_WITHIN} 之间的整数"))
                })?,
        ),
    };
    let rows = match within {
        Some(n) => tracking::due_within(&state.app, &staff.user, n).await?,
        None => tracking::work(&state.app, &staff.user).await?,
    };
    let units = tracking::unit_figures(&state.app, &staff.user, &rows).await?;
    let page = ListPage {
        layout: Layout::for_staff(&state, &staff, "我的任务").await?,
        chart: completion_chart(&units),
        units,
        rows,
        within,
        default_within: DUE_WITHIN,
    };
    Ok(render(&page)?.into_response())
}

/// One record entry as the page shows it.
struct Entry {
    report: Report,
    at: String,
    kind: &'static str,
}

#[derive(Template)]
#[template(path = "ledgers/task.html")]
struct TaskPage {
    layout: Layout,
    error: Option<String>,
    notice: Option<String>,
    view: TaskView,
    entries: Vec<Entry>,
    statuses: Vec<TaskStatus>,
}

#[derive(serde::Deserialize)]
struct TaskQuery {
    done: Option<String>,
}

fn notice_of(done: Option<&str>) -> Option<String> {
    let text = match done? {
        "reported" => "进展情况已报送。",
        "signed_off" => "该单位承担的部分已销号。",
        "returned" => "已退回该单位，单位将继续推进。",
        "closed" => "任务已办结。",
        _ => return None,
    };
    Some(text.to_string())
}

async fn task_page(
    state: &AppState,
    staff: &Staff,
    id: TaskId,
    error: Option<String>,
    done: Option<&str>,
) -> Result<TaskPage, WebError> {
    let view = tracking::task_view(&state.app, &staff.user, id).await?;
    let entries = view
        .reports
        .iter()
        .map(|r| Entry {
            at: local_time(r.at),
            kind: r.kind.label_zh(),
            report: r.clone(),
        })
        .collect();
    Ok(TaskPage {
        layout: Layout::for_staff(state, staff, "任务详情").await?,
        error,
        notice: notice_of(done),
        entries,
        statuses: vec![TaskStatus::InProgress, TaskStatus::Completed],
        view,
    })
}

async fn show_task(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<TaskId>,
    Query(query): Query<TaskQuery>,
) -> Result<Response, WebError> {
    let page = task_page(&state, &staff, id, None, query.done.as_deref()).await?;
    Ok(render(&page)?.into_response())
}

async fn outcome(
    state: &AppState,
    staff: &Staff,
    id: TaskId,
    done: Result<&str, Error>,
) -> Result<Response, WebError> {
    match done {
        Ok(notice) => {
            Ok(Redirect::to(&format!("/console/tasks/{id}?done={notice}")).into_response())
        }
        Err(e) if e.is_client_error() && !matches!(e, Error::Forbidden | Error::NotFound(_)) => {
            let page = task_page(state, staff, id, Some(public_message(&e)), None).await?;
            Ok((status_of(&e), render(&page)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// The report form as the app takes it.
fn report_input(form: MultipartForm) -> Result<ReportInput, Error> {
    let status = TaskStatus::parse(form.text("status"))
        .ok_or_else(|| Error::invalid("任务状态", "请选择报送后的任务状态"))?;
    let documents = form
        .all("document")
        .flat_map(|v| v.split([',', '，', ' ', '、']))
        .filter(|v| !v.is_empty())
        .map(|v| {
            v.parse()
                .map(DocumentId)
                .map_err(|_| Error::invalid("佐证文件", format!("“{v}”不是文件编号")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ReportInput {
        org_id: form.org("unit")?,
        status,
        body: form.text("body").to_string(),
        documents,
        files: form
            .files
            .into_iter()
            .map(|f| Upload {
                file_name: f.file_name,
                bytes: f.bytes,
            })
            .collect(),
    })
}

async fn file_report(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<TaskId>,
    mut multipart: Multipart,
) -> Result<Response, WebError> {
    let input = match multipart::read(&state, &mut multipart).await {
        Err(too_large) => return Ok(too_large),
        Ok(form) => form.and_then(report_input),
    };
    let done = match input {
        Ok(input) => tracking::report(&state.app, &staff.user, id, input)
            .await
            .map(|_| "reported"),
        Err(e) => Err(e),
    };
    outcome(&state, &staff, id, done).await
}

/// The office's sign-off or return of one unit's part, or the closing of the task.
#[derive(serde::Deserialize)]
struct OfficeForm {
    #[serde(default)]
    unit: String,
    #[serde(default)]
    note: String,
}

impl OfficeForm {
    fn unit(&self) -> Result<OrgId, Error> {
        self.unit
            .trim()
            .parse()
            .map(OrgId)
            .map_err(|_| Error::invalid("单位", "请选择单位"))
    }
}

/// The office's sign-off or return of one unit's part.
async fn decide_part(
    state: AppState,
    staff: Staff,
    id: TaskId,
    form: OfficeForm,
    decision: PartDecision,
) -> Result<Response, WebError> {
    let done = match form.unit() {
        Ok(unit) => sign_off::decide(&state.app, &staff.user, id, unit, decision, &form.note)
            .await
            .map(|()| match decision {
                PartDecision::SignOff => "signed_off",
                PartDecision::Return => "returned",
            }),
        Err(e) => Err(e),
    };
    outcome(&state, &staff, id, done).await
}

async fn close_task(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<TaskId>,
    Form(form): Form<OfficeForm>,
) -> Result<Response, WebError> {
    let done = sign_off::close(&state.app, &staff.user, id, &form.note)
        .await
        .map(|()| "closed");
    outcome(&state, &staff, id, done).await
}

async fn download_evidence(
    State(state): State<AppState>,
    staff: Staff,
    Path((id, evidence)): Path<(TaskId, i64)>,
) -> Result<Response, WebError> {
    let (item, bytes) = tracking::evidence_file(&state.app, &staff.user, id, evidence).await?;
    Ok(file_response(&item.file_name, &item.media_type, bytes))
}
