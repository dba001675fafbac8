//! The personal-information guard over the whole library (`gongkai scan pii --data`):
//! every stored document, or only the published ones, walked in batches by id and
//! scanned as on publication, nothing stored. What leaked before the guard existed,
//! or through a channel that skipped it, is found here.

use super::permit::today;
use super::pii::{DocumentScan, place_of, scan};
use crate::guard::guard_of;
use crate::{App, DocumentId, Result};
use gongkai_domain::lifecycle::DocumentStatus;
use gongkai_store::attachments;
use gongkai_store::documents::{self, Document};

/// Documents read from the database at a time.
const BATCH: i64 = 500;

/// One finding of the library scan, with its document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LibraryFinding {
    pub document_id: i64,
    pub index_number: String,
    pub title: String,
    pub issuer: String,
    pub status: &'static str,
    /// 标题, 正文第3段, 附件“名单.xlsx”工作表“名单”C2.
    pub place: String,
    /// `id_number`, `mobile`, `bank_card` or `email`.
    pub kind: &'static str,
    /// The masked form.
    pub text: String,
}

/// An attachment the guard should have read but could not.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Unreadable {
    pub document_id: i64,
    pub attachment: String,
    pub reason: String,
}

/// What the library scan found, and how much it read.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct LibraryScan {
    pub documents: u64,
    /// Bytes of titles and body texts.
    pub text_bytes: u64,
    /// Bytes of the attachments read.
    pub attachment_bytes: u64,
    pub findings: Vec<LibraryFinding>,
    pub unreadable: Vec<Unreadable>,
}

impl LibraryScan {
    fn add(&mut self, document: &Document, scan: DocumentScan) {
        let f = &document.fields;
        self.documents += 1;
        self.text_bytes += (f.title.len() + f.body_text.len()) as u64;
        self.attachment_bytes += scan.attachment_bytes as u64;
        self.findings
            .extend(scan.findings.iter().map(|found| LibraryFinding {
                document_id: document.id.0,
                index_number: document.index_number.clone(),
                title: f.title.clone(),
                issuer: f.issuer_name.clone(),
                status: document.status.code(),
                place: place_of(found),
                kind: found.kind.code(),
                text: found.masked.clone(),
            }));
        self.unreadable
            .extend(
                scan.unreadable
                    .into_iter()
                    .map(|(attachment, reason)| Unreadable {
                        document_id: document.id.0,
                        attachment,
                        reason,
                    }),
            );
    }
}

/// Scans every stored document (only the published ones with `published_only`),
/// calling `progress` with the number done after each batch.
pub async fn scan_library(
    app: &App,
    published_only: bool,
    progress: &dyn Fn(u64),
) -> Result<LibraryScan> {
    let guard = guard_of(&app.settings, today());
    let mut out = LibraryScan::default();
    let mut after = DocumentId(0);
    let mut seen = 0u64;
    loop {
        let batch = documents::list_after(&app.store, after, BATCH).await?;
        let Some(last) = batch.last() else { break };
        let mut files = attachments::of_range(&app.store, after, last.id).await?;
        after = last.id;
        for document in &batch {
            seen += 1;
            if published_only && document.status != DocumentStatus::Published {
                continue;
            }
            let own = files.remove(&document.id).unwrap_or_default();
            out.add(document, scan(app, &guard, document, &own).await?);
        }
        progress(seen);
    }
    Ok(out)
}

/// The number of stored documents, for a progress bar.
pub async fn stored_documents(app: &App) -> Result<u64> {
    Ok(u64::try_from(documents::count(&app.store).await?).unwrap_or_default())
}
