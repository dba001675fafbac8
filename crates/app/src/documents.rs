//! Use cases of the policy library.

pub mod attachments;
pub(crate) mod body;
pub mod columns;
mod edit;
pub mod export;
pub(crate) mod files;
pub(crate) mod import;
pub mod interpretations;
pub(crate) mod numbering;
mod permit;
pub mod pii;
pub mod pii_scan;
mod public;
mod public_page;
pub mod secrecy;
mod workflow;

pub use edit::{
    CONSOLE_PAGE_SIZE, DocumentInput, MAX_TITLE_CHARS, console_document, console_list,
    create_draft, sanitize_html, update_document,
};
pub use gongkai_store::documents::events;
pub use import::{ImportEvent, ImportSummary, Outcome, import_paths, import_text, import_uploads};
pub use permit::today;
pub use public::{
    MAX_PAGE_SIZE, PUBLIC_PAGE_SIZE, last_public_change, public_document, public_list, public_page,
};
pub use public_page::{PublicDocument, public_document_page};
pub use workflow::{
    Allowed, CLEANUP_LIMIT, CleanupDecision, ValidityInput, Worklist, allowed, change_validity,
    cleanup_batch, cleanup_list, find_document, relate, relations_of, take_step, unrelate,
    worklist,
};
