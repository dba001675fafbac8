//! Matching quality of the policy Q&A library on the questions of `fixtures/qa`: the
//! share of in-scope questions whose entry is among the three matches, and the share
//! of out-of-scope questions that get no match. The dev set is for tuning; the test
//! set is held out (fixtures/qa/README.md).
//!
//! `cargo test -p gongkai-search --test qa_matching -- --nocapture` prints the figures.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use gongkai_search::qa::{BUILTIN_LEXICON, Lexicon, QaIndex, QaText};
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/qa")
        .join(name)
}

fn entries() -> Vec<QaText> {
    let mut reader = csv::Reader::from_path(fixture("entries.csv")).unwrap();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            QaText {
                code: r[0].to_string(),
                question: r[1].to_string(),
                answer: r[2].to_string(),
                topic: r[3].to_string(),
            }
        })
        .collect()
}

/// Questions and the code of the entry that answers each (`None`: out of scope).
fn questions(name: &str) -> Vec<(String, Option<String>)> {
    std::fs::read_to_string(fixture(name))
        .unwrap()
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let (q, code) = l.rsplit_once('\t').unwrap();
            (q.to_string(), (code != "-").then(|| code.to_string()))
        })
        .collect()
}

/// Top-3 hit rate on in-scope questions and no-match rate on out-of-scope ones.
fn rates(index: &QaIndex, set: &str) -> (f64, f64) {
    let (mut hits, mut inside, mut silent, mut outside) = (0, 0, 0, 0);
    for (question, expected) in questions(set) {
        let found = index.matches(&question, 3).unwrap();
        match expected {
            Some(code) => {
                inside += 1;
                if found.iter().any(|m| m.code == code) {
                    hits += 1;
                } else if std::env::var("QA_SHOW").is_ok() {
                    println!("miss {code}: {question} → {found:?}");
                }
            }
            None => {
                outside += 1;
                if found.is_empty() {
                    silent += 1;
                } else if std::env::var("QA_SHOW").is_ok() {
                    println!("false {question} → {found:?}");
                }
            }
        }
    }
    (
        f64::from(hits) / f64::from(inside),
        f64::from(silent) / f64::from(outside),
    )
}

#[test]
fn colloquial_questions_find_their_entry_and_out_of_scope_ones_find_none() {
    let index = QaIndex::build(&entries(), Lexicon::parse(BUILTIN_LEXICON).unwrap()).unwrap();
    for set in ["questions-dev.tsv", "questions-test.tsv"] {
        let (top3, none) = rates(&index, set);
        println!("{set}: top-3 hit rate {top3:.3}, no-match rate out of scope {none:.3}");
        assert!(top3 >= 0.85, "{set}: top-3 hit rate {top3:.3}");
        assert!(none >= 0.8, "{set}: no-match rate {none:.3}");
    }
}
