//! Whether an entry may be shown: an entry whose basis document was repealed, expired
//! or amended after the entry's last review waits for review (待复核) on the console
//! and is left out of public matching until the office reviews it — an answer must
//! never cite a dead policy without saying so.

use crate::access::{CurrentUser, is_office_for};
use crate::{App, Error, Result};
use gongkai_domain::validity::Validity;
use gongkai_store::documents::{self, Document};
use gongkai_store::qa::{self, QaEntry};
use gongkai_store::{DocumentId, Timestamp, orgs};
use std::collections::HashMap;

/// An entry with its basis documents and why it waits for review, if it does.
#[derive(Debug, Clone)]
pub struct EntryView {
    pub entry: QaEntry,
    /// The basis documents: id, title, validity.
    pub documents: Vec<(DocumentId, String, Validity)>,
    /// Why it waits for review (e.g. 《…》已废止（2025-03-01）), empty when it does not.
    pub needs_review: Vec<String>,
}

impl EntryView {
    pub fn is_current(&self) -> bool {
        self.needs_review.is_empty()
    }
}

/// Why `document` makes an entry last reviewed at `reviewed_at` wait for review: it
/// is no longer valid, and the office has not reviewed the entry since it changed.
fn stale(document: &Document, reviewed_at: Option<Timestamp>) -> Option<String> {
    let validity = document.fields.validity;
    let change = document.validity_change.as_ref()?;
    let reviewed_since = reviewed_at.is_some_and(|at| at >= document.updated_at);
    (validity != Validity::Valid && !reviewed_since).then(|| {
        format!(
            "《{}》{}（{}）",
            document.fields.title,
            validity.label_zh(),
            change.on
        )
    })
}

/// Every entry with its standing, by code.
pub async fn entries(app: &App) -> Result<Vec<EntryView>> {
    let mut cache: HashMap<DocumentId, Document> = HashMap::new();
    let mut views = Vec::new();
    for entry in qa::list(&app.store).await? {
        let mut docs = Vec::new();
        let mut needs_review = Vec::new();
        for id in &entry.fields.documents {
            if !cache.contains_key(id) {
                cache.insert(*id, documents::get(&app.store, *id).await?);
            }
            if let Some(d) = cache.get(id) {
                docs.push((d.id, d.fields.title.clone(), d.fields.validity));
                needs_review.extend(stale(d, entry.reviewed_at));
            }
        }
        views.push(EntryView {
            entry,
            documents: docs,
            needs_review,
        });
    }
    Ok(views)
}

/// The entries the public may read and match: those not waiting for review.
pub async fn public_entries(app: &App) -> Result<Vec<EntryView>> {
    Ok(entries(app)
        .await?
        .into_iter()
        .filter(EntryView::is_current)
        .collect())
}

/// Records that the office reviewed entry `id` now: its basis still holds, or the
/// answer says how it changed.
pub async fn mark_reviewed(app: &App, user: &CurrentUser, id: i64) -> Result<()> {
    let entry = qa::get(&app.store, id).await?;
    let all = orgs::list(&app.store).await?;
    // An entry without a unit is the government's: its office reviews it.
    let roots = crate::orgs::roots(app).await?;
    let unit = entry.fields.org_id.or(roots.first().map(|o| o.id));
    if !unit.is_some_and(|u| is_office_for(user, u, &all)) {
        return Err(Error::Forbidden);
    }
    let mut tx = app.store.begin(user.actor()).await?;
    qa::mark_reviewed(&mut tx, &entry).await?;
    tx.commit().await?;
    Ok(())
}
