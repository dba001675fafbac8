//! What counts as an import, checked on small crates written for the test.

use gongkai_layers::ModuleMap;
use std::path::PathBuf;

/// Writes `files` (path inside `src`, text) into a fresh folder and returns its `src`.
fn crate_of(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let src = std::env::temp_dir()
        .join(format!("gongkai-layers-{}-{name}", std::process::id()))
        .join("src");
    for (path, text) in files {
        let path = src.join(path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        }
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    src
}

#[test]
fn a_visibility_is_no_import_but_a_parent_item_is() {
    let src = crate_of(
        "visibility",
        &[
            ("lib.rs", "mod a;\npub use a::{f, g};\npub struct Root;\n"),
            ("a/mod.rs", "mod b;\npub use b::g;\npub(crate) fn f() {}\n"),
            (
                "a/b.rs",
                "pub(super) fn g() {}\npub(in crate::a) fn h() {}\n",
            ),
        ],
    );
    let map = ModuleMap::of_crate(&src).unwrap_or_else(|e| panic!("{e}"));
    assert!(map.loops().is_empty(), "{:?}", map.imports);

    let looping = crate_of(
        "parent-item",
        &[
            ("lib.rs", "mod a;\npub use a::f;\npub struct Root;\n"),
            ("a.rs", "pub fn f() -> crate::Root {\n    crate::Root\n}\n"),
        ],
    );
    let map = ModuleMap::of_crate(&looping).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(map.loops().len(), 1, "{:?}", map.imports);
}
