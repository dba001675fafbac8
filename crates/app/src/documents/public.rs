//! What the public may read of the library: its pages, filtered or not, and a
//! document that is published and proactively disclosed.

use crate::config::china_offset;
use crate::{App, Error, Result};
use chrono::{NaiveDate, NaiveTime, Utc};
use gongkai_domain::disclosure::DisclosureAttribute;
use gongkai_domain::lifecycle::DocumentStatus;
use gongkai_store::documents::{self, Document, PublicFilter};
use gongkai_store::{DocumentId, Timestamp};

/// Documents per page of the public library.
pub const PUBLIC_PAGE_SIZE: i64 = 20;

/// A page of the public library (1-based) and the number of public documents.
pub async fn public_page(app: &App, page: i64) -> Result<(Vec<Document>, i64)> {
    public_list(app, &PublicFilter::default(), page, PUBLIC_PAGE_SIZE).await
}

/// Largest page size of listings.
pub const MAX_PAGE_SIZE: i64 = 100;

/// A filtered page of the public library (1-based; `per_page` at most
/// [`MAX_PAGE_SIZE`]) and the number of all matching documents.
pub async fn public_list(
    app: &App,
    filter: &PublicFilter,
    page: i64,
    per_page: i64,
) -> Result<(Vec<Document>, i64)> {
    let per_page = per_page.clamp(1, MAX_PAGE_SIZE);
    let offset = (page.max(1) - 1).saturating_mul(per_page);
    Ok(documents::list_public(&app.store, filter, per_page, offset).await?)
}

/// A document the public may read: published and proactively disclosed (条例 Art. 19–20);
/// any other is "not found", so that its existence is not revealed.
pub async fn public_document(app: &App, id: DocumentId) -> Result<Document> {
    let not_found = || Error::NotFound("文件不存在或未公开".to_string());
    let document = documents::get(&app.store, id)
        .await
        .map_err(|_| not_found())?;
    let public = document.status == DocumentStatus::Published
        && document.fields.disclosure == DisclosureAttribute::Proactive;
    if public {
        Ok(document)
    } else {
        Err(not_found())
    }
}

/// When the public last saw the document change: its publication — the 发布日期 it
/// carries (an imported document was published long before it was recorded here),
/// else the moment it was published on the platform — or a later change of its
/// validity (立改废). The record's own times are not public changes.
pub fn last_public_change(document: &Document) -> Timestamp {
    let at_midnight = |day: NaiveDate| {
        day.and_time(NaiveTime::MIN)
            .and_local_timezone(china_offset())
            .single()
            .map(|t| t.with_timezone(&Utc))
    };
    let published = document
        .fields
        .published_on
        .and_then(at_midnight)
        .or(document.published_at)
        .unwrap_or(document.updated_at);
    let changed = document
        .validity_change
        .as_ref()
        .and_then(|c| at_midnight(c.on));
    changed.map_or(published, |c| c.max(published))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use gongkai_store::documents::DocumentFields;

    fn document(published_on: Option<NaiveDate>) -> Document {
        let recorded = "2026-03-01T02:00:00Z".parse().unwrap();
        Document {
            id: DocumentId(1),
            index_number: String::new(),
            fields: DocumentFields {
                title: "办法".to_string(),
                doc_number: String::new(),
                doc_number_key: String::new(),
                issuer_id: None,
                issuer_name: String::new(),
                topic: String::new(),
                genre: String::new(),
                normative: false,
                validity: gongkai_domain::validity::Validity::Valid,
                effective_on: None,
                expires_on: None,
                written_on: None,
                published_on,
                disclosure: DisclosureAttribute::Proactive,
                interpretation_form: None,
                body_html: String::new(),
                body_text: String::new(),
            },
            status: DocumentStatus::Published,
            source_hash: None,
            created_at: recorded,
            updated_at: recorded,
            published_at: Some(recorded),
            validity_change: None,
            last_reviewed_on: None,
        }
    }

    #[test]
    fn the_public_change_is_the_publication_date_not_the_import() {
        let day = NaiveDate::from_ymd_opt(2021, 5, 6);
        let at = last_public_change(&document(day));
        assert_eq!(at.to_rfc3339(), "2021-05-05T16:00:00+00:00");
    }

    #[test]
    fn a_later_validity_change_is_a_public_change() {
        let mut d = document(NaiveDate::from_ymd_opt(2021, 5, 6));
        d.validity_change = Some(gongkai_store::documents::ValidityChange {
            on: NaiveDate::from_ymd_opt(2024, 1, 2).unwrap(),
            reason: "废止".to_string(),
            replaced_by: None,
        });
        assert_eq!(
            last_public_change(&d).to_rfc3339(),
            "2024-01-01T16:00:00+00:00"
        );
    }

    #[test]
    fn without_a_date_the_platform_publication_counts() {
        let at = last_public_change(&document(None));
        assert_eq!(at.to_rfc3339(), "2026-03-01T02:00:00+00:00");
    }
}
