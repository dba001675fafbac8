//! The module tree of one crate, read from its files: which modules exist, which file
//! each lives in, and the raw facts of each (its `use` names and the paths it names).
//!
//! Test code (`#[cfg(test)]` items, test modules in their own files) is left out: the
//! map is about the product's code.

use crate::Error;
use proc_macro2::{TokenStream, TokenTree};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use syn::visit::Visit;

/// A module's path inside its crate: `["routes", "console"]`; the root is empty.
pub type ModPath = Vec<String>;

/// A path as written in the source, with the module it was written in.
#[derive(Debug, Clone)]
pub struct Written {
    pub module: ModPath,
    pub segments: Vec<String>,
}

/// What one module (a file's own module or an inline one) holds.
#[derive(Debug, Default)]
pub struct Module {
    /// The file module this module is written in (itself, unless inline).
    pub file: ModPath,
    /// Names brought in by `use` (including `pub use` re-exports), by local name.
    pub uses: BTreeMap<String, Written>,
}

/// A crate's modules and every path its code names.
#[derive(Debug, Default)]
pub struct Tree {
    pub modules: BTreeMap<ModPath, Module>,
    /// Source files by file module.
    pub files: BTreeMap<ModPath, PathBuf>,
    pub written: Vec<Written>,
}

impl Tree {
    /// Reads a crate from its `src` folder, starting at `lib.rs` (or `main.rs`).
    pub fn read(src: &Path) -> Result<Tree, Error> {
        let root = ["lib.rs", "main.rs"]
            .iter()
            .map(|name| src.join(name))
            .find(|path| path.is_file())
            .ok_or_else(|| Error::NoRoot(src.to_path_buf()))?;
        let mut tree = Tree::default();
        tree.read_file(&root, Vec::new(), true)?;
        Ok(tree)
    }

    fn read_file(&mut self, path: &Path, module: ModPath, owns_dir: bool) -> Result<(), Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let file = syn::parse_file(&text).map_err(|e| Error::Parse {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        // A `mod x;` of `a/b.rs` lives in `a/b/x.rs`; of `a/mod.rs` or `lib.rs`, in `a/x.rs`.
        let dir = match (owns_dir, path.parent(), path.file_stem()) {
            (true, Some(parent), _) => parent.to_path_buf(),
            (false, Some(parent), Some(stem)) => parent.join(stem),
            _ => return Err(Error::NoRoot(path.to_path_buf())),
        };
        self.files.insert(module.clone(), path.to_path_buf());
        let mut reader = Reader {
            tree: self,
            file: module.clone(),
            stack: vec![module],
            dir,
            children: Vec::new(),
        };
        reader.enter_module();
        reader.visit_file(&file);
        let children = std::mem::take(&mut reader.children);
        for (child, path, owns_dir) in children {
            self.read_file(&path, child, owns_dir)?;
        }
        Ok(())
    }
}

/// Walks one file, recording modules, `use` names and written paths.
struct Reader<'t> {
    tree: &'t mut Tree,
    file: ModPath,
    /// The module being read: the file's, then inline ones inside it.
    stack: Vec<ModPath>,
    dir: PathBuf,
    /// `mod x;` declarations found: module, file, whether the file owns a folder.
    children: Vec<(ModPath, PathBuf, bool)>,
}

impl Reader<'_> {
    fn current(&self) -> ModPath {
        self.stack.last().cloned().unwrap_or_default()
    }

    fn enter_module(&mut self) {
        let module = Module {
            file: self.file.clone(),
            uses: BTreeMap::new(),
        };
        self.tree.modules.insert(self.current(), module);
    }

    fn write(&mut self, segments: Vec<String>) {
        if !segments.is_empty() {
            let module = self.current();
            self.tree.written.push(Written { module, segments });
        }
    }

    /// Records a `use` tree: each leaf is a written path and, unless a glob, a name.
    fn use_tree(&mut self, prefix: &[String], tree: &syn::UseTree) {
        let mut path = prefix.to_vec();
        match tree {
            syn::UseTree::Path(p) => {
                path.push(p.ident.to_string());
                self.use_tree(&path, &p.tree);
            }
            syn::UseTree::Name(n) if n.ident == "self" => self.name(&path, None),
            syn::UseTree::Name(n) => {
                path.push(n.ident.to_string());
                self.name(&path, None);
            }
            syn::UseTree::Rename(r) => {
                path.push(r.ident.to_string());
                self.name(&path, Some(r.rename.to_string()));
            }
            syn::UseTree::Glob(_) => self.write(path),
            syn::UseTree::Group(g) => g.items.iter().for_each(|t| self.use_tree(&path, t)),
        }
    }

    fn name(&mut self, path: &[String], rename: Option<String>) {
        let Some(last) = rename.or_else(|| path.last().cloned()) else {
            return;
        };
        let written = Written {
            module: self.current(),
            segments: path.to_vec(),
        };
        if let Some(module) = self.tree.modules.get_mut(&self.current()) {
            module.uses.insert(last, written.clone());
        }
        self.tree.written.push(written);
    }

    /// Paths inside attribute arguments and macro bodies (`#[openapi(paths(a::b))]`,
    /// `format!("{}", crate::x::y())`): runs of `ident :: ident …`.
    fn tokens(&mut self, tokens: &TokenStream) {
        let mut run: Vec<String> = Vec::new();
        let mut colons = 0;
        for token in tokens.clone() {
            match token {
                TokenTree::Ident(ident) if run.is_empty() || colons == 2 => {
                    run.push(ident.to_string());
                    colons = 0;
                }
                TokenTree::Punct(p) if p.as_char() == ':' && !run.is_empty() && colons < 2 => {
                    colons += 1;
                }
                TokenTree::Group(group) => {
                    self.write(std::mem::take(&mut run));
                    colons = 0;
                    self.tokens(&group.stream());
                }
                other => {
                    self.write(std::mem::take(&mut run));
                    colons = 0;
                    if let TokenTree::Ident(ident) = other {
                        run.push(ident.to_string());
                    }
                }
            }
        }
        self.write(run);
    }
}

/// Whether an item is compiled for tests only.
fn is_test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.parse_args::<syn::Meta>()
                .is_ok_and(|meta| meta.path().is_ident("test"))
    })
}

fn attrs_of(item: &syn::Item) -> &[syn::Attribute] {
    match item {
        syn::Item::Const(i) => &i.attrs,
        syn::Item::Enum(i) => &i.attrs,
        syn::Item::Fn(i) => &i.attrs,
        syn::Item::Impl(i) => &i.attrs,
        syn::Item::Macro(i) => &i.attrs,
        syn::Item::Mod(i) => &i.attrs,
        syn::Item::Static(i) => &i.attrs,
        syn::Item::Struct(i) => &i.attrs,
        syn::Item::Trait(i) => &i.attrs,
        syn::Item::Type(i) => &i.attrs,
        syn::Item::Union(i) => &i.attrs,
        syn::Item::Use(i) => &i.attrs,
        _ => &[],
    }
}

impl<'ast> Visit<'ast> for Reader<'_> {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        if !is_test_only(attrs_of(item)) {
            syn::visit::visit_item(self, item);
        }
    }

    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        let mut child = self.current();
        child.push(item.ident.to_string());
        match &item.content {
            Some((_, items)) => {
                self.stack.push(child);
                self.enter_module();
                items.iter().for_each(|i| self.visit_item(i));
                self.stack.pop();
            }
            None => {
                let name = item.ident.to_string();
                let flat = self.dir.join(format!("{name}.rs"));
                let folder = self.dir.join(&name).join("mod.rs");
                let found = if flat.is_file() {
                    (flat, false)
                } else {
                    (folder, true)
                };
                self.children.push((child, found.0, found.1));
            }
        }
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        self.use_tree(&[], &item.tree);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        self.write(path.segments.iter().map(|s| s.ident.to_string()).collect());
        syn::visit::visit_path(self, path);
    }

    /// `pub(crate)`, `pub(super)`, `pub(in a::b)` say who may use an item; they
    /// import nothing.
    fn visit_visibility(&mut self, _: &'ast syn::Visibility) {}

    fn visit_attribute(&mut self, attr: &'ast syn::Attribute) {
        if let syn::Meta::List(list) = &attr.meta {
            self.tokens(&list.tokens);
        }
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.tokens(&mac.tokens);
        syn::visit::visit_macro(self, mac);
    }
}
