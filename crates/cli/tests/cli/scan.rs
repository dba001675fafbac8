//! `gongkai scan pii`: the contract JSON, an unreadable file as an entry and exit 0,
//! and the guard measured on the evaluation set of `fixtures/pii` (planted personal
//! data in txt, docx, pdf and xlsx; clean pages cut from real documents): every planted
//! item found at its location, at most one false positive per 100 clean pages.

use super::{gongkai, stderr};
use gongkai_domain::pii::{Kind, mask};
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/pii")
}

/// `(file, kind, masked text, location)` of every finding printed, and the errors.
fn scan(data: &Path, files: &[PathBuf]) -> Vec<(String, String, String, String)> {
    let mut args = vec!["scan", "pii", "--format", "json"];
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    args.extend(names.iter().map(String::as_str));
    let output = gongkai(data, &args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let field = |k: &str| f[k].as_str().unwrap_or_default().to_string();
            (
                field("file"),
                field("kind"),
                field("text"),
                field("location"),
            )
        })
        .collect()
}

#[test]
fn the_contract_json_and_unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    let note = dir.path().join("note.txt");
    std::fs::write(
        &note,
        "申请人李某，身份证号11010519491231002X。\n联系电话：138 1234 5678",
    )
    .unwrap();
    let clean = dir.path().join("clean.txt");
    std::fs::write(&clean, "索引号：115000005567784755/2020-01891，邮编400010").unwrap();
    let corrupt = dir.path().join("broken.docx");
    std::fs::write(&corrupt, "not a zip").unwrap();
    let mut args: Vec<String> = ["scan", "pii", "--format", "json"]
        .map(String::from)
        .to_vec();
    args.extend([&note, &clean, &corrupt].map(|p| p.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = gongkai(dir.path(), &args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let note = note.display().to_string();
    let expected = serde_json::json!({"findings": [
        {"file": note, "kind": "id_number", "text": "11010519******002X", "location": "第1段"},
        {"file": note, "kind": "mobile", "text": "138****5678", "location": "第2段"},
    ]});
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings[..2], expected["findings"].as_array().unwrap()[..]);
    assert_eq!(findings.len(), 3, "{json}");
    assert_eq!(findings[2]["file"], corrupt.display().to_string());
    assert_eq!(findings[2]["kind"], "error");
    assert!(
        findings[2]["text"].as_str().unwrap().contains("Word 文档"),
        "{json}"
    );
    // The keys in the contract's order.
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with(r#"{"findings":[{"file":"#), "{text}");
    assert!(
        text.contains(r#","kind":"id_number","text":"11010519******002X","location":"第1段"}"#)
    );
}

#[test]
fn every_planted_item_is_found_and_clean_pages_stay_clean() {
    let root = fixtures();
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("expected.json")).unwrap())
            .unwrap();
    let expected = expected["files"].as_object().unwrap();
    let planted: Vec<PathBuf> = expected.keys().map(|k| root.join(k)).collect();
    let mut clean: Vec<PathBuf> = std::fs::read_dir(root.join("clean"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    clean.sort();
    let dir = tempfile::tempdir().unwrap();

    let mut unmatched: HashMap<(String, String, String, String), usize> = HashMap::new();
    for finding in scan(dir.path(), &planted) {
        *unmatched.entry(finding).or_default() += 1;
    }
    let mut missed = Vec::new();
    let mut items = 0;
    for (file, list) in expected {
        let file = root.join(file).display().to_string();
        for item in list.as_array().unwrap() {
            items += 1;
            let kind = Kind::from_code(item["kind"].as_str().unwrap()).unwrap();
            let key = (
                file.clone(),
                kind.code().to_string(),
                mask(kind, item["value"].as_str().unwrap()),
                item["location"].as_str().unwrap().to_string(),
            );
            match unmatched.get_mut(&key) {
                Some(n) if *n > 0 => *n -= 1,
                _ => missed.push(key),
            }
        }
    }
    let planted_extra: Vec<_> = unmatched.iter().filter(|(_, n)| **n > 0).collect();
    let clean_found = scan(dir.path(), &clean);
    println!(
        "pii eval: recall {}/{items}; planted files {}; extra findings in planted files {}; \
         clean pages {}; findings on clean pages {}",
        items - missed.len(),
        planted.len(),
        planted_extra.len(),
        clean.len(),
        clean_found.len()
    );
    assert!(missed.is_empty(), "missed: {missed:#?}");
    assert!(planted_extra.is_empty(), "not planted: {planted_extra:#?}");
    assert!(
        clean_found.len() * 100 <= clean.len(),
        "on clean pages: {clean_found:#?}"
    );
}
