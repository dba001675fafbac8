//! Files attached to a request: the scan of a posted request, a delivery receipt, the
//! assigned unit's material. Stored by content address like documents' attachments
//! (`crate::documents::attachments`); attached and read by everyone who sees the
//! request (its handlers and the assigned unit), never by the applicant.

use super::{Handling, detail};
use crate::access::CurrentUser;
use crate::documents::files::{read_content, save_upload};
use crate::documents::today;
use crate::ledgers::tracking::Upload;
use crate::{App, Error, RequestId, Result};
use gongkai_store::requests::{self, RequestFile};

/// The longest description of a file, in characters.
const MAX_NOTE_CHARS: usize = 200;

/// Attaches an uploaded file to a request the user sees; the timeline records it.
pub async fn attach(
    app: &App,
    user: &CurrentUser,
    id: RequestId,
    upload: Upload,
    note: &str,
) -> Result<()> {
    detail(app, user, id).await?;
    let note = note.trim();
    if note.chars().count() > MAX_NOTE_CHARS {
        return Err(Error::invalid(
            "附件说明",
            format!("不能超过 {MAX_NOTE_CHARS} 个字"),
        ));
    }
    let file = save_upload(app, &upload.file_name, upload.bytes).await?;
    let mut tx = app.store.begin(user.actor()).await?;
    requests::add_file(&mut tx, id, &file, note, today()).await?;
    tx.commit().await?;
    Ok(())
}

/// The files of a request already opened for the user (a [`Handling`] is only had
/// through [`detail`], which checks who sees it).
pub async fn of(app: &App, handling: &Handling) -> Result<Vec<RequestFile>> {
    Ok(requests::files(&app.store, handling.request.id).await?)
}

/// One file of a request the user sees, with its content.
pub async fn download(
    app: &App,
    user: &CurrentUser,
    id: RequestId,
    file: i64,
) -> Result<(RequestFile, Vec<u8>)> {
    let handling = detail(app, user, id).await?;
    let found = of(app, &handling)
        .await?
        .into_iter()
        .find(|f| f.id == file)
        .ok_or_else(|| Error::NotFound("附件不存在".to_string()))?;
    let bytes = read_content(app, &found.file.sha256).await?;
    Ok((found, bytes))
}
