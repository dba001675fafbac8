//! Integration tests of `gongkai-extract`: the real seed pages, every source kind, and
//! robustness against corrupt input.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod ledgers;
mod pdf_text;
mod robustness;
mod seeds;
mod text_of;

/// A seed document of the repository's `fixtures/seeds` (public official documents,
/// names kept; the demo shows the same files).
pub fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/seeds")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
