//! An agency's own texts of the letters about disclosure requests, one per kind of
//! letter; a kind without a stored text uses the built-in one
//! ([`LetterKind::default_template`]). Each save and reset is audited with the text
//! before and after.

use crate::time::{from_text, to_text};
use crate::{OrgId, Result, Store, Timestamp, WriteTx, now};
use gongkai_domain::letter::LetterKind;
use sqlx::Row;
use sqlx::any::AnyRow;

/// A stored template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterTemplate {
    pub org_id: OrgId,
    /// The kind's code; rows of kinds this version does not know are kept, unused.
    pub kind: String,
    pub body: String,
    pub updated_at: Timestamp,
    pub updated_by: String,
}

const COLUMNS: &str = "org_id, kind, body, updated_at, updated_by";

fn from_row(row: &AnyRow) -> Result<LetterTemplate> {
    Ok(LetterTemplate {
        org_id: OrgId(row.try_get("org_id")?),
        kind: row.try_get("kind")?,
        body: row.try_get("body")?,
        updated_at: from_text(&row.try_get::<String, _>("updated_at")?)?,
        updated_by: row.try_get("updated_by")?,
    })
}

/// The agency's own text of `kind`, if it saved one.
pub async fn get(store: &Store, org: OrgId, kind: LetterKind) -> Result<Option<LetterTemplate>> {
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM letter_templates WHERE org_id = $1 AND kind = $2"
    ))
    .bind(org.0)
    .bind(kind.code())
    .fetch_optional(store.pool())
    .await?
    .as_ref()
    .map(from_row)
    .transpose()
}

/// Every text the agency saved, by kind code.
pub async fn list(store: &Store, org: OrgId) -> Result<Vec<LetterTemplate>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM letter_templates WHERE org_id = $1 ORDER BY kind"
    ))
    .bind(org.0)
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(from_row).collect()
}

/// The stored body of `kind` inside a write, for the audit's before.
async fn body_in(tx: &mut WriteTx, org: OrgId, kind: &str) -> Result<Option<String>> {
    let row = sqlx::query("SELECT body FROM letter_templates WHERE org_id = $1 AND kind = $2")
        .bind(org.0)
        .bind(kind)
        .fetch_optional(tx.conn())
        .await?;
    row.map(|r| r.try_get("body"))
        .transpose()
        .map_err(Into::into)
}

fn audit_view(kind: &str, body: Option<&str>) -> Option<serde_json::Value> {
    body.map(|body| serde_json::json!({"kind": kind, "body": body}))
}

/// Saves the agency's text of `kind` (checked by the caller), replacing any before.
pub async fn set(tx: &mut WriteTx, org: OrgId, kind: LetterKind, body: &str) -> Result<()> {
    let code = kind.code();
    let before = body_in(tx, org, &code).await?;
    let by = tx.actor().name.clone();
    sqlx::query(
        "INSERT INTO letter_templates (org_id, kind, body, updated_at, updated_by) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (org_id, kind) DO UPDATE SET \
         body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
    )
    .bind(org.0)
    .bind(&code)
    .bind(body)
    .bind(to_text(now()))
    .bind(&by)
    .execute(tx.conn())
    .await?;
    tx.record(
        "letter_template.set",
        "org",
        org,
        audit_view(&code, before.as_deref()),
        audit_view(&code, Some(body)),
    );
    Ok(())
}

/// Drops the agency's text of `kind`: the built-in one applies again. Whether there
/// was one to drop.
pub async fn reset(tx: &mut WriteTx, org: OrgId, kind: LetterKind) -> Result<bool> {
    let code = kind.code();
    let Some(before) = body_in(tx, org, &code).await? else {
        return Ok(false);
    };
    sqlx::query("DELETE FROM letter_templates WHERE org_id = $1 AND kind = $2")
        .bind(org.0)
        .bind(&code)
        .execute(tx.conn())
        .await?;
    tx.record(
        "letter_template.reset",
        "org",
        org,
        audit_view(&code, Some(&before)),
        None,
    );
    Ok(true)
}
