//! The query list: one search per line, as the query string of `GET /api/v1/search`.
//!
//! A line is `name=value&name=value` with the API's parameter names (q, issuer, topic,
//! genre, year, validity, sort, page, per_page). Values are written as they are, Chinese
//! and brackets included, except `% & = + #` and whitespace, which are percent-encoded
//! (UTF-8); a reader decodes the line as `application/x-www-form-urlencoded`. Blank lines
//! and lines starting with `#` are skipped.
//!
//! The generated list mixes, in this order: single words, multi-word phrases and
//! sentence fragments, 发文字号 in every bracket variant and with spaces (some that no
//! document has), 索引号, filters alone, words with filters, and newest-first sorts.

use rand::Rng;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;

use super::corpus::Sample;
use gongkai_app::search::{SearchParams, SearchQuery};

/// Words of the texts (and two the texts lack).
const WORDS: [&str; 40] = [
    "政务公开",
    "规范性文件",
    "政策解读",
    "信息公开",
    "依申请公开",
    "营商环境",
    "放管服",
    "数字政府",
    "政府网站",
    "政务新媒体",
    "重大行政决策",
    "公共资源配置",
    "财政预决算",
    "疫情防控",
    "乡村振兴",
    "就业",
    "社会保障",
    "医疗保障",
    "教育",
    "安全生产",
    "生态环境",
    "双随机",
    "行政许可",
    "行政处罚",
    "12345",
    "便民服务",
    "年度报告",
    "考核",
    "培训",
    "标准化",
    "规范化",
    "减税降费",
    "市场主体",
    "政府开放日",
    "回应关切",
    "六提六促",
    "互联网+政务服务",
    "责任单位",
    "人工智能",
    "碳达峰",
];

/// How many queries of each kind the list has, in order.
const SINGLE_WORDS: usize = 40;
const PHRASES: usize = 15;
const FRAGMENTS: usize = 15;
const DOC_NUMBERS: usize = 40;
const INDEX_NUMBERS: usize = 15;
const FILTERS_ONLY: usize = 25;
const FILTERED_WORDS: usize = 30;
const NEWEST: usize = 20;

/// Number of queries of a generated list.
pub const COUNT: usize = SINGLE_WORDS
    + PHRASES
    + FRAGMENTS
    + DOC_NUMBERS
    + INDEX_NUMBERS
    + FILTERS_ONLY
    + FILTERED_WORDS
    + NEWEST;

/// Every bracket variant of the year in a 发文字号.
const BRACKETS: [(&str, &str); 8] = [
    ("〔", "〕"),
    ("﹝", "﹞"),
    ("[", "]"),
    ("(", ")"),
    ("（", "）"),
    ("【", "】"),
    ("［", "］"),
    ("〖", "〗"),
];

/// Every `n`th 发文字号 query names a document that does not exist.
const MISSING_EVERY: usize = 10;

/// The query list for a corpus whose documents include `samples`.
pub fn generate(rng: &mut StdRng, samples: &[Sample], pieces: &[&str]) -> Vec<String> {
    let mut lines = Vec::with_capacity(COUNT);
    let Some(first) = samples.first() else {
        return lines;
    };
    let sample = |rng: &mut StdRng| samples.choose(rng).unwrap_or(first).clone();
    let word = |rng: &mut StdRng| WORDS.choose(rng).copied().unwrap_or(WORDS[0]);
    for i in 0..SINGLE_WORDS {
        lines.push(encode(&[("q", WORDS[i % WORDS.len()])]));
    }
    for _ in 0..PHRASES {
        let count = rng.random_range(2..=3);
        let words: Vec<&str> = (0..count).map(|_| word(rng)).collect();
        lines.push(encode(&[("q", &words.join(" "))]));
    }
    for _ in 0..FRAGMENTS {
        lines.push(encode(&[("q", &fragment(rng, pieces))]));
    }
    for i in 0..DOC_NUMBERS {
        let mut target = sample(rng);
        if i % MISSING_EVERY == MISSING_EVERY - 1 {
            target.serial += 100_000;
        }
        lines.push(encode(&[("q", &doc_number_variant(&target, i))]));
    }
    for i in 0..INDEX_NUMBERS {
        let number = sample(rng).index_number;
        let typed = if i % 3 == 2 {
            format!(" {} ", number.to_lowercase())
        } else {
            number
        };
        lines.push(encode(&[("q", &typed)]));
    }
    for i in 0..FILTERS_ONLY {
        let s = sample(rng);
        lines.push(encode(&filters(&s, i, false)));
    }
    for i in 0..FILTERED_WORDS {
        let s = sample(rng);
        let mut pairs = vec![("q", word(rng).to_string())];
        pairs.extend(filters(&s, i, true));
        lines.push(encode(&pairs));
    }
    for i in 0..NEWEST {
        let s = sample(rng);
        let pairs: Vec<(&str, String)> = match i % 4 {
            0 | 1 => vec![("q", word(rng).to_string())],
            2 => vec![("issuer", s.issuer.to_string())],
            _ => vec![
                ("q", word(rng).to_string()),
                ("year", s.published_year.to_string()),
            ],
        };
        let mut pairs = pairs;
        pairs.push(("sort", "newest".to_string()));
        lines.push(encode(&pairs));
    }
    lines
}

/// 4 to 16 characters of a real sentence, as a visitor pastes them.
fn fragment(rng: &mut StdRng, pieces: &[&str]) -> String {
    let piece = pieces.choose(rng).copied().unwrap_or("政务公开工作要点");
    let chars: Vec<char> = piece.chars().collect();
    let len = rng.random_range(4..=16).min(chars.len());
    let start = rng.random_range(0..=chars.len() - len);
    chars[start..start + len].iter().collect()
}

/// The 发文字号 of `target` typed the `i`th way: each bracket variant, with spaces, with
/// a leading zero.
fn doc_number_variant(target: &Sample, i: usize) -> String {
    let (code, year, serial) = (target.code, target.year, target.serial);
    let (open, close) = BRACKETS[i % BRACKETS.len()];
    match (i / BRACKETS.len()) % 3 {
        0 => format!("{code}{open}{year}{close}{serial}号"),
        1 => format!("{code} {open}{year}{close} {serial} 号"),
        _ => format!("{code}{open}{year}{close}0{serial}号"),
    }
}

/// One to two filters of `s`, by kind `i`; with `words`, validity `valid` is among them.
fn filters(s: &Sample, i: usize, words: bool) -> Vec<(&'static str, String)> {
    let mut pairs = match i % 6 {
        0 => vec![("issuer", s.issuer.to_string())],
        1 => vec![("topic", s.topic.clone())],
        2 => vec![("genre", s.genre.clone())],
        3 => vec![("year", s.published_year.to_string())],
        4 => vec![
            ("issuer", s.issuer.to_string()),
            ("year", s.published_year.to_string()),
        ],
        _ => vec![("topic", s.topic.clone()), ("genre", s.genre.clone())],
    };
    let validity = if words {
        "valid"
    } else {
        ["valid", "expired", "repealed", "amended"][(i / 2) % 4]
    };
    if words || i.is_multiple_of(2) {
        pairs.push(("validity", validity.to_string()));
    }
    pairs
}

/// A query line from name/value pairs.
pub fn encode<V: AsRef<str>>(pairs: &[(&str, V)]) -> String {
    pairs
        .iter()
        .map(|(name, value)| format!("{name}={}", escape(value.as_ref())))
        .collect::<Vec<_>>()
        .join("&")
}

/// `value` with `% & = + #` and whitespace percent-encoded.
fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if matches!(c, '%' | '&' | '=' | '+' | '#') || c.is_whitespace() || c.is_control() {
            let mut buffer = [0; 4];
            for byte in c.encode_utf8(&mut buffer).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether a line of a query file holds a query (not blank, not a `#` comment).
pub fn is_query(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty() && !line.starts_with('#')
}

/// The search a query line stands for, by the API's rules.
pub fn parse(line: &str) -> gongkai_app::Result<SearchQuery> {
    let pairs = url::form_urlencoded::parse(line.trim().as_bytes());
    SearchParams::from_pairs(pairs)?.into_query()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use gongkai_app::search::Sort;
    use gongkai_domain::validity::Validity;

    #[test]
    fn a_line_round_trips_through_the_api_rules() {
        let line = encode(&[
            ("q", "渝中府办 [2022] 24号 a+b&c=d%#"),
            ("year", "2021"),
            ("validity", "valid"),
            ("sort", "newest"),
        ]);
        assert_eq!(
            line,
            "q=渝中府办%20[2022]%2024号%20a%2Bb%26c%3Dd%25%23&year=2021&validity=valid&sort=newest"
        );
        let query = parse(&line).unwrap();
        assert_eq!(query.q, "渝中府办 [2022] 24号 a+b&c=d%#");
        assert_eq!(
            (query.year, query.validity, query.sort),
            (Some(2021), Some(Validity::Valid), Sort::Newest)
        );
        assert_eq!(parse("q=%E2%80%A6+x").unwrap().q, "… x");
        assert!(parse("year=abc").is_err());
        assert!(!is_query("  # comment") && !is_query("") && is_query("q=x"));
    }

    #[test]
    fn doc_number_variants_all_parse_to_the_same_number() {
        let target = Sample {
            issuer: "渝中区人民政府办公室",
            code: "渝中府办",
            year: 2022,
            serial: 24,
            index_number: String::new(),
            topic: String::new(),
            genre: String::new(),
            published_year: 2022,
        };
        for i in 0..3 * BRACKETS.len() {
            let typed = doc_number_variant(&target, i);
            let number = gongkai_domain::doc_number::DocNumber::parse(&typed).unwrap();
            assert_eq!(number.normalized(), "渝中府办〔2022〕24号", "{typed}");
        }
    }
}
