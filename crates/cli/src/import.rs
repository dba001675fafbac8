//! `gongkai import policies PATH...`: files or directories into the policy library,
//! with a progress bar, a summary and the list of skipped files.

use crate::setup::{open, operator};
use crate::{DataArgs, Failure};
use clap::Subcommand;
use gongkai_app::documents::{ImportEvent, import_paths};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum ImportCommand {
    /// Import policy documents (.txt, .html, .docx, .pdf files or directories).
    Policies {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

pub async fn run(data: DataArgs, command: ImportCommand) -> Result<(), Failure> {
    let ImportCommand::Policies { paths } = command;
    let app = open(&data).await?;
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let progress = |event: ImportEvent| match event {
        ImportEvent::Found(n) => bar.set_length(u64::try_from(n).unwrap_or(u64::MAX)),
        ImportEvent::Done(path) => {
            bar.set_message(path.display().to_string());
            bar.inc(1);
        }
    };
    let summary = import_paths(&app, &operator("import policies"), &paths, &progress).await?;
    bar.finish_and_clear();
    println!(
        "导入完成：新增 {} 件，更新 {} 件，未变 {} 件，跳过 {} 个文件",
        summary.created,
        summary.updated,
        summary.unchanged,
        summary.skipped.len()
    );
    for (path, reason) in &summary.skipped {
        println!("跳过 {}：{reason}", path.display());
    }
    Ok(())
}
