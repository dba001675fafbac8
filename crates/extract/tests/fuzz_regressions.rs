//! The inputs kept in `fuzz/regressions/<target>/` (what the fuzz targets found
//! crashing, and the edge cases seeded with them), run as the targets run them: each
//! is read or refused with an error, never a panic. CI runs these, not the fuzzers.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use gongkai_extract::{SourceKind, parse_page, passages_of, tables_of, text_of};
use std::path::PathBuf;

/// The kept inputs of a target (at least one: an empty directory checks nothing).
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/regressions")
        .join(target);
    let inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect();
    assert!(!inputs.is_empty(), "no inputs in {}", dir.display());
    inputs
}

fn read_as(target: &str, kind: SourceKind) {
    for (path, bytes) in inputs(target) {
        eprintln!("{}", path.display());
        let _ = text_of(&bytes, kind);
        let _ = passages_of(&bytes, kind);
        let _ = tables_of(&bytes, kind);
    }
}

#[test]
fn docx_inputs_are_read_or_refused() {
    read_as("docx", SourceKind::Docx);
}

#[test]
fn pdf_inputs_are_read_or_refused() {
    read_as("pdf", SourceKind::Pdf);
}

#[test]
fn xlsx_inputs_are_read_or_refused() {
    read_as("xlsx", SourceKind::Xlsx);
}

#[test]
fn html_inputs_are_read_and_their_metadata_parsed() {
    read_as("html", SourceKind::Html);
    for (_, bytes) in inputs("html") {
        let _ = parse_page(&String::from_utf8_lossy(&bytes));
    }
}
