//! What happens to a document after it is written: the review steps (draft → in
//! review → published), validity changes (立改废) and cleanup reviews (清理). Each
//! appends a [`DocumentEvent`] naming who did it, when and why.

use super::Document;
use super::audit_view::audit_view;
use super::row::fetch;
use crate::time::{date_to_text, from_text, to_text};
use crate::{DocumentId, Error, Result, Store, Timestamp, UserId, WriteTx, now};
use chrono::NaiveDate;
use gongkai_domain::lifecycle::{DocumentStatus, LifecycleStep};
use gongkai_domain::validity::Validity;
use sqlx::Row;

/// What an event did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventStep {
    Lifecycle(LifecycleStep),
    /// The validity changed (立改废).
    Validity,
    /// The document was reviewed in a cleanup and kept as it is.
    Reviewed,
}

impl EventStep {
    fn code(self) -> &'static str {
        match self {
            EventStep::Lifecycle(step) => step.code(),
            EventStep::Validity => "validity",
            EventStep::Reviewed => "reviewed",
        }
    }

    fn from_code(code: &str) -> Option<EventStep> {
        match code {
            "validity" => Some(EventStep::Validity),
            "reviewed" => Some(EventStep::Reviewed),
            other => LifecycleStep::from_code(other).map(EventStep::Lifecycle),
        }
    }

    /// The event's name in the user interface.
    pub fn label_zh(self) -> &'static str {
        match self {
            EventStep::Lifecycle(step) => step.label_zh(),
            EventStep::Validity => "有效性变更",
            EventStep::Reviewed => "清理审查",
        }
    }
}

/// One step in a document's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentEvent {
    pub step: EventStep,
    pub actor_id: Option<UserId>,
    pub actor_name: String,
    pub note: String,
    pub at: Timestamp,
}

async fn append_event(tx: &mut WriteTx, id: DocumentId, step: EventStep, note: &str) -> Result<()> {
    let actor = tx.actor().clone();
    sqlx::query(
        "INSERT INTO document_events (document_id, step, actor_id, actor_name, note, at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id.0)
    .bind(step.code())
    .bind(actor.user_id.map(|u| u.0))
    .bind(&actor.name)
    .bind(note)
    .bind(to_text(now()))
    .execute(tx.conn())
    .await?;
    Ok(())
}

/// Records the audit entry and the search update of a changed document.
async fn finish(
    tx: &mut WriteTx,
    action: &str,
    before: &Document,
    step: EventStep,
    note: &str,
) -> Result<Document> {
    append_event(tx, before.id, step, note).await?;
    let after = fetch(tx.conn(), before.id).await?;
    tx.record(
        action,
        "document",
        before.id,
        Some(audit_view(before)),
        Some(audit_view(&after)),
    );
    tx.reindex(before.id.0);
    Ok(after)
}

/// Takes a review step; publishing sets the publication date to `today` unless the
/// document already carries one. A step the current status does not allow is refused.
pub async fn step(
    tx: &mut WriteTx,
    id: DocumentId,
    step: LifecycleStep,
    note: &str,
    today: NaiveDate,
) -> Result<Document> {
    let before = fetch(tx.conn(), id).await?;
    let Some(status) = before.status.after(step) else {
        return Err(Error::Refused(format!(
            "文件当前为“{}”，不能{}",
            before.status.label_zh(),
            step.label_zh()
        )));
    };
    let at = to_text(now());
    let published = status == DocumentStatus::Published;
    sqlx::query(
        "UPDATE documents SET status = $1, updated_at = $2, \
         published_at = CASE WHEN $3 = 1 THEN $2 ELSE published_at END, \
         published_on = CASE WHEN $3 = 1 THEN COALESCE(published_on, $4) ELSE published_on END \
         WHERE id = $5",
    )
    .bind(status.code())
    .bind(&at)
    .bind(i64::from(published))
    .bind(date_to_text(today))
    .bind(id.0)
    .execute(tx.conn())
    .await?;
    let action = format!("document.{}", step.code());
    finish(tx, &action, &before, EventStep::Lifecycle(step), note).await
}

/// Changes the validity of a document (立改废) on `on`, for `reason`, naming the
/// document that replaced it, if any.
pub async fn change_validity(
    tx: &mut WriteTx,
    id: DocumentId,
    validity: Validity,
    on: NaiveDate,
    reason: &str,
    replaced_by: Option<DocumentId>,
) -> Result<Document> {
    let before = fetch(tx.conn(), id).await?;
    sqlx::query(
        "UPDATE documents SET validity = $1, validity_changed_on = $2, validity_reason = $3, \
         replaced_by_id = $4, last_reviewed_on = $2, updated_at = $5 WHERE id = $6",
    )
    .bind(validity.code())
    .bind(date_to_text(on))
    .bind(reason)
    .bind(replaced_by.map(|d| d.0))
    .bind(to_text(now()))
    .bind(id.0)
    .execute(tx.conn())
    .await?;
    let note = format!("{}：{reason}", validity.label_zh());
    finish(tx, "document.validity", &before, EventStep::Validity, &note).await
}

/// Records that a cleanup reviewed the document on `on` and kept it in force.
pub async fn mark_reviewed(
    tx: &mut WriteTx,
    id: DocumentId,
    on: NaiveDate,
    note: &str,
) -> Result<Document> {
    let before = fetch(tx.conn(), id).await?;
    sqlx::query("UPDATE documents SET last_reviewed_on = $1, updated_at = $2 WHERE id = $3")
        .bind(date_to_text(on))
        .bind(to_text(now()))
        .bind(id.0)
        .execute(tx.conn())
        .await?;
    finish(tx, "document.reviewed", &before, EventStep::Reviewed, note).await
}

/// The latest time `step` was taken on a document, if ever.
pub async fn last_step(
    store: &Store,
    id: DocumentId,
    step: LifecycleStep,
) -> Result<Option<DocumentEvent>> {
    Ok(events(store, id)
        .await?
        .into_iter()
        .rev()
        .find(|e| e.step == EventStep::Lifecycle(step)))
}

/// The history of a document, oldest first.
pub async fn events(store: &Store, id: DocumentId) -> Result<Vec<DocumentEvent>> {
    let rows = sqlx::query(
        "SELECT step, actor_id, actor_name, note, at FROM document_events \
         WHERE document_id = $1 ORDER BY id",
    )
    .bind(id.0)
    .fetch_all(store.pool())
    .await?;
    rows.iter()
        .map(|row| {
            let code: String = row.try_get("step")?;
            Ok(DocumentEvent {
                step: EventStep::from_code(&code)
                    .ok_or_else(|| Error::Corrupt(format!("文件事件“{code}”无法识别")))?,
                actor_id: row.try_get::<Option<i64>, _>("actor_id")?.map(UserId),
                actor_name: row.try_get("actor_name")?,
                note: row.try_get("note")?,
                at: from_text(&row.try_get::<String, _>("at")?)?,
            })
        })
        .collect()
}
