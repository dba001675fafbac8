//! Confidentiality reviews (保密审查) of documents: each record the reviewer makes,
//! kept in order, and the 公开属性 it confirms written onto the document.

use super::audit_view::audit_view;
use super::row::fetch;
use crate::time::{date_from_text, date_to_text, from_text, to_text};
use crate::{DocumentId, Error, Result, Store, Timestamp, UserId, WriteTx, now};
use gongkai_domain::disclosure::DisclosureAttribute;
use gongkai_domain::secrecy::{Conclusion, SecrecyReview};
use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;

/// A recorded review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredReview {
    pub id: i64,
    pub document_id: DocumentId,
    pub review: SecrecyReview,
    pub reviewer_id: Option<UserId>,
    pub reviewer_name: String,
    pub recorded_at: Timestamp,
}

const COLUMNS: &str = "id, document_id, conclusion, basis, reviewed_on, disclosure, \
    disclosure_reason, reviewer_id, reviewer_name, recorded_at";

fn from_row(row: &AnyRow) -> Result<StoredReview> {
    let conclusion: String = row.try_get("conclusion")?;
    let disclosure: String = row.try_get("disclosure")?;
    let reason: String = row.try_get("disclosure_reason")?;
    Ok(StoredReview {
        id: row.try_get("id")?,
        document_id: DocumentId(row.try_get("document_id")?),
        review: SecrecyReview {
            conclusion: Conclusion::from_code(&conclusion)
                .ok_or_else(|| Error::unreadable("审查结论", &conclusion))?,
            basis: row.try_get("basis")?,
            reviewed_on: date_from_text(&row.try_get::<String, _>("reviewed_on")?)?,
            disclosure: DisclosureAttribute::new(&disclosure, &reason)
                .map_err(|_| Error::unreadable("公开属性", &disclosure))?,
        },
        reviewer_id: row.try_get::<Option<i64>, _>("reviewer_id")?.map(UserId),
        reviewer_name: row.try_get("reviewer_name")?,
        recorded_at: from_text(&row.try_get::<String, _>("recorded_at")?)?,
    })
}

/// Records a review of a document and sets the document's 公开属性 to the one the
/// review confirms; audited as `document.secrecy_review`.
pub async fn record(
    tx: &mut WriteTx,
    document_id: DocumentId,
    review: &SecrecyReview,
) -> Result<StoredReview> {
    let before = fetch(tx.conn(), document_id).await?;
    let actor = tx.actor().clone();
    let at = to_text(now());
    let disclosure = &review.disclosure;
    let row = sqlx::query(&format!(
        "INSERT INTO secrecy_reviews (document_id, conclusion, basis, reviewed_on, disclosure, \
         disclosure_reason, reviewer_id, reviewer_name, recorded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {COLUMNS}"
    ))
    .bind(document_id.0)
    .bind(review.conclusion.code())
    .bind(&review.basis)
    .bind(date_to_text(review.reviewed_on))
    .bind(disclosure.code())
    .bind(disclosure.reason().unwrap_or_default())
    .bind(actor.user_id.map(|u| u.0))
    .bind(&actor.name)
    .bind(&at)
    .fetch_one(tx.conn())
    .await?;
    let stored = from_row(&row)?;
    sqlx::query(
        "UPDATE documents SET disclosure = $1, disclosure_reason = $2, updated_at = $3 \
         WHERE id = $4",
    )
    .bind(disclosure.code())
    .bind(disclosure.reason().unwrap_or_default())
    .bind(&at)
    .bind(document_id.0)
    .execute(tx.conn())
    .await?;
    let after = fetch(tx.conn(), document_id).await?;
    let mut entry = audit_view(&after);
    if let Some(fields) = entry.as_object_mut() {
        fields.insert(
            "secrecy_review".to_string(),
            json!({
                "conclusion": review.conclusion.code(),
                "basis": review.basis,
                "reviewed_on": date_to_text(review.reviewed_on),
                "disclosure": disclosure.code(),
                "disclosure_reason": disclosure.reason().unwrap_or_default(),
            }),
        );
    }
    tx.record(
        "document.secrecy_review",
        "document",
        document_id,
        Some(audit_view(&before)),
        Some(entry),
    );
    tx.reindex(document_id.0);
    Ok(stored)
}

/// The reviews of a document, oldest first.
pub async fn of_document(store: &Store, document_id: DocumentId) -> Result<Vec<StoredReview>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM secrecy_reviews WHERE document_id = $1 ORDER BY id"
    ))
    .bind(document_id.0)
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(from_row).collect()
}
