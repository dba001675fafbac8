//! Personal information found in documents (the guard's findings) and what staff did
//! about each: the app scans, this module remembers.
//!
//! A finding is one value of one kind in one field (the title, the body, or one
//! attachment), wherever it occurs there. [`sync`] compares a fresh scan with what is
//! stored: a new value is a new open finding, a value no longer there is gone, and a
//! dismissed one stays dismissed while it is there. No personal value is stored, only
//! its masked form and a fingerprint.

use crate::time::{from_text, optional_time, to_text};
use crate::{DocumentId, Error, OrgId, Result, Store, Timestamp, WriteTx, now};
use gongkai_domain::pii::{FindingStatus, Kind};
use serde_json::json;
use sqlx::AnyConnection;
use sqlx::Row;
use sqlx::any::AnyRow;

/// Which part of a document a finding is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Body,
    Attachment,
}

impl Field {
    pub fn code(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Body => "body",
            Field::Attachment => "attachment",
        }
    }

    fn from_code(code: &str) -> Option<Field> {
        [Field::Title, Field::Body, Field::Attachment]
            .into_iter()
            .find(|f| f.code() == code)
    }
}

/// What a scan found, before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScannedFinding {
    pub field: Field,
    pub attachment_id: Option<i64>,
    pub attachment_name: String,
    pub location: String,
    pub kind: Kind,
    pub masked: String,
    pub fingerprint: String,
}

/// A stored finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFinding {
    pub id: i64,
    pub document_id: DocumentId,
    pub scan: ScannedFinding,
    pub status: FindingStatus,
    pub reason: String,
    pub found_at: Timestamp,
    pub resolver_name: String,
    pub resolved_at: Option<Timestamp>,
}

impl StoredFinding {
    fn same_place(&self, other: &ScannedFinding) -> bool {
        self.scan.field == other.field
            && self.scan.attachment_id == other.attachment_id
            && self.scan.fingerprint == other.fingerprint
    }
}

/// An open finding with the document it holds up, for the office's overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenFinding {
    pub finding: StoredFinding,
    pub title: String,
    pub issuer_id: Option<OrgId>,
    pub issuer_name: String,
    pub document_status: String,
}

const COLUMNS: &str = "f.id, f.document_id, f.field, f.attachment_id, f.attachment_name, \
    f.location, f.kind, f.masked, f.fingerprint, f.status, f.reason, f.found_at, \
    f.resolver_name, f.resolved_at";

fn from_row(row: &AnyRow) -> Result<StoredFinding> {
    let field: String = row.try_get("field")?;
    let kind: String = row.try_get("kind")?;
    let status: String = row.try_get("status")?;
    Ok(StoredFinding {
        id: row.try_get("id")?,
        document_id: DocumentId(row.try_get("document_id")?),
        scan: ScannedFinding {
            field: Field::from_code(&field).ok_or_else(|| Error::unreadable("字段", &field))?,
            attachment_id: row.try_get("attachment_id")?,
            attachment_name: row.try_get("attachment_name")?,
            location: row.try_get("location")?,
            kind: Kind::from_code(&kind).ok_or_else(|| Error::unreadable("个人信息类型", &kind))?,
            masked: row.try_get("masked")?,
            fingerprint: row.try_get("fingerprint")?,
        },
        status: FindingStatus::from_code(&status)
            .ok_or_else(|| Error::unreadable("处理状态", &status))?,
        reason: row.try_get("reason")?,
        found_at: from_text(&row.try_get::<String, _>("found_at")?)?,
        resolver_name: row.try_get("resolver_name")?,
        resolved_at: optional_time(row, "resolved_at")?,
    })
}

fn audit_entry(finding: &StoredFinding) -> serde_json::Value {
    json!({
        "field": finding.scan.field.code(),
        "attachment": finding.scan.attachment_name,
        "location": finding.scan.location,
        "kind": finding.scan.kind.code(),
        "masked": finding.scan.masked,
        "status": finding.status.code(),
        "reason": finding.reason,
    })
}

async fn stored_in(
    conn: &mut AnyConnection,
    document_id: DocumentId,
) -> Result<Vec<StoredFinding>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM pii_findings f WHERE f.document_id = $1 ORDER BY f.id"
    ))
    .bind(document_id.0)
    .fetch_all(conn)
    .await?;
    rows.iter().map(from_row).collect()
}

/// The findings of a document, every status, in the order they were found.
pub async fn of_document(store: &Store, document_id: DocumentId) -> Result<Vec<StoredFinding>> {
    let mut conn = store.pool().acquire().await?;
    stored_in(&mut conn, document_id).await
}

/// One finding of a document.
pub async fn get(store: &Store, document_id: DocumentId, id: i64) -> Result<StoredFinding> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM pii_findings f WHERE f.id = $1 AND f.document_id = $2"
    ))
    .bind(id)
    .bind(document_id.0)
    .fetch_optional(store.pool())
    .await?
    .ok_or_else(|| Error::NotFound {
        entity: "个人信息检查结果",
        id: id.to_string(),
    })?;
    from_row(&row)
}

/// Every open finding with its document, by issuer and document.
pub async fn open(store: &Store) -> Result<Vec<OpenFinding>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS}, d.title, d.issuer_id, d.issuer_name, d.status AS document_status \
         FROM pii_findings f JOIN documents d ON d.id = f.document_id \
         WHERE f.status = 'open' ORDER BY d.issuer_name, d.id, f.id"
    ))
    .fetch_all(store.pool())
    .await?;
    rows.iter()
        .map(|row| {
            Ok(OpenFinding {
                finding: from_row(row)?,
                title: row.try_get("title")?,
                issuer_id: row.try_get::<Option<i64>, _>("issuer_id")?.map(OrgId),
                issuer_name: row.try_get("issuer_name")?,
                document_status: row.try_get("document_status")?,
            })
        })
        .collect()
}

async fn insert(tx: &mut WriteTx, document_id: DocumentId, scan: &ScannedFinding) -> Result<()> {
    sqlx::query(
        "INSERT INTO pii_findings (document_id, field, attachment_id, attachment_name, location, \
         kind, masked, fingerprint, status, found_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9)",
    )
    .bind(document_id.0)
    .bind(scan.field.code())
    .bind(scan.attachment_id)
    .bind(&scan.attachment_name)
    .bind(&scan.location)
    .bind(scan.kind.code())
    .bind(&scan.masked)
    .bind(&scan.fingerprint)
    .bind(to_text(now()))
    .execute(tx.conn())
    .await?;
    Ok(())
}

/// Sets a finding's status, reason and place; a resolved status names the actor, an
/// open one clears the resolver.
async fn set_status(
    tx: &mut WriteTx,
    finding: &StoredFinding,
    status: FindingStatus,
    reason: &str,
    location: &str,
) -> Result<()> {
    let actor = tx.actor().clone();
    let resolved = status.is_resolved();
    sqlx::query(
        "UPDATE pii_findings SET status = $1, reason = $2, location = $3, resolver_id = $4, \
         resolver_name = $5, resolved_at = $6 WHERE id = $7",
    )
    .bind(status.code())
    .bind(reason)
    .bind(location)
    .bind(actor.user_id.filter(|_| resolved).map(|u| u.0))
    .bind(if resolved { actor.name.as_str() } else { "" })
    .bind(resolved.then(|| to_text(now())))
    .bind(finding.id)
    .execute(tx.conn())
    .await?;
    Ok(())
}

/// Brings the stored findings of a document in line with a fresh `scan` and returns
/// them. Each change is an audit entry (`pii.found`, `pii.gone`, `pii.reopened`).
pub async fn sync(
    tx: &mut WriteTx,
    document_id: DocumentId,
    scan: &[ScannedFinding],
) -> Result<Vec<StoredFinding>> {
    let stored = stored_in(tx.conn(), document_id).await?;
    for found in scan {
        match stored.iter().find(|s| s.same_place(found)) {
            None => insert(tx, document_id, found).await?,
            Some(s) if matches!(s.status, FindingStatus::Masked | FindingStatus::Gone) => {
                set_status(tx, s, FindingStatus::Open, "", &found.location).await?;
            }
            Some(s) if s.scan.location != found.location => {
                set_status(tx, s, s.status, &s.reason, &found.location).await?;
            }
            Some(_) => {}
        }
    }
    for s in &stored {
        let present = scan.iter().any(|found| s.same_place(found));
        if !present && matches!(s.status, FindingStatus::Open | FindingStatus::Dismissed) {
            set_status(tx, s, FindingStatus::Gone, &s.reason, &s.scan.location).await?;
        }
    }
    let after = stored_in(tx.conn(), document_id).await?;
    record_changes(tx, document_id, &stored, &after);
    Ok(after)
}

fn record_changes(
    tx: &mut WriteTx,
    document_id: DocumentId,
    before: &[StoredFinding],
    after: &[StoredFinding],
) {
    for now in after {
        let was = before.iter().find(|b| b.id == now.id);
        let action = match (was.map(|b| b.status), now.status) {
            (None, _) => "pii.found",
            (Some(old), new) if old == new => continue,
            (_, FindingStatus::Open) => "pii.reopened",
            (_, _) => "pii.gone",
        };
        tx.record(
            action,
            "document",
            document_id,
            was.map(audit_entry),
            Some(audit_entry(now)),
        );
    }
}

/// Resolves an open finding as masked or dismissed, with the reason; recorded as
/// `pii.masked` or `pii.dismissed`. A finding someone else resolved meanwhile is
/// refused, not resolved twice.
pub async fn resolve(
    tx: &mut WriteTx,
    finding: &StoredFinding,
    status: FindingStatus,
    reason: &str,
) -> Result<()> {
    let actor = tx.actor().clone();
    let changed = sqlx::query(
        "UPDATE pii_findings SET status = $1, reason = $2, resolver_id = $3, resolver_name = $4, \
         resolved_at = $5 WHERE id = $6 AND status = 'open'",
    )
    .bind(status.code())
    .bind(reason)
    .bind(actor.user_id.map(|u| u.0))
    .bind(&actor.name)
    .bind(to_text(now()))
    .bind(finding.id)
    .execute(tx.conn())
    .await?
    .rows_affected();
    if changed == 0 {
        return Err(Error::Refused(
            "这一处个人信息已经处理过了，请刷新页面".to_string(),
        ));
    }
    let mut after = finding.clone();
    after.status = status;
    after.reason = reason.to_string();
    tx.record(
        &format!("pii.{}", status.code()),
        "document",
        finding.document_id,
        Some(audit_entry(finding)),
        Some(audit_entry(&after)),
    );
    Ok(())
}
