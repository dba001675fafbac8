//! Doc numbers in running text (see [`DocNumber::find_all`]).

use super::scan::{self, Tail};
use super::{DocNumber, MAX_ISSUER_CHARS, validate_issuer};

/// Connectives that run straight into an issuer code in prose without punctuation
/// (根据国办发〔2022〕8号); dropped from the front of the run, longest first. The single
/// characters are those no issuer code is known to start with (和, 于, 将, 依 are left out:
/// 和政县, 于都县, 将乐县 and 依兰县 use them as the first character of their codes).
const LEADING_CONNECTIVES: [&str; 19] = [
    "根据", "按照", "依据", "依照", "参照", "对照", "贯彻", "落实", "执行", "印发", "转发", "以及",
    "详见", "参见", "见", "据", "按", "与", "及",
];

/// Longest run of Chinese characters looked at before a bracket; longer runs are prose.
const MAX_RUN_CHARS: usize = MAX_ISSUER_CHARS + 2;

impl DocNumber {
    /// Every doc number standing in running text, in order of appearance.
    ///
    /// Conservative by design, so that a wrong number is never reported:
    /// * the issuer code is the run of Chinese characters immediately before the opening
    ///   bracket (or ending with 令 for orders), after punctuation, whitespace or the start;
    ///   a leading connective such as 根据, 按照 or 见 is dropped, and a run longer than
    ///   [`MAX_ISSUER_CHARS`] (prose, not a code) is skipped. Limitation: another word run
    ///   straight into the code without punctuation (要求国办发〔2022〕8号) stays part of the
    ///   issuer code; real documents put the number in brackets after the title;
    /// * the final 号 is required, and orders must read …令第N号;
    /// * a damaged number such as 芜政务办〔202010号 (closing bracket lost, year and serial
    ///   run together) is skipped rather than guessed: 2020 + 10 and 2020 + 1 + 0 cannot be
    ///   told apart.
    ///
    /// Text such as 2022年 or 第三季度 is never taken for a doc number.
    pub fn find_all(text: &str) -> Vec<DocNumber> {
        let chars: Vec<char> = text.chars().collect();
        let mut found = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            match doc_number_at(&chars, i) {
                Some((doc, end)) => {
                    found.push(doc);
                    i = end;
                }
                None => i += 1,
            }
        }
        found
    }
}

/// The doc number whose year bracket (or order 令) is at `i`, and the index after its 号.
fn doc_number_at(chars: &[char], i: usize) -> Option<(DocNumber, usize)> {
    if scan::is_open(chars[i]) {
        with_year_at(chars, i)
    } else if chars[i] == '令' && chars.get(i + 1) == Some(&'第') {
        order_at(chars, i + 1)
    } else {
        None
    }
}

/// 机关代字〔年份〕顺序号号 with the opening bracket at `open`.
fn with_year_at(chars: &[char], open: usize) -> Option<(DocNumber, usize)> {
    let issuer = issuer_before(chars, open)?;
    let tail = scan::tail(&chars[open..]).ok()?;
    tail.year.as_ref()?;
    complete(issuer, &tail, open)
}

/// …令第N号 with the 第 at `di`.
fn order_at(chars: &[char], di: usize) -> Option<(DocNumber, usize)> {
    let issuer = issuer_before(chars, di)?;
    let tail = scan::tail(&chars[di..]).ok()?;
    if tail.year.is_some() {
        return None;
    }
    complete(issuer, &tail, di)
}

/// The doc number of a scanned candidate, if it ends with 号 and is valid.
fn complete(issuer: &[char], tail: &Tail, start: usize) -> Option<(DocNumber, usize)> {
    if !tail.has_hao {
        return None;
    }
    let issuer_code = validate_issuer(issuer).ok()?;
    let doc = DocNumber::from_parts(issuer_code, tail).ok()?;
    Some((doc, start + tail.end))
}

/// The run of Chinese characters ending just before `end`, without a leading connective;
/// `None` if empty or too long to be an issuer code.
fn issuer_before(chars: &[char], end: usize) -> Option<&[char]> {
    let run = chars[..end]
        .iter()
        .rev()
        .take_while(|c| scan::is_han(**c))
        .take(MAX_RUN_CHARS + 1)
        .count();
    if run == 0 || run > MAX_RUN_CHARS {
        return None;
    }
    let issuer = strip_connective(&chars[end - run..end]);
    (!issuer.is_empty() && issuer.len() <= MAX_ISSUER_CHARS).then_some(issuer)
}

fn strip_connective(run: &[char]) -> &[char] {
    for word in LEADING_CONNECTIVES {
        let len = word.chars().count();
        if run.len() > len && run[..len].iter().copied().eq(word.chars()) {
            return &run[len..];
        }
    }
    run
}
