//! `gongkai scan pii FILE...`: the guard over files. The JSON format is a contract
//! that scripts rely on (see [`super`]).

use crate::Failure;
use clap::ValueEnum;
use gongkai_app::config::Settings;
use gongkai_app::guard::{guard_of, scan_file};
use serde::Serialize;
use std::path::PathBuf;

/// How a file scan prints its findings.
#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// The JSON of `scan pii`, its fields in the contract's order.
#[derive(Serialize)]
struct Report {
    findings: Vec<Line>,
}

#[derive(Serialize)]
struct Line {
    file: String,
    kind: &'static str,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<String>,
}

pub fn run(settings: &Settings, format: Format, files: &[PathBuf]) -> Result<(), Failure> {
    let guard = guard_of(settings, gongkai_app::documents::today());
    let mut findings = Vec::new();
    for path in files {
        let file = path.display().to_string();
        let scanned = std::fs::read(path)
            .map_err(|e| format!("无法读取文件：{e}"))
            .and_then(|bytes| scan_file(&guard, &file, &bytes).map_err(|e| e.to_string()));
        match scanned {
            Ok(located) => findings.extend(located.into_iter().map(|l| Line {
                file: file.clone(),
                kind: l.finding.kind.code(),
                text: l.finding.masked(),
                location: Some(l.location),
            })),
            Err(reason) => findings.push(Line {
                file: file.clone(),
                kind: "error",
                text: reason,
                location: None,
            }),
        }
    }
    print(format, &Report { findings })
}

fn print(format: Format, report: &Report) -> Result<(), Failure> {
    match format {
        Format::Json => {
            let json = serde_json::to_string(report)
                .map_err(|e| Failure::platform(format!("无法生成 JSON：{e}")))?;
            println!("{json}");
        }
        Format::Text => {
            for line in &report.findings {
                let location = line.location.as_deref().unwrap_or("");
                println!("{}\t{location}\t{}\t{}", line.file, line.kind, line.text);
            }
            eprintln!(
                "共发现 {} 处",
                report.findings.iter().filter(|l| l.kind != "error").count()
            );
        }
    }
    Ok(())
}
