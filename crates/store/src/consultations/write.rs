//! Opening a consultation and what the office does to it afterwards: extending it or
//! closing it early (each with its reason, as an event), naming the final document,
//! and publishing the 意见收集和采纳情况 with its summary.

use super::record::{COLUMNS, Consultation, ConsultationFields, EventKind, audit_view, from_row};
use crate::time::{date_to_text, to_text};
use crate::{ConsultationId, DocumentId, Result, WriteTx, now};
use chrono::NaiveDate;

/// Stores a new consultation.
pub async fn create(tx: &mut WriteTx, f: &ConsultationFields) -> Result<Consultation> {
    let row = sqlx::query(&format!(
        "INSERT INTO consultations (org_id, title, kind, market_related, draft_html, \
         explanation_html, draft_document_id, starts_on, ends_on, short_reason, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING {COLUMNS}"
    ))
    .bind(f.org_id.0)
    .bind(&f.title)
    .bind(f.kind.code())
    .bind(i64::from(f.market_related))
    .bind(&f.draft_html)
    .bind(&f.explanation_html)
    .bind(f.draft_document.map(|d| d.0))
    .bind(date_to_text(f.starts_on))
    .bind(date_to_text(f.ends_on))
    .bind(&f.short_reason)
    .bind(to_text(now()))
    .fetch_one(tx.conn())
    .await?;
    let created = from_row(&row)?;
    tx.record(
        "consultation.create",
        "consultation",
        created.id,
        None,
        Some(audit_view(f)),
    );
    Ok(created)
}

async fn add_event(
    tx: &mut WriteTx,
    id: ConsultationId,
    kind: EventKind,
    on: NaiveDate,
    until: Option<NaiveDate>,
    note: &str,
) -> Result<()> {
    let actor = tx.actor().name.clone();
    sqlx::query(
        "INSERT INTO consultation_events (consultation_id, kind, on_date, until_date, note, \
         actor_name, at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id.0)
    .bind(kind.code())
    .bind(date_to_text(on))
    .bind(until.map(date_to_text))
    .bind(note)
    .bind(actor)
    .bind(to_text(now()))
    .execute(tx.conn())
    .await?;
    Ok(())
}

/// Moves the last day for comments to `until`, recording why.
pub async fn extend(
    tx: &mut WriteTx,
    c: &Consultation,
    on: NaiveDate,
    until: NaiveDate,
    reason: &str,
) -> Result<()> {
    sqlx::query("UPDATE consultations SET ends_on = $1 WHERE id = $2")
        .bind(date_to_text(until))
        .bind(c.id.0)
        .execute(tx.conn())
        .await?;
    add_event(tx, c.id, EventKind::Extended, on, Some(until), reason).await?;
    let before = serde_json::json!({ "ends_on": date_to_text(c.fields.ends_on) });
    let after = serde_json::json!({ "ends_on": date_to_text(until), "reason": reason });
    tx.record(
        "consultation.extend",
        "consultation",
        c.id,
        Some(before),
        Some(after),
    );
    Ok(())
}

/// Ends the consultation on `on`, before its last day, recording why.
pub async fn close_early(
    tx: &mut WriteTx,
    c: &Consultation,
    on: NaiveDate,
    reason: &str,
) -> Result<()> {
    sqlx::query("UPDATE consultations SET closed_early_on = $1 WHERE id = $2")
        .bind(date_to_text(on))
        .bind(c.id.0)
        .execute(tx.conn())
        .await?;
    add_event(tx, c.id, EventKind::ClosedEarly, on, None, reason).await?;
    let after = serde_json::json!({ "closed_early_on": date_to_text(on), "reason": reason });
    tx.record(
        "consultation.close",
        "consultation",
        c.id,
        None,
        Some(after),
    );
    Ok(())
}

/// Names the document of the library in which the consulted policy was finally
/// published (or none).
pub async fn set_final_document(
    tx: &mut WriteTx,
    c: &Consultation,
    document: Option<DocumentId>,
) -> Result<()> {
    sqlx::query("UPDATE consultations SET final_document_id = $1 WHERE id = $2")
        .bind(document.map(|d| d.0))
        .bind(c.id.0)
        .execute(tx.conn())
        .await?;
    let before = serde_json::json!({ "final_document": c.final_document });
    let after = serde_json::json!({ "final_document": document });
    tx.record(
        "consultation.final",
        "consultation",
        c.id,
        Some(before),
        Some(after),
    );
    Ok(())
}

/// Publishes the 意见收集和采纳情况 with the office's summary (again: replaces it).
pub async fn publish(
    tx: &mut WriteTx,
    c: &Consultation,
    on: NaiveDate,
    summary: &str,
) -> Result<()> {
    sqlx::query("UPDATE consultations SET summary = $1, published_at = $2 WHERE id = $3")
        .bind(summary)
        .bind(to_text(now()))
        .bind(c.id.0)
        .execute(tx.conn())
        .await?;
    add_event(tx, c.id, EventKind::Published, on, None, "").await?;
    let after = serde_json::json!({ "summary": summary });
    tx.record(
        "consultation.publish",
        "consultation",
        c.id,
        None,
        Some(after),
    );
    Ok(())
}
