//! From a visitor's [`SearchQuery`] to a tantivy query.
//!
//! The query is built from jieba words, never handed to tantivy's query parser, so no
//! input is syntax: `+-:(){}[]^"~*?\/` are punctuation like any other and no string can
//! make a search fail. The parts:
//!
//! * **words** — every word of the query must match (AND), in the title or the body, the
//!   title weighing [`TITLE_BOOST`] times more. A word matches either as indexed whole or
//!   through all of its dictionary parts (规范性 = 规范 + 范性), because a document's
//!   context may have segmented it differently than the query alone. Adjacent
//!   single characters — an unknown word such as 六提六促, which jieba leaves in
//!   characters — must stand together in the text (a phrase), else 六, 提 and 促 anywhere
//!   in a long document would match.
//! * **exact numbers** — when the whole query is a 发文字号 (any bracket variant or
//!   spacing) or looks like a 索引号, the canonical key is looked up in its raw field, with a
//!   constant score of [`EXACT_SCORE`] so that the numbered document comes first; it is
//!   OR-ed with the words of the canonical number, so documents citing it follow.
//! * **filters** — issuer, topic, genre, year and validity are exact terms that restrict
//!   without scoring.
//!
//! An empty query matches every document; a query of punctuation only matches none.

use gongkai_domain::doc_number::DocNumber;
use gongkai_domain::index_number::IndexNumber;
use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};

use crate::SearchQuery;
use crate::schema::{self, Fields};
use crate::tokenizer::{self, Word};

/// How much more a word in the title counts than the same word in the body.
pub const TITLE_BOOST: f32 = 3.0;

/// Score of an exact 发文字号 or 索引号 match, far above any word score.
pub const EXACT_SCORE: f32 = 1000.0;

/// The whole query: text and exact numbers, restricted by the filters.
pub fn build(fields: &Fields, search: &SearchQuery) -> Box<dyn Query> {
    let text = text_query(fields, &search.q);
    let filters = filters(fields, search);
    if filters.is_empty() {
        return text;
    }
    let mut clauses = vec![(Occur::Must, text)];
    clauses.extend(filters.into_iter().map(|filter| (Occur::Must, filter)));
    Box::new(BooleanQuery::new(clauses))
}

/// The scored part: words OR exact numbers; everything when `q` is blank.
pub fn text_query(fields: &Fields, q: &str) -> Box<dyn Query> {
    let q = q.trim();
    if q.is_empty() {
        return Box::new(AllQuery);
    }
    let mut alternatives = Vec::new();
    // A doc number is searched in its canonical spelling: 024 and 24 are one serial.
    let words_text = match DocNumber::parse(q) {
        Ok(number) => {
            let canonical = number.normalized();
            alternatives.push(exact(fields.doc_number_key, &canonical));
            canonical
        }
        Err(_) => q.to_string(),
    };
    if IndexNumber::parse(q).is_ok()
        && let Some(key) = schema::index_number_key(q)
    {
        alternatives.push(exact(fields.index_number_key, &key));
    }
    if let Some(words) = words_query(fields, &words_text) {
        alternatives.push(words);
    }
    match alternatives.len() {
        0 => Box::new(EmptyQuery),
        1 => alternatives.remove(0),
        _ => Box::new(BooleanQuery::union(alternatives)),
    }
}

fn exact(field: Field, key: &str) -> Box<dyn Query> {
    let term = TermQuery::new(Term::from_field_text(field, key), IndexRecordOption::Basic);
    Box::new(ConstScoreQuery::new(Box::new(term), EXACT_SCORE))
}

/// What must match for one part of the query.
#[derive(Debug, PartialEq)]
enum Group {
    /// A word, whole or by its dictionary parts.
    Word(String),
    /// Adjacent single characters, as a phrase.
    Chars(Vec<String>),
}

/// Every group must match, in the title or the body; `None` if `q` has no words.
fn words_query(fields: &Fields, q: &str) -> Option<Box<dyn Query>> {
    let groups = groups(tokenizer::words(q));
    if groups.is_empty() {
        return None;
    }
    let clauses = groups
        .iter()
        .map(|group| {
            let (title, body) = match group {
                Group::Word(word) => {
                    let parts = tokenizer::parts(word);
                    (
                        word_in(fields.title, word, &parts),
                        word_in(fields.body, word, &parts),
                    )
                }
                Group::Chars(chars) => {
                    (chars_in(fields.title, chars), chars_in(fields.body, chars))
                }
            };
            let title: Box<dyn Query> = Box::new(BoostQuery::new(title, TITLE_BOOST));
            let either: Box<dyn Query> = Box::new(BooleanQuery::union(vec![title, body]));
            (Occur::Must, either)
        })
        .collect();
    Some(Box::new(BooleanQuery::new(clauses)))
}

/// Words grouped: runs of adjacent single characters together, duplicates dropped.
fn groups(words: Vec<Word>) -> Vec<Group> {
    let mut runs: Vec<Vec<Word>> = Vec::new();
    for word in words {
        match runs.last_mut() {
            Some(run)
                if word.is_single_char()
                    && run
                        .last()
                        .is_some_and(|prev| prev.is_single_char() && prev.end == word.start) =>
            {
                run.push(word);
            }
            _ => runs.push(vec![word]),
        }
    }
    let mut groups: Vec<Group> = Vec::with_capacity(runs.len());
    for mut run in runs {
        let group = if run.len() == 1 {
            Group::Word(run.remove(0).text)
        } else {
            Group::Chars(run.into_iter().map(|w| w.text).collect())
        };
        if !groups.contains(&group) {
            groups.push(group);
        }
    }
    groups
}

/// Characters that must stand together, in one field (at least two of them).
fn chars_in(field: Field, chars: &[String]) -> Box<dyn Query> {
    let terms = chars
        .iter()
        .enumerate()
        .map(|(offset, c)| (offset, Term::from_field_text(field, c)))
        .collect();
    Box::new(PhraseQuery::new_with_offset(terms))
}

/// One word in one field: the word itself, or all of its dictionary parts.
fn word_in(field: Field, word: &str, parts: &[String]) -> Box<dyn Query> {
    let whole = term(field, word);
    if parts.is_empty() {
        return whole;
    }
    let all_parts = BooleanQuery::intersection(parts.iter().map(|p| term(field, p)).collect());
    Box::new(BooleanQuery::union(vec![whole, Box::new(all_parts)]))
}

fn term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

/// Exact-term restrictions that do not change scores.
fn filters(fields: &Fields, search: &SearchQuery) -> Vec<Box<dyn Query>> {
    let mut terms = Vec::new();
    for (field, value) in [
        (fields.issuer, &search.issuer),
        (fields.topic, &search.topic),
        (fields.genre, &search.genre),
    ] {
        if let Some(value) = value {
            terms.push(Term::from_field_text(field, value.trim()));
        }
    }
    if let Some(year) = search.year {
        terms.push(Term::from_field_u64(fields.year, schema::year_value(year)));
    }
    if let Some(validity) = search.validity {
        let ord = schema::validity_ord(validity);
        terms.push(Term::from_field_u64(fields.validity, ord));
    }
    terms.into_iter().map(unscored).collect()
}

fn unscored(term: Term) -> Box<dyn Query> {
    let query = TermQuery::new(term, IndexRecordOption::Basic);
    Box::new(ConstScoreQuery::new(Box::new(query), 0.0))
}
