//! Use cases of the policy library.

mod import;

pub use import::{ImportEvent, ImportSummary, Outcome, import_paths, import_text};
