//! The texts kept in `fuzz/regressions/{doc_number,index_number}/`, run as the fuzz
//! targets run them: parsed or refused, never a panic, and what parses shows in a
//! canonical form that parses again to itself.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use gongkai_domain::doc_number::DocNumber;
use gongkai_domain::index_number::IndexNumber;
use std::path::PathBuf;

fn texts(target: &str) -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/regressions")
        .join(target);
    let texts: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|entry| String::from_utf8(std::fs::read(entry.unwrap().path()).unwrap()).ok())
        .collect();
    assert!(!texts.is_empty(), "no inputs in {}", dir.display());
    texts
}

#[test]
fn doc_numbers_parse_to_a_stable_form_or_are_refused() {
    for text in texts("doc_number") {
        if let Ok(number) = DocNumber::parse(&text) {
            let shown = number.to_string();
            assert_eq!(
                DocNumber::parse(&shown).unwrap().to_string(),
                shown,
                "{text:?}"
            );
        }
    }
}

#[test]
fn index_numbers_parse_to_a_stable_form_or_are_refused() {
    for text in texts("index_number") {
        if let Ok(number) = IndexNumber::parse(&text) {
            let shown = number.to_string();
            assert_eq!(
                IndexNumber::parse(&shown).unwrap().to_string(),
                shown,
                "{text:?}"
            );
        }
    }
}
