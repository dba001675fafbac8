//! Relations between documents (amends, repeals, interprets, based on), read from
//! both ends: a policy lists its interpretations and each interpretation its policy.

use crate::documents::{form_from, status_from, validity_from};
use crate::time::date_from_text;
use crate::{DocumentId, Error, Result, Store, WriteTx};
use chrono::NaiveDate;
use gongkai_domain::interpretation::InterpretationForm;
use gongkai_domain::lifecycle::DocumentStatus;
use gongkai_domain::relation::RelationKind;
use gongkai_domain::validity::Validity;
use sqlx::Row;
use sqlx::any::AnyRow;
use std::collections::HashMap;

/// The other end of a relation, as much as a link to it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRef {
    pub id: DocumentId,
    pub title: String,
    pub doc_number: String,
    pub issuer_name: String,
    pub status: DocumentStatus,
    pub validity: Validity,
    pub normative: bool,
    pub published_on: Option<NaiveDate>,
    pub interpretation_form: Option<InterpretationForm>,
    /// Published and proactively disclosed: the public may follow a link to it.
    pub public: bool,
}

/// One relation seen from one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    pub kind: RelationKind,
    pub other: DocumentRef,
}

/// The relations of a document: those it states (this document amends, repeals,
/// interprets or is based on another) and those others state about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Relations {
    pub outgoing: Vec<Relation>,
    pub incoming: Vec<Relation>,
}

/// Records that `source` amends / repeals / interprets / is based on `target`.
pub async fn add(
    tx: &mut WriteTx,
    source: DocumentId,
    target: DocumentId,
    kind: RelationKind,
) -> Result<()> {
    if source == target {
        return Err(Error::Refused("文件不能与自身建立关联".to_string()));
    }
    sqlx::query(
        "INSERT INTO document_relations (source_id, target_id, kind, created_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(source.0)
    .bind(target.0)
    .bind(kind.code())
    .bind(crate::time::to_text(crate::now()))
    .execute(tx.conn())
    .await
    .map_err(|e| Error::on_unique(e, "文件关联", kind.label_zh()))?;
    let entry = serde_json::json!({"target": target.0, "kind": kind.code()});
    tx.record("document.relate", "document", source, None, Some(entry));
    tx.reindex(source.0);
    tx.reindex(target.0);
    Ok(())
}

/// Removes a relation; removing one that does not exist is refused.
pub async fn remove(
    tx: &mut WriteTx,
    source: DocumentId,
    target: DocumentId,
    kind: RelationKind,
) -> Result<()> {
    let done = sqlx::query(
        "DELETE FROM document_relations WHERE source_id = $1 AND target_id = $2 AND kind = $3",
    )
    .bind(source.0)
    .bind(target.0)
    .bind(kind.code())
    .execute(tx.conn())
    .await?;
    if done.rows_affected() == 0 {
        return Err(Error::NotFound {
            entity: "文件关联",
            id: format!("{source}→{target}"),
        });
    }
    let entry = serde_json::json!({"target": target.0, "kind": kind.code()});
    tx.record("document.unrelate", "document", source, Some(entry), None);
    tx.reindex(source.0);
    tx.reindex(target.0);
    Ok(())
}

const REF_COLUMNS: &str = "d.id, d.title, d.doc_number, d.issuer_name, d.status, d.validity, \
     d.normative, d.published_on, d.interpretation_form, d.disclosure";

fn relation_from_row(row: &AnyRow) -> Result<Relation> {
    let kind: String = row.try_get("kind")?;
    Ok(Relation {
        kind: RelationKind::parse(&kind).map_err(|_| Error::unreadable("文件关系", &kind))?,
        other: ref_from_row(row)?,
    })
}

fn ref_from_row(row: &AnyRow) -> Result<DocumentRef> {
    let status: String = row.try_get("status")?;
    let disclosure: String = row.try_get("disclosure")?;
    let validity: String = row.try_get("validity")?;
    let form: Option<String> = row.try_get("interpretation_form")?;
    let published_on: Option<String> = row.try_get("published_on")?;
    Ok(DocumentRef {
        id: DocumentId(row.try_get("id")?),
        title: row.try_get("title")?,
        doc_number: row.try_get("doc_number")?,
        issuer_name: row.try_get("issuer_name")?,
        validity: validity_from(&validity)?,
        normative: row.try_get::<i64, _>("normative")? != 0,
        published_on: published_on.as_deref().map(date_from_text).transpose()?,
        interpretation_form: form_from(form.as_deref())?,
        // 条例 Art. 19–20: only published, proactively disclosed documents are public.
        public: status == DocumentStatus::Published.code() && disclosure == "proactive",
        status: status_from(&status)?,
    })
}

/// The relations where `id` is at the `this_end` column (`source_id` or `target_id`),
/// each with the document at the other end, oldest first.
async fn seen_from(
    store: &Store,
    id: DocumentId,
    this_end: &str,
    other_end: &str,
) -> Result<Vec<Relation>> {
    let rows = sqlx::query(&format!(
        "SELECT {REF_COLUMNS}, r.kind FROM document_relations r \
         JOIN documents d ON d.id = r.{other_end} \
         WHERE r.{this_end} = $1 ORDER BY r.created_at, d.id"
    ))
    .bind(id.0)
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(relation_from_row).collect()
}

/// Both directions of relations of one document, oldest first.
pub async fn of(store: &Store, id: DocumentId) -> Result<Relations> {
    Ok(Relations {
        outgoing: seen_from(store, id, "source_id", "target_id").await?,
        incoming: seen_from(store, id, "target_id", "source_id").await?,
    })
}

/// Every published normative document with the published interpretations of it
/// (none when it has none), ordered by policy.
pub async fn normative_with_interpretations(
    store: &Store,
) -> Result<Vec<(DocumentRef, Vec<DocumentRef>)>> {
    let policies = sqlx::query(&format!(
        "SELECT {REF_COLUMNS} FROM documents d \
         WHERE d.normative = 1 AND d.status = 'published' ORDER BY d.id"
    ))
    .fetch_all(store.pool())
    .await?;
    let links = sqlx::query(&format!(
        "SELECT r.target_id AS policy_id, {REF_COLUMNS} FROM document_relations r \
         JOIN documents d ON d.id = r.source_id \
         WHERE r.kind = 'interprets' AND d.status = 'published' ORDER BY d.id"
    ))
    .fetch_all(store.pool())
    .await?;
    let mut result = Vec::with_capacity(policies.len());
    let mut position = HashMap::with_capacity(policies.len());
    for row in &policies {
        let policy = ref_from_row(row)?;
        position.insert(policy.id, result.len());
        result.push((policy, Vec::new()));
    }
    for row in &links {
        let policy_id = DocumentId(row.try_get("policy_id")?);
        if let Some(&i) = position.get(&policy_id) {
            result[i].1.push(ref_from_row(row)?);
        }
    }
    Ok(result)
}

/// The relations of the documents whose id is above `after` and at most `last`, from
/// both ends, oldest first: one pair of queries for a batch of a library walk.
pub async fn of_range(
    store: &Store,
    after: DocumentId,
    last: DocumentId,
) -> Result<HashMap<DocumentId, Relations>> {
    let mut by_document: HashMap<DocumentId, Relations> = HashMap::new();
    for (this_end, other_end) in [("source_id", "target_id"), ("target_id", "source_id")] {
        let rows = sqlx::query(&format!(
            "SELECT r.{this_end} AS this_id, {REF_COLUMNS}, r.kind FROM document_relations r \
             JOIN documents d ON d.id = r.{other_end} \
             WHERE r.{this_end} > $1 AND r.{this_end} <= $2 ORDER BY r.created_at, d.id"
        ))
        .bind(after.0)
        .bind(last.0)
        .fetch_all(store.pool())
        .await?;
        for row in &rows {
            let relations = by_document
                .entry(DocumentId(row.try_get("this_id")?))
                .or_default();
            let side = if this_end == "source_id" {
                &mut relations.outgoing
            } else {
                &mut relations.incoming
            };
            side.push(relation_from_row(row)?);
        }
    }
    Ok(by_document)
}
