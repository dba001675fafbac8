//! Any bytes given as a .pdf upload: text, passages and tables are read or refused
//! with an error, never a panic (the size limits hold for zip bombs).
#![no_main]

use gongkai_extract::{SourceKind, passages_of, tables_of, text_of};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = text_of(data, SourceKind::Pdf);
    let _ = passages_of(data, SourceKind::Pdf);
    let _ = tables_of(data, SourceKind::Pdf);
});
