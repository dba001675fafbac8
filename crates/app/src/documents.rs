//! Use cases of the policy library.

pub mod attachments;
mod edit;
mod import;
pub mod interpretations;
mod numbering;
mod workflow;

pub use edit::{
    CONSOLE_PAGE_SIZE, DocumentInput, MAX_TITLE_CHARS, console_document, console_list,
    create_draft, sanitize_html, update_document,
};
pub use gongkai_store::documents::events;
pub use import::{ImportEvent, ImportSummary, Outcome, import_paths, import_text};
pub use workflow::{
    Allowed, CLEANUP_LIMIT, CleanupDecision, ValidityInput, Worklist, allowed, change_validity,
    cleanup_batch, cleanup_list, find_document, relate, relations_of, take_step, today, unrelate,
    worklist,
};

use crate::{App, Error, Result};
use gongkai_domain::disclosure::DisclosureAttribute;
use gongkai_domain::lifecycle::DocumentStatus;
use gongkai_store::DocumentId;
use gongkai_store::documents::{self, Document, PublicFilter};
use gongkai_store::relations::Relations;

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

/// A public document with what its page shows around it: attachments, the public
/// documents it relates to (both ways), and the public document that replaced it.
pub struct PublicDocument {
    pub document: Document,
    pub attachments: Vec<gongkai_store::attachments::Attachment>,
    pub relations: Relations,
    pub replaced_by: Option<Document>,
}

/// The public page of a document; relations to documents the public may not see
/// are left out.
pub async fn public_document_page(app: &App, id: DocumentId) -> Result<PublicDocument> {
    let document = public_document(app, id).await?;
    let mut relations = relations_of(app, id).await?;
    relations.outgoing.retain(|r| r.other.public);
    relations.incoming.retain(|r| r.other.public);
    let replaced_by = match document
        .validity_change
        .as_ref()
        .and_then(|c| c.replaced_by)
    {
        Some(other) => public_document(app, other).await.ok(),
        None => None,
    };
    Ok(PublicDocument {
        attachments: attachments::list(app, id).await?,
        document,
        relations,
        replaced_by,
    })
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
