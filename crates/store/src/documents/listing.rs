//! Lists of documents: the public library, the console's working list and the
//! cleanup (清理) candidates.

use super::Document;
use super::row::{COLUMNS, document_from_row};
use crate::filter::Conditions;
use crate::time::date_to_text;
use crate::{OrgId, Result, Store};
use chrono::NaiveDate;
use gongkai_domain::lifecycle::DocumentStatus;
use gongkai_domain::validity::Validity;

/// Newest publication first; undated publications by their writing date.
const NEWEST_FIRST: &str = "COALESCE(published_on, written_on, '') DESC, id DESC";

/// Filters of the public library; `None` matches everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PublicFilter {
    pub issuer: Option<String>,
    pub topic: Option<String>,
    pub genre: Option<String>,
    /// Year of publication.
    pub year: Option<i32>,
    pub validity: Option<Validity>,
}

impl PublicFilter {
    fn conditions(&self) -> Conditions {
        let mut conditions = Conditions::default();
        // 条例 Art. 19–20: the public sees published, proactively disclosed documents.
        conditions
            .fixed("status = 'published' AND disclosure = 'proactive'")
            .bind_some("issuer_name = ?", self.issuer.clone())
            .bind_some("topic = ?", self.topic.clone())
            .bind_some("genre = ?", self.genre.clone())
            .bind_some(
                "published_on LIKE ?",
                self.year.map(|y| format!("{y:04}-%")),
            )
            .bind_some("validity = ?", self.validity.map(|v| v.code().to_string()));
        conditions
    }
}

/// Published, proactively disclosed documents matching `filter`, newest first,
/// and the number of all matches.
pub async fn list_public(
    store: &Store,
    filter: &PublicFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Document>, i64)> {
    let conditions = filter.conditions();
    documents_page(store, &conditions, NEWEST_FIRST, limit, offset).await
}

/// Up to `limit` published, proactively disclosed documents whose id is above `after`,
/// by id: the walk of a complete export, as fast at the end as at the start.
pub async fn list_public_after(
    store: &Store,
    after: crate::DocumentId,
    limit: i64,
) -> Result<Vec<Document>> {
    // 条例 Art. 19–20: the public sees published, proactively disclosed documents.
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM documents \
         WHERE status = 'published' AND disclosure = 'proactive' AND id > $1 ORDER BY id LIMIT $2"
    ))
    .bind(after.0)
    .bind(limit)
    .fetch_all(store.pool())
    .await?;
    rows.iter().map(document_from_row).collect()
}

/// Public documents catalogued under `topic` or with one of `title_words` in their
/// title, newest first (the platform's columns pick from these).
pub async fn list_public_about(
    store: &Store,
    topic: &str,
    title_words: [&str; 2],
    limit: i64,
) -> Result<Vec<Document>> {
    let mut conditions = PublicFilter::default().conditions();
    conditions.bind_each(
        "(topic = ? OR title LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\')",
        [
            topic.to_string(),
            format!("%{}%", escape_like(title_words[0])),
            format!("%{}%", escape_like(title_words[1])),
        ],
    );
    Ok(documents_page(store, &conditions, NEWEST_FIRST, limit, 0)
        .await?
        .0)
}

/// Filters of the console's document list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConsoleFilter {
    /// Issuers the user may see; `None` means every document.
    pub issuers: Option<Vec<OrgId>>,
    pub status: Option<DocumentStatus>,
    /// Part of the title or of the 发文字号.
    pub text: Option<String>,
}

/// Documents for the console, most recently changed first, and the number of matches.
pub async fn list_console(
    store: &Store,
    filter: &ConsoleFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Document>, i64)> {
    let mut conditions = Conditions::default();
    if let Some(issuers) = &filter.issuers {
        conditions.ids_in("issuer_id", issuers.iter().map(|id| id.0));
    }
    conditions
        .bind_some("status = ?", filter.status.map(|s| s.code().to_string()))
        .bind_some(
            "(title LIKE ? ESCAPE '\\' OR doc_number LIKE ? ESCAPE '\\')",
            filter
                .text
                .as_ref()
                .map(|t| format!("%{}%", escape_like(t))),
        );
    documents_page(
        store,
        &conditions,
        "updated_at DESC, id DESC",
        limit,
        offset,
    )
    .await
}

/// Which normative documents are due for cleanup (清理).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanupFilter {
    /// Issuers the user may see; `None` means every document.
    pub issuers: Option<Vec<OrgId>>,
    /// Documents whose validity period ends on or before this date…
    pub expiring_by: NaiveDate,
    /// …or that were not reviewed on or after this date (the first day of the year).
    pub reviewed_since: NaiveDate,
}

/// Published normative documents still in force that expire by the cutoff or were
/// not reviewed since the given date, soonest expiry first.
pub async fn cleanup_candidates(
    store: &Store,
    filter: &CleanupFilter,
    limit: i64,
) -> Result<(Vec<Document>, i64)> {
    let mut conditions = Conditions::default();
    if let Some(issuers) = &filter.issuers {
        conditions.ids_in("issuer_id", issuers.iter().map(|id| id.0));
    }
    conditions
        .fixed("normative = 1 AND status = 'published' AND validity = 'valid'")
        .bind_each(
            "((expires_on IS NOT NULL AND expires_on <= ?) \
             OR last_reviewed_on IS NULL OR last_reviewed_on < ?)",
            [
                date_to_text(filter.expiring_by),
                date_to_text(filter.reviewed_since),
            ],
        );
    let order = "COALESCE(expires_on, '9999-12-31'), id";
    documents_page(store, &conditions, order, limit, 0).await
}

/// `text` with the LIKE wildcards taken literally (the escape character is `\`).
fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

async fn documents_page(
    store: &Store,
    conditions: &Conditions,
    order: &str,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Document>, i64)> {
    let (rows, total) = conditions
        .page(store, "documents", COLUMNS, order, limit, offset)
        .await?;
    let documents = rows.iter().map(document_from_row).collect::<Result<_>>()?;
    Ok((documents, total))
}
