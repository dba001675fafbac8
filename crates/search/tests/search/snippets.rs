//! Highlighted, escaped snippets.

use crate::helpers::*;

#[test]
fn matches_are_marked_in_the_body_snippet() {
    let index = index_of(seeds());
    let results = search(&index, "六提六促");
    let snippet = &results.hits[0].snippet;
    assert!(snippet.contains("<mark>六提六促</mark>"), "{snippet}");
    assert!(snippet.chars().count() < 300, "{snippet}");
}

#[test]
fn overlapping_tokens_give_one_mark() {
    let index = index_of(vec![doc(1, "通知", "推进规范性文件集中公开。")]);
    let snippet = &search(&index, "规范性文件").hits[0].snippet;
    // The fragment ends with its last word: the final 。 is not a token.
    assert_eq!(snippet, "推进<mark>规范性文件</mark>集中公开");
}

#[test]
fn body_text_is_escaped() {
    let body = "政务公开<script>alert(1)</script> & \"引号\" 'x'";
    let index = index_of(vec![doc(1, "通知", body)]);
    for q in ["政务公开", "alert", ""] {
        let snippet = &search(&index, q).hits[0].snippet;
        assert!(!snippet.contains("<script>"), "query {q:?}: {snippet}");
        assert!(snippet.contains("&lt;script&gt;"), "query {q:?}: {snippet}");
        assert!(
            snippet.contains("&amp; &quot;引号&quot; &#39;x"),
            "query {q:?}: {snippet}"
        );
        let unmarked = snippet.replace("<mark>", "").replace("</mark>", "");
        assert!(!unmarked.contains('<'), "query {q:?}: {snippet}");
    }
}

#[test]
fn without_a_body_match_the_snippet_is_the_start_of_the_body() {
    let index = index_of(vec![doc(
        7,
        "关于政务公开的通知",
        &"各单位：请按时报送材料。".repeat(20),
    )]);
    for q in ["政务公开", ""] {
        let snippet = &search(&index, q).hits[0].snippet;
        assert!(snippet.starts_with("各单位：请按时报送材料。"), "{snippet}");
        assert!(!snippet.contains("<mark>"), "{snippet}");
        assert_eq!(snippet.chars().count(), 121, "{snippet}");
    }
}
