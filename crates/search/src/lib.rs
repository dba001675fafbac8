//! Full-text index of the policy library (政策文件库).
//!
//! This crate owns the tantivy index the portal searches: how a document is segmented
//! (jieba, [`tokenizer`]), which fields exist and how they are stored ([`schema`]), how a
//! visitor's query becomes a tantivy query ([`query`]), how results are ranked, paged,
//! counted by facet and highlighted, and how batches from the store's `search_outbox` are
//! applied so that a crash loses nothing and duplicates nothing ([`SearchIndex::apply`]).
//!
//! It knows nothing of the store: the app layer reads the outbox and feeds
//! [`Change`]s in, remembering nothing itself — the index's last commit carries the
//! sequence number of the last applied batch ([`SearchIndex::last_applied`]).
//!
//! One [`SearchIndex`] owns the one tantivy `IndexWriter` of its directory; open it once
//! per process and share it (it is `Send + Sync`).

mod error;
mod facets;
mod hits;
mod index;
mod model;
pub mod qa;
pub mod query;
pub mod schema;
mod scoring;
mod search;
mod snippet;
/// HTML escaping of text, shared with the places that write HTML from plain text.
pub use snippet::escape_into;
pub mod tokenizer;

pub use error::{Error, Result};
pub use index::SearchIndex;
pub use model::{
    Change, FacetCount, Facets, Hit, IndexedDocument, SearchQuery, SearchResults, Sort,
};
