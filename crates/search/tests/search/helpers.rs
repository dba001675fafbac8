//! Documents and indexes for the tests.

use chrono::NaiveDate;
use gongkai_domain::validity::Validity;
use gongkai_search::{Change, IndexedDocument, SearchIndex, SearchQuery, SearchResults};

/// (file text, [title, doc number, index number, issuer, topic, genre, published on]).
type Seed = (&'static str, [&'static str; 7]);

/// The five seed documents. Metadata missing from a page (002's index number, 001's
/// date) is made up for the tests.
const SEEDS: [Seed; 5] = [
    (
        include_str!("../../../../fixtures/seeds/000_3335da6467c3606d.txt"),
        [
            "重庆两江新区管理委员会办公室关于印发2020年两江新区政务公开工作要点任务分工的通知",
            "渝两江管办发﹝2020﹞74号",
            "115000005567784755/2020-01891",
            "两江新区管委会",
            "行政事务",
            "其他公文",
            "2020-09-17",
        ],
    ),
    (
        include_str!("../../../../fixtures/seeds/001_6b141d89c3fcc9de.txt"),
        [
            "2022年红谷滩区政务公开工作要点",
            "",
            "",
            "红谷滩区人民政府办公室",
            "行政事务",
            "工作要点",
            "2022-04-01",
        ],
    ),
    (
        include_str!("../../../../fixtures/seeds/002_cc9e57af21d3afad.txt"),
        [
            "关于印发渝中区2022年政务公开工作要点任务分工的通知",
            "渝中府办〔2022〕24号",
            "11500103009336528X/2022-00024",
            "渝中区人民政府办公室",
            "行政事务",
            "其他公文",
            "2022-06-17",
        ],
    ),
    (
        include_str!("../../../../fixtures/seeds/003_d83b70daa609b1f7.txt"),
        [
            "关于印发德庆县2019年政务公开工作要点分工方案的通知",
            "",
            "",
            "德庆县人民政府办公室",
            "政务公开",
            "其他公文",
            "2019-08-08",
        ],
    ),
    (
        include_str!("../../../../fixtures/seeds/004_2f6965311e0af134.txt"),
        [
            "关于开展政务公开“六提六促”专项行动的通知",
            "",
            "",
            "江北产业集中区管委会",
            "政务公开",
            "通知",
            "2020-07-06",
        ],
    ),
];

/// The seed documents with ids 1..=5.
pub fn seeds() -> Vec<IndexedDocument> {
    SEEDS
        .iter()
        .zip(1..)
        .map(
            |((body, [title, number, index_number, issuer, topic, genre, on]), id)| {
                IndexedDocument {
                    id,
                    title: title.to_string(),
                    body: body.to_string(),
                    doc_number: number.to_string(),
                    index_number: index_number.to_string(),
                    issuer: issuer.to_string(),
                    topic: topic.to_string(),
                    genre: genre.to_string(),
                    validity: Validity::Valid,
                    published_on: Some(date(on)),
                }
            },
        )
        .collect()
}

/// A small document with everything optional left empty.
pub fn doc(id: i64, title: &str, body: &str) -> IndexedDocument {
    IndexedDocument {
        id,
        title: title.to_string(),
        body: body.to_string(),
        doc_number: String::new(),
        index_number: String::new(),
        issuer: "区政府办公室".to_string(),
        topic: String::new(),
        genre: String::new(),
        validity: Validity::Valid,
        published_on: None,
    }
}

pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// An in-memory index holding `docs`, committed as batch 1.
pub fn index_of(docs: Vec<IndexedDocument>) -> SearchIndex {
    let index = SearchIndex::in_memory().unwrap();
    index
        .apply(docs.into_iter().map(Change::Upsert).collect(), 1)
        .unwrap();
    index
}

/// Searches `q` with defaults otherwise.
pub fn search(index: &SearchIndex, q: &str) -> SearchResults {
    index.search(&query(q)).unwrap()
}

pub fn query(q: &str) -> SearchQuery {
    SearchQuery {
        q: q.to_string(),
        ..SearchQuery::default()
    }
}

/// The ids of the hits, in order.
pub fn ids(results: &SearchResults) -> Vec<i64> {
    results.hits.iter().map(|h| h.id).collect()
}
