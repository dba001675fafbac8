//! Files attached to a request, each with a note in its timeline.

use super::{EventKind, NewEvent, add_event};
use crate::time::{from_text, to_text};
use crate::{RequestId, Result, Store, Timestamp, WriteTx, now};
use chrono::NaiveDate;
use sqlx::Row;

/// A file attached to a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestFile {
    pub id: i64,
    pub file: crate::attachments::NewAttachment,
    pub note: String,
    pub actor_name: String,
    pub at: Timestamp,
}

/// Attaches a stored file to a request, with an event in its timeline.
pub async fn add_file(
    tx: &mut WriteTx,
    id: RequestId,
    file: &crate::attachments::NewAttachment,
    note: &str,
    on: NaiveDate,
) -> Result<i64> {
    let actor = tx.actor().clone();
    let row = sqlx::query(
        "INSERT INTO request_files (request_id, sha256, file_name, media_type, size_bytes, \
         note, actor_name, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(id.0)
    .bind(&file.sha256)
    .bind(&file.file_name)
    .bind(&file.media_type)
    .bind(file.size_bytes)
    .bind(note)
    .bind(&actor.name)
    .bind(to_text(now()))
    .fetch_one(tx.conn())
    .await?;
    let file_id: i64 = row.try_get("id")?;
    let text = match note {
        "" => format!("附件：{}", file.file_name),
        note => format!("附件：{}（{note}）", file.file_name),
    };
    let event = NewEvent {
        note: text,
        ..NewEvent::on(EventKind::Note, on)
    };
    add_event(tx, id, &event).await?;
    Ok(file_id)
}

/// The files of a request, in the order they were attached.
pub async fn files(store: &Store, id: RequestId) -> Result<Vec<RequestFile>> {
    let rows = sqlx::query(
        "SELECT id, sha256, file_name, media_type, size_bytes, note, actor_name, at \
         FROM request_files WHERE request_id = $1 ORDER BY id",
    )
    .bind(id.0)
    .fetch_all(store.pool())
    .await?;
    rows.iter()
        .map(|row| {
            Ok(RequestFile {
                id: row.try_get("id")?,
                file: crate::attachments::NewAttachment {
                    sha256: row.try_get("sha256")?,
                    file_name: row.try_get("file_name")?,
                    media_type: row.try_get("media_type")?,
                    size_bytes: row.try_get("size_bytes")?,
                },
                note: row.try_get("note")?,
                actor_name: row.try_get("actor_name")?,
                at: from_text(&row.try_get::<String, _>("at")?)?,
            })
        })
        .collect()
}
