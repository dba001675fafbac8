//! `gongkai bench`: the corpus and query files are a contract other engines read; index
//! and search run end to end on a small corpus.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{gongkai, stderr, stdout};

/// The fields of a corpus line, in order.
const FIELDS: [&str; 11] = [
    "id",
    "title",
    "doc_number",
    "index_number",
    "issuer",
    "topic",
    "genre",
    "validity",
    "written_on",
    "published_on",
    "body",
];

/// Writes a corpus of 50 documents with seed 7 into `dir` as `{name}.jsonl` and
/// `{name}.txt`.
fn corpus(dir: &Path, name: &str) -> (PathBuf, PathBuf) {
    let docs = dir.join(format!("{name}.jsonl"));
    let queries = dir.join(format!("{name}.txt"));
    let output = gongkai(
        &dir.join("unused"),
        &[
            "bench",
            "corpus",
            "--docs",
            "50",
            "--seed",
            "7",
            "--out",
            docs.to_str().unwrap(),
            "--queries",
            queries.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("50 件文件"), "{}", stdout(&output));
    (docs, queries)
}

#[test]
fn the_same_seed_writes_the_same_files() {
    let dir = tempfile::tempdir().unwrap();
    let (docs_a, queries_a) = corpus(dir.path(), "a");
    let (docs_b, queries_b) = corpus(dir.path(), "b");
    let read = |p: &Path| std::fs::read(p).unwrap();
    assert_eq!(read(&docs_a), read(&docs_b));
    assert_eq!(read(&queries_a), read(&queries_b));
}

#[test]
fn every_corpus_line_has_exactly_the_contract_fields_and_unique_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let (docs, _) = corpus(dir.path(), "c");
    let text = std::fs::read_to_string(docs).unwrap();
    let mut doc_numbers = HashSet::new();
    let mut ids = HashSet::new();
    for line in text.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        let object = value.as_object().unwrap();
        let keys: Vec<&str> = object.keys().map(String::as_str).collect();
        assert_eq!(keys.len(), FIELDS.len(), "{line}");
        for field in FIELDS {
            assert!(object.contains_key(field), "{field} missing in {line}");
        }
        assert!(ids.insert(object["id"].as_i64().unwrap()));
        let number = object["doc_number"].as_str().unwrap().to_string();
        assert!(doc_numbers.insert(number.clone()), "{number} twice");
        let validity = object["validity"].as_str().unwrap();
        assert!(["valid", "expired", "repealed", "amended"].contains(&validity));
        let body = object["body"].as_str().unwrap();
        assert!((1_024..=6_144).contains(&body.len()), "{}", body.len());
    }
    assert_eq!(ids.len(), 50);
}

#[test]
fn the_query_file_mixes_words_numbers_in_every_bracket_filters_and_sorts() {
    let dir = tempfile::tempdir().unwrap();
    let (_, queries) = corpus(dir.path(), "q");
    let text = std::fs::read_to_string(queries).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 200);
    for (open, close) in [
        ("〔", "〕"),
        ("﹝", "﹞"),
        ("[", "]"),
        ("(", ")"),
        ("（", "）"),
        ("【", "】"),
        ("［", "］"),
    ] {
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("q=") && l.contains(open) && l.contains(close)),
            "no 发文字号 in {open}{close}"
        );
    }
    let has = |part: &str| lines.iter().any(|l| l.contains(part));
    assert!(has("%20[") || has("%20〔"), "no 发文字号 with spaces");
    assert!(has("/20"), "no 索引号");
    assert!(
        lines.iter().any(|l| l.starts_with("issuer=")),
        "no filter-only query"
    );
    assert!(has("&validity=valid") && has("&year=") && has("sort=newest"));
}

#[test]
fn a_small_corpus_is_indexed_and_searched_with_percentiles_reported() {
    let dir = tempfile::tempdir().unwrap();
    let (docs, queries) = corpus(dir.path(), "s");
    let data = dir.path().join("data");
    let output = gongkai(&data, &["bench", "index", "--docs", docs.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).starts_with("已索引 50 件文件"),
        "{}",
        stdout(&output)
    );

    let args = [
        "bench",
        "search",
        "--queries",
        queries.to_str().unwrap(),
        "--runs",
        "1",
    ];
    let output = gongkai(&data, &args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("索引 50 件文件；查询 200 条"), "{out}");
    let header: Vec<&str> = lines[1].split_whitespace().collect();
    assert_eq!(
        header,
        [
            "mode",
            "p50_ms",
            "p90_ms",
            "p99_ms",
            "max_ms",
            "queries_per_s"
        ]
    );
    for (line, mode) in lines[2..4].iter().zip(["facets", "no_facets"]) {
        let columns: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(columns.len(), 6, "{line}");
        assert_eq!(columns[0], mode);
        for figure in &columns[1..] {
            figure.parse::<f64>().unwrap();
        }
    }

    let mut args = args.to_vec();
    args.push("--no-facets");
    let out = stdout(&gongkai(&data, &args));
    assert!(out.lines().any(|l| l.starts_with("no_facets ")), "{out}");
    assert!(!out.lines().any(|l| l.starts_with("facets ")), "{out}");
}

#[test]
fn unreadable_or_malformed_input_files_exit_with_code_2_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let (docs, queries) = corpus(dir.path(), "e");
    let data = dir.path().join("data");
    let missing = dir.path().join("missing.jsonl");
    let bad_docs = dir.path().join("bad.jsonl");
    std::fs::write(&bad_docs, "{\"id\": 1}\n").unwrap();
    let bad_queries = dir.path().join("bad.txt");
    std::fs::write(&bad_queries, "q=政务公开\nyear=明年\n").unwrap();
    let path = |p: &Path| p.to_str().unwrap().to_string();
    // In this order: a failed `bench index` leaves an empty index behind.
    let cases: [(&str, &str, String, &str); 5] = [
        ("search", "--queries", path(&queries), "没有检索索引"),
        ("search", "--queries", path(&missing), "无法读取"),
        ("index", "--docs", path(&missing), "无法读取"),
        ("index", "--docs", path(&bad_docs), "第 1 行"),
        ("index", "--docs", path(dir.path()), "无法读取"),
    ];
    for (command, option, file, message) in cases {
        let all = ["bench", command, option, file.as_str()];
        let output = gongkai(&data, &all);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{all:?}: {}",
            stderr(&output)
        );
        assert!(stderr(&output).starts_with("错误："), "{all:?}");
        assert!(
            stderr(&output).contains(message),
            "{all:?}: {}",
            stderr(&output)
        );
    }
    let output = gongkai(&data, &["bench", "index", "--docs", &path(&docs)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let output = gongkai(
        &data,
        &["bench", "search", "--queries", &path(&bad_queries)],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("第 2 行：年份"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn bench_index_refuses_a_platform_data_directory() {
    let dir = tempfile::tempdir().unwrap();
    let (docs, _) = corpus(dir.path(), "p");
    let data = dir.path().join("platform");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("gongkai.toml"), "").unwrap();
    let output = gongkai(&data, &["bench", "index", "--docs", docs.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("gongkai.toml"),
        "{}",
        stderr(&output)
    );
    assert!(!data.join("index").exists());
}

#[test]
fn bench_extract_times_the_seeds_in_process_and_counts_their_tasks() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/seeds");
    let mut files: Vec<String> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .filter(|p| p.ends_with(".txt"))
        .collect();
    files.sort();
    let mut args = vec!["bench", "extract", "--rounds", "1"];
    args.extend(files.iter().map(String::as_str));
    let output = gongkai(dir.path(), &args);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    // 54 + 23 + 52 + 68 + 12 tasks, as the hand-written ledgers count them.
    assert!(
        text.contains("文件 5 个") && text.contains("任务 209 项"),
        "{text}"
    );
    assert!(text.contains("MB/s：中位数"), "{text}");

    let refused = gongkai(dir.path(), &["bench", "extract", "plan.doc"]);
    assert_eq!(refused.status.code(), Some(2));
}
