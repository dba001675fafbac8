//! The hand-written expected ledgers of the five seeds (`fixtures/ledgers/`): every
//! listed task is found with its units and deadline. Prints recall per seed, and
//! precision where the seed's task count was counted by hand.

use gongkai_extract::{Ledger, SourceKind, Task, extract_workplan_from};
use serde_json::Value;

use crate::fixture;

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

fn find<'a>(ledger: &'a Ledger, start: &str) -> Option<&'a Task> {
    let start = compact(start);
    ledger
        .tasks
        .iter()
        .find(|t| compact(&t.text).starts_with(&start))
}

/// Checks one seed; returns the mismatches.
fn check(seed: &str) -> Vec<String> {
    let want = expected(seed);
    let name = want["seed"].as_str().unwrap();
    let ledger = extract_workplan_from(&fixture(name), SourceKind::Text).unwrap();
    let mut problems = Vec::new();
    if let Some(year) = want["year"].as_i64()
        && ledger.year.map(i64::from) != Some(year)
    {
        problems.push(format!("year {:?}", ledger.year));
    }
    let tasks = want["tasks"].as_array().unwrap();
    let mut correct = 0;
    for t in tasks {
        let start = t["text_start"].as_str().unwrap();
        let Some(got) = find(&ledger, start) else {
            problems.push(format!("missing [{start}]"));
            continue;
        };
        let deadline = t["deadline"].as_str().map(str::to_owned);
        let fields = [
            ("lead", got.lead_units == strings(&t["lead_units"])),
            (
                "responsible",
                got.responsible_units == strings(&t["responsible_units"]),
            ),
            ("deadline", got.deadline == deadline),
            ("ongoing", Some(got.ongoing) == t["ongoing"].as_bool()),
        ];
        let wrong: Vec<&str> = fields.iter().filter(|f| !f.1).map(|f| f.0).collect();
        if wrong.is_empty() {
            correct += 1;
        } else {
            problems.push(format!("[{start}] wrong {wrong:?}: {got:?}"));
        }
    }
    let precision = want["tasks_total"]
        .as_u64()
        .map(|total| {
            format!(
                "{:.2}",
                total.min(ledger.tasks.len() as u64) as f64 / ledger.tasks.len().max(1) as f64
            )
        })
        .unwrap_or_else(|| "n/a".into());
    println!(
        "seed {seed}: listed {} correct {correct} recall {:.2} extracted {} precision {precision}",
        tasks.len(),
        correct as f64 / tasks.len() as f64,
        ledger.tasks.len()
    );
    problems
}

#[test]
fn every_seed_ledger_matches_its_hand_written_expectation() {
    let mut problems = Vec::new();
    for seed in ["000", "001", "002", "003", "004"] {
        problems.extend(check(seed).into_iter().map(|p| format!("{seed}: {p}")));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
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
