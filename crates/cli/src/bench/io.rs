//! The benchmarks' input and output: files opened and created, the failures that
//! reading, writing and searching give, and the progress bar on stderr.

use std::fs::File;
use std::io::{BufReader, BufWriter};
use std::path::Path;

use indicatif::{ProgressBar, ProgressStyle};

use crate::Failure;

/// Opens an input file; failing is the caller's mistake (exit code 2).
pub(super) fn open_input(path: &Path) -> Result<BufReader<File>, Failure> {
    File::open(path)
        .map(BufReader::new)
        .map_err(|e| unreadable(path, &e))
}

pub(super) fn unreadable(path: &Path, error: &std::io::Error) -> Failure {
    Failure::input(format!("无法读取 {}：{error}", path.display()))
}

/// Creates an output file; failing is the caller's mistake (exit code 2).
pub(super) fn create_output(path: &Path) -> Result<BufWriter<File>, Failure> {
    File::create(path)
        .map(BufWriter::new)
        .map_err(|e| Failure::input(format!("无法写入 {}：{e}", path.display())))
}

/// Writing failed after the file was created: the platform's failure (exit code 1).
pub(super) fn write_failed(path: &Path, error: &std::io::Error) -> Failure {
    Failure::platform(format!("写入 {} 失败：{error}", path.display()))
}

pub(super) fn search_failed(error: gongkai_search::Error) -> Failure {
    Failure::platform(error.to_string())
}

/// A progress bar on stderr (hidden when stderr is not a terminal).
pub(super) fn progress(len: u64, unit: &str) -> ProgressBar {
    let bar = ProgressBar::new(len);
    let template = format!("{{bar:40}} {{pos}}/{{len}} {unit} {{per_sec}} {{eta}}");
    bar.set_style(
        ProgressStyle::with_template(&template).unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}
