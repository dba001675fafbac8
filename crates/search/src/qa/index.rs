//! The index a question is matched against: the entries' questions, answers and topics
//! in tantivy (jieba segmentation, BM25), brought to official terms by the
//! [`Lexicon`](super::Lexicon) first.
//!
//! A question's words are looked for in each entry's question, answer and topic, and
//! its characters in the entry's question; entries are ranked by BM25. A match's score
//! is that raw score brought into (0, 1) by the library's own scale — the median score
//! of an entry against its own question scores one half — so that a threshold means
//! the same in a small library and a large one. The best entry is offered only from
//! [`MIN_SCORE`] up, the next ones only when not far behind it; otherwise the answer is
//! "no match" rather than an unrelated entry.

use super::lexicon::Lexicon;
use crate::Result;
use crate::tokenizer::{JiebaTokenizer, TOKENIZER_NAME, search_terms};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::{Index, IndexReader, TantivyDocument, Term, doc};

/// The lowest score of the best entry for it to be offered: below it, the answer is
/// "no match" (set on the development questions of `fixtures/qa`).
pub const MIN_SCORE: f32 = 0.20;
/// Entries after the best are offered while their raw score is at least this share of
/// the best one's: a distant second is not a match.
const TAIL: f32 = 0.5;
/// How much a word counts in each field: an entry's answer carries more of the
/// everyday vocabulary than its question; the characters field only rescues words
/// segmented otherwise.
const QUESTION_WEIGHT: f32 = 1.0;
const ANSWER_WEIGHT: f32 = 1.5;
const TOPIC_WEIGHT: f32 = 1.0;
const CHAR_WEIGHT: f32 = 0.3;
/// Candidates read from tantivy.
const CANDIDATES: usize = 20;

/// An entry as matching reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QaText {
    pub code: String,
    pub question: String,
    pub answer: String,
    pub topic: String,
}

/// An entry that answers a question, with its score in (0, 1].
#[derive(Debug, Clone, PartialEq)]
pub struct QaMatch {
    pub code: String,
    pub score: f32,
}

struct Fields {
    code: Field,
    question: Field,
    answer: Field,
    topic: Field,
    /// The question's characters one by one: a word segmented otherwise in the
    /// question and the entry (交税, 缴纳税款) still meets on its characters.
    chars: Field,
}

/// The tokenizer of the characters field: the text is the characters separated by
/// spaces.
const CHARS_TOKENIZER: &str = "chars";

/// The Chinese characters of a text, each once, separated by spaces.
fn chars_of(text: &str) -> String {
    let mut seen = Vec::new();
    for c in text
        .chars()
        .filter(|c| c.is_alphanumeric() && !c.is_ascii())
    {
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    seen.iter()
        .map(char::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The entries, indexed for matching.
pub struct QaIndex {
    reader: IndexReader,
    fields: Fields,
    lexicon: Lexicon,
    /// The median score of an entry against its own question: what a full match
    /// scores in this library, the unit of [`QaMatch::score`].
    scale: f32,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER_NAME)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let fields = Fields {
        code: builder.add_text_field("code", STRING | STORED),
        question: builder.add_text_field("question", text.clone()),
        answer: builder.add_text_field("answer", text.clone()),
        topic: builder.add_text_field("topic", text),
        chars: builder.add_text_field(
            "chars",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(CHARS_TOKENIZER)
                    .set_index_option(IndexRecordOption::WithFreqs),
            ),
        ),
    };
    (builder.build(), fields)
}

impl QaIndex {
    /// Indexes `entries` in memory.
    pub fn build(entries: &[QaText], lexicon: Lexicon) -> Result<QaIndex> {
        let (schema, fields) = schema();
        let index = Index::create_in_ram(schema);
        index.tokenizers().register(TOKENIZER_NAME, JiebaTokenizer);
        index.tokenizers().register(
            CHARS_TOKENIZER,
            tantivy::tokenizer::WhitespaceTokenizer::default(),
        );
        let mut writer = index.writer_with_num_threads(1, 15_000_000)?;
        for e in entries {
            writer.add_document(doc!(
                fields.code => e.code.clone(),
                fields.question => lexicon.officialise(&e.question),
                fields.answer => lexicon.officialise(&e.answer),
                fields.topic => e.topic.clone(),
                fields.chars => chars_of(&lexicon.officialise(&e.question)),
            ))?;
        }
        writer.commit()?;
        let reader = index.reader()?;
        let mut built = QaIndex {
            reader,
            fields,
            lexicon,
            scale: 1.0,
        };
        let mut own = Vec::with_capacity(entries.len());
        for e in entries {
            let score = built
                .scored(&e.question)?
                .into_iter()
                .find(|(code, _)| *code == e.code)
                .map_or(0.0, |(_, score)| score);
            own.push(score);
        }
        own.sort_by(f32::total_cmp);
        built.scale = own
            .get(own.len() / 2)
            .copied()
            .filter(|s| *s > 0.0)
            .unwrap_or(1.0);
        Ok(built)
    }

    /// The query of a text: each of its words (in official terms) in the question,
    /// the answer and the topic, any of them.
    fn query(&self, text: &str) -> BooleanQuery {
        let official = self.lexicon.officialise(text);
        let mut terms: Vec<String> = search_terms(&official)
            .into_iter()
            .map(|t| self.lexicon.single(&t).map_or(t, str::to_string))
            .collect();
        terms.sort_unstable();
        terms.dedup();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for term in &terms {
            for (field, boost) in [
                (self.fields.question, QUESTION_WEIGHT),
                (self.fields.answer, ANSWER_WEIGHT),
                (self.fields.topic, TOPIC_WEIGHT),
            ] {
                let query = TermQuery::new(
                    Term::from_field_text(field, term),
                    IndexRecordOption::WithFreqs,
                );
                clauses.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(Box::new(query), boost)),
                ));
            }
        }
        for c in chars_of(&official).split(' ').filter(|c| !c.is_empty()) {
            let query = TermQuery::new(
                Term::from_field_text(self.fields.chars, c),
                IndexRecordOption::WithFreqs,
            );
            clauses.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(query), CHAR_WEIGHT)),
            ));
        }
        BooleanQuery::new(clauses)
    }

    /// The raw BM25 scores of the best candidates for `text`, best first.
    fn scored(&self, text: &str) -> Result<Vec<(String, f32)>> {
        let searcher = self.reader.searcher();
        let top = searcher.search(
            &self.query(text),
            &TopDocs::with_limit(CANDIDATES).order_by_score(),
        )?;
        let mut scored = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            if let Some(code) = doc.get_first(self.fields.code).and_then(|v| v.as_str()) {
                scored.push((code.to_string(), score));
            }
        }
        Ok(scored)
    }

    /// The `top` entries that answer `question` best, best first; empty when the best
    /// does not reach [`MIN_SCORE`].
    pub fn matches(&self, question: &str, top: usize) -> Result<Vec<QaMatch>> {
        let scored = self.scored(question)?;
        let Some(best) = scored.first().map(|(_, raw)| *raw) else {
            return Ok(Vec::new());
        };
        if self.score(best) < MIN_SCORE {
            return Ok(Vec::new());
        }
        Ok(scored
            .into_iter()
            .take_while(|(_, raw)| *raw >= TAIL * best)
            .take(top)
            .map(|(code, raw)| QaMatch {
                score: self.score(raw),
                code,
            })
            .collect())
    }

    /// A raw BM25 score in (0, 1): the median entry against its own question scores
    /// one half.
    fn score(&self, raw: f32) -> f32 {
        raw / (raw + self.scale)
    }
}
