//! Work-plan ledgers (任务分工台账): plans and their tasks, the units each task is
//! assigned to, the unit names the office mapped once ([`mappings`]) and the record of
//! progress reports, sign-offs and returns ([`reports`]).
//!
//! A task keeps the unit names as the plan wrote them next to the units they resolved
//! to, so that a later mapping can resolve them again and the ledger can always be
//! exported as written.

pub mod mappings;
pub mod reports;

use crate::time::{date_to_text, from_text, optional_date, optional_time, to_text};
use crate::{DocumentId, Error, OrgId, PlanId, Result, Store, TaskId, Timestamp, WriteTx, now};
use chrono::NaiveDate;
use gongkai_domain::ledger::{PlanStatus, TaskStatus, UnitRole};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

/// A work plan turned into a ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub id: PlanId,
    pub title: String,
    pub year: Option<i32>,
    /// The unit running the plan: a government, or the office doing its disclosure work.
    pub org_id: OrgId,
    /// The library document the plan was read from, if any.
    pub source_document_id: Option<DocumentId>,
    /// The uploaded file's name, or the document's title.
    pub source_name: String,
    pub status: PlanStatus,
    pub created_at: Timestamp,
    pub confirmed_at: Option<Timestamp>,
}

/// What a new plan is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPlan {
    pub title: String,
    pub year: Option<i32>,
    pub org_id: OrgId,
    pub source_document_id: Option<DocumentId>,
    pub source_name: String,
}

/// A task as written: what the office reviews and may correct before confirming.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TaskFields {
    /// `"1.2.3"`: the ordinals of the headings above and the task's own.
    pub outline: String,
    /// The heading lines above the task (目标任务), outermost first.
    pub path: Vec<String>,
    pub number: Option<String>,
    /// The task's own text (任务内容).
    pub body: String,
    pub lead_names: Vec<String>,
    pub responsible_names: Vec<String>,
    pub deadline_text: Option<String>,
    pub deadline: Option<NaiveDate>,
    pub ongoing: bool,
    /// The superior plan's task this one implements.
    pub superior_task_id: Option<TaskId>,
    /// Last year's unfinished task this one carries on (回头看).
    pub carried_from_id: Option<TaskId>,
}

/// A unit a task is assigned to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaskUnit {
    pub org_id: OrgId,
    pub name: String,
    pub role: UnitRole,
}

/// A task of a plan, with its status and resolved units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Task {
    pub id: TaskId,
    pub plan_id: PlanId,
    pub position: i64,
    pub fields: TaskFields,
    pub status: TaskStatus,
    pub units: Vec<TaskUnit>,
    pub updated_at: Timestamp,
}

impl Task {
    /// Whether `org` is among the task's units (as lead or responsible).
    pub fn is_assigned_to(&self, org: OrgId) -> bool {
        self.units.iter().any(|u| u.org_id == org)
    }

    /// The task's units of one role, in the order they were resolved.
    pub fn units_as(&self, role: UnitRole) -> impl Iterator<Item = &TaskUnit> {
        self.units.iter().filter(move |u| u.role == role)
    }
}

const PLAN_COLUMNS: &str =
    "id, title, year, org_id, source_document_id, source_name, status, created_at, confirmed_at";

fn plan_from_row(row: &AnyRow) -> Result<Plan> {
    let status: String = row.try_get("status")?;
    Ok(Plan {
        id: PlanId(row.try_get("id")?),
        title: row.try_get("title")?,
        year: row
            .try_get::<Option<i64>, _>("year")?
            .and_then(|y| i32::try_from(y).ok()),
        org_id: OrgId(row.try_get("org_id")?),
        source_document_id: row
            .try_get::<Option<i64>, _>("source_document_id")?
            .map(DocumentId),
        source_name: row.try_get("source_name")?,
        status: PlanStatus::parse(&status).ok_or_else(|| Error::unreadable("计划状态", &status))?,
        created_at: from_text(&row.try_get::<String, _>("created_at")?)?,
        confirmed_at: optional_time(row, "confirmed_at")?,
    })
}

/// Creates a draft plan with its extracted tasks, in order; returns the plan and the
/// tasks' ids in the same order.
pub async fn create(
    tx: &mut WriteTx,
    plan: &NewPlan,
    tasks: &[TaskFields],
) -> Result<(Plan, Vec<TaskId>)> {
    let row = sqlx::query(&format!(
        "INSERT INTO plans (title, year, org_id, source_document_id, source_name, status, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {PLAN_COLUMNS}"
    ))
    .bind(&plan.title)
    .bind(plan.year.map(i64::from))
    .bind(plan.org_id.0)
    .bind(plan.source_document_id.map(|d| d.0))
    .bind(&plan.source_name)
    .bind(PlanStatus::Draft.code())
    .bind(to_text(now()))
    .fetch_one(tx.conn())
    .await?;
    let created = plan_from_row(&row)?;
    let mut ids = Vec::with_capacity(tasks.len());
    for task in tasks {
        ids.push(add_task(tx, created.id, task).await?);
    }
    let entry = serde_json::json!({"title": created.title, "tasks": tasks.len()});
    tx.record("plan.create", "plan", created.id, None, Some(entry));
    Ok((created, ids))
}

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

fn names_from(row: &AnyRow, column: &str) -> Result<Vec<String>> {
    let text: String = row.try_get(column)?;
    serde_json::from_str(&text).map_err(|_| Error::unreadable(column, &text))
}

/// One plan.
pub async fn get(store: &Store, id: PlanId) -> Result<Plan> {
    let row = sqlx::query(&format!("SELECT {PLAN_COLUMNS} FROM plans WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(store.pool())
        .await?
        .ok_or_else(|| Error::NotFound {
            entity: "工作计划",
            id: id.to_string(),
        })?;
    plan_from_row(&row)
}

/// Every plan, newest year first.
pub async fn list(store: &Store) -> Result<Vec<Plan>> {
    let rows = sqlx::query(&format!(
        "SELECT {PLAN_COLUMNS} FROM plans ORDER BY COALESCE(year, 0) DESC, id DESC"
    ))
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(plan_from_row).collect()
}

/// Hands a draft plan to its units.
pub async fn confirm(tx: &mut WriteTx, id: PlanId) -> Result<()> {
    let done = sqlx::query(
        "UPDATE plans SET status = $1, confirmed_at = $2 WHERE id = $3 AND status = $4",
    )
    .bind(PlanStatus::Confirmed.code())
    .bind(to_text(now()))
    .bind(id.0)
    .bind(PlanStatus::Draft.code())
    .execute(tx.conn())
    .await?;
    if done.rows_affected() == 0 {
        return Err(Error::Refused("该计划已下发，不能再次确认".to_string()));
    }
    tx.record("plan.confirm", "plan", id, None, None);
    Ok(())
}

const TASK_COLUMNS: &str = "t.id, t.plan_id, t.position, t.outline, t.path_json, t.number, t.body, \
     t.lead_names, t.responsible_names, t.deadline_text, t.deadline, t.ongoing, t.status, \
     t.superior_task_id, t.carried_from_id, t.updated_at";

fn task_from_row(row: &AnyRow) -> Result<Task> {
    let status: String = row.try_get("status")?;
    let path_text: String = row.try_get("path_json")?;
    Ok(Task {
        id: TaskId(row.try_get("id")?),
        plan_id: PlanId(row.try_get("plan_id")?),
        position: row.try_get("position")?,
        fields: TaskFields {
            outline: row.try_get("outline")?,
            path: serde_json::from_str(&path_text)
                .map_err(|_| Error::unreadable("目标任务", &path_text))?,
            number: row.try_get("number")?,
            body: row.try_get("body")?,
            lead_names: names_from(row, "lead_names")?,
            responsible_names: names_from(row, "responsible_names")?,
            deadline_text: row.try_get("deadline_text")?,
            deadline: optional_date(row, "deadline")?,
            ongoing: row.try_get::<i64, _>("ongoing")? != 0,
            superior_task_id: row
                .try_get::<Option<i64>, _>("superior_task_id")?
                .map(TaskId),
            carried_from_id: row
                .try_get::<Option<i64>, _>("carried_from_id")?
                .map(TaskId),
        },
        status: TaskStatus::parse(&status).ok_or_else(|| Error::unreadable("任务状态", &status))?,
        units: Vec::new(),
        updated_at: from_text(&row.try_get::<String, _>("updated_at")?)?,
    })
}

/// Reads tasks with a WHERE clause over `plan_tasks t`, then their units in one query.
async fn fetch_tasks(store: &Store, clause: &str, bind: i64) -> Result<Vec<Task>> {
    let rows = sqlx::query(&format!(
        "SELECT {TASK_COLUMNS} FROM plan_tasks t WHERE {clause} ORDER BY t.plan_id, t.position"
    ))
    .bind(bind)
    .fetch_all(store.pool())
    .await?;
    let mut tasks = rows.iter().map(task_from_row).collect::<Result<Vec<_>>>()?;
    let unit_rows = sqlx::query(&format!(
        "SELECT u.task_id, u.org_id, u.role, o.name FROM plan_task_units u \
         JOIN orgs o ON o.id = u.org_id \
         WHERE u.task_id IN (SELECT t.id FROM plan_tasks t WHERE {clause}) \
         ORDER BY u.task_id, o.sort_order, o.id"
    ))
    .bind(bind)
    .fetch_all(store.pool())
    .await?;
    for row in &unit_rows {
        let task_id = TaskId(row.try_get("task_id")?);
        let role: String = row.try_get("role")?;
        let unit = TaskUnit {
            org_id: OrgId(row.try_get("org_id")?),
            name: row.try_get("name")?,
            role: UnitRole::parse(&role).ok_or_else(|| Error::unreadable("单位角色", &role))?,
        };
        if let Some(task) = tasks.iter_mut().find(|t| t.id == task_id) {
            task.units.push(unit);
        }
    }
    Ok(tasks)
}

/// The tasks of a plan in ledger order.
pub async fn tasks_of(store: &Store, plan: PlanId) -> Result<Vec<Task>> {
    fetch_tasks(store, "t.plan_id = $1", plan.0).await
}

/// One task.
pub async fn task(store: &Store, id: TaskId) -> Result<Task> {
    fetch_tasks(store, "t.id = $1", id.0)
        .await?
        .pop()
        .ok_or_else(|| Error::NotFound {
            entity: "任务",
            id: id.to_string(),
        })
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

/// Whether another plan's task links to this one (as its superior task or as the task
/// it carries on).
pub async fn is_linked(store: &Store, id: TaskId) -> Result<bool> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS n FROM plan_tasks WHERE superior_task_id = $1 OR carried_from_id = $1",
    )
    .bind(id.0)
    .fetch_one(store.pool())
    .await?;
    Ok(row.try_get::<i64, _>("n")? > 0)
}
