//! `gongkai report annual`: the annual report (政府信息公开工作年度报告) computed from the
//! records.
//!
//! Contract (scripts rely on it): `gongkai report annual --year Y [--org ORG]
//! [--format html|json|docx|xlsx]` writes the report to standard output (or to
//! `--out FILE`); the JSON names are documented in docs/annual-report.md. Bad input
//! (unknown unit, year out of range) exits with code 2. A report whose identities do
//! not hold is still written, with a warning per failed identity on stderr.

use crate::setup::open;
use crate::{DataArgs, Failure};
use clap::{Subcommand, ValueEnum};
use gongkai_app::annual_report::{self, AnnualReport};
use gongkai_app::{App, OrgId, orgs, users};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum ReportCommand {
    /// The annual report of a unit for a year (国办公开办函〔2021〕30号 format).
    Annual(AnnualArgs),
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ReportFormat {
    Html,
    Json,
    Docx,
    Xlsx,
}

#[derive(clap::Args)]
pub struct AnnualArgs {
    /// The year reported on.
    #[arg(long)]
    year: i32,
    /// The unit: id, full name or alias; default: the top unit when there is one.
    #[arg(long)]
    org: Option<String>,
    #[arg(long, value_enum, default_value = "html")]
    format: ReportFormat,
    /// Count the records of every unit below ORG too (a government's report).
    #[arg(long)]
    with_units: bool,
    /// Write to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
}

pub async fn run(data: DataArgs, command: ReportCommand) -> Result<(), Failure> {
    let ReportCommand::Annual(args) = command;
    let app = open(&data).await?;
    let org = match &args.org {
        Some(reference) => users::find_org(&app, reference).await?,
        None => only_root(&app).await?,
    };
    let report = annual_report::compute(&app, org, args.year, args.with_units).await?;
    for identity in report.identities.iter().filter(|i| !i.holds()) {
        eprintln!(
            "警告：勾稽关系不符：{}（{} ≠ {}）",
            identity.rule, identity.left, identity.right
        );
    }
    let bytes = render(&report, args.format)?;
    write_out(&bytes, args.out.as_ref(), args.format)
}

/// The platform's single top unit; several top units need `--org`.
async fn only_root(app: &App) -> Result<OrgId, Failure> {
    match orgs::roots(app).await?.as_slice() {
        [root] => Ok(root.id),
        [] => Err(Failure::input("尚未建立单位，请先导入单位")),
        _ => Err(Failure::input("有多个顶级单位，请用 --org 指定单位")),
    }
}

fn render(report: &AnnualReport, format: ReportFormat) -> Result<Vec<u8>, Failure> {
    Ok(match format {
        ReportFormat::Html => gongkai_web::reports::standalone_html(report)
            .map_err(Failure::platform)?
            .into_bytes(),
        ReportFormat::Json => {
            let mut text = serde_json::to_string_pretty(&annual_report::to_json(report))
                .map_err(Failure::platform)?;
            text.push('\n');
            text.into_bytes()
        }
        ReportFormat::Docx => annual_report::to_docx(report)?,
        ReportFormat::Xlsx => annual_report::to_xlsx(report)?,
    })
}

fn write_out(bytes: &[u8], out: Option<&PathBuf>, format: ReportFormat) -> Result<(), Failure> {
    if let Some(path) = out {
        return std::fs::write(path, bytes)
            .map_err(|e| Failure::platform(format!("无法写入 {}：{e}", path.display())));
    }
    let binary = matches!(format, ReportFormat::Docx | ReportFormat::Xlsx);
    let mut stdout = std::io::stdout().lock();
    if binary && stdout.is_terminal() {
        return Err(Failure::input(
            "DOCX、XLSX 不能输出到终端，请用 --out 指定文件或重定向输出",
        ));
    }
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(|e| Failure::platform(format!("无法输出：{e}")))
}
