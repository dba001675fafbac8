//! The import graph of one crate's files: loops (strongly connected groups), floors
//! (how high a file stands above the files it imports) and what a file reaches.

use crate::tree::ModPath;
use std::collections::{BTreeMap, BTreeSet};

/// File module → the file modules it imports.
pub type Imports = BTreeMap<ModPath, BTreeSet<ModPath>>;

/// Every group of two or more files that import each other, directly or not.
pub fn loops(imports: &Imports) -> Vec<Vec<ModPath>> {
    let mut tarjan = Tarjan {
        imports,
        next: 0,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        groups: Vec::new(),
    };
    for node in imports.keys() {
        if !tarjan.index.contains_key(node) {
            tarjan.visit(node);
        }
    }
    tarjan.groups.retain(|group| group.len() > 1);
    for group in &mut tarjan.groups {
        group.sort();
    }
    tarjan.groups.sort();
    tarjan.groups
}

/// Tarjan's strongly connected components.
struct Tarjan<'g> {
    imports: &'g Imports,
    next: usize,
    index: BTreeMap<&'g ModPath, usize>,
    low: BTreeMap<&'g ModPath, usize>,
    stack: Vec<&'g ModPath>,
    groups: Vec<Vec<ModPath>>,
}

impl<'g> Tarjan<'g> {
    fn visit(&mut self, node: &'g ModPath) {
        self.index.insert(node, self.next);
        self.low.insert(node, self.next);
        self.next += 1;
        self.stack.push(node);
        for next in self.imports.get(node).into_iter().flatten() {
            if !self.index.contains_key(next) {
                self.visit(next);
                let low = self.low[next].min(self.low[node]);
                self.low.insert(node, low);
            } else if self.stack.contains(&next) {
                let low = self.index[next].min(self.low[node]);
                self.low.insert(node, low);
            }
        }
        if self.low[node] == self.index[node] {
            let mut group = Vec::new();
            while let Some(member) = self.stack.pop() {
                group.push(member.clone());
                if member == node {
                    break;
                }
            }
            self.groups.push(group);
        }
    }
}

/// Each file's floor: 0 for a file that imports none of its crate, else one above the
/// highest file it imports. Files in a loop, and the files above one, have none.
pub fn floors(imports: &Imports) -> BTreeMap<ModPath, usize> {
    let looped: BTreeSet<ModPath> = loops(imports).into_iter().flatten().collect();
    let mut floors = BTreeMap::new();
    for node in imports.keys() {
        floor(imports, node, &looped, &mut floors);
    }
    floors
}

fn floor(
    imports: &Imports,
    node: &ModPath,
    looped: &BTreeSet<ModPath>,
    floors: &mut BTreeMap<ModPath, usize>,
) -> Option<usize> {
    if looped.contains(node) {
        return None;
    }
    if let Some(known) = floors.get(node) {
        return Some(*known);
    }
    let mut highest = None;
    for next in imports.get(node).into_iter().flatten() {
        let below = floor(imports, next, looped, floors)?;
        highest = highest.max(Some(below));
    }
    let own = highest.map_or(0, |h| h + 1);
    floors.insert(node.clone(), own);
    Some(own)
}

/// Every file that `from` imports, directly or through others.
pub fn reached(imports: &Imports, from: &ModPath) -> BTreeSet<ModPath> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from];
    while let Some(node) = todo.pop() {
        for next in imports.get(node).into_iter().flatten() {
            if seen.insert(next.clone()) {
                todo.push(next);
            }
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(edges: &[(&str, &str)]) -> Imports {
        let mut imports = Imports::new();
        for (from, to) in edges {
            imports
                .entry(vec![from.to_string()])
                .or_default()
                .insert(vec![to.to_string()]);
            imports.entry(vec![to.to_string()]).or_default();
        }
        imports
    }

    fn names(group: &[ModPath]) -> Vec<&str> {
        group.iter().map(|m| m[0].as_str()).collect()
    }

    #[test]
    fn a_chain_has_no_loop_and_rises_one_floor_per_import() {
        let imports = graph(&[("web", "app"), ("app", "store"), ("web", "store")]);
        assert!(loops(&imports).is_empty());
        let floors = floors(&imports);
        assert_eq!(floors[&vec!["store".to_string()]], 0);
        assert_eq!(floors[&vec!["app".to_string()]], 1);
        assert_eq!(floors[&vec!["web".to_string()]], 2);
    }

    #[test]
    fn a_loop_is_found_with_every_member_and_nothing_else() {
        let imports = graph(&[("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("e", "a")]);
        let found = loops(&imports);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(names(&found[0]), ["a", "b", "c"]);
        let floors = floors(&imports);
        assert_eq!(floors.get(&vec!["d".to_string()]), Some(&0));
        assert_eq!(floors.get(&vec!["a".to_string()]), None);
    }

    #[test]
    fn reach_follows_imports_through_other_files() {
        let imports = graph(&[("a", "b"), ("b", "c")]);
        let from_a = reached(&imports, &vec!["a".to_string()]);
        assert!(from_a.contains(&vec!["c".to_string()]));
        assert!(!reached(&imports, &vec!["c".to_string()]).contains(&vec!["a".to_string()]));
    }
}
