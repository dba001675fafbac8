//! A public document's page: its attachments, the public documents it relates to,
//! the public document that replaced it, and the consultations it came out of.

use super::public::public_document;
use super::{attachments, relations_of};
use crate::{App, Result};
use gongkai_store::documents::Document;
use gongkai_store::relations::Relations;
use gongkai_store::{DocumentId, consultations};

/// A public document with what its page shows around it: attachments, the public
/// documents it relates to (both ways), and the public document that replaced it.
pub struct PublicDocument {
    pub document: Document,
    pub attachments: Vec<gongkai_store::attachments::Attachment>,
    pub relations: Relations,
    pub replaced_by: Option<Document>,
    /// The consultations (征求意见) whose final policy this document is: id and title.
    pub consultations: Vec<(gongkai_store::ConsultationId, String)>,
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
    let consultations = consultations::for_document(&app.store, id)
        .await?
        .into_iter()
        .filter(|c| c.final_document == Some(id))
        .map(|c| (c.id, c.fields.title))
        .collect();
    Ok(PublicDocument {
        consultations,
        attachments: attachments::list(app, id).await?,
        document,
        relations,
        replaced_by,
    })
}
