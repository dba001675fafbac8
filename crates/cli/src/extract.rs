//! `gongkai extract FILE [--format json|csv|xlsx] [--out FILE]`: a work plan to its ledger.
//!
//! The JSON shape is a contract that scripts and external checks rely on (see
//! docs/cli.md): `{"title", "year", "tasks": [{"id", "path", "number", "text",
//! "lead_units", "responsible_units", "deadline_text", "deadline", "ongoing"}]}`.
//! CSV and XLSX use the ledger layout (序号, 目标任务, 任务内容, 牵头单位, 责任单位,
//! 工作时限, 截止日期, 持续推进). An unreadable file is exit code 2; a file in which no
//! task is found gives an empty ledger, a warning on stderr and exit code 0.

use crate::Failure;
use clap::{Args, ValueEnum};
use gongkai_extract::{Ledger, SourceKind, Task, extract_workplan_from};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// The work plan: .txt, .html, .docx or .pdf (other extensions are read as text).
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Write to this file instead of stdout (required for xlsx when stdout is a terminal).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Csv,
    Xlsx,
}

/// The columns of the ledger layout, in order.
const COLUMNS: [&str; 8] = [
    "序号",
    "目标任务",
    "任务内容",
    "牵头单位",
    "责任单位",
    "工作时限",
    "截止日期",
    "持续推进",
];

pub fn run(args: &ExtractArgs) -> Result<(), Failure> {
    let bytes = std::fs::read(&args.file)
        .map_err(|e| Failure::input(format!("无法读取文件 {}：{e}", args.file.display())))?;
    let kind = SourceKind::from_path(&args.file).unwrap_or(SourceKind::Text);
    let ledger = extract_workplan_from(&bytes, kind)
        .map_err(|e| Failure::input(format!("无法读取文件 {}：{e}", args.file.display())))?;
    if ledger.tasks.is_empty() {
        eprintln!(
            "警告：未在 {} 中找到工作任务，它可能不是工作方案",
            args.file.display()
        );
    }
    let output = match args.format {
        Format::Json => json(&ledger)?,
        Format::Csv => csv(&ledger)?,
        Format::Xlsx => {
            if args.out.is_none() && std::io::stdout().is_terminal() {
                return Err(Failure::input("XLSX 不能输出到终端，请用 --out 指定文件"));
            }
            xlsx(&ledger)?
        }
    };
    write(args.out.as_deref(), &output)
}

fn write(out: Option<&Path>, bytes: &[u8]) -> Result<(), Failure> {
    match out {
        Some(path) => std::fs::write(path, bytes)
            .map_err(|e| Failure::platform(format!("无法写入 {}：{e}", path.display()))),
        None => std::io::stdout()
            .write_all(bytes)
            .map_err(|e| Failure::platform(format!("无法写出结果：{e}"))),
    }
}

fn json(ledger: &Ledger) -> Result<Vec<u8>, Failure> {
    let mut bytes = serde_json::to_vec_pretty(ledger)
        .map_err(|e| Failure::platform(format!("无法生成 JSON：{e}")))?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// One ledger row as strings, in the order of [`COLUMNS`].
fn row(task: &Task) -> [String; 8] {
    [
        task.id.clone(),
        task.path.join(" / "),
        task.text.clone(),
        task.lead_units.join("、"),
        task.responsible_units.join("、"),
        task.deadline_text.clone().unwrap_or_default(),
        task.deadline.clone().unwrap_or_default(),
        if task.ongoing { "是" } else { "" }.to_owned(),
    ]
}

fn csv(ledger: &Ledger) -> Result<Vec<u8>, Failure> {
    let failed = |e: csv::Error| Failure::platform(format!("无法生成 CSV：{e}"));
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(COLUMNS).map_err(failed)?;
    for task in &ledger.tasks {
        writer.write_record(row(task)).map_err(failed)?;
    }
    writer
        .into_inner()
        .map_err(|e| Failure::platform(format!("无法生成 CSV：{e}")))
}

fn xlsx(ledger: &Ledger) -> Result<Vec<u8>, Failure> {
    const WIDTHS: [f64; 8] = [8.0, 30.0, 60.0, 20.0, 30.0, 16.0, 12.0, 8.0];
    let columns: Vec<(&str, f64)> = COLUMNS.into_iter().zip(WIDTHS).collect();
    let rows = ledger.tasks.iter().map(|t| row(t).to_vec());
    gongkai_app::table::write_xlsx("任务台账", &ledger.title, &columns, rows)
        .map_err(|e| Failure::platform(e.to_string()))
}
