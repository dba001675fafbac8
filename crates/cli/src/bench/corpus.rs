//! Synthetic documents made of real text, the same for the same seed.
//!
//! A document gets an issuer (early ones of [`ISSUERS`] more often), a year (recent
//! years more often), a 发文字号 unique in the corpus (per issuer and year the serials
//! rise), a 索引号 `{prefix}/{year}-{serial:05}` of the library's own format, a topic, a
//! genre that fits its title, a validity (older documents have lapsed more often) and a
//! body of 1–6 KB: the heading lines of a real notice around runs of real sentences.

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate};
use gongkai_domain::index_number::IndexNumber;
use gongkai_domain::topic::STANDARD_TOPICS;
use gongkai_domain::validity::Validity;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};

use super::record::Record;
use super::texts::{self, ISSUERS, SUBJECTS, TITLES};

/// Years of the corpus.
const FIRST_YEAR: i32 = 2015;
const LAST_YEAR: i32 = 2024;

/// Bounds of a body's length in bytes (UTF-8; a Chinese character takes 3).
const MIN_BODY_BYTES: usize = 1_024;
const MAX_BODY_BYTES: usize = 6_144;

/// Sentences too long for the room left that are passed over before a body is closed.
const MAX_MISSES: usize = 8;

/// Chance that the next sentence comes from elsewhere rather than following the last.
const JUMP: f64 = 0.25;

/// Share of documents under the most common topic.
const MAIN_TOPIC_SHARE: f64 = 0.4;

/// Brackets of the year in a 发文字号 as issued, with their weights: mostly the standard
/// 〔〕, some ﹝﹞ and [] as portals print them.
const ISSUED_BRACKETS: [((char, char), u32); 3] =
    [(('〔', '〕'), 17), (('﹝', '﹞'), 2), (('[', ']'), 1)];

/// What a query needs to know of a document it targets.
#[derive(Debug, Clone)]
pub struct Sample {
    pub issuer: &'static str,
    /// 发文机关代字, year and serial of its 发文字号.
    pub code: &'static str,
    pub year: i32,
    pub serial: u32,
    pub index_number: String,
    pub topic: String,
    pub genre: String,
    pub published_year: i32,
}

/// Makes documents one after the other.
pub struct Generator {
    rng: StdRng,
    pieces: Vec<&'static str>,
    salutations: Vec<&'static str>,
    /// Last 发文字号 serial per (issuer, year).
    doc_serials: HashMap<(usize, i32), u32>,
    /// Last 索引号 serial per (issuer, year).
    index_serials: HashMap<(usize, i32), u32>,
}

impl Generator {
    pub fn new(seed: u64) -> Generator {
        Generator {
            rng: StdRng::seed_from_u64(seed),
            pieces: texts::pieces(),
            salutations: texts::salutations(),
            doc_serials: HashMap::new(),
            index_serials: HashMap::new(),
        }
    }

    /// The random source, for what follows the documents (the queries).
    pub fn rng(&mut self) -> &mut StdRng {
        &mut self.rng
    }

    /// The real sentences bodies are made of.
    pub fn pieces(&self) -> &[&'static str] {
        &self.pieces
    }

    /// The next document, and what a query needs to find it.
    pub fn document(&mut self, id: i64) -> (Record, Sample) {
        let issuer_at = skewed(&mut self.rng, ISSUERS.len());
        let issuer = &ISSUERS[issuer_at];
        let year = LAST_YEAR - skewed(&mut self.rng, (LAST_YEAR - FIRST_YEAR + 1) as usize) as i32;
        let written_on =
            NaiveDate::from_yo_opt(year, self.rng.random_range(1..=365)).unwrap_or_default();
        let published_on = written_on
            .checked_add_days(Days::new(self.rng.random_range(0..=20)))
            .unwrap_or(written_on);
        let serial = next_serial(&mut self.doc_serials, (issuer_at, year), &mut self.rng);
        let published_year = published_on.year();
        let index_serial = next_serial(
            &mut self.index_serials,
            (issuer_at, published_year),
            &mut self.rng,
        );
        let index_number = index_number(issuer_at, published_year, index_serial);
        let (title, genre) = self.title(issuer_at, year);
        let doc_number = self.doc_number(issuer.code, year, serial);
        let body = self.body(&doc_number, issuer.name, &title, written_on);
        let record = Record {
            id,
            title,
            doc_number,
            index_number: index_number.clone(),
            issuer: issuer.name.to_string(),
            topic: self.topic(),
            genre: genre.to_string(),
            validity: self.validity(year),
            written_on,
            published_on,
            body,
        };
        let sample = Sample {
            issuer: issuer.name,
            code: issuer.code,
            year,
            serial,
            index_number,
            topic: record.topic.clone(),
            genre: record.genre.clone(),
            published_year,
        };
        (record, sample)
    }

    fn doc_number(&mut self, code: &str, year: i32, serial: u32) -> String {
        let total: u32 = ISSUED_BRACKETS.iter().map(|(_, weight)| weight).sum();
        let mut roll = self.rng.random_range(0..total);
        let mut brackets = ('〔', '〕');
        for (pair, weight) in ISSUED_BRACKETS {
            if roll < weight {
                brackets = pair;
                break;
            }
            roll -= weight;
        }
        format!("{code}{}{year}{}{serial}号", brackets.0, brackets.1)
    }

    /// A title of a real pattern and the genre it implies.
    fn title(&mut self, issuer_at: usize, year: i32) -> (String, &'static str) {
        let issuer = &ISSUERS[issuer_at];
        let (pattern, genre) = TITLES.choose(&mut self.rng).copied().unwrap_or(TITLES[0]);
        let subject = SUBJECTS
            .choose(&mut self.rng)
            .copied()
            .unwrap_or(SUBJECTS[0]);
        let title = pattern
            .replace("{place}", issuer.place)
            .replace("{issuer}", issuer.name)
            .replace("{year}", &year.to_string())
            .replace("{subject}", subject);
        (title, genre)
    }

    fn topic(&mut self) -> String {
        if self.rng.random_bool(MAIN_TOPIC_SHARE) {
            return "综合政务".to_string();
        }
        let (name, _) = STANDARD_TOPICS
            .choose(&mut self.rng)
            .copied()
            .unwrap_or(STANDARD_TOPICS[0]);
        name.to_string()
    }

    /// Mostly valid; the older the document, the likelier it has lapsed or been amended.
    fn validity(&mut self, year: i32) -> Validity {
        let changed = 0.02 + 0.04 * f64::from(LAST_YEAR - year);
        if !self.rng.random_bool(changed.min(1.0)) {
            return Validity::Valid;
        }
        match self.rng.random_range(0..10) {
            0..5 => Validity::Expired,
            5..8 => Validity::Repealed,
            _ => Validity::Amended,
        }
    }

    /// Heading lines, runs of real sentences up to a random length, closing lines.
    fn body(
        &mut self,
        doc_number: &str,
        issuer: &str,
        title: &str,
        written_on: NaiveDate,
    ) -> String {
        let target = self.rng.random_range(MIN_BODY_BYTES..=MAX_BODY_BYTES);
        let salutation = self
            .salutations
            .choose(&mut self.rng)
            .copied()
            .unwrap_or_default();
        let (year, month, day) = (written_on.year(), written_on.month(), written_on.day());
        let closing = format!("{issuer}\n{year}年{month}月{day}日\n（此件公开发布）");
        let mut body = format!("{doc_number}\n{issuer}\n\n{title}\n\n{salutation}\n");
        let count = self.pieces.len().max(1);
        let mut at = self.rng.random_range(0..count);
        let mut misses = 0;
        while body.len() + closing.len() < target && misses < MAX_MISSES {
            at = if self.rng.random_bool(JUMP) {
                self.rng.random_range(0..count)
            } else {
                (at + 1) % count
            };
            let Some(piece) = self.pieces.get(at) else {
                break;
            };
            if body.len() + piece.len() + 1 + closing.len() > MAX_BODY_BYTES {
                misses += 1;
                continue;
            }
            body.push_str(piece);
            body.push('\n');
        }
        body.push_str(&closing);
        body
    }
}

/// An index in `0..len`, small ones more often (about a Zipf-like spread).
fn skewed(rng: &mut StdRng, len: usize) -> usize {
    let at = (len as f64 * rng.random::<f64>().powf(1.6)) as usize;
    at.min(len.saturating_sub(1))
}

/// The next serial of a sequence, with the small gaps real registers have.
fn next_serial(
    serials: &mut HashMap<(usize, i32), u32>,
    key: (usize, i32),
    rng: &mut StdRng,
) -> u32 {
    let serial = serials.entry(key).or_insert(0);
    *serial += rng.random_range(1..=2);
    *serial
}

/// The library's 索引号 of a document: `{prefix}/{year}-{serial:05}`.
fn index_number(issuer_at: usize, year: i32, serial: u32) -> String {
    let prefix = texts::index_prefix(issuer_at);
    IndexNumber::generate(&prefix, year, serial)
        .map(|number| number.as_str().to_string())
        .unwrap_or_else(|_| format!("{prefix}/{year}-{serial:05}"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use gongkai_domain::doc_number::DocNumber;
    use std::collections::HashSet;

    #[test]
    fn documents_are_plausible_and_numbers_unique() {
        let mut generator = Generator::new(3);
        let mut numbers = HashSet::new();
        let mut index_numbers = HashSet::new();
        for id in 1..=2_000 {
            let (doc, sample) = generator.document(id);
            let number = DocNumber::parse(&doc.doc_number).unwrap();
            assert_eq!(
                (number.issuer_code(), number.year(), number.serial()),
                (sample.code, Some(sample.year), sample.serial)
            );
            assert!(numbers.insert(number.normalized()), "{}", doc.doc_number);
            assert!(
                index_numbers.insert(doc.index_number.clone()),
                "{}",
                doc.index_number
            );
            assert!(IndexNumber::parse(&doc.index_number).is_ok());
            assert!(
                (MIN_BODY_BYTES / 2..=MAX_BODY_BYTES).contains(&doc.body.len()),
                "{}",
                doc.body.len()
            );
            assert!(doc.published_on >= doc.written_on);
            assert!(gongkai_domain::topic::STANDARD_GENRES.contains(&doc.genre.as_str()));
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_documents() {
        let (mut a, mut b) = (Generator::new(9), Generator::new(9));
        for id in 1..=50 {
            assert_eq!(a.document(id).0, b.document(id).0);
        }
        assert_ne!(
            Generator::new(10).document(1).0,
            Generator::new(9).document(1).0
        );
    }
}
