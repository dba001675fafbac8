//! Tracking a confirmed plan: each unit's tasks, its progress reports on its part with
//! evidence (uploaded files, documents published in the library), and the tasks due
//! within N working days; the office's sign-off, return and closing are in
//! [`super::sign_off`].
//!
//! A unit's staff see the tasks assigned to their units and, of each task's record,
//! their own units' reports and the office's entries; another unit's reports are not
//! theirs to see.

use super::{
    LEDGER_MANAGERS, LEDGER_OVERSEERS, TASK_REPORTERS, TaskRow, UnitStats, own_units, rows_of,
    unit_stats,
};
use crate::access::CurrentUser;
use crate::documents::files::{check_upload, read_content, save_upload};
use crate::documents::public_document;
use crate::{App, DocumentId, Error, OrgId, Result};
use gongkai_domain::ledger::{PlanStatus, ReportKind, TaskStatus};
use gongkai_store::TaskId;
use gongkai_store::ledgers::reports::{self, Evidence, NewEvidence, NewReport, Report};
use gongkai_store::ledgers::{self, Plan, Task};
use gongkai_store::orgs::{self, Org};

/// Longest report text, in characters.
pub const MAX_REPORT_CHARS: usize = 4000;

/// A task as one user sees it.
#[derive(Debug, Clone)]
pub struct TaskView {
    pub plan: Plan,
    pub row: TaskRow,
    /// The record entries the user may see, oldest first.
    pub reports: Vec<Report>,
    /// The task's units the user may report for.
    pub reporting_units: Vec<Org>,
    /// Whether the user may sign the task off or return it.
    pub may_manage: bool,
}

/// Who is looking at a task, and through which units.
struct Viewer {
    oversees: bool,
    manages: bool,
    /// The task's units the user works for.
    own: Vec<OrgId>,
}

async fn viewer(
    app: &App,
    user: &CurrentUser,
    plan: &Plan,
    task: &Task,
) -> Result<(Viewer, Vec<Org>)> {
    let all = orgs::list(&app.store).await?;
    let viewer = Viewer {
        oversees: user.covers(&LEDGER_OVERSEERS, plan.org_id, &all),
        manages: user.covers(&LEDGER_MANAGERS, plan.org_id, &all),
        own: own_units(user, task.units.iter().map(|u| u.org_id), &all),
    };
    let sees = viewer.oversees || (plan.status == PlanStatus::Confirmed && !viewer.own.is_empty());
    if sees {
        Ok((viewer, all))
    } else {
        Err(Error::Forbidden)
    }
}

impl Viewer {
    /// The office's entries are for every unit of the task; a unit's report is for
    /// that unit (and those who follow the plan) only, even when the unit is the one
    /// running the plan.
    fn may_see(&self, report: &Report) -> bool {
        self.oversees || report.kind != ReportKind::Progress || self.own.contains(&report.org_id)
    }
}

/// A task with the record the user may see: 403 for a task of another unit.
pub async fn task_view(app: &App, user: &CurrentUser, id: TaskId) -> Result<TaskView> {
    let task = ledgers::task(&app.store, id).await?;
    let plan = ledgers::get(&app.store, task.plan_id).await?;
    let (viewer, all) = viewer(app, user, &plan, &task).await?;
    let reports = reports::of(&app.store, id)
        .await?
        .into_iter()
        .filter(|r| viewer.may_see(r))
        .collect();
    let confirmed = plan.status == PlanStatus::Confirmed;
    let reporting_units = all
        .iter()
        .filter(|o| {
            confirmed && viewer.own.contains(&o.id) && user.covers(&TASK_REPORTERS, o.id, &all)
        })
        .cloned()
        .collect();
    Ok(TaskView {
        may_manage: viewer.manages && confirmed,
        row: rows_of(app, vec![task]).remove(0),
        plan,
        reports,
        reporting_units,
    })
}

/// An uploaded file of a report.
#[derive(Debug, Clone)]
pub struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// A unit's progress report.
#[derive(Debug, Clone)]
pub struct ReportInput {
    /// The reporting unit (one of the task's units the user works for).
    pub org_id: OrgId,
    pub status: TaskStatus,
    pub body: String,
    /// Documents published in the library, as evidence.
    pub documents: Vec<DocumentId>,
    pub files: Vec<Upload>,
}

/// Files a unit's progress report: the unit must be one of the task's and the user's,
/// the plan confirmed, the move allowed (never on a signed-off task), the text given;
/// documents cited as evidence must be published in the library.
pub async fn report(app: &App, user: &CurrentUser, id: TaskId, input: ReportInput) -> Result<i64> {
    let view = task_view(app, user, id).await?;
    if !view.reporting_units.iter().any(|o| o.id == input.org_id) {
        return Err(Error::Forbidden);
    }
    // Each unit reports on its own part; a closed task takes no more reports.
    let task = &view.row.task;
    let current = task.part_of(input.org_id).ok_or(Error::Forbidden)?;
    if task.status == TaskStatus::SignedOff || !current.unit_may_report(input.status) {
        let shown = if task.status == TaskStatus::SignedOff {
            task.status
        } else {
            current
        };
        return Err(Error::invalid(
            "任务状态",
            format!(
                "本单位承担的部分当前为“{}”，不能报送为“{}”",
                shown.label_zh(),
                input.status.label_zh()
            ),
        ));
    }
    let body = checked_text("进展情况", &input.body)?;
    for upload in &input.files {
        check_upload(&upload.file_name, &upload.bytes)?;
    }
    let mut evidence = Vec::new();
    for document in &input.documents {
        public_document(app, *document).await.map_err(|_| {
            Error::invalid("佐证文件", format!("文件 {document} 不存在或尚未公开发布"))
        })?;
        evidence.push(NewEvidence::Document(*document));
    }
    for upload in input.files {
        let file = save_upload(app, &upload.file_name, upload.bytes).await?;
        evidence.push(NewEvidence::File {
            sha256: file.sha256,
            file_name: file.file_name,
            media_type: file.media_type,
            size_bytes: file.size_bytes,
        });
    }
    let entry = NewReport {
        task_id: id,
        org_id: input.org_id,
        kind: ReportKind::Progress,
        part: Some(input.org_id),
        from: current,
        status: input.status,
        body,
    };
    let mut tx = app.store.begin(user.actor()).await?;
    let report = reports::add(&mut tx, &entry, &evidence).await?;
    tx.commit().await?;
    Ok(report)
}

pub(super) fn checked_text(field: &str, text: &str) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::invalid(field, "请填写内容"));
    }
    if text.chars().count() > MAX_REPORT_CHARS {
        return Err(Error::invalid(
            field,
            format!("不能超过 {MAX_REPORT_CHARS} 个字"),
        ));
    }
    Ok(text.to_string())
}

/// A file of a report the user may see, with its content.
pub async fn evidence_file(
    app: &App,
    user: &CurrentUser,
    task: TaskId,
    evidence: i64,
) -> Result<(Evidence, Vec<u8>)> {
    let view = task_view(app, user, task).await?;
    let item = view
        .reports
        .into_iter()
        .flat_map(|r| r.evidence)
        .find(|e| e.id == evidence)
        .ok_or_else(|| Error::NotFound("佐证材料不存在".to_string()))?;
    let sha256 = item
        .sha256
        .clone()
        .ok_or_else(|| Error::NotFound("该佐证材料不是文件".to_string()))?;
    let bytes = read_content(app, &sha256).await?;
    Ok((item, bytes))
}

/// A task with its plan's title, for lists across plans.
#[derive(Debug, Clone)]
pub struct WorkRow {
    pub plan_title: String,
    pub row: TaskRow,
}

/// The tasks of confirmed plans the user works on: those of their units, and for the
/// office and leaders every task of their governments' plans; overdue first, then by
/// deadline.
pub async fn work(app: &App, user: &CurrentUser) -> Result<Vec<WorkRow>> {
    let all = orgs::list(&app.store).await?;
    let plans = ledgers::list(&app.store).await?;
    let mut tasks: Vec<Task> = Vec::new();
    for plan in plans.iter().filter(|p| p.status == PlanStatus::Confirmed) {
        let oversees = user.covers(&LEDGER_OVERSEERS, plan.org_id, &all);
        tasks.extend(
            ledgers::tasks_of(&app.store, plan.id)
                .await?
                .into_iter()
                .filter(|t| {
                    oversees || !own_units(user, t.units.iter().map(|u| u.org_id), &all).is_empty()
                }),
        );
    }
    let mut rows: Vec<WorkRow> = rows_of(app, tasks)
        .into_iter()
        .map(|row| WorkRow {
            plan_title: plans
                .iter()
                .find(|p| p.id == row.task.plan_id)
                .map(|p| p.title.clone())
                .unwrap_or_default(),
            row,
        })
        .collect();
    rows.sort_by_key(|w| {
        (
            !w.row.timeliness.is_overdue(),
            w.row.task.fields.deadline.is_none(),
            w.row.task.fields.deadline,
        )
    });
    Ok(rows)
}

/// The due list's default horizon, in working days (the tasks page and the console home).
pub const DUE_WITHIN: i64 = 10;
/// The longest due-list horizon that may be asked for, in working days.
pub const MAX_WITHIN: i64 = 250;

/// The user's unfinished tasks due within `n` working days, or already overdue.
pub async fn due_within(app: &App, user: &CurrentUser, n: i64) -> Result<Vec<WorkRow>> {
    Ok(work(app, user)
        .await?
        .into_iter()
        .filter(|w| w.row.timeliness.is_overdue() || w.row.timeliness.is_due_within(n))
        .collect())
}

/// The figures per unit of a task list, for the units the user works for (every unit
/// for those who see whole plans): the unit's dashboard across plans.
pub async fn unit_figures(
    app: &App,
    user: &CurrentUser,
    rows: &[WorkRow],
) -> Result<Vec<UnitStats>> {
    let all = orgs::list(&app.store).await?;
    let mine: Vec<Org> = all
        .iter()
        .filter(|o| user.covers(&crate::access::STAFF, o.id, &all))
        .cloned()
        .collect();
    let rows: Vec<TaskRow> = rows.iter().map(|w| w.row.clone()).collect();
    Ok(unit_stats(&rows, &mine))
}
