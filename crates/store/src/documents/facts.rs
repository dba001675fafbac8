//! The dates of every document that compliance measures, without bodies: one light
//! row per document however large the library.

use super::row::{status_from, validity_from};
use crate::time::optional_date;
use crate::{DocumentId, OrgId, Result, Store};
use chrono::NaiveDate;
use gongkai_domain::lifecycle::DocumentStatus;
use gongkai_domain::validity::Validity;
use sqlx::Row;

/// What compliance needs to know of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentFacts {
    pub id: DocumentId,
    pub title: String,
    pub issuer_id: Option<OrgId>,
    pub status: DocumentStatus,
    pub normative: bool,
    pub validity: Validity,
    pub written_on: Option<NaiveDate>,
    pub published_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
    /// The later of its last cleanup review and its last validity change.
    pub reviewed_on: Option<NaiveDate>,
}

/// The facts of every document, by id.
pub async fn facts(store: &Store) -> Result<Vec<DocumentFacts>> {
    let rows = sqlx::query(
        "SELECT id, title, issuer_id, status, normative, validity, written_on, published_on, \
         expires_on, last_reviewed_on, validity_changed_on FROM documents ORDER BY id",
    )
    .fetch_all(store.pool())
    .await?;
    rows.iter()
        .map(|row| {
            let reviewed = optional_date(row, "last_reviewed_on")?;
            let changed = optional_date(row, "validity_changed_on")?;
            Ok(DocumentFacts {
                id: DocumentId(row.try_get("id")?),
                title: row.try_get("title")?,
                issuer_id: row.try_get::<Option<i64>, _>("issuer_id")?.map(OrgId),
                status: status_from(&row.try_get::<String, _>("status")?)?,
                normative: row.try_get::<i64, _>("normative")? != 0,
                validity: validity_from(&row.try_get::<String, _>("validity")?)?,
                written_on: optional_date(row, "written_on")?,
                published_on: optional_date(row, "published_on")?,
                expires_on: optional_date(row, "expires_on")?,
                reviewed_on: reviewed.max(changed),
            })
        })
        .collect()
}
