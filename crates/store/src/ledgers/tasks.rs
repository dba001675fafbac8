//! A plan's tasks as read: the fields as written, the units each resolved to, its
//! status, and the queries that read them with their units.

use crate::time::{from_text, optional_date};
use crate::{Error, OrgId, PlanId, Result, Store, TaskId, Timestamp};
use chrono::NaiveDate;
use gongkai_domain::ledger::{TaskStatus, UnitRole};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

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

/// A unit a task is assigned to, with the status of its part of the task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaskUnit {
    pub org_id: OrgId,
    pub name: String,
    pub role: UnitRole,
    /// Where the unit's own part stands (the same for both its roles).
    pub status: TaskStatus,
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

    /// Each unit's part once (a unit may be lead and responsible), in unit order.
    pub fn parts(&self) -> Vec<&TaskUnit> {
        let mut parts: Vec<&TaskUnit> = Vec::with_capacity(self.units.len());
        for unit in &self.units {
            if !parts.iter().any(|p| p.org_id == unit.org_id) {
                parts.push(unit);
            }
        }
        parts
    }

    /// The status of `org`'s part, if it is one of the task's units.
    pub fn part_of(&self, org: OrgId) -> Option<TaskStatus> {
        self.units
            .iter()
            .find(|u| u.org_id == org)
            .map(|u| u.status)
    }

    /// How many units' parts are done (completed or signed off), of how many.
    pub fn parts_done(&self) -> (usize, usize) {
        let parts = self.parts();
        let done = parts.iter().filter(|p| p.status.is_done()).count();
        (done, parts.len())
    }
}

fn names_from(row: &AnyRow, column: &str) -> Result<Vec<String>> {
    let text: String = row.try_get(column)?;
    serde_json::from_str(&text).map_err(|_| Error::unreadable(column, &text))
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
        "SELECT u.task_id, u.org_id, u.role, o.name, COALESCE(p.status, 'not_started') AS part \
         FROM plan_task_units u JOIN orgs o ON o.id = u.org_id \
         LEFT JOIN task_parts p ON p.task_id = u.task_id AND p.org_id = u.org_id \
         WHERE u.task_id IN (SELECT t.id FROM plan_tasks t WHERE {clause}) \
         ORDER BY u.task_id, o.sort_order, o.id"
    ))
    .bind(bind)
    .fetch_all(store.pool())
    .await?;
    for row in &unit_rows {
        let task_id = TaskId(row.try_get("task_id")?);
        let role: String = row.try_get("role")?;
        let part: String = row.try_get("part")?;
        let unit = TaskUnit {
            org_id: OrgId(row.try_get("org_id")?),
            name: row.try_get("name")?,
            role: UnitRole::parse(&role).ok_or_else(|| Error::unreadable("单位角色", &role))?,
            status: TaskStatus::parse(&part).ok_or_else(|| Error::unreadable("任务状态", &part))?,
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
