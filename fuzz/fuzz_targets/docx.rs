//! Any bytes given as a .docx upload: text, passages and tables are read or refused
//! with an error, never a panic (the size limits hold for zip bombs).
#![no_main]

use gongkai_extract::{SourceKind, passages_of, tables_of, text_of};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = text_of(data, SourceKind::Docx);
    let _ = passages_of(data, SourceKind::Docx);
    let _ = tables_of(data, SourceKind::Docx);
});
