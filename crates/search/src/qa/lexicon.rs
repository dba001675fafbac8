//! The lexicon of everyday words and official terms (生孩子 → 生育, 社保 → 社会保险):
//! groups of words, the official term first, kept as data
//! (`crates/search/data/qa-synonyms.txt`, extendable by the operator). A text is
//! brought to its official terms before it is indexed or matched, so that a citizen's
//! words meet the library's.

use crate::{Error, Result};
use std::collections::HashMap;

/// The lexicon compiled into the binary.
pub const BUILTIN: &str = include_str!("../../data/qa-synonyms.txt");

/// Words and the official term each stands for.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Every word of two or more characters, by its first character, longest first.
    phrases: HashMap<char, Vec<(Vec<char>, String)>>,
    /// One-character words, replaced only where segmentation leaves them alone.
    singles: HashMap<String, String>,
}

impl Lexicon {
    /// Reads a lexicon: one group a line, words separated by spaces, the official term
    /// first; blank lines and `#` comments are skipped. A word in two groups is an error
    /// naming its line.
    pub fn parse(text: &str) -> Result<Lexicon> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut lexicon = Lexicon::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut words = line.split_whitespace();
            let Some(official) = words.next() else {
                continue;
            };
            for word in std::iter::once(official).chain(words) {
                if let Some(first) = seen.insert(word.to_string(), n + 1) {
                    return Err(Error::Lexicon {
                        line: n + 1,
                        reason: format!("“{word}”已在第 {first} 行出现"),
                    });
                }
                lexicon.add(word, official);
            }
        }
        for list in lexicon.phrases.values_mut() {
            list.sort_by_key(|(word, _)| std::cmp::Reverse(word.len()));
        }
        Ok(lexicon)
    }

    /// The built-in lexicon, then the operator's extra groups (which may not repeat a
    /// built-in word).
    pub fn with_extra(extra: &str) -> Result<Lexicon> {
        Lexicon::parse(&format!("{BUILTIN}\n{extra}"))
    }

    fn add(&mut self, word: &str, official: &str) {
        let chars: Vec<char> = word.chars().collect();
        match chars.first() {
            Some(first) if chars.len() > 1 => self
                .phrases
                .entry(*first)
                .or_default()
                .push((chars, official.to_string())),
            Some(_) => {
                self.singles.insert(word.to_string(), official.to_string());
            }
            None => {}
        }
    }

    /// `text` with every word of the lexicon (two characters or more, the longest
    /// first, left to right) replaced by its official term.
    pub fn officialise(&self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        while at < chars.len() {
            let found = self
                .phrases
                .get(&chars[at])
                .and_then(|list| list.iter().find(|(word, _)| chars[at..].starts_with(word)));
            match found {
                Some((word, official)) => {
                    out.push_str(official);
                    out.push(' ');
                    at += word.len();
                }
                None => {
                    out.push(chars[at]);
                    at += 1;
                }
            }
        }
        out
    }

    /// The official term of a one-character word, if it is one.
    pub fn single(&self, token: &str) -> Option<&str> {
        self.singles.get(token).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn everyday_words_become_the_official_term_longest_first() {
        let lexicon =
            Lexicon::parse("# 注释\n生育 生孩子 生\n住房公积金 公积金\n社会保险 社保\n").unwrap();
        assert_eq!(
            lexicon.officialise("生孩子能领社保吗"),
            "生育 能领社会保险 吗"
        );
        assert_eq!(lexicon.officialise("公积金"), "住房公积金 ");
        assert_eq!(lexicon.single("生"), Some("生育"));
        assert_eq!(lexicon.single("领"), None);
    }

    #[test]
    fn a_word_in_two_groups_is_refused_with_its_line() {
        let e = Lexicon::parse("社会保险 社保\n\n养老保险 社保\n").unwrap_err();
        assert_eq!(e.to_string(), "同义词表第 3 行有误：“社保”已在第 1 行出现");
    }

    #[test]
    fn the_builtin_lexicon_reads() {
        let lexicon = Lexicon::parse(BUILTIN).unwrap();
        assert!(lexicon.officialise("退休金").starts_with("养老金"));
    }
}
