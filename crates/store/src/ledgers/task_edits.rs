//! Changing a plan's tasks: adding, correcting and removing them, setting their
//! units, and moving their status.

use super::TaskFields;
use crate::time::{date_to_text, to_text};
use crate::{Error, OrgId, PlanId, Result, TaskId, WriteTx, now};
use gongkai_domain::ledger::{TaskStatus, UnitRole};
use sqlx::Row;

/// Appends a task to a plan, after its other tasks.
pub async fn add_task(tx: &mut WriteTx, plan: PlanId, task: &TaskFields) -> Result<TaskId> {
    let row = sqlx::query(
        "INSERT INTO plan_tasks (plan_id, position, outline, path_json, number, body, lead_names, \
         responsible_names, deadline_text, deadline, ongoing, status, superior_task_id, \
         carried_from_id, updated_at) VALUES ($1, \
         (SELECT COALESCE(MAX(position), 0) + 1 FROM plan_tasks WHERE plan_id = $1), \
         $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
    )
    .bind(plan.0)
    .bind(&task.outline)
    .bind(json_text(&task.path))
    .bind(task.number.as_deref())
    .bind(&task.body)
    .bind(json_text(&task.lead_names))
    .bind(json_text(&task.responsible_names))
    .bind(task.deadline_text.as_deref())
    .bind(task.deadline.map(date_to_text))
    .bind(i64::from(task.ongoing))
    .bind(TaskStatus::NotStarted.code())
    .bind(task.superior_task_id.map(|t| t.0))
    .bind(task.carried_from_id.map(|t| t.0))
    .bind(to_text(now()))
    .fetch_one(tx.conn())
    .await?;
    Ok(TaskId(row.try_get("id")?))
}

fn json_text(names: &[String]) -> String {
    serde_json::to_string(names).unwrap_or_else(|_| "[]".to_string())
}

/// Replaces a task's written fields (while its plan is a draft, or by re-import).
pub async fn update_task(tx: &mut WriteTx, id: TaskId, fields: &TaskFields) -> Result<()> {
    let done = sqlx::query(
        "UPDATE plan_tasks SET outline = $1, path_json = $2, number = $3, body = $4, \
         lead_names = $5, responsible_names = $6, deadline_text = $7, deadline = $8, \
         ongoing = $9, updated_at = $10 WHERE id = $11",
    )
    .bind(&fields.outline)
    .bind(json_text(&fields.path))
    .bind(fields.number.as_deref())
    .bind(&fields.body)
    .bind(json_text(&fields.lead_names))
    .bind(json_text(&fields.responsible_names))
    .bind(fields.deadline_text.as_deref())
    .bind(fields.deadline.map(date_to_text))
    .bind(i64::from(fields.ongoing))
    .bind(to_text(now()))
    .bind(id.0)
    .execute(tx.conn())
    .await?;
    if done.rows_affected() == 0 {
        return Err(Error::NotFound {
            entity: "任务",
            id: id.to_string(),
        });
    }
    let entry = serde_json::to_value(fields).unwrap_or(serde_json::Value::Null);
    tx.record("task.update", "task", id, None, Some(entry));
    Ok(())
}

/// Removes a task from a draft plan.
pub async fn delete_task(tx: &mut WriteTx, id: TaskId) -> Result<()> {
    sqlx::query("DELETE FROM plan_task_units WHERE task_id = $1")
        .bind(id.0)
        .execute(tx.conn())
        .await?;
    sqlx::query("DELETE FROM plan_tasks WHERE id = $1")
        .bind(id.0)
        .execute(tx.conn())
        .await?;
    tx.record("task.delete", "task", id, None, None);
    Ok(())
}

/// Sets the units a task is assigned to, replacing the previous ones.
pub async fn set_units(tx: &mut WriteTx, id: TaskId, units: &[(OrgId, UnitRole)]) -> Result<()> {
    sqlx::query("DELETE FROM plan_task_units WHERE task_id = $1")
        .bind(id.0)
        .execute(tx.conn())
        .await?;
    for (org, role) in units {
        sqlx::query(
            "INSERT INTO plan_task_units (task_id, org_id, role) VALUES ($1, $2, $3) \
             ON CONFLICT DO NOTHING",
        )
        .bind(id.0)
        .bind(org.0)
        .bind(role.code())
        .execute(tx.conn())
        .await?;
    }
    // A unit no longer assigned has no part any more.
    sqlx::query(
        "DELETE FROM task_parts WHERE task_id = $1 AND org_id NOT IN \
         (SELECT org_id FROM plan_task_units WHERE task_id = $1)",
    )
    .bind(id.0)
    .execute(tx.conn())
    .await?;
    Ok(())
}

/// Moves one unit's part of a task from `from` to `to` and the task to the status its
/// parts give it ([`TaskStatus::of_parts`]); refused when the part no longer has
/// status `from` or the task was closed meanwhile.
pub(crate) async fn set_part_status(
    tx: &mut WriteTx,
    id: TaskId,
    org: OrgId,
    from: TaskStatus,
    to: TaskStatus,
) -> Result<()> {
    let stale = || Error::Refused("任务状态已被他人更新，请刷新页面后再操作".to_string());
    let row = sqlx::query(
        "SELECT t.status AS task_status, COALESCE(p.status, 'not_started') AS part \
         FROM plan_tasks t LEFT JOIN task_parts p ON p.task_id = t.id AND p.org_id = $2 \
         WHERE t.id = $1",
    )
    .bind(id.0)
    .bind(org.0)
    .fetch_optional(tx.conn())
    .await?
    .ok_or_else(stale)?;
    let task_status: String = row.try_get("task_status")?;
    let part: String = row.try_get("part")?;
    if part != from.code() || task_status == TaskStatus::SignedOff.code() {
        return Err(stale());
    }
    sqlx::query(
        "INSERT INTO task_parts (task_id, org_id, status) VALUES ($1, $2, $3) \
         ON CONFLICT (task_id, org_id) DO UPDATE SET status = excluded.status",
    )
    .bind(id.0)
    .bind(org.0)
    .bind(to.code())
    .execute(tx.conn())
    .await?;
    let rows = sqlx::query(
        "SELECT DISTINCT u.org_id, COALESCE(p.status, 'not_started') AS part \
         FROM plan_task_units u LEFT JOIN task_parts p ON p.task_id = u.task_id AND p.org_id = u.org_id \
         WHERE u.task_id = $1",
    )
    .bind(id.0)
    .fetch_all(tx.conn())
    .await?;
    let parts = rows
        .iter()
        .map(|r| {
            let code: String = r.try_get("part")?;
            TaskStatus::parse(&code).ok_or_else(|| Error::unreadable("任务状态", &code))
        })
        .collect::<Result<Vec<_>>>()?;
    let derived = TaskStatus::of_parts(parts).unwrap_or(to);
    let current = TaskStatus::parse(&task_status)
        .ok_or_else(|| Error::unreadable("任务状态", &task_status))?;
    if derived != current {
        set_status(tx, id, current, derived).await?;
    }
    Ok(())
}

/// Moves a task from the status `from` to `to` (by a report, a sign-off or a return);
/// refused when the task no longer has status `from`, e.g. because the office signed it
/// off meanwhile.
pub(crate) async fn set_status(
    tx: &mut WriteTx,
    id: TaskId,
    from: TaskStatus,
    to: TaskStatus,
) -> Result<()> {
    let done = sqlx::query(
        "UPDATE plan_tasks SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4",
    )
    .bind(to.code())
    .bind(to_text(now()))
    .bind(id.0)
    .bind(from.code())
    .execute(tx.conn())
    .await?;
    if done.rows_affected() == 0 {
        return Err(Error::Refused(
            "任务状态已被他人更新，请刷新页面后再操作".to_string(),
        ));
    }
    Ok(())
}
