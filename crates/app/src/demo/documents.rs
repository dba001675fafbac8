//! Generated documents stored in the library as published, in batches: the load of
//! `gongkai bench documents` (the library scan's benchmark), never the demo's content.

use crate::documents::body::paragraphs_html;
use crate::{App, Result};
use chrono::NaiveDate;
use gongkai_domain::disclosure::DisclosureAttribute;
use gongkai_domain::lifecycle::DocumentStatus;
use gongkai_domain::validity::Validity;
use gongkai_store::Actor;
use gongkai_store::documents::{self, DocumentFields};

/// A generated document: its metadata and plain-text body.
#[derive(Debug, Clone)]
pub struct GeneratedDocument {
    pub title: String,
    pub doc_number: String,
    pub index_number: String,
    pub issuer: String,
    pub topic: String,
    pub genre: String,
    pub validity: Validity,
    pub written_on: NaiveDate,
    pub published_on: NaiveDate,
    pub body: String,
}

impl GeneratedDocument {
    fn fields(&self) -> DocumentFields {
        DocumentFields {
            title: self.title.clone(),
            doc_number: self.doc_number.clone(),
            doc_number_key: String::new(),
            issuer_id: None,
            issuer_name: self.issuer.clone(),
            topic: self.topic.clone(),
            genre: self.genre.clone(),
            normative: false,
            validity: self.validity,
            effective_on: None,
            expires_on: None,
            written_on: Some(self.written_on),
            published_on: Some(self.published_on),
            disclosure: DisclosureAttribute::Proactive,
            interpretation_form: None,
            body_html: paragraphs_html(&self.body),
            body_text: self.body.clone(),
        }
    }
}

/// Stores one batch of generated documents, published, in one transaction.
pub async fn store_documents(app: &App, batch: &[GeneratedDocument]) -> Result<()> {
    let mut tx = app.store.begin(Actor::system("bench")).await?;
    for document in batch {
        let fields = document.fields();
        documents::create(
            &mut tx,
            &document.index_number,
            &fields,
            DocumentStatus::Published,
            None,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
