//! Batches, sequence numbers and reopening from disk.

use gongkai_search::{Change, SearchIndex};

use crate::helpers::*;

#[test]
fn a_new_index_has_applied_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open(&dir.path().join("index")).unwrap();
    assert_eq!(index.last_applied().unwrap(), 0);
    assert_eq!(index.num_docs().unwrap(), 0);
}

#[test]
fn applied_batches_and_their_sequence_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index");
    {
        let index = SearchIndex::open(&path).unwrap();
        index
            .apply(seeds().into_iter().map(Change::Upsert).collect(), 41)
            .unwrap();
        assert_eq!(index.last_applied().unwrap(), 41);
    }
    let index = SearchIndex::open(&path).unwrap();
    assert_eq!(index.last_applied().unwrap(), 41);
    assert_eq!(index.num_docs().unwrap(), 5);
    assert_eq!(search(&index, "渝中府办[2022]24号").hits[0].id, 3);
}

#[test]
fn reapplying_a_batch_never_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index");
    let batch = || seeds().into_iter().map(Change::Upsert).collect::<Vec<_>>();
    {
        let index = SearchIndex::open(&path).unwrap();
        index.apply(batch(), 5).unwrap();
        index.apply(batch(), 5).unwrap();
    }
    let index = SearchIndex::open(&path).unwrap();
    index.apply(batch(), 5).unwrap();
    assert_eq!(index.num_docs().unwrap(), 5);
    assert_eq!(search(&index, "政务公开").total, 5);
}

#[test]
fn an_upsert_replaces_and_a_delete_removes() {
    let index = index_of(seeds());
    let mut changed = doc(3, "关于调整渝中区工作安排的通知", "另行安排。");
    changed.doc_number = "渝中府办〔2022〕24号".to_string();
    index
        .apply(
            vec![
                Change::Upsert(changed),
                Change::Delete(5),
                Change::Delete(99),
            ],
            2,
        )
        .unwrap();
    assert_eq!(index.num_docs().unwrap(), 4);
    assert_eq!(index.last_applied().unwrap(), 2);
    assert!(!ids(&search(&index, "政务公开")).contains(&3));
    assert_eq!(search(&index, "六提六促").total, 0);
    assert_eq!(
        search(&index, "渝中府办〔2022〕24号").hits[0].title,
        "关于调整渝中区工作安排的通知"
    );
}

#[test]
fn the_last_change_of_one_id_in_a_batch_wins() {
    let index = SearchIndex::in_memory().unwrap();
    index
        .apply(
            vec![
                Change::Upsert(doc(1, "初稿", "正文")),
                Change::Upsert(doc(1, "定稿", "正文")),
                Change::Upsert(doc(2, "另一份", "正文")),
                Change::Delete(2),
            ],
            3,
        )
        .unwrap();
    assert_eq!(index.num_docs().unwrap(), 1);
    assert_eq!(search(&index, "").hits[0].title, "定稿");
}

#[test]
fn an_empty_batch_still_advances_the_sequence() {
    let index = index_of(seeds());
    index.apply(Vec::new(), 9).unwrap();
    assert_eq!(index.last_applied().unwrap(), 9);
    assert_eq!(index.num_docs().unwrap(), 5);
}

#[test]
fn clear_removes_everything_and_resets_the_sequence() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index");
    {
        let index = SearchIndex::open(&path).unwrap();
        index
            .apply(seeds().into_iter().map(Change::Upsert).collect(), 12)
            .unwrap();
        index.clear().unwrap();
        assert_eq!(index.num_docs().unwrap(), 0);
    }
    let index = SearchIndex::open(&path).unwrap();
    assert_eq!(index.last_applied().unwrap(), 0);
    assert_eq!(index.num_docs().unwrap(), 0);
    assert_eq!(search(&index, "").total, 0);
}
