//! Chinese word segmentation for tantivy, with jieba.
//!
//! Documents are indexed in jieba's search mode: every word of the segmentation plus the
//! dictionary words inside it (规范性文件 → 规范, 规范性, 文件, 规范性文件), so a query finds
//! a word whether the document's context segmented it whole or in parts. HMM discovery of
//! unknown words is off, on documents and queries alike: an unknown word then falls apart
//! into the same single characters wherever it stands, which keeps matching predictable.
//!
//! A token's position is the character index where it starts, so the characters of an
//! unknown word stand at consecutive positions and can be matched as a phrase even where
//! search mode puts several tokens at one position.
//!
//! Every token is normalised the same way: full-width ASCII (２０２２, ＡＢＣ) folded to
//! ASCII, ASCII lower-cased; tokens with no letter or digit (punctuation, brackets,
//! whitespace) are dropped.

use std::sync::LazyLock;

use jieba_rs::{Jieba, TokenizeMode};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Name under which the tokenizer is registered with the index.
pub const TOKENIZER_NAME: &str = "jieba";

/// The dictionary compiled into jieba-rs. It is a constant (not configuration) that takes
/// a noticeable time to build, so the process builds it once, on first use.
static JIEBA: LazyLock<Jieba> = LazyLock::new(Jieba::new);

/// The tantivy tokenizer of the `title` and `body` fields.
#[derive(Debug, Clone, Copy, Default)]
pub struct JiebaTokenizer;

impl Tokenizer for JiebaTokenizer {
    type TokenStream<'a> = JiebaTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> JiebaTokenStream {
        JiebaTokenStream::new(search_tokens(text))
    }
}

/// The tokens of one text, produced eagerly (jieba segments a whole sentence at once).
#[derive(Debug)]
pub struct JiebaTokenStream {
    tokens: Vec<Token>,
    /// Index of the current token plus one; 0 before the first `advance`.
    next: usize,
}

impl JiebaTokenStream {
    fn new(tokens: Vec<Token>) -> JiebaTokenStream {
        JiebaTokenStream { tokens, next: 0 }
    }
}

impl TokenStream for JiebaTokenStream {
    fn advance(&mut self) -> bool {
        if self.next < self.tokens.len() {
            self.next += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next.saturating_sub(1)]
    }

    fn token_mut(&mut self) -> &mut Token {
        let index = self.next.saturating_sub(1);
        &mut self.tokens[index]
    }
}

/// Search-mode tokens of `text`, normalised, in order of their byte offsets into `text`,
/// positioned at their first character.
///
/// Full-width ASCII is folded before segmenting (jieba keeps ASCII runs such as 2022 or
/// PDF together but splits full-width ones into characters). Folding keeps the number of
/// characters, so jieba's character positions are those of `text`.
fn search_tokens(text: &str) -> Vec<Token> {
    let folded = fold(text);
    let byte_offsets: Option<Vec<usize>> = (folded.len() != text.len()).then(|| {
        let mut offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        offsets.push(text.len());
        offsets
    });
    let original = |char_index: usize, folded_byte: usize| match &byte_offsets {
        Some(offsets) => offsets.get(char_index).copied().unwrap_or(text.len()),
        None => folded_byte,
    };
    let mut tokens: Vec<Token> = JIEBA
        .tokenize(&folded, TokenizeMode::Search, false)
        .into_iter()
        .filter_map(|t| {
            normalize(t.word).map(|text| Token {
                offset_from: original(t.start, t.byte_start),
                offset_to: original(t.end, t.byte_end),
                position: t.start,
                text,
                position_length: 1,
            })
        })
        .collect();
    // Search mode emits a word's parts before the word (规范, 范性, 规范性); tantivy's
    // snippet generator needs offsets in text order.
    tokens.sort_by_key(|t| (t.offset_from, t.offset_to));
    tokens
}

/// The texts of the search-mode tokens of `text`, normalised, in text order.
pub fn search_terms(text: &str) -> Vec<String> {
    search_tokens(text).into_iter().map(|t| t.text).collect()
}

/// A word of a query and where it stands, in characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

impl Word {
    /// Whether the word is one character: jieba's answer for a character it knows no
    /// word for (with HMM off, an unknown word such as 六提六促 falls into characters).
    pub fn is_single_char(&self) -> bool {
        self.end == self.start + 1
    }
}

/// The words of a query, as jieba segments it in default mode, normalised: 政务公开工作要点
/// → 政务, 公开, 工作, 要点.
pub fn words(text: &str) -> Vec<Word> {
    JIEBA
        .tokenize(&fold(text), TokenizeMode::Default, false)
        .into_iter()
        .filter_map(|t| {
            normalize(t.word).map(|text| Word {
                text,
                start: t.start,
                end: t.end,
            })
        })
        .collect()
}

/// The dictionary words inside one word (search mode without the word itself), normalised:
/// 规范性文件 → 规范, 规范性, 文件. Empty for a word jieba does not split.
pub fn parts(word: &str) -> Vec<String> {
    let mut parts: Vec<String> = JIEBA
        .cut_for_search(word, false)
        .into_iter()
        .filter_map(|t| normalize(t.word))
        .filter(|part| part != word)
        .collect();
    parts.sort_unstable();
    parts.dedup();
    parts
}

/// Folds full-width ASCII and lower-cases (again: jieba may be given unfolded text);
/// `None` for a token without letters or digits.
fn normalize(word: &str) -> Option<String> {
    if !word.chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(fold(word))
}

/// [`fold_char`] over a text.
fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Full-width ASCII (U+FF01..=U+FF5E) to ASCII, then ASCII lower case.
fn fold_char(c: char) -> char {
    let folded = match u32::from(c) {
        code @ 0xFF01..=0xFF5E => char::from_u32(code - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    folded.to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn texts(text: &str) -> Vec<String> {
        let mut stream = JiebaTokenizer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn search_mode_indexes_a_word_and_its_dictionary_parts() {
        let tokens = texts("加强规范性文件管理");
        for word in ["规范性", "规范", "文件", "管理"] {
            assert!(tokens.contains(&word.to_string()), "{word} in {tokens:?}");
        }
    }

    #[test]
    fn punctuation_and_whitespace_are_dropped_and_ascii_is_folded() {
        let tokens = texts("（渝中府办〔２０２２〕24号） PDF　ＡＢＣ!!");
        assert!(!tokens.contains(&"0".to_string()), "{tokens:?}");
        assert!(tokens.contains(&"2022".to_string()), "{tokens:?}");
        assert!(tokens.contains(&"pdf".to_string()), "{tokens:?}");
        assert!(tokens.contains(&"abc".to_string()), "{tokens:?}");
        for token in &tokens {
            assert!(token.chars().any(char::is_alphanumeric), "{token:?}");
        }
    }

    #[test]
    fn offsets_point_into_the_original_text_even_after_folding() {
        let text = "见ＰＤＦ文件";
        let mut stream = JiebaTokenizer.token_stream(text);
        let mut found = Vec::new();
        while stream.advance() {
            let token = stream.token();
            found.push((
                token.text.clone(),
                &text[token.offset_from..token.offset_to],
            ));
        }
        assert!(found.contains(&("pdf".to_string(), "ＰＤＦ")), "{found:?}");
        assert!(found.contains(&("文件".to_string(), "文件")), "{found:?}");
    }

    #[test]
    fn offsets_are_byte_offsets_in_text_order_and_positions_are_character_indexes() {
        let text = "推进行政规范性文件库建设，便民服务";
        let mut stream = JiebaTokenizer.token_stream(text);
        let mut count = 0;
        let mut previous = (0, 0);
        while stream.advance() {
            let token = stream.token();
            assert!(
                (token.offset_from, token.offset_to) >= previous,
                "{token:?}"
            );
            previous = (token.offset_from, token.offset_to);
            assert_eq!(token.position, text[..token.offset_from].chars().count());
            assert_eq!(&text[token.offset_from..token.offset_to], token.text);
            count += 1;
        }
        assert!(count > 3);
    }

    #[test]
    fn query_words_are_coarse_and_parts_are_finer() {
        let texts = |q: &str| -> Vec<String> { words(q).into_iter().map(|w| w.text).collect() };
        assert_eq!(texts("政务公开工作要点"), ["政务", "公开", "工作", "要点"]);
        assert_eq!(texts("行政规范性文件"), ["行政", "规范性", "文件"]);
        let unknown = words("“六提六促”");
        assert_eq!(unknown.len(), 4);
        assert!(unknown.iter().all(Word::is_single_char));
        assert_eq!((unknown[0].start, unknown[3].end), (1, 5));
        assert_eq!(parts("规范性"), ["范性", "规范"]);
        assert!(parts("文件").is_empty());
        assert!(words("〔〕（）+-:").is_empty());
    }

    #[test]
    fn empty_text_gives_no_tokens() {
        assert!(texts("").is_empty());
        assert!(texts("   \n\t").is_empty());
    }
}
