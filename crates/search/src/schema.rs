//! The index's fields and how a document maps onto them.
//!
//! | field              | type | how                                   | for                      |
//! |--------------------|------|---------------------------------------|--------------------------|
//! | `id`               | i64  | indexed, stored, fast                 | upsert/delete by id      |
//! | `title`, `body`    | text | jieba, freqs and positions, stored    | words, snippets          |
//! | `doc_number`       | text | stored only (as written)              | display                  |
//! | `doc_number_key`   | text | raw: canonical 发文字号               | exact match              |
//! | `index_number`     | text | stored only (as written)              | display                  |
//! | `index_number_key` | text | raw: 索引号 compacted, upper-case     | exact match              |
//! | `issuer`, `topic`, `genre` | text | raw, stored, fast             | filters, facets          |
//! | `validity`         | u64  | indexed, stored, fast: position in [`Validity::ALL`] | filter, facet, score |
//! | `year`             | u64  | indexed, fast: year of `published_on` | filter, facet            |
//! | `published_on`     | i64  | stored, fast: days from 0001-01-01 (CE) | sort by newest         |
//!
//! Positions serve one kind of query only: the characters of a word jieba does not know
//! (六提六促), which must stand together (see [`crate::query`]). Empty strings are not
//! indexed, so a document without a topic counts in no topic facet.

use chrono::{Datelike, NaiveDate};
use gongkai_domain::doc_number::DocNumber;
use gongkai_domain::validity::Validity;
use tantivy::TantivyDocument;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use crate::IndexedDocument;
use crate::tokenizer::TOKENIZER_NAME;

/// Handles of every field of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub id: Field,
    pub title: Field,
    pub body: Field,
    pub doc_number: Field,
    pub doc_number_key: Field,
    pub index_number: Field,
    pub index_number_key: Field,
    pub issuer: Field,
    pub topic: Field,
    pub genre: Field,
    pub validity: Field,
    pub year: Field,
    pub published_on: Field,
}

/// Fast-field names read by collectors.
pub mod names {
    pub const ISSUER: &str = "issuer";
    pub const TOPIC: &str = "topic";
    pub const GENRE: &str = "genre";
    pub const VALIDITY: &str = "validity";
    pub const YEAR: &str = "year";
    pub const PUBLISHED_ON: &str = "published_on";
}

/// Builds the schema and returns it with its field handles.
pub fn build() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let words = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER_NAME)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let stored_only = TextOptions::default().set_stored();
    let fields = Fields {
        id: builder.add_i64_field("id", INDEXED | STORED | FAST),
        title: builder.add_text_field("title", words.clone()),
        body: builder.add_text_field("body", words),
        doc_number: builder.add_text_field("doc_number", stored_only.clone()),
        doc_number_key: builder.add_text_field("doc_number_key", STRING),
        index_number: builder.add_text_field("index_number", stored_only),
        index_number_key: builder.add_text_field("index_number_key", STRING),
        issuer: builder.add_text_field(names::ISSUER, STRING | STORED | FAST),
        topic: builder.add_text_field(names::TOPIC, STRING | STORED | FAST),
        genre: builder.add_text_field(names::GENRE, STRING | STORED | FAST),
        validity: builder.add_u64_field(names::VALIDITY, INDEXED | STORED | FAST),
        year: builder.add_u64_field(names::YEAR, INDEXED | FAST),
        published_on: builder.add_i64_field(names::PUBLISHED_ON, STORED | FAST),
    };
    (builder.build(), fields)
}

/// The tantivy document of `doc`.
pub fn to_document(fields: &Fields, doc: &IndexedDocument) -> TantivyDocument {
    let mut out = TantivyDocument::new();
    out.add_i64(fields.id, doc.id);
    add_text(&mut out, fields.title, &doc.title);
    add_text(&mut out, fields.body, &doc.body);
    add_text(&mut out, fields.doc_number, &doc.doc_number);
    if let Some(key) = doc_number_key(&doc.doc_number) {
        out.add_text(fields.doc_number_key, key);
    }
    add_text(&mut out, fields.index_number, &doc.index_number);
    if let Some(key) = index_number_key(&doc.index_number) {
        out.add_text(fields.index_number_key, key);
    }
    add_text(&mut out, fields.issuer, doc.issuer.trim());
    add_text(&mut out, fields.topic, doc.topic.trim());
    add_text(&mut out, fields.genre, doc.genre.trim());
    out.add_u64(fields.validity, validity_ord(doc.validity));
    if let Some(date) = doc.published_on {
        out.add_u64(fields.year, year_value(date.year()));
        out.add_i64(fields.published_on, date_to_days(date));
    }
    out
}

fn add_text(doc: &mut TantivyDocument, field: Field, text: &str) {
    if !text.is_empty() {
        doc.add_text(field, text);
    }
}

/// The exact-match key of a 发文字号: its canonical form when it parses (any bracket
/// variant, spacing, leading zeros), else the text without whitespace. `None` if blank.
pub fn doc_number_key(text: &str) -> Option<String> {
    match DocNumber::parse(text) {
        Ok(number) => Some(number.normalized()),
        // Not a doc number: an imported oddity is still matched as typed.
        Err(_) => compact(text),
    }
}

/// The exact-match key of a 索引号: without whitespace, ASCII upper-case (the check
/// character of a credit code may be typed in either case). `None` if blank.
pub fn index_number_key(text: &str) -> Option<String> {
    compact(text).map(|key| key.to_ascii_uppercase())
}

fn compact(text: &str) -> Option<String> {
    let key: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    (!key.is_empty()).then_some(key)
}

/// The value of the `validity` field: the position in [`Validity::ALL`].
pub fn validity_ord(validity: Validity) -> u64 {
    Validity::ALL
        .iter()
        .position(|v| *v == validity)
        .map_or(0, |position| position as u64)
}

/// The validity stored as `ord`, if it is one.
pub fn validity_from_ord(ord: u64) -> Option<Validity> {
    usize::try_from(ord)
        .ok()
        .and_then(|index| Validity::ALL.get(index).copied())
}

/// The value of the `year` field; years before the common era do not occur.
pub fn year_value(year: i32) -> u64 {
    u64::try_from(year).unwrap_or(0)
}

/// The value of the `published_on` field.
pub fn date_to_days(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

/// The date stored as `days`, if it is one.
pub fn days_to_date(days: i64) -> Option<NaiveDate> {
    i32::try_from(days)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn doc_number_keys_are_canonical_whatever_was_typed() {
        for typed in [
            "渝中府办〔2022〕24号",
            "渝中府办[2022]24号",
            "渝中府办（2022）24号",
            "渝中府办﹝2022﹞24号",
            "渝中府办 〔2022〕 24号",
            "渝中府办【2022】024号",
        ] {
            assert_eq!(
                doc_number_key(typed).as_deref(),
                Some("渝中府办〔2022〕24号"),
                "{typed}"
            );
        }
        assert_eq!(doc_number_key("  ").as_deref(), None);
        assert_eq!(doc_number_key("内部 文件").as_deref(), Some("内部文件"));
    }

    #[test]
    fn index_number_keys_ignore_spacing_and_case() {
        assert_eq!(
            index_number_key(" 11341702486344515h/202110-00013 ").as_deref(),
            Some("11341702486344515H/202110-00013")
        );
        assert_eq!(index_number_key("").as_deref(), None);
    }

    #[test]
    fn validity_and_dates_round_trip() {
        for validity in Validity::ALL {
            assert_eq!(validity_from_ord(validity_ord(validity)), Some(validity));
        }
        assert_eq!(validity_from_ord(99), None);
        let date = NaiveDate::from_ymd_opt(2022, 3, 1).unwrap();
        assert_eq!(days_to_date(date_to_days(date)), Some(date));
    }
}
