//! `gongkai bench`: the search and extraction benchmarks (docs/benchmarks.md). Not a test: it reports
//! figures and nothing asserts them.
//!
//! * `bench corpus` writes a synthetic corpus of real government text (one JSON object
//!   per line, [`record`]) and a query list ([`queries`]) that other engines can read;
//! * `bench index` indexes a corpus file into `DATA/index`, the index the platform uses;
//! * `bench search` runs the query list against that index and reports latency
//!   percentiles, with and without facet counts;
//! * `bench extract` times work-plan extraction of files in process (MB/s);
//! * `bench pii` times the personal-information guard over files' text (MB/s);
//! * `bench documents` stores generated documents with planted personal data, the
//!   load `gongkai scan pii` is timed over;
//! * `bench load` sends public submissions to running servers at once and checks that
//!   every acknowledged one is stored.
//!
//! Input files that cannot be read or parsed exit with code 2, naming file and line.

mod corpus;
mod documents;
mod extract;
mod index;
mod io;
mod load;
mod pii;
mod queries;
mod record;
mod report;
mod search;
mod texts;
mod write;

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::{DataArgs, Failure};

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Write a synthetic corpus (JSON lines) and a query list.
    Corpus(CorpusArgs),
    /// Index a corpus file into DATA/index (a directory used for benchmarks only).
    Index(IndexArgs),
    /// Run a query list against DATA/index and report latency percentiles.
    Search(SearchArgs),
    /// Time work-plan extraction of files in process and report MB/s.
    Extract(ExtractArgs),
    /// Time the personal-information guard over files' text and report MB/s.
    Pii(ExtractArgs),
    /// Time the annual report over generated requests (generated on first use).
    Report(ReportArgs),
    /// Store generated documents (some with planted personal data) in DATA's database.
    Documents(DocumentsArgs),
    /// Submit disclosure requests to running servers at once; report latency and losses.
    Load(load::LoadArgs),
}

#[derive(Args)]
pub struct DocumentsArgs {
    /// Number of documents.
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
    docs: u64,
    /// Seed of the random choices: the same seed gives the same documents.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Every this many documents, one names a person by ID number and mobile.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u64).range(1..))]
    every: u64,
}

#[derive(Args)]
pub struct ReportArgs {
    /// Requests to generate when the database has none.
    #[arg(long, default_value_t = 100_000, value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
    requests: u64,
    /// Seed of the random choices: the same seed gives the same records.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Timed runs (after one warm-up run).
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=1000))]
    runs: u32,
}

#[derive(Args)]
pub struct ExtractArgs {
    /// Input files (.txt, .html, .docx, .pdf; .xlsx for `bench pii`).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Timed rounds over all files (after one warm-up round).
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    rounds: u32,
}

#[derive(Args)]
pub struct CorpusArgs {
    /// Number of documents.
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
    docs: u64,
    /// Seed of the random choices: the same seed gives the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The corpus file to write (JSON lines).
    #[arg(long)]
    out: PathBuf,
    /// The query file to write (one URL query string per line).
    #[arg(long)]
    queries: PathBuf,
}

#[derive(Args)]
pub struct IndexArgs {
    /// The corpus file (JSON lines, as `bench corpus` writes it).
    #[arg(long)]
    docs: PathBuf,
}

#[derive(Args)]
pub struct SearchArgs {
    /// The query file (one URL query string per line).
    #[arg(long)]
    queries: PathBuf,
    /// How many times each query is timed (after one warm-up run).
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..))]
    runs: u32,
    /// Time the searches without facet counts only.
    #[arg(long)]
    no_facets: bool,
}

pub fn run(data: &DataArgs, command: BenchCommand) -> Result<(), Failure> {
    match command {
        BenchCommand::Corpus(args) => write::run(args.docs, args.seed, &args.out, &args.queries),
        BenchCommand::Index(args) => index::run(&data.dir, &args.docs),
        BenchCommand::Search(args) => {
            search::run(&data.dir, &args.queries, args.runs, args.no_facets)
        }
        BenchCommand::Extract(args) => extract::run(&args.files, args.rounds),
        BenchCommand::Pii(args) => pii::run(&args.files, args.rounds),
        BenchCommand::Report(args) => crate::setup::runtime()?.block_on(report::run(
            data,
            args.requests,
            args.seed,
            args.runs,
        )),
        BenchCommand::Documents(args) => crate::setup::runtime()?
            .block_on(documents::run(data, args.docs, args.seed, args.every)),
        BenchCommand::Load(args) => crate::setup::runtime()?.block_on(load::run(data, args)),
    }
}
