//! Any bytes given as a portal page: the visible text, the tables and the page's
//! metadata (发文字号, 索引号, dates, issuer) are read, never a panic.
#![no_main]

use gongkai_extract::{SourceKind, parse_page, passages_of, tables_of, text_of};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = text_of(data, SourceKind::Html);
    let _ = passages_of(data, SourceKind::Html);
    let _ = tables_of(data, SourceKind::Html);
    let _ = parse_page(&String::from_utf8_lossy(data));
});
