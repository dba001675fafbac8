//! 发文字号 and 索引号 found exactly, whatever the visitor typed.

use gongkai_search::IndexedDocument;

use crate::helpers::*;

/// The seeds plus documents citing 渝中府办〔2022〕24号 in their title and body, so that
/// words alone would rank them above the numbered document.
fn citing_documents() -> Vec<IndexedDocument> {
    let mut docs = seeds();
    for id in [11, 12] {
        docs.push(doc(
            id,
            "关于落实渝中府办〔2022〕24号文件的通知",
            "根据渝中府办〔2022〕24号要求，按照渝中府办〔2022〕24号的分工，现通知如下。",
        ));
    }
    docs
}

#[test]
fn a_doc_number_in_any_bracket_variant_or_spacing_finds_its_document_first() {
    let index = index_of(citing_documents());
    for q in [
        "渝中府办〔2022〕24号",
        "渝中府办[2022]24号",
        "渝中府办（2022）24号",
        "渝中府办﹝2022﹞24号",
        "渝中府办 〔2022〕 24号",
        "渝中府办【2022】024号",
        "  渝中府办(2022)24号  ",
    ] {
        let results = search(&index, q);
        assert_eq!(results.hits.first().map(|h| h.id), Some(3), "query {q}");
        let rest = &ids(&results)[1..];
        assert!(
            rest.contains(&11) && rest.contains(&12),
            "query {q}: {rest:?}"
        );
    }
}

#[test]
fn a_doc_number_stored_in_another_variant_is_found_by_the_canonical_one() {
    // Seed 1's number was imported with ﹝﹞ brackets.
    let index = index_of(citing_documents());
    assert_eq!(search(&index, "渝两江管办发〔2020〕74号").hits[0].id, 1);
    assert_eq!(
        search(&index, "渝两江管办发〔2020〕74号").hits[0].doc_number,
        "渝两江管办发﹝2020﹞74号"
    );
}

#[test]
fn an_index_number_finds_its_document_first() {
    let mut docs = citing_documents();
    docs.push(doc(
        13,
        "转发通知",
        "见索引号115000005567784755/2020-01891的文件。",
    ));
    let index = index_of(docs);
    for q in [
        "115000005567784755/2020-01891",
        " 115000005567784755/2020-01891 ",
        "11500103009336528x/2022-00024",
    ] {
        let first = search(&index, q).hits.first().map(|h| h.id);
        let expected = if q.contains("01891") { 1 } else { 3 };
        assert_eq!(first, Some(expected), "query {q}");
    }
}

#[test]
fn a_lapsed_numbered_document_still_comes_first() {
    let mut docs = citing_documents();
    docs[2].validity = gongkai_domain::validity::Validity::Repealed;
    let index = index_of(docs);
    assert_eq!(search(&index, "渝中府办[2022]24号").hits[0].id, 3);
}

#[test]
fn an_unknown_doc_number_gets_no_exact_match() {
    let index = index_of(citing_documents());
    let results = search(&index, "渝中府办〔2022〕99号");
    assert!(results.hits.iter().all(|h| h.score < 1000.0));
}
