//! What the public may read of the library: its pages, filtered or not, and a
//! document that is published and proactively disclosed.

use crate::{App, Error, Result};
use gongkai_domain::disclosure::DisclosureAttribute;
use gongkai_domain::lifecycle::DocumentStatus;
use gongkai_store::DocumentId;
use gongkai_store::documents::{self, Document, PublicFilter};

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
