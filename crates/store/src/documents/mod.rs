//! Documents of the policy library: metadata, bodies, status, and the per-issuer
//! sequences that give each document its 索引号 when it enters the library.
//!
//! Every change records an audit entry (without the bodies, which are large: their
//! SHA-256 stands for them) and marks the document for the search index.

mod audit_view;
pub mod columns;
mod edit;
mod facts;
pub mod findings;
mod index_serial;
mod lifecycle;
mod listing;
mod lookup;
mod record;
mod row;
pub mod secrecy;

pub use edit::{create, update};
pub use facts::{DocumentFacts, facts};
pub use index_serial::{index_number_taken, next_index_serial};
pub use lifecycle::{
    DocumentEvent, EventStep, change_validity, events, last_step, mark_reviewed, step,
};
pub use listing::{
    CleanupFilter, ConsoleFilter, PublicFilter, cleanup_candidates, list_console, list_public,
    list_public_about, list_public_after,
};
pub use lookup::{
    count, find_by_doc_number_key, find_by_index_number, find_by_source_hash, get, list, list_after,
};
pub use record::{Document, DocumentFields, ValidityChange};
pub(crate) use row::{form_from, status_from, validity_from};
