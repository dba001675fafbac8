//! The search outbox: one row per change to a document, numbered in commit order.
//! The search index follows it by sequence number and can always be rebuilt from
//! the documents themselves.

use crate::time::to_text;
use crate::{Result, Store, now};
use sqlx::{AnyConnection, Row};

/// One change to follow: the document to (re)index or remove from the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutboxEntry {
    pub seq: i64,
    pub document_id: i64,
}

pub(crate) async fn append(conn: &mut AnyConnection, documents: &[i64]) -> Result<()> {
    let at = to_text(now());
    for id in documents {
        sqlx::query("INSERT INTO search_outbox (document_id, at) VALUES ($1, $2)")
            .bind(id)
            .bind(&at)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Entries after `after`, oldest first, at most `limit`.
pub async fn after(store: &Store, after: i64, limit: i64) -> Result<Vec<OutboxEntry>> {
    let rows = sqlx::query(
        "SELECT seq, document_id FROM search_outbox WHERE seq > $1 ORDER BY seq LIMIT $2",
    )
    .bind(after)
    .bind(limit)
    .fetch_all(store.pool())
    .await?;
    rows.iter()
        .map(|r| {
            Ok(OutboxEntry {
                seq: r.try_get("seq")?,
                document_id: r.try_get("document_id")?,
            })
        })
        .collect()
}
