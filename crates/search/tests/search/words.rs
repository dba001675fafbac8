//! Word queries over jieba-segmented titles and bodies.

use crate::helpers::*;

#[test]
fn a_word_query_finds_exactly_the_seeds_whose_text_contains_the_word() {
    let seeds = seeds();
    let index = index_of(seeds.clone());
    for word in [
        "规范性文件",
        "政务公开",
        "政策解读",
        "工作要点",
        "新冠肺炎",
        "六提六促",
        "信息公开",
    ] {
        let mut expected: Vec<i64> = seeds
            .iter()
            .filter(|d| d.title.contains(word) || d.body.contains(word))
            .map(|d| d.id)
            .collect();
        let results = search(&index, word);
        let mut found = ids(&results);
        found.sort_unstable();
        expected.sort_unstable();
        assert_eq!(found, expected, "query {word}");
        assert_eq!(results.total, expected.len() as u64, "query {word}");
    }
}

#[test]
fn every_word_of_a_sentence_must_match() {
    let index = index_of(seeds());
    // Only seed 5 is about the 六提六促 campaign; only seeds 1, 2 and 5 mention 新冠肺炎.
    assert_eq!(ids(&search(&index, "六提六促 新冠肺炎")), [5]);
    assert_eq!(search(&index, "新冠肺炎疫情防控").total, 3);
    assert_eq!(search(&index, "沙井街办 六提六促").total, 0);
}

#[test]
fn a_word_segmented_differently_in_context_is_still_found() {
    // In running text jieba may cut 行政规范性文件库 into other pieces than the query alone.
    let index = index_of(vec![
        doc(1, "通知", "建立健全统一的区级行政规范性文件库。"),
        doc(2, "通知", "规范管理各类文件。"),
    ]);
    assert_eq!(ids(&search(&index, "规范性文件")), [1]);
    assert_eq!(ids(&search(&index, "行政规范性文件")), [1]);
}

#[test]
fn title_matches_weigh_more_than_body_matches() {
    for order in [[1, 2], [2, 1]] {
        let docs = [
            doc(
                1,
                "关于政务公开的通知",
                "为做好有关工作，现将事项通知如下。",
            ),
            doc(
                2,
                "关于有关工作的通知",
                "为做好政务公开，现将事项通知如下。",
            ),
        ];
        let index = index_of(order.iter().map(|i| docs[i - 1].clone()).collect());
        assert_eq!(
            ids(&search(&index, "政务公开")),
            [1, 2],
            "insertion order {order:?}"
        );
    }
}

#[test]
fn latin_letters_match_in_any_case_and_width() {
    let index = index_of(vec![doc(1, "关于开展PDF文件归档的通知", "正文")]);
    for q in ["pdf", "PDF", "ＰＤＦ"] {
        assert_eq!(ids(&search(&index, q)), [1], "query {q}");
    }
}

#[test]
fn an_empty_query_matches_every_document() {
    let index = index_of(seeds());
    for q in ["", "   ", "\u{3000}"] {
        assert_eq!(search(&index, q).total, 5, "query {q:?}");
    }
}

#[test]
fn the_characters_of_an_unknown_word_must_stand_together() {
    let index = index_of(vec![
        doc(1, "通知", "开展政务公开“六提六促”专项行动。"),
        doc(2, "通知", "第六条 提高质量，促进发展，六项任务。"),
    ]);
    assert_eq!(ids(&search(&index, "六提六促")), [1]);
    assert_eq!(ids(&search(&index, "“六提六促”专项行动")), [1]);
}
