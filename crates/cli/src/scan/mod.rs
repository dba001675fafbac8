//! `gongkai scan pii`: the personal-information guard over files, or over what the
//! platform stores.
//!
//! With files, the JSON format is a contract that scripts rely on:
//! `gongkai scan pii --format json FILE...` prints
//! `{"findings":[{"file":"a.docx","kind":"id_number","text":"11010519******1234","location":"第3段"}]}`
//! (kinds `id_number`, `mobile`, `bank_card`, `email`; the text masked) and exits 0
//! whether or not it finds anything; a file it cannot read is the entry
//! `{"file":"…","kind":"error","text":"原因"}`, and the other files are still scanned.
//! `--format text` prints one tab-separated line per finding.
//!
//! Without files, every document of the data directory (`--published`: only the
//! published ones) is scanned with a progress bar, and a report is written.

mod files;
mod stored;

use crate::serve::settings;
use crate::{DataArgs, Failure};
use clap::{Args, Subcommand};
use files::Format;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum ScanCommand {
    /// Personal information (ID, mobile and bank card numbers, e-mail addresses) in
    /// files, or in the documents stored in the data directory.
    Pii(PiiArgs),
}

#[derive(Args)]
pub struct PiiArgs {
    /// Output of a file scan; a stored scan's report is always JSON.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Stored scan: only published documents.
    #[arg(long, conflicts_with = "files")]
    published: bool,
    /// Stored scan: where to write the report (default DATA/reports/pii-scan-DATE.json).
    #[arg(long, conflicts_with = "files")]
    out: Option<PathBuf>,
    /// Files to scan (.txt, .html, .docx, .pdf, .xlsx); none: the stored documents.
    files: Vec<PathBuf>,
}

pub fn run(data: &DataArgs, command: ScanCommand) -> Result<(), Failure> {
    let ScanCommand::Pii(args) = command;
    if args.files.is_empty() {
        return crate::setup::runtime()?.block_on(stored::run(data, args.published, args.out));
    }
    let settings = settings(&data.dir, data, &[])?;
    files::run(&settings, args.format, &args.files)
}
