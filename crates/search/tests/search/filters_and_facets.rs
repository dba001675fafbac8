//! Exact filters and facet counts that agree with them.

use gongkai_domain::validity::Validity;
use gongkai_search::{FacetCount, Facets, IndexedDocument, SearchQuery, Sort};

use crate::helpers::*;

/// The seeds with varied validity, plus one document without topic, genre or date.
fn library() -> Vec<IndexedDocument> {
    let mut docs = seeds();
    docs[1].validity = Validity::Expired;
    docs[3].validity = Validity::Repealed;
    docs[4].validity = Validity::Amended;
    docs.push(doc(6, "关于政务公开的补充通知", "推进规范性文件集中公开。"));
    docs
}

/// Every filter a facet value stands for, applied to `base`.
fn filtered(base: &SearchQuery, facet: &str, value: &str) -> SearchQuery {
    let mut query = base.clone();
    match facet {
        "issuer" => query.issuer = Some(value.to_string()),
        "topic" => query.topic = Some(value.to_string()),
        "genre" => query.genre = Some(value.to_string()),
        "year" => query.year = Some(value.parse().unwrap()),
        "validity" => query.validity = Some(Validity::parse(value).unwrap()),
        other => panic!("unknown facet {other}"),
    }
    query
}

#[test]
fn each_facet_count_equals_the_total_of_its_filter() {
    let index = index_of(library());
    for q in ["", "政务公开", "规范性文件", "新冠肺炎"] {
        let base = query(q);
        let facets = index.search(&base).unwrap().facets;
        let groups: [(&str, &Vec<FacetCount>); 5] = [
            ("issuer", &facets.issuer),
            ("topic", &facets.topic),
            ("genre", &facets.genre),
            ("year", &facets.year),
            ("validity", &facets.validity),
        ];
        for (facet, counts) in groups {
            assert!(!counts.is_empty(), "query {q:?}: no {facet} facet");
            for count in counts {
                let total = index
                    .search(&filtered(&base, facet, &count.value))
                    .unwrap()
                    .total;
                assert_eq!(total, count.count, "query {q:?}, {facet} = {}", count.value);
            }
        }
    }
}

#[test]
fn facets_count_every_match_and_use_validity_codes() {
    let index = index_of(library());
    let facets = search(&index, "").facets;
    let pairs = |counts: &[FacetCount]| -> Vec<(String, u64)> {
        counts.iter().map(|c| (c.value.clone(), c.count)).collect()
    };
    assert_eq!(
        pairs(&facets.year),
        [
            ("2020".to_string(), 2),
            ("2022".to_string(), 2),
            ("2019".to_string(), 1)
        ]
    );
    assert_eq!(
        pairs(&facets.validity),
        [
            ("valid".to_string(), 3),
            ("amended".to_string(), 1),
            ("expired".to_string(), 1),
            ("repealed".to_string(), 1)
        ]
    );
    // Document 6 has no topic: the topic counts add up to 5, not 6.
    assert_eq!(facets.topic.iter().map(|c| c.count).sum::<u64>(), 5);
}

#[test]
fn filters_combine_with_the_text_query() {
    let index = index_of(library());
    let mut q = query("政务公开");
    q.topic = Some("政务公开".to_string());
    q.year = Some(2020);
    assert_eq!(ids(&index.search(&q).unwrap()), [5]);
    q.validity = Some(Validity::Valid);
    assert_eq!(index.search(&q).unwrap().total, 0);
}

#[test]
fn filters_are_exact_terms() {
    let index = index_of(library());
    let mut q = query("");
    q.issuer = Some("渝中区".to_string());
    assert_eq!(index.search(&q).unwrap().total, 0);
    q.issuer = Some("渝中区人民政府办公室".to_string());
    assert_eq!(ids(&index.search(&q).unwrap()), [3]);
    q.issuer = None;
    q.year = Some(1900);
    assert_eq!(index.search(&q).unwrap().total, 0);
}

#[test]
fn a_search_without_facets_has_the_same_total_and_hits_and_no_counts() {
    let index = index_of(library());
    let mut cases = vec![query(""), query("政务公开"), query("渝中府办[2022]24号")];
    let mut page_two = query("");
    page_two.page = 2;
    page_two.per_page = 2;
    let mut newest = query("政务公开");
    newest.sort = Sort::Newest;
    newest.validity = Some(Validity::Valid);
    let mut past_the_end = query("");
    past_the_end.page = 99;
    cases.extend([page_two, newest, past_the_end]);
    for q in cases {
        let full = index.search(&q).unwrap();
        let bare = index.search_without_facets(&q).unwrap();
        assert_eq!((bare.total, &bare.hits), (full.total, &full.hits), "{q:?}");
        assert_eq!(bare.facets, Facets::default(), "{q:?}");
    }
}
