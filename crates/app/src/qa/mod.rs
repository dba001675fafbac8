//! The policy Q&A library (政策咨询问答库): entries imported from a sheet, idempotent by
//! code (`import`); whether an entry waits for review because a document it rests on
//! was repealed or amended since its last review (`review`); and matching a question
//! to the entries that may be shown (`matching`), with the index kept between
//! questions (`cache`).

mod cache;
mod import;
mod matching;
mod review;

pub use cache::QaCache;
pub(crate) use import::import_sheet;
pub use import::{ImportSummary, add_entry, import_file, import_upload};
pub use matching::{MatchView, match_question};
pub use review::{EntryView, entries, mark_reviewed, public_entries};
