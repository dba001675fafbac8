//! No query string makes a search fail or panic.

use gongkai_search::Sort;

use crate::helpers::*;

const ODD: [&str; 24] = [
    "\"",
    "\"政务公开",
    "((((",
    ")",
    "+-:(){}[]^\"~*?\\/",
    "title:政务公开",
    "政务公开 AND OR NOT",
    "*",
    "?",
    "~2",
    "^3",
    "a:b:c",
    "[2020 TO 2022]",
    "{}",
    "\\",
    "/regex/",
    "\u{0}",
    "\u{202e}规范\u{200b}性文件",
    "〔〕（）【】﹝﹞",
    "渝中府办〔",
    "〔2022〕24号",
    "115000005567784755/",
    "😀🚀 emoji",
    "𠀀𠀁",
];

/// Deterministic pseudo-random strings over a mix of ASCII syntax, Chinese and spaces.
fn random_queries(count: usize) -> Vec<String> {
    let alphabet: Vec<char> =
        "+-:(){}[]^\"~*?\\/ !&|<>.,;'政务公开规范性文件〔〕号2024 \tAZaz0\u{3000}"
            .chars()
            .collect();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    (0..count)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 24) as usize;
            (0..len)
                .map(|i| {
                    let mixed = state.rotate_left(i as u32 * 5) ^ (i as u64).wrapping_mul(0x9e37);
                    alphabet[(mixed % alphabet.len() as u64) as usize]
                })
                .collect()
        })
        .collect()
}

#[test]
fn odd_and_random_queries_never_fail() {
    let index = index_of(seeds());
    let long = "政务公开".repeat(2000);
    let queries = ODD
        .iter()
        .map(|q| q.to_string())
        .chain(random_queries(300))
        .chain([long]);
    for q in queries {
        for sort in [Sort::Relevance, Sort::Newest] {
            let mut search = query(&q);
            search.sort = sort;
            let results = index.search(&search);
            assert!(results.is_ok(), "query {q:?}: {results:?}");
        }
    }
}

#[test]
fn syntax_characters_are_plain_punctuation() {
    let index = index_of(seeds());
    for q in [
        "+六提六促",
        "六提六促~2",
        "(六提六促)",
        "\"六提六促\"",
        "六提六促^3",
        "+六提六促 -政务公开",
    ] {
        assert_eq!(ids(&search(&index, q)), [5], "query {q}");
    }
    assert_eq!(search(&index, "+-:(){}[]^\"~*?\\/").total, 0);
}
