//! Attachments of documents: one row per attached file, naming its content by
//! SHA-256. The bytes themselves live in the data directory (the app stores them),
//! so the same file attached twice is kept once.

use crate::{DocumentId, Error, Result, Store, WriteTx};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

/// A file attached to a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attachment {
    pub id: i64,
    pub document_id: DocumentId,
    /// Lower-case hex SHA-256 of the content.
    pub sha256: String,
    /// The name it was uploaded under, used again for downloads.
    pub file_name: String,
    pub media_type: String,
    pub size_bytes: i64,
}

/// What an upload adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAttachment {
    pub sha256: String,
    pub file_name: String,
    pub media_type: String,
    pub size_bytes: i64,
}

const COLUMNS: &str = "id, document_id, sha256, file_name, media_type, size_bytes";

fn from_row(row: &AnyRow) -> Result<Attachment> {
    Ok(Attachment {
        id: row.try_get("id")?,
        document_id: DocumentId(row.try_get("document_id")?),
        sha256: row.try_get("sha256")?,
        file_name: row.try_get("file_name")?,
        media_type: row.try_get("media_type")?,
        size_bytes: row.try_get("size_bytes")?,
    })
}

/// Attaches a stored file to a document, after its other attachments.
pub async fn add(
    tx: &mut WriteTx,
    document_id: DocumentId,
    file: &NewAttachment,
) -> Result<Attachment> {
    let row = sqlx::query(&format!(
        "INSERT INTO attachments (document_id, sha256, file_name, media_type, size_bytes, position) \
         VALUES ($1, $2, $3, $4, $5, \
         (SELECT COALESCE(MAX(position), 0) + 1 FROM attachments WHERE document_id = $1)) \
         RETURNING {COLUMNS}"
    ))
    .bind(document_id.0)
    .bind(&file.sha256)
    .bind(&file.file_name)
    .bind(&file.media_type)
    .bind(file.size_bytes)
    .fetch_one(tx.conn())
    .await?;
    let attachment = from_row(&row)?;
    let entry = serde_json::to_value(&attachment).unwrap_or(serde_json::Value::Null);
    tx.record("attachment.add", "document", document_id, None, Some(entry));
    Ok(attachment)
}

/// Detaches a file from a document (the content stays: another row may name it).
pub async fn remove(tx: &mut WriteTx, document_id: DocumentId, id: i64) -> Result<()> {
    let row = sqlx::query(&format!(
        "DELETE FROM attachments WHERE id = $1 AND document_id = $2 RETURNING {COLUMNS}"
    ))
    .bind(id)
    .bind(document_id.0)
    .fetch_optional(tx.conn())
    .await?
    .ok_or_else(|| Error::NotFound {
        entity: "附件",
        id: id.to_string(),
    })?;
    let entry = serde_json::to_value(from_row(&row)?).unwrap_or(serde_json::Value::Null);
    tx.record(
        "attachment.remove",
        "document",
        document_id,
        Some(entry),
        None,
    );
    Ok(())
}

/// The attachments of a document in upload order.
pub async fn of(store: &Store, document_id: DocumentId) -> Result<Vec<Attachment>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM attachments WHERE document_id = $1 ORDER BY position, id"
    ))
    .bind(document_id.0)
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(from_row).collect()
}

/// The attachments of the documents whose id is above `after` and at most `last`, by
/// document, each in upload order: one query for a batch of a library walk.
pub async fn of_range(
    store: &Store,
    after: DocumentId,
    last: DocumentId,
) -> Result<std::collections::HashMap<DocumentId, Vec<Attachment>>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM attachments WHERE document_id > $1 AND document_id <= $2 \
         ORDER BY document_id, position, id"
    ))
    .bind(after.0)
    .bind(last.0)
    .fetch_all(store.pool())
    .await?;
    let mut by_document: std::collections::HashMap<DocumentId, Vec<Attachment>> =
        std::collections::HashMap::new();
    for row in &rows {
        let attachment = from_row(row)?;
        by_document
            .entry(attachment.document_id)
            .or_default()
            .push(attachment);
    }
    Ok(by_document)
}

/// One attachment of one document.
pub async fn get(store: &Store, document_id: DocumentId, id: i64) -> Result<Attachment> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM attachments WHERE id = $1 AND document_id = $2"
    ))
    .bind(id)
    .bind(document_id.0)
    .fetch_optional(store.pool())
    .await?
    .ok_or_else(|| Error::NotFound {
        entity: "附件",
        id: id.to_string(),
    })?;
    from_row(&row)
}
