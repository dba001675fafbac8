//! Pages of results.

use gongkai_search::SearchQuery;

use crate::helpers::*;

fn many(n: i64) -> gongkai_search::SearchIndex {
    index_of(
        (1..=n)
            .map(|id| doc(id, &format!("第{id}号通知"), "推进政务公开工作。"))
            .collect(),
    )
}

fn page(q: &str, page: u32, per_page: u32) -> SearchQuery {
    SearchQuery {
        page,
        per_page,
        ..query(q)
    }
}

#[test]
fn pages_partition_the_results_and_total_counts_all_matches() {
    let index = many(45);
    let mut seen = Vec::new();
    for number in 1..=3 {
        let results = index.search(&page("政务公开", number, 20)).unwrap();
        assert_eq!(results.total, 45);
        seen.extend(ids(&results));
    }
    seen.sort_unstable();
    assert_eq!(seen, (1..=45).collect::<Vec<i64>>());
    let fourth = index.search(&page("政务公开", 4, 20)).unwrap();
    assert!(fourth.hits.is_empty());
    assert_eq!(fourth.total, 45);
    assert_eq!(fourth.facets.validity[0].count, 45);
}

#[test]
fn page_zero_is_page_one_and_page_sizes_default_and_cap() {
    let index = many(130);
    let first = index.search(&page("", 1, 0)).unwrap();
    assert_eq!(first.hits.len(), 20);
    assert_eq!(ids(&index.search(&page("", 0, 0)).unwrap()), ids(&first));
    assert_eq!(index.search(&page("", 1, 1000)).unwrap().hits.len(), 100);
    assert_eq!(index.search(&page("", 2, 100)).unwrap().hits.len(), 30);
}

#[test]
fn a_page_far_beyond_the_end_is_empty() {
    let index = many(3);
    let results = index.search(&page("政务公开", u32::MAX, u32::MAX)).unwrap();
    assert!(results.hits.is_empty());
    assert_eq!(results.total, 3);
}
