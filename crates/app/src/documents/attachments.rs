//! Attachments of documents: uploaded into the content store ([`super::files`]), named
//! in the database, checked by the personal-information guard, and served back under
//! the name they were uploaded with.

use super::edit::console_document;
use super::files::{check_upload, read_content, save_upload};
use super::permit::permitted_document;
use super::public::public_document;
use crate::access::{CurrentUser, DOCUMENT_EDITORS};
use crate::{App, DocumentId, Error, Result};
use gongkai_store::attachments::{self, Attachment};

/// Attaches an uploaded file to a document the user may edit; a file the guard reads
/// must be readable (a corrupt one is refused, nothing saved), and the document's
/// personal-information findings are brought up to date.
pub async fn attach(
    app: &App,
    user: &CurrentUser,
    id: DocumentId,
    file_name: &str,
    bytes: Vec<u8>,
) -> Result<Attachment> {
    permitted_document(app, user, id, &DOCUMENT_EDITORS).await?;
    check_upload(file_name, &bytes)?;
    super::pii::check_readable(file_name, &bytes)?;
    let file = save_upload(app, file_name, bytes).await?;
    let mut tx = app.store.begin(user.actor()).await?;
    let attachment = attachments::add(&mut tx, id, &file).await?;
    tx.commit().await?;
    super::pii::rescan(app, user, id).await?;
    Ok(attachment)
}

/// Detaches a file from a document the user may edit.
pub async fn detach(app: &App, user: &CurrentUser, id: DocumentId, attachment: i64) -> Result<()> {
    permitted_document(app, user, id, &DOCUMENT_EDITORS).await?;
    let mut tx = app.store.begin(user.actor()).await?;
    attachments::remove(&mut tx, id, attachment).await?;
    tx.commit().await?;
    super::pii::rescan(app, user, id).await?;
    Ok(())
}

/// The attachments of a document, in upload order.
pub async fn list(app: &App, id: DocumentId) -> Result<Vec<Attachment>> {
    Ok(attachments::of(&app.store, id).await?)
}

/// An attachment and its content, for a download.
pub struct Download {
    pub attachment: Attachment,
    pub bytes: Vec<u8>,
}

async fn download(app: &App, id: DocumentId, attachment: i64) -> Result<Download> {
    let attachment = attachments::get(&app.store, id, attachment).await?;
    let bytes = read_content(app, &attachment.sha256).await?;
    Ok(Download { attachment, bytes })
}

/// An attachment of a public document.
pub async fn public_download(app: &App, id: DocumentId, attachment: i64) -> Result<Download> {
    public_document(app, id).await?;
    download(app, id, attachment)
        .await
        .map_err(|_| Error::NotFound("附件不存在".to_string()))
}

/// An attachment of a document the user may see in the console.
pub async fn console_download(
    app: &App,
    user: &CurrentUser,
    id: DocumentId,
    attachment: i64,
) -> Result<Download> {
    console_document(app, user, id).await?;
    download(app, id, attachment).await
}
