//! `gongkai export documents`: the contract scripts rely on — one JSON object per
//! published document per line on standard output, or CSV into `--out`.

use super::{gongkai, stderr, stdout};
use serde_json::Value;
use std::path::Path;

fn imported_seeds(data: &Path) {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/seeds");
    let import = gongkai(data, &["import", "policies", seeds.to_str().unwrap()]);
    assert!(import.status.success(), "{}", stderr(&import));
}

#[test]
fn jsonl_goes_to_standard_output_one_published_document_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    imported_seeds(&data);
    let output = gongkai(&data, &["export", "documents", "--format", "jsonl"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 5, "{text}");
    let mut keys: Vec<&str> = lines[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "attachments",
            "body_text",
            "columns",
            "doc_number",
            "effective_on",
            "expires_on",
            "genre",
            "id",
            "index_number",
            "interpretation_form",
            "issuer",
            "normative",
            "published_on",
            "relations",
            "title",
            "topic",
            "updated",
            "url",
            "validity",
            "validity_change",
            "written_on"
        ]
    );
    assert!(
        lines
            .iter()
            .all(|d| !d["body_text"].as_str().unwrap().is_empty())
    );
}

#[test]
fn csv_is_written_whole_into_the_out_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    imported_seeds(&data);
    let out = dir.path().join("documents.csv");
    let output = gongkai(
        &data,
        &[
            "export",
            "documents",
            "--format",
            "csv",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).is_empty());
    assert!(
        stderr(&output).contains("已导出 5 件公开文件"),
        "{}",
        stderr(&output)
    );
    let text = std::fs::read_to_string(&out).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(&reader.headers().unwrap()[0], "id");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 5);
    assert!(
        rows.iter().all(|r| !r[2].is_empty()),
        "every row has its title"
    );
    assert!(!dir.path().join("documents.csv.partial").exists());
}

#[test]
fn an_unknown_format_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let output = gongkai(
        &dir.path().join("data"),
        &["export", "documents", "--format", "xml"],
    );
    assert_eq!(output.status.code(), Some(2));
}
