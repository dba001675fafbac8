//! What counts as an import, on small crates written for each case.

use gongkai_layers::{ModPath, ModuleMap};
use std::collections::BTreeSet;

/// Writes a crate from `(path under src/, text)` pairs and reads its map.
fn map_of(files: &[(&str, &str)]) -> ModuleMap {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    for (path, text) in files {
        let path = dir.path().join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("mkdir: {e}"));
        }
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("write: {e}"));
    }
    ModuleMap::of_crate(dir.path()).unwrap_or_else(|e| panic!("reading the crate: {e}"))
}

fn module(path: &str) -> ModPath {
    path.split("::")
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn imports_of(map: &ModuleMap, from: &str) -> BTreeSet<String> {
    map.imports[&module(from)]
        .iter()
        .map(|m| m.join("::"))
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_reexported_item_is_imported_from_the_file_that_defines_it() {
    let map = map_of(&[
        ("lib.rs", "mod error;\nmod user;\npub use error::Error;\n"),
        ("error.rs", "pub struct Error;\n"),
        (
            "user.rs",
            "use crate::Error;\npub fn f() -> Result<(), Error> { Ok(()) }\n",
        ),
    ]);
    assert_eq!(imports_of(&map, "user"), set(&["error"]));
    assert_eq!(imports_of(&map, ""), set(&["error"]));
    assert!(map.loops().is_empty());
}

#[test]
fn an_item_defined_in_the_root_and_used_by_a_child_it_names_is_a_loop() {
    let map = map_of(&[
        (
            "lib.rs",
            "mod a;\npub struct State;\npub fn run() { a::f() }\n",
        ),
        ("a.rs", "pub fn f() { let _ = crate::State; }\n"),
    ]);
    assert_eq!(map.loops(), vec![vec![module(""), module("a")]]);
}

#[test]
fn super_self_and_use_names_resolve_to_siblings_and_children() {
    let map = map_of(&[
        ("lib.rs", "mod area;\n"),
        (
            "area/mod.rs",
            "mod one;\nmod two;\nmod three;\npub fn router() { self::one::f(); }\n",
        ),
        ("area/one.rs", "pub fn f() { super::two::g(); }\n"),
        (
            "area/two.rs",
            "use super::three::{self, H};\npub fn g() { three::h(); let _ = H; }\n",
        ),
        ("area/three.rs", "pub struct H;\npub fn h() {}\n"),
    ]);
    assert_eq!(imports_of(&map, "area"), set(&["area::one"]));
    assert_eq!(imports_of(&map, "area::one"), set(&["area::two"]));
    assert_eq!(imports_of(&map, "area::two"), set(&["area::three"]));
    assert!(map.loops().is_empty());
}

#[test]
fn paths_in_attributes_and_macros_are_imports() {
    let map = map_of(&[
        ("lib.rs", "mod doc;\nmod handlers;\nmod text;\n"),
        (
            "doc.rs",
            "#[openapi(paths(crate::handlers::list))]\npub struct Doc;\n",
        ),
        (
            "handlers.rs",
            "pub fn list() -> String { format!(\"{}\", crate::text::hello()) }\n",
        ),
        ("text.rs", "pub fn hello() -> &'static str { \"你好\" }\n"),
    ]);
    assert_eq!(imports_of(&map, "doc"), set(&["handlers"]));
    assert_eq!(imports_of(&map, "handlers"), set(&["text"]));
}

#[test]
fn tests_visibilities_and_other_crates_import_nothing() {
    let map = map_of(&[
        ("lib.rs", "mod a;\nmod b;\n"),
        (
            "a.rs",
            "use std::collections::BTreeMap;\npub(crate) fn f() -> BTreeMap<u8, u8> { serde_json::from_str(\"{}\").unwrap_or_default() }\n\
             #[cfg(test)]\nmod tests { use crate::b::g; }\n",
        ),
        (
            "b.rs",
            "pub(super) fn g() { let _ = crate::a::f(); }\n#[cfg(test)]\nmod tests;\n",
        ),
        ("b/tests.rs", "use crate::a::f;\n"),
    ]);
    assert_eq!(imports_of(&map, "a"), set(&[]));
    assert_eq!(imports_of(&map, "b"), set(&["a"]));
    assert!(!map.files.contains_key(&module("b::tests")));
}

#[test]
fn an_inline_module_belongs_to_its_file_and_its_reexports_of_other_crates_to_none() {
    let map = map_of(&[
        (
            "lib.rs",
            "mod a;\nmod b;\npub mod model { pub struct Own; pub use std::string::String as Name; }\n",
        ),
        ("a.rs", "pub fn f(_: crate::model::Own) {}\n"),
        ("b.rs", "pub fn g(_: crate::model::Name) {}\n"),
    ]);
    assert_eq!(imports_of(&map, "a"), set(&[""]));
    assert_eq!(imports_of(&map, "b"), set(&[]));
}
