//! One line of the corpus file: a document as JSON, the format other engines read.
//!
//! Field names and their order are a contract (docs/benchmarks.md): id, title,
//! doc_number, index_number, issuer, topic, genre, validity (a code of
//! [`Validity`]), written_on, published_on (ISO dates), body (plain text).

use chrono::NaiveDate;
use gongkai_domain::validity::Validity;
use gongkai_search::IndexedDocument;
use serde::{Deserialize, Serialize};

/// One document of the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub id: i64,
    pub title: String,
    pub doc_number: String,
    pub index_number: String,
    pub issuer: String,
    pub topic: String,
    pub genre: String,
    /// `valid`, `expired`, `repealed` or `amended`.
    pub validity: Validity,
    pub written_on: NaiveDate,
    pub published_on: NaiveDate,
    pub body: String,
}

impl Record {
    /// The document as the search index takes it (the index has no 成文日期).
    pub fn into_indexed(self) -> IndexedDocument {
        IndexedDocument {
            id: self.id,
            title: self.title,
            body: self.body,
            doc_number: self.doc_number,
            index_number: self.index_number,
            issuer: self.issuer,
            topic: self.topic,
            genre: self.genre,
            validity: self.validity,
            published_on: Some(self.published_on),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn a_record_is_one_json_line_with_the_contract_fields_in_order() {
        let record = Record {
            id: 7,
            title: "关于印发渝中区2022年政务公开工作要点的通知".to_string(),
            doc_number: "渝中府办〔2022〕24号".to_string(),
            index_number: "11500103MB0001000X/2022-00024".to_string(),
            issuer: "渝中区人民政府办公室".to_string(),
            topic: "综合政务".to_string(),
            genre: "通知".to_string(),
            validity: Validity::Expired,
            written_on: NaiveDate::from_ymd_opt(2022, 6, 15).unwrap(),
            published_on: NaiveDate::from_ymd_opt(2022, 6, 17).unwrap(),
            body: "第一段。\n第二段。".to_string(),
        };
        let line = serde_json::to_string(&record).unwrap();
        assert!(!line.contains('\n'));
        assert!(line.starts_with(r#"{"id":7,"title":"关于印发"#), "{line}");
        assert!(line.contains(r#""validity":"expired","written_on":"2022-06-15""#));
        let back: Record = serde_json::from_str(&line).unwrap();
        assert_eq!(back, record);
    }
}
