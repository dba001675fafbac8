//! The workspace's module map, read from the source: which file imports which, the
//! import loops, the floors files stand on, and what a file reaches.
//!
//! An import is any path that names an item of another file of the same crate: in a
//! `use`, in code, in an attribute (`#[openapi(paths(…))]`) or a macro body. A
//! re-export (`pub use x::Item`) is followed to the file that defines the item, so
//! `crate::Error` counts as an import of `error.rs`, not of `lib.rs`. A parent's
//! `mod child;` is not an import; naming the child's items is. Nor is a visibility
//! (`pub(crate)`, `pub(super)`): it names who may use an item, not what the item uses.
//! Test code is left out.
//!
//! `tests/workspace.rs` holds the rules the workspace keeps (no loops, web areas
//! apart, files under 400 lines), `tests/resolution.rs` what counts as an import;
//! `cargo run -p gongkai-layers` prints the map.

mod error;
mod graph;
mod resolve;
mod tree;

pub use error::Error;
pub use graph::Imports;
pub use tree::ModPath;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One crate's files and their imports.
#[derive(Debug)]
pub struct ModuleMap {
    /// Each file module with its file.
    pub files: BTreeMap<ModPath, PathBuf>,
    pub imports: Imports,
}

impl ModuleMap {
    /// Reads the crate whose sources are in `src`.
    pub fn of_crate(src: &Path) -> Result<ModuleMap, Error> {
        let tree = tree::Tree::read(src)?;
        let mut imports: Imports = tree
            .files
            .keys()
            .map(|f| (f.clone(), Default::default()))
            .collect();
        for written in &tree.written {
            let Some(from) = tree.modules.get(&written.module).map(|m| &m.file) else {
                continue;
            };
            match resolve::target(&tree, written) {
                Some(to) if to != *from => {
                    imports.entry(from.clone()).or_default().insert(to);
                }
                _ => {}
            }
        }
        Ok(ModuleMap {
            files: tree.files,
            imports,
        })
    }

    /// Groups of files that import each other (empty when there is no loop).
    pub fn loops(&self) -> Vec<Vec<ModPath>> {
        graph::loops(&self.imports)
    }

    /// Each file's floor: 0 when it imports nothing of its crate, else one above the
    /// highest file it imports; files in a loop, and those above one, have none.
    pub fn floors(&self) -> BTreeMap<ModPath, usize> {
        graph::floors(&self.imports)
    }

    /// Every file `from` imports, directly or not.
    pub fn reached(&self, from: &ModPath) -> std::collections::BTreeSet<ModPath> {
        graph::reached(&self.imports, from)
    }
}

/// A module path as Rust writes it: `crate`, `crate::routes::console`.
pub fn display(module: &ModPath) -> String {
    std::iter::once("crate")
        .chain(module.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("::")
}
