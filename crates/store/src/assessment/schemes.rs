//! Schemes and their versions.

use super::lines::{from_json, to_json};
use crate::time::{from_text, optional_time, to_text};
use crate::{Error, Result, Store, Timestamp, WriteTx, now};
use gongkai_domain::assessment::Scheme;
use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;

/// A stored scheme version.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredScheme {
    pub id: i64,
    pub version: i64,
    pub scheme: Scheme,
    pub created_at: Timestamp,
    /// Set when a result was published under it: it no longer changes.
    pub frozen_at: Option<Timestamp>,
}

const COLUMNS: &str = "id, year, name, version, lines, created_at, frozen_at";

fn from_row(row: &AnyRow) -> Result<StoredScheme> {
    let year: i64 = row.try_get("year")?;
    let name: String = row.try_get("name")?;
    let lines = from_json(&row.try_get::<String, _>("lines")?)?;
    let scheme = Scheme::new(i32::try_from(year).unwrap_or_default(), &name, lines)
        .map_err(|e| Error::Corrupt(e.to_string()))?;
    Ok(StoredScheme {
        id: row.try_get("id")?,
        version: row.try_get("version")?,
        scheme,
        created_at: from_text(&row.try_get::<String, _>("created_at")?)?,
        frozen_at: optional_time(row, "frozen_at")?,
    })
}

fn audit(s: &Scheme, version: i64) -> serde_json::Value {
    json!({"year": s.year, "name": s.name, "version": version, "lines": to_json(&s.indicators)})
}

async fn insert(tx: &mut WriteTx, scheme: &Scheme, version: i64) -> Result<StoredScheme> {
    let row = sqlx::query(&format!(
        "INSERT INTO assessment_schemes (year, name, version, lines, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING {COLUMNS}"
    ))
    .bind(i64::from(scheme.year))
    .bind(&scheme.name)
    .bind(version)
    .bind(to_json(&scheme.indicators))
    .bind(to_text(now()))
    .fetch_one(tx.conn())
    .await
    .map_err(|e| Error::on_unique(e, "考核方案", &scheme.name))?;
    let stored = from_row(&row)?;
    tx.record(
        "assessment.scheme",
        "assessment_scheme",
        stored.id,
        None,
        Some(audit(scheme, version)),
    );
    Ok(stored)
}

/// Stores a new scheme, version 1.
pub async fn create_scheme(tx: &mut WriteTx, scheme: &Scheme) -> Result<StoredScheme> {
    insert(tx, scheme, 1).await
}

/// Changes a scheme: in place while it is not frozen, else as a new version.
pub async fn revise_scheme(
    tx: &mut WriteTx,
    current: &StoredScheme,
    scheme: &Scheme,
) -> Result<StoredScheme> {
    if current.frozen_at.is_some() {
        return insert(tx, scheme, current.version + 1).await;
    }
    let row = sqlx::query(&format!(
        "UPDATE assessment_schemes SET year = $1, name = $2, lines = $3 \
         WHERE id = $4 AND frozen_at IS NULL RETURNING {COLUMNS}"
    ))
    .bind(i64::from(scheme.year))
    .bind(&scheme.name)
    .bind(to_json(&scheme.indicators))
    .bind(current.id)
    .fetch_optional(tx.conn())
    .await?
    .ok_or_else(|| {
        Error::Refused("考核方案已用于发布的结果，请刷新后修改（将生成新版本）".to_string())
    })?;
    let stored = from_row(&row)?;
    tx.record(
        "assessment.scheme_update",
        "assessment_scheme",
        stored.id,
        Some(audit(&current.scheme, current.version)),
        Some(audit(scheme, stored.version)),
    );
    Ok(stored)
}

/// One scheme version.
pub async fn get_scheme(store: &Store, id: i64) -> Result<StoredScheme> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM assessment_schemes WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(store.pool())
    .await?
    .ok_or_else(|| Error::NotFound {
        entity: "考核方案",
        id: id.to_string(),
    })?;
    from_row(&row)
}

/// Every scheme version, newest year first, then by name and version.
pub async fn list_schemes(store: &Store) -> Result<Vec<StoredScheme>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM assessment_schemes ORDER BY year DESC, name, version DESC"
    ))
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(from_row).collect()
}
