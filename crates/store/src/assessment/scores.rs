//! Hand scores, adjustments and published results under a scheme.

use super::points::{from_x100, to_x100};
use crate::time::{from_text, to_text};
use crate::{Error, OrgId, Result, Store, Timestamp, WriteTx, now};
use serde_json::json;
use sqlx::Row;
use std::collections::HashMap;

/// Sets the hand score of `org` on indicator `code` (replacing any earlier one).
pub async fn set_score(
    tx: &mut WriteTx,
    scheme: i64,
    org: OrgId,
    code: &str,
    points: f64,
    note: &str,
) -> Result<()> {
    sqlx::query("DELETE FROM assessment_scores WHERE scheme_id = $1 AND org_id = $2 AND code = $3")
        .bind(scheme)
        .bind(org.0)
        .bind(code)
        .execute(tx.conn())
        .await?;
    sqlx::query(
        "INSERT INTO assessment_scores (scheme_id, org_id, code, points_x100, note) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(scheme)
    .bind(org.0)
    .bind(code)
    .bind(to_x100(points))
    .bind(note)
    .execute(tx.conn())
    .await?;
    let entry = json!({"org_id": org.0, "code": code, "points": points, "note": note});
    tx.record(
        "assessment.score",
        "assessment_scheme",
        scheme,
        None,
        Some(entry),
    );
    Ok(())
}

/// The hand scores under a scheme, by (unit, indicator code).
pub async fn scores(store: &Store, scheme: i64) -> Result<HashMap<(OrgId, String), f64>> {
    let rows =
        sqlx::query("SELECT org_id, code, points_x100 FROM assessment_scores WHERE scheme_id = $1")
            .bind(scheme)
            .fetch_all(store.pool())
            .await?;
    rows.iter()
        .map(|row| {
            Ok((
                (OrgId(row.try_get("org_id")?), row.try_get("code")?),
                from_x100(row.try_get("points_x100")?),
            ))
        })
        .collect()
}

/// An adjustment as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredAdjustment {
    pub id: i64,
    pub org_id: OrgId,
    pub points: f64,
    pub reason: String,
    pub evidence: String,
    pub actor_name: String,
    pub at: Timestamp,
}

/// Adds an adjustment of `org`'s total.
pub async fn add_adjustment(
    tx: &mut WriteTx,
    scheme: i64,
    org: OrgId,
    points: f64,
    reason: &str,
    evidence: &str,
) -> Result<()> {
    let actor = tx.actor().name.clone();
    sqlx::query(
        "INSERT INTO assessment_adjustments (scheme_id, org_id, points_x100, reason, evidence, actor_name, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(scheme)
    .bind(org.0)
    .bind(to_x100(points))
    .bind(reason)
    .bind(evidence)
    .bind(&actor)
    .bind(to_text(now()))
    .execute(tx.conn())
    .await?;
    let entry = json!({"org_id": org.0, "points": points, "reason": reason, "evidence": evidence});
    tx.record(
        "assessment.adjustment",
        "assessment_scheme",
        scheme,
        None,
        Some(entry),
    );
    Ok(())
}

/// The adjustments under a scheme, in the order made.
pub async fn adjustments(store: &Store, scheme: i64) -> Result<Vec<StoredAdjustment>> {
    let rows = sqlx::query(
        "SELECT id, org_id, points_x100, reason, evidence, actor_name, at FROM assessment_adjustments \
         WHERE scheme_id = $1 ORDER BY id",
    )
    .bind(scheme)
    .fetch_all(store.pool())
    .await?;
    rows.iter()
        .map(|row| {
            Ok(StoredAdjustment {
                id: row.try_get("id")?,
                org_id: OrgId(row.try_get("org_id")?),
                points: from_x100(row.try_get("points_x100")?),
                reason: row.try_get("reason")?,
                evidence: row.try_get("evidence")?,
                actor_name: row.try_get("actor_name")?,
                at: from_text(&row.try_get::<String, _>("at")?)?,
            })
        })
        .collect()
}

/// A published result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub id: i64,
    pub scheme_id: i64,
    pub published_at: Timestamp,
    pub snapshot: String,
}

/// Publishes a result under a scheme and freezes the scheme.
pub async fn publish_result(tx: &mut WriteTx, scheme: i64, snapshot: &str) -> Result<Published> {
    let at = to_text(now());
    sqlx::query("UPDATE assessment_schemes SET frozen_at = COALESCE(frozen_at, $1) WHERE id = $2")
        .bind(&at)
        .bind(scheme)
        .execute(tx.conn())
        .await?;
    let row = sqlx::query(
        "INSERT INTO assessment_results (scheme_id, published_at, snapshot) VALUES ($1, $2, $3) \
         RETURNING id, scheme_id, published_at, snapshot",
    )
    .bind(scheme)
    .bind(&at)
    .bind(snapshot)
    .fetch_one(tx.conn())
    .await?;
    let published = published_from(&row)?;
    tx.record(
        "assessment.publish",
        "assessment_scheme",
        scheme,
        None,
        Some(json!({"result": published.id})),
    );
    Ok(published)
}

fn published_from(row: &sqlx::any::AnyRow) -> Result<Published> {
    Ok(Published {
        id: row.try_get("id")?,
        scheme_id: row.try_get("scheme_id")?,
        published_at: from_text(&row.try_get::<String, _>("published_at")?)?,
        snapshot: row.try_get("snapshot")?,
    })
}

/// The results published under a scheme, newest first.
pub async fn results(store: &Store, scheme: i64) -> Result<Vec<Published>> {
    let rows = sqlx::query(
        "SELECT id, scheme_id, published_at, snapshot FROM assessment_results WHERE scheme_id = $1 ORDER BY id DESC",
    )
    .bind(scheme)
    .fetch_all(store.pool())
    .await
    .map_err(Error::from)?;
    rows.iter().map(published_from).collect()
}
