//! Text layer of a PDF file, read with `lopdf`.
//!
//! `lopdf` was chosen over `pdf-extract` because it is the better-kept of the two, bounds
//! stream decompression (a tiny file cannot inflate to gigabytes) and turns most damage
//! into errors. Most, not all: it still indexes and unwraps in places on hostile input,
//! and this crate promises never to panic. So the one call into it runs under
//! [`std::panic::catch_unwind`] and a panic becomes [`Error::InvalidPdf`]. This relies on
//! the default `panic = "unwind"` strategy; the default panic hook still prints the
//! message to stderr, which a library must not silence for the whole process.

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
    let document = Document::load_mem_with_options(bytes, options).map_err(invalid)?;
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
        _ => Ok(pages),
    }
}
