//! Reading requests: one by id or by tracking code, all of them, their number, and
//! a request's rank among the same applicant's requests of its month.

use super::Request;
use super::record::{COLUMNS, from_row};
use crate::time::date_to_text;
use crate::{Error, RequestId, Result, Store};
use chrono::NaiveDate;
use sqlx::Row;

/// One request.
pub async fn get(store: &Store, id: RequestId) -> Result<Request> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM disclosure_requests WHERE id = $1"
    ))
    .bind(id.0)
    .fetch_optional(store.pool())
    .await?
    .ok_or_else(|| Error::NotFound {
        entity: "申请",
        id: id.to_string(),
    })?;
    from_row(&row)
}

/// The request whose tracking code hashes to `hash`, if any.
pub async fn find_by_tracking_hash(store: &Store, hash: &str) -> Result<Option<Request>> {
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM disclosure_requests WHERE tracking_hash = $1"
    ))
    .bind(hash)
    .fetch_optional(store.pool())
    .await?
    .as_ref()
    .map(from_row)
    .transpose()
}

/// Every request, newest receipt first.
pub async fn list(store: &Store) -> Result<Vec<Request>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM disclosure_requests ORDER BY received_on DESC, id DESC"
    ))
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(from_row).collect()
}

/// How many requests are stored.
pub async fn count(store: &Store) -> Result<i64> {
    Ok(sqlx::query("SELECT COUNT(*) AS n FROM disclosure_requests")
        .fetch_one(store.pool())
        .await?
        .try_get("n")?)
}

/// The place of request `id` among the requests of the same applicant (by identity
/// number) received in the same calendar month, in order of receipt: the n of 按件计收
/// (国办函〔2020〕109号第四条).
pub async fn rank_in_month(
    store: &Store,
    id_number: &str,
    received_on: NaiveDate,
    id: RequestId,
) -> Result<i64> {
    use chrono::Datelike;
    let first = received_on.with_day(1).unwrap_or(received_on);
    Ok(sqlx::query(
        "SELECT COUNT(*) AS n FROM disclosure_requests WHERE id_number = $1 \
         AND received_on >= $2 AND (received_on < $3 OR (received_on = $3 AND id <= $4))",
    )
    .bind(id_number)
    .bind(date_to_text(first))
    .bind(date_to_text(received_on))
    .bind(id.0)
    .fetch_one(store.pool())
    .await?
    .try_get("n")?)
}
