//! Work plans: a draft created with its extracted tasks, read back, and confirmed
//! (handed to its units).

use super::TaskFields;
use super::task_edits::add_task;
use crate::time::{from_text, optional_time, to_text};
use crate::{DocumentId, Error, OrgId, PlanId, Result, Store, TaskId, Timestamp, WriteTx, now};
use gongkai_domain::ledger::PlanStatus;
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
