//! Keeps the search index in step with the database and answers searches.
//!
//! The index follows the store's outbox by sequence number: [`catch_up`] reads the
//! entries after the last sequence number the index committed, turns each document
//! into an upsert (public documents) or a delete (any other), and applies the batch
//! with its last sequence number in the same index commit. A crash between the two
//! loses nothing: the batch is simply applied again, and upserts replace by id, so
//! nothing is duplicated. Every node of a cluster keeps its own index this way.

pub mod params;

pub use params::SearchParams;

use crate::{App, Error, Result};
use gongkai_domain::disclosure::DisclosureAttribute;
use gongkai_domain::lifecycle::DocumentStatus;
use gongkai_search::{Change, IndexedDocument, SearchIndex};
pub use gongkai_search::{FacetCount, SearchQuery, SearchResults, Sort};
use gongkai_store::documents::{self, Document};
use gongkai_store::{DocumentId, outbox};
use std::path::Path;
use std::sync::Arc;

/// Outbox entries applied per index commit.
const BATCH: i64 = 1000;

/// The index directory inside the data directory.
pub fn open_index(data_dir: &Path) -> Result<SearchIndex> {
    Ok(SearchIndex::open(&data_dir.join("index"))?)
}

/// Runs blocking index work off the async threads.
async fn blocking<T: Send + 'static>(
    index: &Arc<SearchIndex>,
    work: impl FnOnce(&SearchIndex) -> gongkai_search::Result<T> + Send + 'static,
) -> Result<T> {
    let index = Arc::clone(index);
    tokio::task::spawn_blocking(move || work(&index))
        .await
        .map_err(|e| Error::Internal(format!("检索任务失败：{e}")))?
        .map_err(Error::from)
}

fn is_public(d: &Document) -> bool {
    d.status == DocumentStatus::Published && d.fields.disclosure == DisclosureAttribute::Proactive
}

fn indexed(d: Document) -> IndexedDocument {
    IndexedDocument {
        id: d.id.0,
        title: d.fields.title,
        body: d.fields.body_text,
        doc_number: d.fields.doc_number,
        index_number: d.index_number,
        issuer: d.fields.issuer_name,
        topic: d.fields.topic,
        genre: d.fields.genre,
        validity: d.fields.validity,
        published_on: d.fields.published_on,
    }
}

/// Applies every outbox entry the index has not seen; returns how many.
pub async fn catch_up(app: &App) -> Result<usize> {
    let mut applied = 0;
    loop {
        let last = blocking(&app.index, SearchIndex::last_applied).await?;
        let entries = outbox::after(&app.store, last, BATCH).await?;
        let Some(last_entry) = entries.last().copied() else {
            return Ok(applied);
        };
        let mut ids: Vec<i64> = entries.iter().map(|e| e.document_id).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut changes = Vec::with_capacity(ids.len());
        for id in ids {
            changes.push(match documents::get(&app.store, DocumentId(id)).await {
                Ok(d) if is_public(&d) => Change::Upsert(indexed(d)),
                Ok(_) | Err(gongkai_store::Error::NotFound { .. }) => Change::Delete(id),
                Err(e) => return Err(e.into()),
            });
        }
        applied += entries.len();
        blocking(&app.index, move |index| {
            index.apply(changes, last_entry.seq)
        })
        .await?;
    }
}

/// Empties the index and rebuilds it from the database (`gongkai reindex`).
pub async fn rebuild(app: &App) -> Result<usize> {
    blocking(&app.index, SearchIndex::clear).await?;
    catch_up(app).await
}

/// Searches the public library, after bringing the index up to date.
pub async fn search(app: &App, query: SearchQuery) -> Result<SearchResults> {
    catch_up(app).await?;
    blocking(&app.index, move |index| index.search(&query)).await
}
