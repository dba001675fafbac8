//! Reading messages: one by id or by tracking code, and all of them.

use super::record::{COLUMNS, Message, from_row};
use crate::{Error, MessageId, Result, Store};

pub use super::steps::events;

/// One message.
pub async fn get(store: &Store, id: MessageId) -> Result<Message> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM messages WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(store.pool())
        .await?
        .ok_or_else(|| Error::NotFound {
            entity: "留言",
            id: id.to_string(),
        })?;
    from_row(&row)
}

/// The message whose tracking code hashes to `hash`, if any.
pub async fn find_by_tracking_hash(store: &Store, hash: &str) -> Result<Option<Message>> {
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM messages WHERE tracking_hash = $1"
    ))
    .bind(hash)
    .fetch_optional(store.pool())
    .await?
    .as_ref()
    .map(from_row)
    .transpose()
}

/// Every message, newest receipt first.
pub async fn list(store: &Store) -> Result<Vec<Message>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM messages ORDER BY received_on DESC, id DESC"
    ))
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(from_row).collect()
}
