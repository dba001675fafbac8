//! `gongkai qa`: the import of a sheet (its contract header, idempotent by code, bad
//! rows listed and nothing imported, exit 2) and the JSON of `qa match`, in the
//! contract's shape and field order.

use super::{gongkai, stderr, stdout};
use std::path::Path;

fn entries() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/qa/entries.csv")
}

#[test]
fn qa_import_is_idempotent_and_match_prints_the_contract_json() {
    let dir = tempfile::tempdir().unwrap();
    let file = entries();
    let file = file.to_str().unwrap();
    let first = gongkai(dir.path(), &["qa", "import", file]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_eq!(
        stdout(&first),
        "导入完成：新增 75 条，更新 0 条，未变 0 条\n"
    );
    let again = gongkai(dir.path(), &["qa", "import", file]);
    assert_eq!(
        stdout(&again),
        "导入完成：新增 0 条，更新 0 条，未变 75 条\n"
    );

    let found = gongkai(
        dir.path(),
        &[
            "qa",
            "match",
            "--top",
            "3",
            "--format",
            "json",
            "公积金怎么取出来买房",
        ],
    );
    assert_eq!(found.status.code(), Some(0), "{}", stderr(&found));
    let text = stdout(&found);
    assert!(
        text.starts_with("{\"matches\":[{\"code\":\"Q024\",\"question\":\""),
        "{text}"
    );
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let matches = json["matches"].as_array().unwrap();
    assert!(!matches.is_empty() && matches.len() <= 3);
    let keys: Vec<&String> = matches[0].as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 4);
    let score = matches[0]["score"].as_f64().unwrap();
    assert!(
        score > 0.0 && score <= 1.0 && (score * 100.0).fract() == 0.0,
        "{score}"
    );

    let none = gongkai(
        dir.path(),
        &["qa", "match", "--format", "json", "今天天气怎么样"],
    );
    assert_eq!(stdout(&none), "{\"matches\":[]}\n");
}

#[test]
fn a_sheet_without_the_contract_columns_or_with_bad_rows_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.csv");
    std::fs::write(&missing, "编号,问题,主题\nQ1,问题,教育\n").unwrap();
    let out = gongkai(dir.path(), &["qa", "import", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("第1行：缺少列“答复”“政策依据”"),
        "{}",
        stderr(&out)
    );
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "编号,问题,答复,主题,政策依据\nQ1,问,答,教育,\nQ1,问,答,教育,\n",
    )
    .unwrap();
    let out = gongkai(dir.path(), &["qa", "import", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("第3行：编号“Q1”重复"),
        "{}",
        stderr(&out)
    );
    let found = gongkai(dir.path(), &["qa", "match", "--format", "json", "问"]);
    assert_eq!(stdout(&found), "{\"matches\":[]}\n", "nothing was imported");
}
