//! `gongkai qa`: the policy Q&A library from the command line. Both formats are a
//! contract that scripts rely on:
//!
//! - `gongkai qa import FILE` (CSV or XLSX with the header `编号,问题,答复,主题,政策依据`)
//!   prints what it did; a bad sheet lists every bad row with its line and reason,
//!   imports nothing and exits 2.
//! - `gongkai qa match --top 3 --format json "问题"` prints
//!   `{"matches":[{"code":"Q001","question":"…","topic":"…","score":0.87}]}`, best
//!   first, `[]` when nothing matches well; `--format text` one line a match.

use crate::setup::open;
use crate::{DataArgs, Failure};
use clap::{Subcommand, ValueEnum};
use gongkai_app::qa::{import_file, match_question};
use serde::Serialize;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum QaCommand {
    /// Import entries from a CSV or XLSX sheet (idempotent by 编号).
    Import { file: PathBuf },
    /// The entries that answer a question best.
    Match {
        /// How many entries at most.
        #[arg(long, default_value_t = 3)]
        top: usize,
        #[arg(long, value_enum, default_value_t = MatchFormat::Text)]
        format: MatchFormat,
        question: String,
    },
}

/// The JSON of `qa match`, its fields in the contract's order.
#[derive(Serialize)]
struct Matches<'a> {
    matches: Vec<MatchLine<'a>>,
}

#[derive(Serialize)]
struct MatchLine<'a> {
    code: &'a str,
    question: &'a str,
    topic: &'a str,
    /// Two decimals.
    score: f64,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum MatchFormat {
    Text,
    Json,
}

pub async fn run(data: DataArgs, command: QaCommand) -> Result<(), Failure> {
    let app = open(&data).await?;
    match command {
        QaCommand::Import { file } => {
            let s = import_file(&app, &file).await?;
            println!(
                "导入完成：新增 {} 条，更新 {} 条，未变 {} 条",
                s.created, s.updated, s.unchanged
            );
        }
        QaCommand::Match {
            top,
            format,
            question,
        } => {
            let matches = match_question(&app, &question, top).await?;
            match format {
                MatchFormat::Json => {
                    let matches = matches
                        .iter()
                        .map(|m| MatchLine {
                            code: &m.code,
                            question: &m.question,
                            topic: &m.topic,
                            score: (f64::from(m.score) * 100.0).round() / 100.0,
                        })
                        .collect();
                    let out = serde_json::to_string(&Matches { matches })
                        .map_err(|e| Failure::platform(format!("无法输出 JSON：{e}")))?;
                    println!("{out}");
                }
                MatchFormat::Text => {
                    if matches.is_empty() {
                        println!("没有找到相符的问答");
                    }
                    for m in &matches {
                        println!("{}\t{:.2}\t{}\t{}", m.code, m.score, m.topic, m.question);
                    }
                }
            }
        }
    }
    Ok(())
}
