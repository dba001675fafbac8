//! The reconsiderations and suits brought against the handling of a request, and
//! their results.

use crate::time::{date_from_text, date_to_text, optional_date, to_text};
use crate::{Error, RequestId, Result, Store, WriteTx, now};
use chrono::NaiveDate;
use gongkai_domain::annual_report::{CaseKind, CaseResult};
use sqlx::Row;
use sqlx::any::AnyRow;
use std::collections::HashMap;

/// A reconsideration or suit about a request, with its result as it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub id: i64,
    pub request_id: RequestId,
    pub kind: CaseKind,
    pub filed_on: NaiveDate,
    pub result: CaseResult,
    pub decided_on: Option<NaiveDate>,
    pub note: String,
}

fn case_from_row(row: &AnyRow) -> Result<Case> {
    let kind: String = row.try_get("kind")?;
    let result: String = row.try_get("result")?;
    Ok(Case {
        id: row.try_get("id")?,
        request_id: RequestId(row.try_get("request_id")?),
        kind: CaseKind::parse(&kind).ok_or_else(|| Error::unreadable("案件类型", &kind))?,
        filed_on: date_from_text(&row.try_get::<String, _>("filed_on")?)?,
        result: CaseResult::parse(&result).ok_or_else(|| Error::unreadable("案件结果", &result))?,
        decided_on: optional_date(row, "decided_on")?,
        note: row.try_get("note")?,
    })
}

const CASE_COLUMNS: &str = "id, request_id, kind, filed_on, result, decided_on, note";

/// Records a case, pending.
pub async fn add_case(
    tx: &mut WriteTx,
    request: RequestId,
    kind: CaseKind,
    filed_on: NaiveDate,
    note: &str,
) -> Result<Case> {
    let at = to_text(now());
    let row = sqlx::query(&format!(
        "INSERT INTO request_cases (request_id, kind, filed_on, result, note, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING {CASE_COLUMNS}"
    ))
    .bind(request.0)
    .bind(kind.code())
    .bind(date_to_text(filed_on))
    .bind(CaseResult::Pending.code())
    .bind(note)
    .bind(at)
    .fetch_one(tx.conn())
    .await?;
    let case = case_from_row(&row)?;
    let entry = serde_json::json!({"case": case.id, "kind": kind.code(), "filed_on": date_to_text(filed_on)});
    tx.record("request.case", "request", request, None, Some(entry));
    Ok(case)
}

/// Records a case's result and the day it was decided.
pub async fn decide_case(
    tx: &mut WriteTx,
    request: RequestId,
    case: i64,
    result: CaseResult,
    decided_on: Option<NaiveDate>,
) -> Result<()> {
    let done = sqlx::query(
        "UPDATE request_cases SET result = $1, decided_on = $2, updated_at = $3 \
         WHERE id = $4 AND request_id = $5",
    )
    .bind(result.code())
    .bind(decided_on.map(date_to_text))
    .bind(to_text(now()))
    .bind(case)
    .bind(request.0)
    .execute(tx.conn())
    .await?;
    if done.rows_affected() == 0 {
        return Err(Error::NotFound {
            entity: "案件",
            id: case.to_string(),
        });
    }
    let entry = serde_json::json!({"case": case, "result": result.code()});
    tx.record("request.case_result", "request", request, None, Some(entry));
    Ok(())
}

/// The cases of a request, in filing order.
pub async fn cases_of(store: &Store, request: RequestId) -> Result<Vec<Case>> {
    let rows = sqlx::query(&format!(
        "SELECT {CASE_COLUMNS} FROM request_cases WHERE request_id = $1 ORDER BY filed_on, id"
    ))
    .bind(request.0)
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(case_from_row).collect()
}

/// The cases of every request, by request, in filing order (one query, for lists).
pub async fn all_cases(store: &Store) -> Result<HashMap<RequestId, Vec<Case>>> {
    let rows = sqlx::query(&format!(
        "SELECT {CASE_COLUMNS} FROM request_cases ORDER BY request_id, filed_on, id"
    ))
    .fetch_all(store.pool())
    .await?;
    let mut by_request: HashMap<RequestId, Vec<Case>> = HashMap::new();
    for row in &rows {
        let case = case_from_row(row)?;
        by_request.entry(case.request_id).or_default().push(case);
    }
    Ok(by_request)
}
