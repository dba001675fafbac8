//! Text layer of a PDF file, read with `lopdf`.
//!
//! `lopdf` was chosen over `pdf-extract` because it is the better-kept of the two, bounds
//! stream decompression (a tiny file cannot inflate to gigabytes) and turns most damage
//! into errors. Most, not all: it still indexes and unwraps in places on hostile input,
//! and this crate promises never to panic. So the one call into it runs under
//! [`std::panic::catch_unwind`] and a panic becomes [`Error::InvalidPdf`]. This relies on
//! the default `panic = "unwind"` strategy; the default panic hook still prints the
//! message to stderr, which a library must not silence for the whole process.
//!
//! Two repairs make more PDFs readable: a font that carries a `/ToUnicode` map is
//! decoded by it (PDF 32000-1 §9.10.2 puts it first for text; `lopdf` would take the
//! font's `/Encoding` instead, which for the Type3 fonts of a Chromium-printed PDF is
//! glyph numbers), and the radical code points some maps use for common characters
//! (⼈ ⺠ ⼯, U+2E80–U+2FDF) become the characters themselves. A text layer that is still
//! not text — no Chinese and mostly symbols — is refused with the reason rather than
//! passed on as garbage.

use std::panic;

use lopdf::{Document, LoadOptions};

use crate::{Error, MAX_DECOMPRESSED_SIZE, Result};

/// The text of every page of a PDF, in page order (not yet normalised).
pub(crate) fn text(bytes: &[u8]) -> Result<String> {
    Ok(pages(bytes)?.concat())
}

/// The text of each page of a PDF, in page order (not yet normalised); a page without a
/// text layer is an empty string.
pub(crate) fn pages(bytes: &[u8]) -> Result<Vec<String>> {
    match panic::catch_unwind(|| text_layer(bytes)) {
        Ok(result) => result,
        Err(_) => Err(Error::InvalidPdf {
            reason: "文件结构损坏，解析器无法处理".to_owned(),
        }),
    }
}

/// Loads the document and collects the text of each page. A page whose text cannot be
/// decoded is skipped as long as some text was found; if nothing was, the first error is
/// reported.
fn text_layer(bytes: &[u8]) -> Result<Vec<String>> {
    let invalid = |e: lopdf::Error| Error::InvalidPdf {
        reason: e.to_string(),
    };
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_DECOMPRESSED_SIZE),
        ..LoadOptions::default()
    };
    let mut document = Document::load_mem_with_options(bytes, options).map_err(invalid)?;
    prefer_to_unicode(&mut document);
    let numbers: Vec<u32> = document.get_pages().keys().copied().collect();
    if numbers.is_empty() {
        // A page tree without pages: what is left of a damaged file after repair.
        return Err(Error::InvalidPdf {
            reason: "没有任何页面".to_owned(),
        });
    }
    let mut first_error = None;
    let pages: Vec<String> = numbers
        .iter()
        .map(|number| {
            let chunks = document.extract_text_chunks_with_limit(&[*number], MAX_DECOMPRESSED_SIZE);
            let mut page = String::new();
            for chunk in chunks {
                match chunk {
                    Ok(chunk) => page.push_str(&chunk),
                    Err(e) => {
                        first_error.get_or_insert(e);
                    }
                }
            }
            page
        })
        .collect();
    match first_error {
        Some(e) if pages.iter().all(|p| p.trim().is_empty()) => Err(invalid(e)),
        _ => readable(pages.into_iter().map(|p| unify_radicals(&p)).collect()),
    }
}

/// Drops `/Encoding` from every font that has a `/ToUnicode` map, so that the text is
/// decoded by the map.
fn prefer_to_unicode(document: &mut Document) {
    for object in document.objects.values_mut() {
        if let Ok(dict) = object.as_dict_mut()
            && dict.has(b"ToUnicode")
            && dict
                .get(b"Type")
                .and_then(|t| t.as_name())
                .is_ok_and(|t| t == b"Font")
        {
            dict.remove(b"Encoding");
        }
    }
}

/// The text of radical code points mapped to the characters they stand for: Kangxi
/// radicals (U+2F00–U+2FD5) by their compatibility mapping, and the supplement's
/// simplified forms used as characters (U+2E80–U+2EFF) by this table.
fn unify_radicals(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.chars()
        .flat_map(|c| match c {
            '\u{2f00}'..='\u{2fd5}' => c.nfkc().collect::<Vec<char>>(),
            '\u{2e80}'..='\u{2eff}' => vec![supplement_char(c).unwrap_or(c)],
            _ => vec![c],
        })
        .collect()
}

/// The character a CJK Radicals Supplement code point is used for, where it is one.
fn supplement_char(c: char) -> Option<char> {
    const TABLE: &[(char, char)] = &[
        ('⺠', '民'),
        ('⻄', '西'),
        ('⻅', '见'),
        ('⻆', '角'),
        ('⻉', '贝'),
        ('⻋', '车'),
        ('⻓', '长'),
        ('⻔', '门'),
        ('⻘', '青'),
        ('⻙', '韦'),
        ('⻚', '页'),
        ('⻛', '风'),
        ('⻜', '飞'),
        ('⻝', '食'),
        ('⻢', '马'),
        ('⻣', '骨'),
        ('⻤', '鬼'),
        ('⻥', '鱼'),
        ('⻦', '鸟'),
        ('⻧', '卤'),
        ('⻨', '麦'),
        ('⻩', '黄'),
        ('⻬', '齐'),
        ('⻮', '齿'),
        ('⻰', '龙'),
        ('⻳', '龟'),
        ('⺟', '母'),
        ('⺮', '竹'),
        ('⺶', '羊'),
        ('⻊', '足'),
    ];
    TABLE.iter().find(|(from, _)| *from == c).map(|(_, to)| *to)
}

/// Refuses a text layer that is not text: no Chinese character and mostly symbols, as
/// a font without a usable character map gives (`2"!£˙2)˚k˚*J%ı›Æ`).
fn readable(pages: Vec<String>) -> Result<Vec<String>> {
    let mut shown = 0usize;
    let mut cjk = 0usize;
    let mut alphanumeric = 0usize;
    for c in pages
        .iter()
        .flat_map(|p| p.chars())
        .filter(|c| !c.is_whitespace())
    {
        shown += 1;
        if ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c) {
            cjk += 1;
        } else if c.is_ascii_alphanumeric() {
            alphanumeric += 1;
        }
    }
    let symbols = shown - cjk - alphanumeric;
    if shown >= 20 && cjk == 0 && symbols * 2 > shown {
        return Err(Error::UnreadablePdfText);
    }
    Ok(pages)
}
