//! The policy Q&A library (政策咨询问答库) as stored: entries keyed by their code, with
//! the unit responsible, the basis as written and the library documents it names, and
//! when the office last reviewed each. Writes are upserts by code, so importing the same
//! sheet twice changes nothing.

use crate::time::{from_text, optional_time, to_text};
use crate::{DocumentId, Error, OrgId, Result, Store, Timestamp, WriteTx, now};
use sqlx::Row;
use sqlx::any::AnyRow;
use std::collections::HashMap;

/// What an entry says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QaFields {
    /// The entry's code (编号), unique: an import finds the entry by it.
    pub code: String,
    pub question: String,
    pub answer: String,
    pub topic: String,
    /// The unit responsible for the answer.
    pub org_id: Option<OrgId>,
    /// The basis as written (政策依据).
    pub basis: String,
    /// The documents of the library the basis names.
    pub documents: Vec<DocumentId>,
}

/// A stored entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QaEntry {
    pub id: i64,
    pub fields: QaFields,
    /// When the office last reviewed it against its basis (never: `None`).
    pub reviewed_at: Option<Timestamp>,
    pub updated_at: Timestamp,
}

/// What an upsert did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upserted {
    Created,
    Updated,
    Unchanged,
}

const COLUMNS: &str = "id, code, question, answer, topic, org_id, basis, reviewed_at, updated_at";

fn from_row(row: &AnyRow, documents: Vec<DocumentId>) -> Result<QaEntry> {
    Ok(QaEntry {
        id: row.try_get("id")?,
        fields: QaFields {
            code: row.try_get("code")?,
            question: row.try_get("question")?,
            answer: row.try_get("answer")?,
            topic: row.try_get("topic")?,
            org_id: row.try_get::<Option<i64>, _>("org_id")?.map(OrgId),
            basis: row.try_get("basis")?,
            documents,
        },
        reviewed_at: optional_time(row, "reviewed_at")?,
        updated_at: from_text(&row.try_get::<String, _>("updated_at")?)?,
    })
}

/// The documents of every entry, by entry id.
async fn all_documents(store: &Store) -> Result<HashMap<i64, Vec<DocumentId>>> {
    let rows = sqlx::query(
        "SELECT entry_id, document_id FROM qa_entry_documents ORDER BY entry_id, document_id",
    )
    .fetch_all(store.pool())
    .await?;
    let mut by_entry: HashMap<i64, Vec<DocumentId>> = HashMap::new();
    for row in rows {
        by_entry
            .entry(row.try_get("entry_id")?)
            .or_default()
            .push(DocumentId(row.try_get("document_id")?));
    }
    Ok(by_entry)
}

/// Every entry, by code.
pub async fn list(store: &Store) -> Result<Vec<QaEntry>> {
    let mut documents = all_documents(store).await?;
    let rows = sqlx::query(&format!("SELECT {COLUMNS} FROM qa_entries ORDER BY code"))
        .fetch_all(store.pool())
        .await?;
    rows.iter()
        .map(|row| {
            let id: i64 = row.try_get("id")?;
            from_row(row, documents.remove(&id).unwrap_or_default())
        })
        .collect()
}

/// One entry.
pub async fn get(store: &Store, id: i64) -> Result<QaEntry> {
    list(store)
        .await?
        .into_iter()
        .find(|e| e.id == id)
        .ok_or_else(|| Error::NotFound {
            entity: "问答",
            id: id.to_string(),
        })
}

/// What changes when the entries or the documents change: the cache key of a matching
/// index built from them.
pub async fn revision(store: &Store) -> Result<String> {
    let row = sqlx::query(
        "SELECT (SELECT COUNT(*) FROM qa_entries) AS n, \
         (SELECT MAX(updated_at) FROM qa_entries) AS entries, \
         (SELECT MAX(updated_at) FROM documents) AS documents",
    )
    .fetch_one(store.pool())
    .await?;
    let n: i64 = row.try_get("n")?;
    let entries: Option<String> = row.try_get("entries")?;
    let documents: Option<String> = row.try_get("documents")?;
    Ok(format!(
        "{n}/{}/{}",
        entries.unwrap_or_default(),
        documents.unwrap_or_default()
    ))
}

async fn set_documents(tx: &mut WriteTx, id: i64, documents: &[DocumentId]) -> Result<()> {
    sqlx::query("DELETE FROM qa_entry_documents WHERE entry_id = $1")
        .bind(id)
        .execute(tx.conn())
        .await?;
    for document in documents {
        sqlx::query("INSERT INTO qa_entry_documents (entry_id, document_id) VALUES ($1, $2)")
            .bind(id)
            .bind(document.0)
            .execute(tx.conn())
            .await?;
    }
    Ok(())
}

fn audit_view(f: &QaFields) -> serde_json::Value {
    serde_json::json!({
        "code": f.code, "question": f.question, "answer": f.answer, "topic": f.topic,
        "org": f.org_id, "basis": f.basis, "documents": f.documents,
    })
}

/// Binds `$1`–`$6`: an entry's question, answer, topic, unit, basis, and the time.
fn bind_content<'q>(
    query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    f: &'q QaFields,
    at: &'q str,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    query
        .bind(&f.question)
        .bind(&f.answer)
        .bind(&f.topic)
        .bind(f.org_id.map(|o| o.0))
        .bind(&f.basis)
        .bind(at)
}

/// Stores an entry under its code: new, changed, or as it was.
pub async fn upsert(
    tx: &mut WriteTx,
    f: &QaFields,
    existing: Option<&QaEntry>,
) -> Result<Upserted> {
    let at = to_text(now());
    match existing {
        Some(old) if old.fields == *f => Ok(Upserted::Unchanged),
        Some(old) => {
            let update = sqlx::query(
                "UPDATE qa_entries SET question = $1, answer = $2, topic = $3, org_id = $4, \
                 basis = $5, updated_at = $6 WHERE id = $7",
            );
            bind_content(update, f, &at)
                .bind(old.id)
                .execute(tx.conn())
                .await?;
            set_documents(tx, old.id, &f.documents).await?;
            tx.record(
                "qa.update",
                "qa_entry",
                old.id,
                Some(audit_view(&old.fields)),
                Some(audit_view(f)),
            );
            Ok(Upserted::Updated)
        }
        None => {
            let insert = sqlx::query(
                "INSERT INTO qa_entries (question, answer, topic, org_id, basis, updated_at, \
                 code, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $6) RETURNING id",
            );
            let row = bind_content(insert, f, &at)
                .bind(&f.code)
                .fetch_one(tx.conn())
                .await
                .map_err(|e| Error::on_unique(e, "问答编号", &f.code))?;
            let id: i64 = row.try_get("id")?;
            set_documents(tx, id, &f.documents).await?;
            tx.record("qa.create", "qa_entry", id, None, Some(audit_view(f)));
            Ok(Upserted::Created)
        }
    }
}

/// Records that the office reviewed `entry` now (its basis checked against the
/// library).
pub async fn mark_reviewed(tx: &mut WriteTx, entry: &QaEntry) -> Result<()> {
    let at = now();
    sqlx::query("UPDATE qa_entries SET reviewed_at = $1, updated_at = $1 WHERE id = $2")
        .bind(to_text(at))
        .bind(entry.id)
        .execute(tx.conn())
        .await?;
    let before = serde_json::json!({ "reviewed_at": entry.reviewed_at.map(to_text) });
    let after = serde_json::json!({ "reviewed_at": to_text(at) });
    tx.record("qa.review", "qa_entry", entry.id, Some(before), Some(after));
    Ok(())
}
