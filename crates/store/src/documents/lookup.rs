//! Reading documents: one by id or by a unique key, every document in pages, and
//! their number.

use super::Document;
use super::row::{COLUMNS, document_from_row, fetch};
use crate::{DocumentId, Result, Store};
use sqlx::Row;

/// One document by id.
pub async fn get(store: &Store, id: DocumentId) -> Result<Document> {
    let mut conn = store.pool().acquire().await?;
    fetch(&mut conn, id).await
}

async fn find_by(store: &Store, column: &str, value: &str) -> Result<Option<Document>> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM documents WHERE {column} = $1 ORDER BY id LIMIT 1"
    ))
    .bind(value)
    .fetch_optional(store.pool())
    .await?;
    row.as_ref().map(document_from_row).transpose()
}

/// The document with this 索引号, if any.
pub async fn find_by_index_number(store: &Store, index_number: &str) -> Result<Option<Document>> {
    find_by(store, "index_number", index_number).await
}

/// The document imported from a source with this SHA-256, if any.
pub async fn find_by_source_hash(store: &Store, source_hash: &str) -> Result<Option<Document>> {
    find_by(store, "source_hash", source_hash).await
}

/// The first document with this normalised 发文字号, if any.
pub async fn find_by_doc_number_key(store: &Store, key: &str) -> Result<Option<Document>> {
    find_by(store, "doc_number_key", key).await
}

/// Every document, newest publication first (for listings and the index rebuild).
pub async fn list(store: &Store, limit: i64, offset: i64) -> Result<Vec<Document>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM documents ORDER BY COALESCE(published_on, written_on, '') DESC, id DESC \
         LIMIT $1 OFFSET $2"
    ))
    .bind(limit)
    .bind(offset)
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(document_from_row).collect()
}

/// Up to `limit` documents whose id is above `after`, by id: a walk over the whole
/// library that stays fast however far it goes.
pub async fn list_after(store: &Store, after: DocumentId, limit: i64) -> Result<Vec<Document>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM documents WHERE id > $1 ORDER BY id LIMIT $2"
    ))
    .bind(after.0)
    .bind(limit)
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(document_from_row).collect()
}

/// The number of documents.
pub async fn count(store: &Store) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM documents")
        .fetch_one(store.pool())
        .await?;
    Ok(row.try_get("n")?)
}
