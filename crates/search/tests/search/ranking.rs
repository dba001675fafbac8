//! Relevance with validity, and newest first.

use gongkai_domain::validity::Validity;
use gongkai_search::{IndexedDocument, Sort};

use crate::helpers::*;

fn twin(id: i64, validity: Validity) -> IndexedDocument {
    let mut d = doc(
        id,
        "关于加强规范性文件管理的通知",
        "各部门要做好规范性文件的制定、备案和清理工作。",
    );
    d.validity = validity;
    d
}

#[test]
fn of_two_equally_relevant_documents_the_one_in_force_ranks_first() {
    for lapsed in [Validity::Expired, Validity::Repealed] {
        for in_force in [Validity::Valid, Validity::Amended] {
            for docs in [
                vec![twin(1, in_force), twin(2, lapsed)],
                vec![twin(2, lapsed), twin(1, in_force)],
                vec![twin(2, in_force), twin(1, lapsed)],
            ] {
                let first = docs.iter().find(|d| d.validity == in_force).unwrap().id;
                let index = index_of(docs);
                let results = search(&index, "规范性文件");
                assert_eq!(results.hits[0].id, first, "{in_force:?} vs {lapsed:?}");
                assert_eq!(results.hits[0].validity, in_force);
                assert!(results.hits[0].score > results.hits[1].score);
            }
        }
    }
}

#[test]
fn newest_sorts_by_publication_date_with_undated_documents_last() {
    let mut docs = seeds();
    docs.push(doc(6, "关于政务公开的补充通知", "政务公开"));
    let index = index_of(docs);
    let mut q = query("政务公开");
    q.sort = Sort::Newest;
    let results = index.search(&q).unwrap();
    // 2022-06-17, 2022-04-01, 2020-09-17, 2020-07-06, 2019-08-08, none.
    assert_eq!(ids(&results), [3, 2, 1, 5, 4, 6]);
    assert_eq!(results.hits[0].published_on, Some(date("2022-06-17")));
    assert_eq!(results.hits[5].published_on, None);
}

#[test]
fn hits_carry_the_stored_metadata() {
    let index = index_of(seeds());
    let hit = search(&index, "渝中府办〔2022〕24号").hits.remove(0);
    assert_eq!(hit.id, 3);
    assert_eq!(
        hit.title,
        "关于印发渝中区2022年政务公开工作要点任务分工的通知"
    );
    assert_eq!(hit.doc_number, "渝中府办〔2022〕24号");
    assert_eq!(hit.index_number, "11500103009336528X/2022-00024");
    assert_eq!(hit.issuer, "渝中区人民政府办公室");
    assert_eq!(hit.published_on, Some(date("2022-06-17")));
    assert_eq!(hit.validity, Validity::Valid);
}
