//! `gongkai import policies` reports what it did with each file; `gongkai extract`
//! writes a work plan's ledger as JSON, CSV or XLSX in the contract shape.

use super::{gongkai, seed, stderr, stdout};
use std::path::Path;

#[test]
fn import_policies_reports_created_unchanged_and_skipped_files() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/seeds");
    let seeds = seeds.to_str().unwrap();
    let first = gongkai(&data, &["import", "policies", seeds]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_eq!(
        stdout(&first),
        "导入完成：新增 5 件，更新 0 件，未变 0 件，跳过 0 个文件\n"
    );
    let junk = dir.path().join("junk.pdf");
    std::fs::write(&junk, b"%PDF-1.4 nothing else").unwrap();
    let again = gongkai(
        &data,
        &["import", "policies", seeds, junk.to_str().unwrap()],
    );
    assert_eq!(again.status.code(), Some(0));
    let out = stdout(&again);
    assert!(
        out.starts_with("导入完成：新增 0 件，更新 0 件，未变 5 件，跳过 1 个文件\n"),
        "{out}"
    );
    assert!(out.contains("跳过 ") && out.contains("junk.pdf"), "{out}");
}

#[test]
fn extract_prints_the_ledger_as_json_in_the_contract_shape() {
    let dir = tempfile::tempdir().unwrap();
    let file = seed("004_2f6965311e0af134.txt");
    let output = gongkai(
        dir.path(),
        &["extract", file.to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let ledger: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let mut keys: Vec<&str> = ledger
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(keys, ["tasks", "title", "year"]);
    let tasks = ledger["tasks"].as_array().unwrap();
    assert_eq!(tasks.len(), 12);
    let first = tasks[0].as_object().unwrap();
    let mut names: Vec<&str> = first.keys().map(String::as_str).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "deadline",
            "deadline_text",
            "id",
            "lead_units",
            "number",
            "ongoing",
            "path",
            "responsible_units",
            "text"
        ]
    );
    assert_eq!(first["number"], "1");
    assert_eq!(first["responsible_units"][0], "综合管理部");
    assert!(first["path"][0].as_str().unwrap().starts_with("二、"));
}

#[test]
fn extract_writes_csv_and_xlsx_in_the_ledger_layout() {
    let dir = tempfile::tempdir().unwrap();
    let file = seed("001_6b141d89c3fcc9de.txt");
    let output = gongkai(
        dir.path(),
        &["extract", file.to_str().unwrap(), "--format", "csv"],
    );
    assert_eq!(output.status.code(), Some(0));
    let csv = stdout(&output);
    assert!(
        csv.starts_with("序号,目标任务,任务内容,牵头单位,责任单位,工作时限"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 24);
    let out = dir.path().join("ledger.xlsx");
    let output = gongkai(
        dir.path(),
        &[
            "extract",
            file.to_str().unwrap(),
            "--format",
            "xlsx",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));
}

#[test]
fn extract_of_an_unreadable_file_exits_2_and_of_no_plan_warns_with_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.txt");
    let output = gongkai(dir.path(), &["extract", missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("无法读取文件"),
        "{}",
        stderr(&output)
    );
    let broken = dir.path().join("broken.docx");
    std::fs::write(&broken, b"not a zip").unwrap();
    let output = gongkai(dir.path(), &["extract", broken.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let prose = dir.path().join("prose.txt");
    std::fs::write(&prose, "关于召开会议的通知\n请各单位准时参加。\n").unwrap();
    let output = gongkai(dir.path(), &["extract", prose.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).contains("警告"), "{}", stderr(&output));
    let ledger: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(ledger["tasks"].as_array().unwrap().len(), 0);
}
