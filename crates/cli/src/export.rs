//! `gongkai export documents --format jsonl|csv [--out FILE]`: the complete export of
//! the public library. The format is a contract that scripts rely on: without `--out`
//! it goes to standard output; `jsonl` is one JSON object per published document per
//! line (`id, index_number, title, doc_number, issuer, topic, genre, normative,
//! validity, effective_on, expires_on, written_on, published_on, updated,
//! interpretation_form, validity_change, columns, url, body_text, relations,
//! attachments`);
//! `csv` has a header row with the same names (without `validity_change` and
//! `body_text`; relations as `kind:direction:id`, columns as codes and attachments as links,
//! `;`-joined).
//! With `--out` the file is written whole or not at all, and the count goes to stderr.

use crate::setup::open;
use crate::{DataArgs, Failure};
use clap::{Args, Subcommand, ValueEnum};
use gongkai_app::documents::export::{ExportFormat, write_export};
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum ExportCommand {
    /// Every published document with metadata, relations and attachment links.
    Documents(DocumentsArgs),
}

#[derive(Args)]
pub struct DocumentsArgs {
    #[arg(long, value_enum)]
    format: Format,
    /// File to write; default: standard output.
    #[arg(long)]
    out: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Jsonl,
    Csv,
}

impl From<Format> for ExportFormat {
    fn from(format: Format) -> ExportFormat {
        match format {
            Format::Jsonl => ExportFormat::JsonLines,
            Format::Csv => ExportFormat::Csv,
        }
    }
}

pub async fn run(data: DataArgs, command: ExportCommand) -> Result<(), Failure> {
    let ExportCommand::Documents(args) = command;
    let app = open(&data).await?;
    let format = ExportFormat::from(args.format);
    match args.out {
        None => {
            write_export(&app, format, &mut tokio::io::stdout()).await?;
        }
        Some(path) => {
            let written = export_to_file(&app, format, &path).await?;
            eprintln!("已导出 {written} 件公开文件：{}", path.display());
        }
    }
    Ok(())
}

/// Writes beside `path` and renames, so a failed export leaves no half-written file.
async fn export_to_file(
    app: &gongkai_app::App,
    format: ExportFormat,
    path: &Path,
) -> Result<u64, Failure> {
    let cannot = |e: std::io::Error| Failure::platform(format!("无法写入 {}：{e}", path.display()));
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let file = tokio::fs::File::create(&partial).await.map_err(cannot)?;
    let mut out = tokio::io::BufWriter::new(file);
    let written = match write_export(app, format, &mut out).await {
        Ok(n) => n,
        Err(e) => {
            let _ = tokio::fs::remove_file(&partial).await;
            return Err(e.into());
        }
    };
    tokio::fs::rename(&partial, path).await.map_err(cannot)?;
    Ok(written)
}
