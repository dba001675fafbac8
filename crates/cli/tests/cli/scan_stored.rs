//! `gongkai scan pii` without files: the documents stored in the data directory,
//! imported here from the seeds and one notice that leaks an ID number and a mobile,
//! scanned with a report naming each finding's document and place, masked; the seeds
//! (real public documents) yield nothing.

use super::{gongkai, stderr, stdout};
use serde_json::Value;
use std::path::Path;

#[test]
fn the_stored_documents_are_scanned_into_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/seeds");
    let notice = dir.path().join("notice.txt");
    std::fs::write(
        &notice,
        "关于2026年临时救助对象的公示\n\n\
         经审核，下列人员符合临时救助条件。\n\n\
         张某某，身份证号码110105198003151234，联系电话138 0013 8000。\n",
    )
    .unwrap();
    let import = gongkai(
        &data,
        &[
            "import",
            "policies",
            seeds.to_str().unwrap(),
            notice.to_str().unwrap(),
        ],
    );
    assert!(import.status.success(), "{}", stderr(&import));

    let report = dir.path().join("report.json");
    let output = gongkai(
        &data,
        &[
            "scan",
            "pii",
            "--published",
            "--out",
            report.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let summary = stdout(&output);
    assert!(summary.contains("已检查文件 6 件"), "{summary}");
    assert!(
        summary.contains("发现个人信息 2 处，涉及文件 1 件"),
        "{summary}"
    );
    let json: Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!(json["documents"], 6);
    assert_eq!(json["published_only"], true);
    let found: Vec<(String, String, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            assert_eq!(f["title"], "关于2026年临时救助对象的公示");
            let field = |k: &str| f[k].as_str().unwrap_or_default().to_string();
            (field("place"), field("kind"), field("text"))
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "正文第3段".into(),
                "id_number".into(),
                "11010519******1234".into()
            ),
            ("正文第3段".into(), "mobile".into(), "138****8000".into()),
        ]
    );
    let raw = std::fs::read_to_string(&report).unwrap();
    assert!(!raw.contains("110105198003151234") && !raw.contains("13800138000"));

    // Without --out, the report goes to DATA/reports.
    let output = gongkai(&data, &["scan", "pii"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let reports: Vec<_> = std::fs::read_dir(data.join("reports")).unwrap().collect();
    assert_eq!(reports.len(), 1);
}

#[test]
fn every_planted_person_of_the_generated_library_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let stored = gongkai(
        dir.path(),
        &["bench", "documents", "--docs", "300", "--every", "50"],
    );
    assert!(stored.status.success(), "{}", stderr(&stored));
    assert!(
        stdout(&stored).contains("已存入 300 件文件"),
        "{}",
        stdout(&stored)
    );
    let report = dir.path().join("r.json");
    let output = gongkai(
        dir.path(),
        &["scan", "pii", "--out", report.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    let findings = json["findings"].as_array().unwrap();
    let ids: Vec<i64> = findings
        .iter()
        .map(|f| f["document_id"].as_i64().unwrap())
        .collect();
    assert_eq!(
        ids,
        [50, 50, 100, 100, 150, 150, 200, 200, 250, 250, 300, 300],
        "{findings:?}"
    );
    let kinds: Vec<&str> = findings
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.iter().filter(|k| **k == "id_number").count(), 6);
    assert_eq!(kinds.iter().filter(|k| **k == "mobile").count(), 6);
}
