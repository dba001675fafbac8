//! Who may act on a document, and the day it is in China: what every use case of the
//! library checks first.

use crate::access::{self, CurrentUser};
use crate::config::china_offset;
use crate::{App, DocumentId, Result};
use chrono::NaiveDate;
use gongkai_store::documents::{self, Document};
use gongkai_store::orgs::{self, Org};

/// Today's date in China.
pub fn today() -> NaiveDate {
    chrono::Utc::now()
        .with_timezone(&china_offset())
        .date_naive()
}

/// The document, when a grant of one of `roles` covers its issuer.
pub(super) async fn permitted_document(
    app: &App,
    user: &CurrentUser,
    id: DocumentId,
    roles: &[gongkai_domain::role::Role],
) -> Result<(Document, Vec<Org>)> {
    let all_orgs = orgs::list(&app.store).await?;
    let document = documents::get(&app.store, id).await?;
    access::require_document_role(user, roles, document.fields.issuer_id, &all_orgs)?;
    Ok((document, all_orgs))
}
