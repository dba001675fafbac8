//! Which file module a written path lands in.
//!
//! A path is made absolute (`crate::`, `super::`, `self::`, a name brought in by
//! `use`, or a child module), then walked segment by segment through modules; a
//! segment that a module only re-exports (`pub use x::Item`) is followed to where the
//! item is defined. What is left is the file the item lives in. Paths into other
//! crates, std or local items resolve to nothing.

use crate::tree::{ModPath, Tree, Written};

/// How deep re-exports and `use` names are followed before giving up (a safety
/// bound against a name that refers to itself).
const MAX_HOPS: usize = 16;

/// The file module that `written` refers to, if it is one of this crate's.
pub fn target(tree: &Tree, written: &Written) -> Option<ModPath> {
    let absolute = absolute(tree, &written.module, &written.segments, 0)?;
    locate(tree, &absolute, 0)
}

/// A written path as a path from the crate root; `None` when it leaves the crate.
fn absolute(
    tree: &Tree,
    module: &ModPath,
    segments: &[String],
    hops: usize,
) -> Option<Vec<String>> {
    let (first, rest) = segments.split_first()?;
    match first.as_str() {
        "crate" => Some(rest.to_vec()),
        "self" => Some(joined(module, rest)),
        "super" => {
            let ups = segments.iter().take_while(|s| *s == "super").count();
            let kept = module.len().checked_sub(ups)?;
            Some(joined(&module[..kept].to_vec(), &segments[ups..]))
        }
        name => {
            let child = joined(module, std::slice::from_ref(first));
            if tree.modules.contains_key(&child) {
                return Some(joined(module, segments));
            }
            let used = tree.modules.get(module)?.uses.get(name)?;
            if hops >= MAX_HOPS {
                return None;
            }
            let base = absolute(tree, &used.module, &used.segments, hops + 1)?;
            Some([base.as_slice(), rest].concat())
        }
    }
}

fn joined(base: &ModPath, rest: &[String]) -> Vec<String> {
    [base.as_slice(), rest].concat()
}

/// Walks an absolute path down the modules and through re-exports to a file module.
fn locate(tree: &Tree, path: &[String], hops: usize) -> Option<ModPath> {
    let mut module: ModPath = Vec::new();
    for (at, segment) in path.iter().enumerate() {
        let child = joined(&module, std::slice::from_ref(segment));
        if tree.modules.contains_key(&child) {
            module = child;
            continue;
        }
        let reexported = tree.modules.get(&module)?.uses.get(segment);
        return match reexported {
            Some(used) if hops < MAX_HOPS => {
                let base = absolute(tree, &used.module, &used.segments, hops + 1)?;
                let onward = joined(&base, &path[at + 1..]);
                locate(tree, &onward, hops + 1)
            }
            _ => file_of(tree, &module),
        };
    }
    file_of(tree, &module)
}

fn file_of(tree: &Tree, module: &ModPath) -> Option<ModPath> {
    tree.modules.get(module).map(|m| m.file.clone())
}
