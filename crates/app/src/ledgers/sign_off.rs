//! The office's entries on a task: signing a unit's completed part off (销号),
//! returning it with a reason (退回), and closing the whole task (办结) with a reason
//! that names the units left. A shared task is signed off when the last unit's part
//! is (domain: [`TaskStatus::of_parts`]).

use super::review::managed_task;
use super::tracking::checked_text;
use crate::access::CurrentUser;
use crate::{App, Error, OrgId, Result};
use gongkai_domain::ledger::{PlanStatus, ReportKind, TaskStatus};
use gongkai_store::TaskId;
use gongkai_store::ledgers::reports::{self, NewReport};
use gongkai_store::ledgers::{Plan, Task};

/// What the office decides on a unit's part reported done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartDecision {
    /// 销号, with an optional note.
    SignOff,
    /// 退回, with the reason; the part is 推进中 again.
    Return,
}

/// The office signs `unit`'s completed part off (销号) or returns it (退回): only a
/// part the unit reported done.
pub async fn decide(
    app: &App,
    user: &CurrentUser,
    id: TaskId,
    unit: OrgId,
    decision: PartDecision,
    note: &str,
) -> Result<()> {
    let (plan, task) = confirmed_managed_task(app, user, id).await?;
    let (name, part) = part(&task, unit)?;
    let (field, allowed) = match decision {
        PartDecision::SignOff => ("销号", part.may_sign_off()),
        PartDecision::Return => ("退回", part.may_return()),
    };
    if !allowed {
        return Err(Error::invalid(
            field,
            format!(
                "{name}承担的部分当前为“{}”，单位报送已完成后方可{field}",
                part.label_zh()
            ),
        ));
    }
    let (kind, body) = match decision {
        PartDecision::SignOff if note.trim().is_empty() => {
            (ReportKind::SignOff, "审核通过，予以销号".to_string())
        }
        PartDecision::SignOff => (ReportKind::SignOff, checked_text("销号意见", note)?),
        PartDecision::Return => (ReportKind::Return, checked_text("退回理由", note)?),
    };
    let entry = office_entry(&plan, id, kind, Some(unit), part, body);
    append(app, user, entry).await
}

/// The office closes a task that not every unit has finished (办结), with a reason;
/// the entry names the units whose part was not signed off.
pub async fn close(app: &App, user: &CurrentUser, id: TaskId, reason: &str) -> Result<()> {
    let (plan, task) = confirmed_managed_task(app, user, id).await?;
    if task.status == TaskStatus::SignedOff {
        return Err(Error::invalid("办结", "任务已销号，无需办结"));
    }
    let reason = checked_text("办结理由", reason)?;
    let left: Vec<&str> = task
        .parts()
        .into_iter()
        .filter(|p| p.status != TaskStatus::SignedOff)
        .map(|p| p.name.as_str())
        .collect();
    let body = if left.is_empty() {
        format!("办结：{reason}")
    } else {
        format!("办结（未销号单位：{}）：{reason}", left.join("、"))
    };
    let entry = office_entry(&plan, id, ReportKind::Close, None, task.status, body);
    append(app, user, entry).await
}

/// The unit's name and the status of its part: refused for a unit not on the task.
fn part(task: &Task, unit: OrgId) -> Result<(String, TaskStatus)> {
    task.parts()
        .into_iter()
        .find(|p| p.org_id == unit)
        .map(|p| (p.name.clone(), p.status))
        .ok_or_else(|| Error::invalid("单位", "该单位不是本任务的承担单位"))
}

async fn confirmed_managed_task(app: &App, user: &CurrentUser, id: TaskId) -> Result<(Plan, Task)> {
    let (plan, task) = managed_task(app, user, id).await?;
    if plan.status != PlanStatus::Confirmed {
        return Err(Error::invalid("计划", "计划尚未下发"));
    }
    Ok((plan, task))
}

/// An entry of the office (from the unit running the plan): a sign-off or a return of
/// a completed part, or the closing of the task.
fn office_entry(
    plan: &Plan,
    id: TaskId,
    kind: ReportKind,
    part: Option<OrgId>,
    from: TaskStatus,
    body: String,
) -> NewReport {
    let status = match kind {
        ReportKind::Return => TaskStatus::InProgress,
        _ => TaskStatus::SignedOff,
    };
    NewReport {
        task_id: id,
        org_id: plan.org_id,
        kind,
        part,
        from,
        status,
        body,
    }
}

async fn append(app: &App, user: &CurrentUser, entry: NewReport) -> Result<()> {
    let mut tx = app.store.begin(user.actor()).await?;
    reports::add(&mut tx, &entry, &[]).await?;
    tx.commit().await?;
    Ok(())
}
