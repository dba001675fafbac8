//! The files of a consultation's materials (the draft, its explanation, annexes),
//! naming their content by SHA-256 like documents' attachments.

use crate::attachments::NewAttachment;
use crate::time::to_text;
use crate::{ConsultationId, Result, Store, WriteTx, now};
use sqlx::Row;

/// A file of a consultation's materials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsultationFile {
    pub id: i64,
    pub file: NewAttachment,
}

/// Adds a stored file to consultation `id`.
pub async fn add_file(tx: &mut WriteTx, id: ConsultationId, file: &NewAttachment) -> Result<i64> {
    let row = sqlx::query(
        "INSERT INTO consultation_files (consultation_id, sha256, file_name, media_type, \
         size_bytes, at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(id.0)
    .bind(&file.sha256)
    .bind(&file.file_name)
    .bind(&file.media_type)
    .bind(file.size_bytes)
    .bind(to_text(now()))
    .fetch_one(tx.conn())
    .await?;
    let file_id: i64 = row.try_get("id")?;
    let entry =
        serde_json::json!({ "consultation": id, "file": file.file_name, "sha256": file.sha256 });
    tx.record(
        "consultation.file",
        "consultation_file",
        file_id,
        None,
        Some(entry),
    );
    Ok(file_id)
}

/// The files of consultation `id`, in the order they were added.
pub async fn files(store: &Store, id: ConsultationId) -> Result<Vec<ConsultationFile>> {
    let rows = sqlx::query(
        "SELECT id, sha256, file_name, media_type, size_bytes FROM consultation_files \
         WHERE consultation_id = $1 ORDER BY id",
    )
    .bind(id.0)
    .fetch_all(store.pool())
    .await?;
    rows.iter()
        .map(|row| {
            Ok(ConsultationFile {
                id: row.try_get("id")?,
                file: NewAttachment {
                    sha256: row.try_get("sha256")?,
                    file_name: row.try_get("file_name")?,
                    media_type: row.try_get("media_type")?,
                    size_bytes: row.try_get("size_bytes")?,
                },
            })
        })
        .collect()
}
