//! Bytes to text, and a policy-document page to its metadata.
//!
//! This crate owns two pure steps of importing documents:
//!
//! - [`text_of`] turns the bytes of a `.txt`, `.html`, `.docx`, `.pdf` or `.xlsx` file
//!   into plain text with one paragraph per line (see [`SourceKind`]), and
//!   [`passages_of`] into located passages (第N段, 第N页, a sheet's cell);
//! - [`parse_page`] recognises the layout of a page copied from a Chinese government
//!   portal and extracts its title, metadata (索引号, 发文字号, 成文日期…) and body;
//! - [`extract_workplan`] reads a work plan (工作要点, 任务分工) into its ledger of tasks.
//!
//! It does no I/O, no network and no async. It never panics on any input: corrupt input
//! is an [`Error`], and every string function accepts arbitrary text. Values are kept as
//! written (a 发文字号 keeps its brackets); normalising them is the domain crate's job.

mod docx;
mod error;
mod html;
mod limits;
mod page;
mod passage;
mod pdf;
mod source;
mod tables;
mod text;
mod txt;
mod workplan;
mod xlsx;

pub use error::{Error, Result};
pub use limits::MAX_DECOMPRESSED_SIZE;
pub use page::{ExtractedPage, PageMetadata, parse_page};
pub use passage::{Location, Passage, paragraphs, passages_of};
pub use source::{SourceKind, text_of};
pub use tables::{MAX_CELL_CHARS, Table, tables_of};
pub use workplan::{Ledger, Task, extract_workplan, extract_workplan_from};
