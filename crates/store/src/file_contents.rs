//! Stored files kept in the database itself (the `database` file store, so that the
//! nodes of a cluster need nothing but their PostgreSQL): one row per content
//! address. The content is not audited; the record that names it is.

use crate::{Result, Store, now, time::to_text};
use sqlx::Row;

/// Keeps `bytes` under `sha256` unless that content is already there.
pub async fn put(store: &Store, sha256: &str, bytes: &[u8]) -> Result<()> {
    sqlx::query(
        "INSERT INTO file_contents (sha256, bytes, size_bytes, stored_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (sha256) DO NOTHING",
    )
    .bind(sha256)
    .bind(bytes)
    .bind(i64::try_from(bytes.len()).unwrap_or(i64::MAX))
    .bind(to_text(now()))
    .execute(store.pool())
    .await?;
    Ok(())
}

/// The content stored under `sha256`, if any.
pub async fn get(store: &Store, sha256: &str) -> Result<Option<Vec<u8>>> {
    let row = sqlx::query("SELECT bytes FROM file_contents WHERE sha256 = $1")
        .bind(sha256)
        .fetch_optional(store.pool())
        .await?;
    Ok(match row {
        Some(row) => Some(row.try_get("bytes")?),
        None => None,
    })
}

/// Every content address stored, in order.
pub async fn addresses(store: &Store) -> Result<Vec<String>> {
    let rows = sqlx::query("SELECT sha256 FROM file_contents ORDER BY sha256")
        .fetch_all(store.pool())
        .await?;
    rows.iter().map(|row| Ok(row.try_get("sha256")?)).collect()
}
