//! The rules the workspace's code keeps, checked on the real sources: no module
//! imports another in a loop, the web crate's areas never import each other and its
//! page kit imports no area, and no source or test file passes 400 lines.

use gongkai_layers::{ModPath, ModuleMap, display};
use std::path::{Path, PathBuf};

/// The web crate's areas (`crates/web/src/<area>/`), as in the app crate.
const WEB_AREAS: [&str; 7] = [
    "library",
    "requests",
    "ledgers",
    "reports",
    "participation",
    "compliance",
    "platform",
];
/// What the areas share; it imports no area.
const WEB_KIT: &str = "kit";
/// A source file longer than this holds more than one concept.
const MAX_LINES: usize = 400;

fn crates_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every crate of the workspace with its module map.
fn workspace() -> Vec<(String, ModuleMap)> {
    let mut crates: Vec<(String, ModuleMap)> = std::fs::read_dir(crates_dir())
        .unwrap_or_else(|e| panic!("reading crates/: {e}"))
        .filter_map(Result::ok)
        .filter(|entry| entry.path().join("src").is_dir())
        .map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let map = ModuleMap::of_crate(&entry.path().join("src"))
                .unwrap_or_else(|e| panic!("reading crate {name}: {e}"));
            (name, map)
        })
        .collect();
    crates.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(crates.len() >= 7, "found only {} crates", crates.len());
    crates
}

fn web() -> ModuleMap {
    ModuleMap::of_crate(&crates_dir().join("web").join("src"))
        .unwrap_or_else(|e| panic!("reading the web crate: {e}"))
}

/// The area (or the kit) a web module belongs to.
fn part_of(module: &ModPath) -> Option<&str> {
    let top = module.first()?.as_str();
    (WEB_AREAS.contains(&top) || top == WEB_KIT).then_some(top)
}

#[test]
fn no_module_imports_another_in_a_loop() {
    let mut found = Vec::new();
    for (name, map) in workspace() {
        for group in map.loops() {
            let members: Vec<String> = group.iter().map(display).collect();
            found.push(format!("{name}: {}", members.join(" ⇄ ")));
        }
    }
    assert!(found.is_empty(), "import loops:\n{}", found.join("\n"));
}

#[test]
fn every_web_module_lives_in_an_area_or_the_kit() {
    let map = web();
    let at_root: Vec<String> = map
        .files
        .keys()
        .filter(|m| m.len() == 1 && part_of(m).is_none() && m[0] != "openapi")
        .map(display)
        .collect();
    assert!(
        at_root.is_empty(),
        "modules beside the areas (move them into an area or the kit): {at_root:?}"
    );
    for area in WEB_AREAS.iter().chain([&WEB_KIT]) {
        assert!(
            map.files.contains_key(&vec![area.to_string()]),
            "crates/web/src/{area} is missing"
        );
    }
}

#[test]
fn no_web_area_reaches_another_and_the_kit_reaches_none() {
    let map = web();
    let mut crossings = Vec::new();
    for module in map.files.keys() {
        let Some(own) = part_of(module) else {
            continue;
        };
        for reached in map.reached(module) {
            let other = match part_of(&reached) {
                Some(other) if other == own || (other == WEB_KIT && own != WEB_KIT) => continue,
                Some(other) => other,
                None => "the crate root",
            };
            crossings.push(format!(
                "{} reaches {} ({other})",
                display(module),
                display(&reached)
            ));
        }
    }
    assert!(crossings.is_empty(), "{}", crossings.join("\n"));
}

/// Every `.rs` file below `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for path in entries.filter_map(Result::ok).map(|e| e.path()) {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_source_file_passes_the_line_limit() {
    let mut files = Vec::new();
    for (name, _) in workspace() {
        for part in ["src", "tests"] {
            let dir = crates_dir().join(&name).join(part);
            if dir.is_dir() {
                rust_files(&dir, &mut files);
            }
        }
    }
    let long: Vec<String> = files
        .iter()
        .map(|path| {
            let text =
                std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path, text.lines().count())
        })
        .filter(|(_, lines)| *lines > MAX_LINES)
        .map(|(path, lines)| {
            let shown = path.strip_prefix(crates_dir()).unwrap_or(path);
            format!("crates/{} ({lines})", shown.display())
        })
        .collect();
    assert!(
        long.is_empty(),
        "files over {MAX_LINES} lines (split them by concept): {long:?}"
    );
}
