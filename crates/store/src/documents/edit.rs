//! Writing a document's editable fields: a new document under its 索引号, and the
//! update of an existing one, each with its audit entry and a mark for the index.

use super::audit_view::audit_view;
use super::row::fetch;
use super::{Document, DocumentFields};
use crate::time::{date_to_text, to_text};
use crate::{DocumentId, Error, Result, WriteTx, now};
use gongkai_domain::lifecycle::DocumentStatus;
use sqlx::Row;

type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

/// Binds the editable fields as `$1`…`$18`, in the column order that both the
/// INSERT and the UPDATE statement list them.
fn bind_fields<'q>(query: AnyQuery<'q>, fields: &'q DocumentFields) -> AnyQuery<'q> {
    query
        .bind(&fields.title)
        .bind(&fields.doc_number)
        .bind(&fields.doc_number_key)
        .bind(fields.issuer_id.map(|i| i.0))
        .bind(&fields.issuer_name)
        .bind(&fields.topic)
        .bind(&fields.genre)
        .bind(i64::from(fields.normative))
        .bind(fields.validity.code())
        .bind(fields.effective_on.map(date_to_text))
        .bind(fields.expires_on.map(date_to_text))
        .bind(fields.written_on.map(date_to_text))
        .bind(fields.published_on.map(date_to_text))
        .bind(fields.disclosure.code())
        .bind(fields.disclosure.reason().unwrap_or_default())
        .bind(fields.interpretation_form.map(|f| f.code()))
        .bind(&fields.body_html)
        .bind(&fields.body_text)
}

/// Stores a new document under `index_number`.
pub async fn create(
    tx: &mut WriteTx,
    index_number: &str,
    fields: &DocumentFields,
    status: DocumentStatus,
    source_hash: Option<&str>,
) -> Result<Document> {
    let at = to_text(now());
    let published_at = (status == DocumentStatus::Published).then(|| at.clone());
    let insert = sqlx::query(
        "INSERT INTO documents (title, doc_number, doc_number_key, issuer_id, issuer_name, topic, \
         genre, normative, validity, effective_on, expires_on, written_on, published_on, \
         disclosure, disclosure_reason, interpretation_form, body_html, body_text, index_number, \
         source_hash, status, created_at, updated_at, published_at) VALUES ($1, $2, $3, $4, $5, \
         $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $22, $23) \
         RETURNING id",
    );
    let row = bind_fields(insert, fields)
        .bind(index_number)
        .bind(source_hash)
        .bind(status.code())
        .bind(&at)
        .bind(published_at)
        .fetch_one(tx.conn())
        .await
        .map_err(|e| Error::on_unique(e, "索引号", index_number))?;
    let id = DocumentId(row.try_get("id")?);
    let document = fetch(tx.conn(), id).await?;
    tx.record(
        "document.create",
        "document",
        id,
        None,
        Some(audit_view(&document)),
    );
    tx.reindex(id.0);
    Ok(document)
}

/// Replaces the editable fields of a document (and the hash of its source, if given).
pub async fn update(
    tx: &mut WriteTx,
    id: DocumentId,
    fields: &DocumentFields,
    source_hash: Option<&str>,
) -> Result<Document> {
    let before = fetch(tx.conn(), id).await?;
    let update = sqlx::query(
        "UPDATE documents SET title = $1, doc_number = $2, doc_number_key = $3, issuer_id = $4, \
         issuer_name = $5, topic = $6, genre = $7, normative = $8, validity = $9, \
         effective_on = $10, expires_on = $11, written_on = $12, published_on = $13, \
         disclosure = $14, disclosure_reason = $15, interpretation_form = $16, body_html = $17, \
         body_text = $18, source_hash = COALESCE($19, source_hash), updated_at = $20 WHERE id = $21",
    );
    bind_fields(update, fields)
        .bind(source_hash)
        .bind(to_text(now()))
        .bind(id.0)
        .execute(tx.conn())
        .await?;
    let after = fetch(tx.conn(), id).await?;
    tx.record(
        "document.update",
        "document",
        id,
        Some(audit_view(&before)),
        Some(audit_view(&after)),
    );
    tx.reindex(id.0);
    Ok(after)
}
