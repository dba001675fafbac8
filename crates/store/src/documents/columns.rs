//! The columns of 法定主动公开内容 a document belongs to: suggested by a rule when the
//! document is created, imported or saved, confirmed (or changed) by staff; the public
//! columns list the confirmed ones.

use super::Document;
use super::row::{document_from_row, qualified_columns};
use crate::{DocumentId, Result, Store, WriteTx};
use sqlx::Row;
use std::collections::HashMap;

/// A column of a document, as suggested or confirmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentColumn {
    pub code: String,
    pub confirmed: bool,
}

/// The columns of a document, confirmed first, then by code.
pub async fn of_document(store: &Store, id: DocumentId) -> Result<Vec<DocumentColumn>> {
    let rows = sqlx::query(
        "SELECT column_code, confirmed FROM document_columns WHERE document_id = $1 \
         ORDER BY confirmed DESC, column_code",
    )
    .bind(id.0)
    .fetch_all(store.pool())
    .await?;
    rows.iter()
        .map(|r| {
            Ok(DocumentColumn {
                code: r.try_get("column_code")?,
                confirmed: r.try_get::<i64, _>("confirmed")? != 0,
            })
        })
        .collect()
}

/// Replaces the rule's suggestions for a document by `codes`; a document whose columns
/// staff confirmed keeps them and gets no suggestions.
pub async fn suggest(tx: &mut WriteTx, id: DocumentId, codes: &[&str]) -> Result<()> {
    let confirmed = sqlx::query(
        "SELECT COUNT(*) AS n FROM document_columns WHERE document_id = $1 AND confirmed = 1",
    )
    .bind(id.0)
    .fetch_one(tx.conn())
    .await?;
    if confirmed.try_get::<i64, _>("n")? > 0 {
        return Ok(());
    }
    sqlx::query("DELETE FROM document_columns WHERE document_id = $1")
        .bind(id.0)
        .execute(tx.conn())
        .await?;
    insert(tx, id, codes, false).await
}

/// Sets the confirmed columns of a document to exactly `codes` (staff's decision).
pub async fn confirm(tx: &mut WriteTx, id: DocumentId, codes: &[String]) -> Result<()> {
    let before = sqlx::query(
        "SELECT column_code FROM document_columns WHERE document_id = $1 AND confirmed = 1 \
         ORDER BY column_code",
    )
    .bind(id.0)
    .fetch_all(tx.conn())
    .await?
    .iter()
    .map(|r| r.try_get::<String, _>("column_code"))
    .collect::<std::result::Result<Vec<_>, _>>()?;
    sqlx::query("DELETE FROM document_columns WHERE document_id = $1")
        .bind(id.0)
        .execute(tx.conn())
        .await?;
    let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
    insert(tx, id, &codes, true).await?;
    tx.record(
        "document.columns",
        "document",
        id,
        Some(serde_json::json!(before)),
        Some(serde_json::json!(codes)),
    );
    Ok(())
}

async fn insert(tx: &mut WriteTx, id: DocumentId, codes: &[&str], confirmed: bool) -> Result<()> {
    for code in codes {
        sqlx::query(
            "INSERT INTO document_columns (document_id, column_code, confirmed) VALUES ($1, $2, $3) \
             ON CONFLICT DO NOTHING",
        )
        .bind(id.0)
        .bind(*code)
        .bind(i64::from(confirmed))
        .execute(tx.conn())
        .await?;
    }
    Ok(())
}

/// 条例 Art. 19–20: the public sees published, proactively disclosed documents.
const PUBLIC: &str = "d.status = 'published' AND d.disclosure = 'proactive'";

/// The public documents confirmed in a column, newest first, and how many there are.
pub async fn list_public_in(
    store: &Store,
    code: &str,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Document>, i64)> {
    let columns = qualified_columns("d");
    let from = format!(
        "FROM documents d JOIN document_columns c ON c.document_id = d.id \
         WHERE c.column_code = $1 AND c.confirmed = 1 AND {PUBLIC}"
    );
    let rows = sqlx::query(&format!(
        "SELECT {columns} {from} \
         ORDER BY COALESCE(d.published_on, d.written_on, '') DESC, d.id DESC LIMIT $2 OFFSET $3"
    ))
    .bind(code)
    .bind(limit)
    .bind(offset)
    .fetch_all(store.pool())
    .await?;
    let total = sqlx::query(&format!("SELECT COUNT(*) AS n {from}"))
        .bind(code)
        .fetch_one(store.pool())
        .await?
        .try_get::<i64, _>("n")?;
    let documents = rows.iter().map(document_from_row).collect::<Result<_>>()?;
    Ok((documents, total))
}

/// The number of public documents confirmed in each column.
pub async fn public_counts(store: &Store) -> Result<HashMap<String, i64>> {
    let rows = sqlx::query(&format!(
        "SELECT c.column_code, COUNT(*) AS n FROM document_columns c \
         JOIN documents d ON d.id = c.document_id WHERE c.confirmed = 1 AND {PUBLIC} \
         GROUP BY c.column_code"
    ))
    .fetch_all(store.pool())
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("column_code")?, r.try_get("n")?)))
        .collect()
}

/// The confirmed columns of the documents whose id is above `after` and at most
/// `last`: one query for a batch of a library walk.
pub async fn confirmed_of_range(
    store: &Store,
    after: DocumentId,
    last: DocumentId,
) -> Result<HashMap<DocumentId, Vec<String>>> {
    let rows = sqlx::query(
        "SELECT document_id, column_code FROM document_columns \
         WHERE confirmed = 1 AND document_id > $1 AND document_id <= $2 \
         ORDER BY document_id, column_code",
    )
    .bind(after.0)
    .bind(last.0)
    .fetch_all(store.pool())
    .await?;
    let mut by_document: HashMap<DocumentId, Vec<String>> = HashMap::new();
    for row in &rows {
        by_document
            .entry(DocumentId(row.try_get("document_id")?))
            .or_default()
            .push(row.try_get("column_code")?);
    }
    Ok(by_document)
}

/// Up to `limit` documents whose columns were only suggested, newest first, each with
/// its suggestions: the worklist of columns to confirm (two queries, not one per
/// document).
pub async fn awaiting_confirmation(
    store: &Store,
    limit: i64,
) -> Result<Vec<(Document, Vec<String>)>> {
    let columns = qualified_columns("d");
    let rows = sqlx::query(&format!(
        "SELECT {columns} FROM documents d WHERE d.status = 'published' AND EXISTS \
         (SELECT 1 FROM document_columns c WHERE c.document_id = d.id AND c.confirmed = 0) \
         ORDER BY d.id DESC LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(store.pool())
    .await?;
    let documents = rows
        .iter()
        .map(document_from_row)
        .collect::<Result<Vec<_>>>()?;
    let Some(oldest) = documents.last().map(|d| d.id.0) else {
        return Ok(Vec::new());
    };
    let suggestions = sqlx::query(
        "SELECT document_id, column_code FROM document_columns \
         WHERE confirmed = 0 AND document_id >= $1 ORDER BY document_id, column_code",
    )
    .bind(oldest)
    .fetch_all(store.pool())
    .await?;
    let mut by_document: HashMap<DocumentId, Vec<String>> = HashMap::new();
    for row in &suggestions {
        by_document
            .entry(DocumentId(row.try_get("document_id")?))
            .or_default()
            .push(row.try_get("column_code")?);
    }
    Ok(documents
        .into_iter()
        .map(|d| {
            let codes = by_document.remove(&d.id).unwrap_or_default();
            (d, codes)
        })
        .collect())
}
