//! Crash between staging and commit, simulated with the writer's test hook.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use gongkai_domain::validity::Validity;

use super::*;
use crate::IndexedDocument;

fn doc(id: i64, title: &str) -> IndexedDocument {
    IndexedDocument {
        id,
        title: title.to_string(),
        body: format!("{title}，推进政务公开。"),
        doc_number: String::new(),
        index_number: String::new(),
        issuer: "区政府办公室".to_string(),
        topic: String::new(),
        genre: String::new(),
        validity: Validity::Valid,
        published_on: None,
    }
}

#[test]
fn a_batch_staged_but_not_committed_is_lost_whole_and_reapplies_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    {
        let index = SearchIndex::open(dir.path()).unwrap();
        index
            .apply(vec![Change::Upsert(doc(1, "第一份文件"))], 5)
            .unwrap();
        let batch = vec![
            Change::Upsert(doc(2, "第二份文件")),
            Change::Upsert(doc(1, "第一份文件（修订）")),
        ];
        index.stage_without_commit(batch).unwrap();
        // The process dies here: the index is dropped with the batch uncommitted.
    }
    let index = SearchIndex::open(dir.path()).unwrap();
    assert_eq!(index.last_applied().unwrap(), 5);
    assert_eq!(index.num_docs().unwrap(), 1);

    // The follower re-applies everything after 5, twice for good measure.
    for _ in 0..2 {
        let batch = vec![
            Change::Upsert(doc(2, "第二份文件")),
            Change::Upsert(doc(1, "第一份文件（修订）")),
        ];
        index.apply(batch, 7).unwrap();
        assert_eq!(index.last_applied().unwrap(), 7);
        assert_eq!(index.num_docs().unwrap(), 2);
    }
    let results = index
        .search(&SearchQuery {
            q: "修订".to_string(),
            ..SearchQuery::default()
        })
        .unwrap();
    assert_eq!(results.total, 1);
    assert_eq!(results.hits[0].id, 1);
}

#[test]
fn staged_changes_are_invisible_until_a_commit() {
    let index = SearchIndex::in_memory().unwrap();
    index
        .stage_without_commit(vec![Change::Upsert(doc(1, "文件"))])
        .unwrap();
    assert_eq!(index.num_docs().unwrap(), 0);
    assert_eq!(index.last_applied().unwrap(), 0);
}

#[test]
fn in_a_batch_larger_than_a_group_the_last_change_of_an_id_wins() {
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    let mut batch: Vec<Change> = (1..=3 * GROUP as i64)
        .map(|id| Change::Upsert(doc(id, "普通文件")))
        .collect();
    // Id 1 again in the last group, id 2 deleted there: both land in other groups than
    // their first version, possibly on the other indexing thread.
    batch.push(Change::Upsert(doc(1, "最终版本")));
    batch.push(Change::Delete(2));
    index.apply(batch, 3).unwrap();
    assert_eq!(index.num_docs().unwrap(), 3 * GROUP as u64 - 1);
    let results = index
        .search(&SearchQuery {
            q: "最终版本".to_string(),
            ..SearchQuery::default()
        })
        .unwrap();
    assert_eq!(results.total, 1);
    assert_eq!(results.hits[0].id, 1);
    let all = index.search(&SearchQuery::default()).unwrap();
    assert_eq!(all.facets.validity[0].count, 3 * GROUP as u64 - 1);
}
