//! `gongkai`: the one binary of the platform — web server, set-up and operator
//! commands, the work-plan extractor and the search benchmark. Each command parses its
//! arguments, calls the app layer and prints; the output formats of `calendar`,
//! `extract`, `export documents`, `qa match` and `scan pii` and the files of `bench corpus` are a contract that scripts rely on.
//!
//! Exit codes: 0 success; 1 the platform failed (database unreachable, broken
//! audit chain, I/O); 2 the input was wrong (bad date, bad configuration, bad
//! arguments).

mod backup;
mod bench;
mod calendar;
mod data;
mod export;
mod extract;
mod failure;
mod files;
mod import;
mod qa;
mod report;
mod scan;
mod serve;
mod setup;

use clap::{Parser, Subcommand};
use data::DataArgs;
use failure::Failure;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "gongkai", version, about = "gongkai（公开）：政务公开工作平台")]
struct Cli {
    #[command(flatten)]
    data: DataArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server.
    Serve(serve::ServeArgs),
    /// Write a commented gongkai.toml into the data directory.
    Init {
        /// Overwrite an existing configuration file.
        #[arg(long)]
        force: bool,
    },
    /// Working-day calendar: is-workday, add, between.
    #[command(subcommand)]
    Calendar(calendar::CalendarCommand),
    /// Accounts: add, passwd, list.
    #[command(subcommand)]
    User(setup::UserCommand),
    /// Import policy documents into the library.
    #[command(subcommand)]
    Import(import::ImportCommand),
    /// Units: import from CSV or XLSX.
    #[command(subcommand)]
    Org(setup::OrgCommand),
    /// Rebuild the search index from the database.
    Reindex,
    /// Work plan to ledger: tasks, units and deadlines as JSON, CSV or XLSX.
    Extract(extract::ExtractArgs),
    /// Back up the data directory while the server runs (database, files, settings).
    Backup(backup::BackupArgs),
    /// Restore a backup into a data directory, rebuild the index, verify the audit log.
    Restore(backup::RestoreArgs),
    /// Stored files: migrate them to another backend.
    #[command(subcommand)]
    Files(files::FilesCommand),
    /// Audit log: verify the hash chain.
    #[command(subcommand)]
    Audit(setup::AuditCommand),
    /// The policy Q&A library (政策咨询问答库): import, match.
    #[command(subcommand)]
    Qa(qa::QaCommand),
    /// Reports computed from the records: annual (政府信息公开工作年度报告).
    #[command(subcommand)]
    Report(report::ReportCommand),
    /// Complete exports of public data (export documents).
    #[command(subcommand)]
    Export(export::ExportCommand),
    /// Scans: personal information in files (scan pii).
    #[command(subcommand)]
    Scan(scan::ScanCommand),
    /// Search benchmark: corpus, index, search.
    #[command(subcommand)]
    Bench(bench::BenchCommand),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Calendar(command) => calendar::run(&cli.data, command),
        Command::Bench(command) => bench::run(&cli.data, command),
        Command::Extract(args) => extract::run(&args),
        Command::Scan(command) => scan::run(&cli.data, command),
        command => {
            setup::runtime().and_then(|runtime| runtime.block_on(run_async(cli.data, command)))
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("错误：{}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}

async fn run_async(data: DataArgs, command: Command) -> Result<(), Failure> {
    match command {
        Command::Serve(args) => serve::run(data, args).await,
        Command::Init { force } => setup::init(&data, force),
        Command::User(command) => setup::user(data, command).await,
        Command::Org(command) => setup::org(data, command).await,
        Command::Import(command) => import::run(data, command).await,
        Command::Export(command) => export::run(data, command).await,
        Command::Audit(command) => setup::audit(data, command).await,
        Command::Backup(args) => backup::backup(data, args).await,
        Command::Files(command) => files::run(data, command).await,
        Command::Restore(args) => backup::restore(data, args).await,
        Command::Reindex => setup::reindex(data).await,
        Command::Report(command) => report::run(data, command).await,
        Command::Qa(command) => qa::run(data, command).await,
        Command::Calendar(command) => calendar::run(&data, command),
        Command::Bench(command) => bench::run(&data, command),
        Command::Extract(args) => extract::run(&args),
        Command::Scan(command) => scan::run(&data, command),
    }
}
