//! The hand-written expected ledgers of the five seeds (`fixtures/ledgers/`): every
//! task of every seed with its units and deadline. Each expected task must be found
//! (its text starts with `text_start`, one extracted task per expected task) with the
//! right fields, and no task may be extracted that the ledger does not list.
//!
//! Prints per seed: tasks expected, extracted and matched (found with every field
//! right), precision = matched / extracted and recall = matched / expected
//! (`cargo test -p gongkai-extract --test extract ledgers -- --nocapture`).

use gongkai_extract::{Ledger, SourceKind, Task, extract_workplan_from};
use serde_json::Value;

use crate::fixture;

const SEEDS: [&str; 5] = ["000", "001", "002", "003", "004"];

/// Differences the extractor is known to get wrong, as (seed, `text_start` of the
/// expected task, reason). A listed task may be missing or have wrong fields; any other
/// difference fails the test, and so does a listed miss that no longer happens.
const KNOWN_MISSES: &[(&str, &str, &str)] = &[];

fn expected(seed: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/ledgers")
        .join(format!("{seed}.json"));
    let text = std::fs::read_to_string(&path).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

/// The figures of one seed and the differences found.
struct Outcome {
    expected: usize,
    extracted: usize,
    matched: usize,
    /// (`text_start` of the expected task or `None` for an extra task, description).
    problems: Vec<(Option<String>, String)>,
}

/// The fields of `got` that differ from the expected task `want`.
fn wrong_fields(got: &Task, want: &Value) -> Vec<&'static str> {
    let deadline = want["deadline"].as_str().map(str::to_owned);
    [
        ("lead", got.lead_units == strings(&want["lead_units"])),
        (
            "responsible",
            got.responsible_units == strings(&want["responsible_units"]),
        ),
        ("deadline", got.deadline == deadline),
        ("ongoing", Some(got.ongoing) == want["ongoing"].as_bool()),
    ]
    .into_iter()
    .filter(|(_, right)| !right)
    .map(|(name, _)| name)
    .collect()
}

/// The index of the one extracted task, not yet taken, whose text starts with `start`.
fn find(ledger: &Ledger, taken: &[bool], start: &str) -> Result<usize, String> {
    let start = compact(start);
    let hits: Vec<usize> = (0..ledger.tasks.len())
        .filter(|&i| !taken[i] && compact(&ledger.tasks[i].text).starts_with(&start))
        .collect();
    match hits.as_slice() {
        [one] => Ok(*one),
        [] => Err("missing".into()),
        _ => Err(format!("ambiguous: {} tasks start so", hits.len())),
    }
}

fn check(seed: &str) -> Outcome {
    let want = expected(seed);
    let name = want["seed"].as_str().unwrap();
    let ledger = extract_workplan_from(&fixture(name), SourceKind::Text).unwrap();
    let mut problems = Vec::new();
    if want["year"].as_i64() != ledger.year.map(i64::from) {
        problems.push((None, format!("year {:?}", ledger.year)));
    }
    let tasks = want["tasks"].as_array().unwrap();
    assert_eq!(
        want["tasks_total"].as_u64(),
        Some(tasks.len() as u64),
        "{seed}: tasks_total"
    );
    let mut taken = vec![false; ledger.tasks.len()];
    let mut matched = 0;
    for t in tasks {
        let start = t["text_start"].as_str().unwrap();
        match find(&ledger, &taken, start) {
            Err(why) => problems.push((Some(start.to_owned()), why)),
            Ok(i) => {
                taken[i] = true;
                let got = &ledger.tasks[i];
                let wrong = wrong_fields(got, t);
                if wrong.is_empty() {
                    matched += 1;
                } else {
                    problems.push((Some(start.to_owned()), format!("wrong {wrong:?}: {got:?}")));
                }
            }
        }
    }
    for (task, _) in ledger.tasks.iter().zip(&taken).filter(|(_, t)| !**t) {
        problems.push((None, format!("extra task {:?}", task.text)));
    }
    Outcome {
        expected: tasks.len(),
        extracted: ledger.tasks.len(),
        matched,
        problems,
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

#[test]
fn every_seed_ledger_matches_its_hand_written_expectation() {
    let mut failures = Vec::new();
    let mut known_seen = Vec::new();
    println!("| seed | expected | extracted | matched | precision | recall |");
    println!("|---|---|---|---|---|---|");
    for seed in SEEDS {
        let outcome = check(seed);
        println!(
            "| {seed} | {} | {} | {} | {:.2} | {:.2} |",
            outcome.expected,
            outcome.extracted,
            outcome.matched,
            ratio(outcome.matched, outcome.extracted),
            ratio(outcome.matched, outcome.expected),
        );
        for (start, problem) in outcome.problems {
            let known = start.as_deref().and_then(|s| {
                KNOWN_MISSES
                    .iter()
                    .position(|(k_seed, k_start, _)| *k_seed == seed && *k_start == s)
            });
            match known {
                Some(k) => known_seen.push(k),
                None => failures.push(format!("{seed}: [{}] {problem}", start.unwrap_or_default())),
            }
        }
    }
    for (k, (seed, start, _)) in KNOWN_MISSES.iter().enumerate() {
        if !known_seen.contains(&k) {
            failures.push(format!(
                "{seed}: [{start}] is listed as a known miss but now matches"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_text_that_is_no_work_plan_gives_no_tasks() {
    for text in [
        "",
        "今天天气很好。",
        "关于召开会议的通知\n请各单位准时参加。",
    ] {
        let ledger = extract_workplan_from(text.as_bytes(), SourceKind::Text).unwrap();
        assert!(ledger.tasks.is_empty(), "{text}");
    }
}
