//! Prints the module map of every crate of the workspace (or of those named):
//! its files by floor, the number of imports, and any loop.
//!
//! `cargo run -p gongkai-layers [-- web store …]`

use gongkai_layers::{ModuleMap, display};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let wanted: Vec<String> = std::env::args().skip(1).collect();
    let mut names: Vec<String> = match std::fs::read_dir(&crates) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter(|e| e.path().join("src").is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| wanted.is_empty() || wanted.contains(name))
            .collect(),
        Err(e) => {
            eprintln!("{}: {e}", crates.display());
            return ExitCode::FAILURE;
        }
    };
    names.sort();
    let mut healthy = true;
    for name in names {
        match ModuleMap::of_crate(&crates.join(&name).join("src")) {
            Ok(map) => healthy &= print(&name, &map),
            Err(e) => {
                eprintln!("{name}: {e}");
                healthy = false;
            }
        }
    }
    if healthy {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Prints one crate's map; false when it has a loop.
fn print(name: &str, map: &ModuleMap) -> bool {
    let floors = map.floors();
    let imports: usize = map.imports.values().map(|to| to.len()).sum();
    let height = floors.values().max().map_or(0, |top| top + 1);
    println!(
        "{name}: {} files, {imports} imports, {height} floors",
        map.files.len()
    );
    for floor in (0..height).rev() {
        let on_floor: Vec<String> = floors
            .iter()
            .filter(|(_, f)| **f == floor)
            .map(|(m, _)| display(m))
            .collect();
        println!("  {floor:>2}  {}", on_floor.join("  "));
    }
    let loops = map.loops();
    for group in &loops {
        let members: Vec<String> = group.iter().map(display).collect();
        println!("  loop: {}", members.join(" ⇄ "));
        for from in group {
            for to in map.imports[from].iter().filter(|to| group.contains(to)) {
                println!("        {} → {}", display(from), display(to));
            }
        }
    }
    loops.is_empty()
}
