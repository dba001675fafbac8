//! Documents of the policy library: metadata, bodies, status, and the per-issuer
//! sequences that give each document its 索引号 when it enters the library.
//!
//! Every change records an audit entry (without the bodies, which are large: their
//! SHA-256 stands for them) and marks the document for the search index.

use crate::time::{date_to_text, from_text, optional_date, optional_time, to_text};
use crate::{DocumentId, Error, OrgId, Result, Store, Timestamp, WriteTx, now};
use chrono::NaiveDate;
use gongkai_domain::disclosure::DisclosureAttribute;
use gongkai_domain::interpretation::InterpretationForm;
use gongkai_domain::lifecycle::DocumentStatus;
use gongkai_domain::validity::Validity;
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, Row};

mod lifecycle;
mod listing;

pub use lifecycle::{DocumentEvent, EventStep, change_validity, events, mark_reviewed, step};
pub use listing::{
    CleanupFilter, ConsoleFilter, PublicFilter, cleanup_candidates, list_console, list_public,
    list_public_about,
};

/// The metadata and content of a document that its authors edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentFields {
    pub title: String,
    /// 发文字号 as written ('' when none) and its normalised form for matching.
    pub doc_number: String,
    pub doc_number_key: String,
    pub issuer_id: Option<OrgId>,
    pub issuer_name: String,
    pub topic: String,
    pub genre: String,
    /// 行政规范性文件: managed with validity and cleanup.
    pub normative: bool,
    pub validity: Validity,
    pub effective_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
    pub written_on: Option<NaiveDate>,
    pub published_on: Option<NaiveDate>,
    pub disclosure: DisclosureAttribute,
    pub interpretation_form: Option<InterpretationForm>,
    pub body_html: String,
    pub body_text: String,
}

/// A stored document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub id: DocumentId,
    pub index_number: String,
    pub fields: DocumentFields,
    pub status: DocumentStatus,
    pub source_hash: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub published_at: Option<Timestamp>,
    /// The last change of validity (立改废), if any.
    pub validity_change: Option<ValidityChange>,
    /// When the document was last reviewed in a cleanup (清理).
    pub last_reviewed_on: Option<NaiveDate>,
}

/// A change of validity: when, why, and the document that replaced this one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidityChange {
    pub on: NaiveDate,
    pub reason: String,
    pub replaced_by: Option<DocumentId>,
}

/// What the audit log keeps of a document: its metadata and a hash of each body.
#[derive(Serialize)]
struct AuditView<'a> {
    index_number: &'a str,
    title: &'a str,
    doc_number: &'a str,
    issuer_name: &'a str,
    topic: &'a str,
    genre: &'a str,
    validity: &'static str,
    status: &'static str,
    written_on: Option<String>,
    published_on: Option<String>,
    body_text_sha256: String,
}

fn audit_view(d: &Document) -> serde_json::Value {
    let f = &d.fields;
    serde_json::to_value(AuditView {
        index_number: &d.index_number,
        title: &f.title,
        doc_number: &f.doc_number,
        issuer_name: &f.issuer_name,
        topic: &f.topic,
        genre: &f.genre,
        validity: f.validity.code(),
        status: d.status.code(),
        written_on: f.written_on.map(date_to_text),
        published_on: f.published_on.map(date_to_text),
        body_text_sha256: hex::encode(Sha256::digest(f.body_text.as_bytes())),
    })
    .unwrap_or(serde_json::Value::Null)
}

const COLUMNS: &str = "id, index_number, title, doc_number, doc_number_key, issuer_id, issuer_name, \
     topic, genre, normative, validity, effective_on, expires_on, written_on, published_on, \
     disclosure, disclosure_reason, interpretation_form, body_html, body_text, source_hash, status, \
     created_at, updated_at, published_at, validity_changed_on, validity_reason, replaced_by_id, \
     last_reviewed_on";

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

/// The next free serial for 索引号 `{prefix}/{year}-{serial}`: one more than the last
/// one given out, skipping serials that imported documents already carry.
pub async fn next_index_serial(tx: &mut WriteTx, prefix: &str, year: i32) -> Result<u32> {
    let row = sqlx::query(
        "UPDATE index_number_sequences SET last_serial = last_serial + 1 \
         WHERE prefix = $1 AND year = $2 RETURNING last_serial",
    )
    .bind(prefix)
    .bind(i64::from(year))
    .fetch_optional(tx.conn())
    .await?;
    let serial: i64 = match row {
        Some(row) => row.try_get("last_serial")?,
        None => {
            sqlx::query(
                "INSERT INTO index_number_sequences (prefix, year, last_serial) VALUES ($1, $2, 1)",
            )
            .bind(prefix)
            .bind(i64::from(year))
            .execute(tx.conn())
            .await?;
            1
        }
    };
    u32::try_from(serial).map_err(|_| Error::Corrupt(format!("索引号序号溢出：{prefix} {year}")))
}

/// Whether a document already carries this 索引号.
pub async fn index_number_taken(tx: &mut WriteTx, index_number: &str) -> Result<bool> {
    let row = sqlx::query("SELECT id FROM documents WHERE index_number = $1")
        .bind(index_number)
        .fetch_optional(tx.conn())
        .await?;
    Ok(row.is_some())
}

pub(crate) fn validity_from(code: &str) -> Result<Validity> {
    Validity::parse(code).map_err(|_| Error::unreadable("有效性", code))
}

pub(crate) fn status_from(code: &str) -> Result<DocumentStatus> {
    DocumentStatus::from_code(code).ok_or_else(|| Error::unreadable("状态", code))
}

pub(crate) fn form_from(code: Option<&str>) -> Result<Option<InterpretationForm>> {
    code.map(|f| InterpretationForm::parse(f).map_err(|_| Error::unreadable("解读形式", f)))
        .transpose()
}

fn document_from_row(row: &sqlx::any::AnyRow) -> Result<Document> {
    let validity: String = row.try_get("validity")?;
    let status: String = row.try_get("status")?;
    let disclosure: String = row.try_get("disclosure")?;
    let reason: String = row.try_get("disclosure_reason")?;
    let form: Option<String> = row.try_get("interpretation_form")?;
    Ok(Document {
        id: DocumentId(row.try_get("id")?),
        index_number: row.try_get("index_number")?,
        fields: DocumentFields {
            title: row.try_get("title")?,
            doc_number: row.try_get("doc_number")?,
            doc_number_key: row.try_get("doc_number_key")?,
            issuer_id: row.try_get::<Option<i64>, _>("issuer_id")?.map(OrgId),
            issuer_name: row.try_get("issuer_name")?,
            topic: row.try_get("topic")?,
            genre: row.try_get("genre")?,
            normative: row.try_get::<i64, _>("normative")? != 0,
            validity: validity_from(&validity)?,
            effective_on: optional_date(row, "effective_on")?,
            expires_on: optional_date(row, "expires_on")?,
            written_on: optional_date(row, "written_on")?,
            published_on: optional_date(row, "published_on")?,
            disclosure: DisclosureAttribute::new(&disclosure, &reason)
                .map_err(|_| Error::unreadable("公开属性", &disclosure))?,
            interpretation_form: form_from(form.as_deref())?,
            body_html: row.try_get("body_html")?,
            body_text: row.try_get("body_text")?,
        },
        status: status_from(&status)?,
        source_hash: row.try_get("source_hash")?,
        created_at: from_text(&row.try_get::<String, _>("created_at")?)?,
        updated_at: from_text(&row.try_get::<String, _>("updated_at")?)?,
        published_at: optional_time(row, "published_at")?,
        validity_change: optional_date(row, "validity_changed_on")?
            .map(|on| -> Result<ValidityChange> {
                Ok(ValidityChange {
                    on,
                    reason: row.try_get("validity_reason")?,
                    replaced_by: row
                        .try_get::<Option<i64>, _>("replaced_by_id")?
                        .map(DocumentId),
                })
            })
            .transpose()?,
        last_reviewed_on: optional_date(row, "last_reviewed_on")?,
    })
}

async fn fetch(conn: &mut AnyConnection, id: DocumentId) -> Result<Document> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM documents WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(conn)
        .await?
        .ok_or_else(|| Error::NotFound {
            entity: "文件",
            id: id.to_string(),
        })?;
    document_from_row(&row)
}

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

/// The number of documents.
pub async fn count(store: &Store) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM documents")
        .fetch_one(store.pool())
        .await?;
    Ok(row.try_get("n")?)
}
