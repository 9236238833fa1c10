//! The module graph of `src/` has no cycles, and the top-level modules import only downwards
//! through the declared layers.
//!
//! Nodes are modules: one per file (`src/timex/en/dates.rs` is `timex::en::dates`, a `mod.rs` is
//! its folder, `#[path]` files count as the module that declares them). Inline modules belong to
//! their file's node, and test-only code (`#[cfg(test)]` items and test-only module files) is left
//! out: a test may reach anywhere.
//!
//! Edges come from the paths the code names, read with std only after blanking comments and
//! literals: `use` trees and inline `crate::…`, `super::…` and `self::…` paths, and relative `use`
//! paths that start with a child module. A path resolves to the deepest module it names; a name a
//! module re-exports (`pub use`, `pub(crate) use`; `crate::Language` through `src/lib.rs`) resolves
//! to the module it comes from. `super` is relative to the file's module. Macros (`data!`) are not
//! followed; they live in the lowest layer.
//!
//! A module's own file may use its submodules and be used by them (the parent holds what its
//! children share and drives them); every other edge is lifted to the two siblings under the
//! modules' common ancestor. Among the children of every module the lifted edges must be acyclic,
//! and between top-level modules they must follow [`LAYERS`].

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Top-level modules from the bottom up: a module may import from its own layer (cycles aside) and
/// the layers below it, never from one above. A top-level module missing here fails the test.
const LAYERS: &[&[&str]] = &[
    &["text"],    // primitives: embedded data, case, language and script, decoding, limits, offsets, sorting, errors
    &["segment"], // structure, sentences, tokens, Chinese words
    &["report"],  // the report's types: the vocabulary the layers above fill in
    &["timex"],   // time expressions, datelines, calendars
    &["options"], // what a caller asks of an analysis
    &["keywords"],
    &["pipeline"],         // builds the report
    &["engine"],           // owns the settings and dictionaries an analysis uses
    &["share"],            // share links and bundles: outside input, checked; the engine their settings give
    &["corpus", "align"],  // many articles; a text beside its translation: both from the engine's reports
    &["wasm", "fuzz_api"], // the doors
];

/// Edges known to close a cycle that is being broken elsewhere, as (from, to) module paths. Each
/// entry must still exist; delete it with the edge.
const ALLOWED: &[(&str, &str)] = &[];

#[test]
fn src_has_no_module_cycles_and_imports_only_downwards() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    assert!(files.len() > 20, "read only {} files under src/", files.len());
    let graph = Graph::build(&files);
    assert!(graph.modules.len() > 20, "found only {} modules", graph.modules.len());
    let problems = graph.check(LAYERS, ALLOWED);
    assert!(problems.is_empty(), "module layering of src/:\n{}", problems.join("\n"));
}

/// Every `.rs` file under `dir` but the binary's `main.rs`, as (path relative to `src/`, text).
fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let entries: BTreeSet<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    for path in entries {
        if path.is_dir() {
            collect(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            if rel != "main.rs" {
                out.push((rel, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
}

/// An import of one module by another, with where it was written.
#[derive(Debug, Clone)]
struct Edge {
    from: String,
    to: String,
    at: String,
}

struct Graph {
    modules: BTreeSet<String>,
    edges: Vec<Edge>,
}

impl Graph {
    /// Reads `files` (paths relative to `src/`, `lib.rs` the crate root).
    fn build(files: &[(String, String)]) -> Graph {
        // Module paths of the files, `#[path]` files under the module that names them.
        let mut renamed: BTreeMap<String, String> = BTreeMap::new();
        for (path, text) in files {
            let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
            let mut pending: Option<String> = None;
            for line in text.lines().map(str::trim) {
                if let Some(rest) = line.strip_prefix("#[path = \"") {
                    pending = rest.split('"').next().map(str::to_string);
                } else if let (Some(file), Some(name)) = (&pending, mod_declared(line)) {
                    let file = if dir.is_empty() { file.clone() } else { format!("{dir}/{file}") };
                    let parent = module_of_file(path);
                    renamed.insert(file, join(&parent, &name));
                    pending = None;
                } else if !line.starts_with("#[") && !line.starts_with("//") && !line.is_empty() {
                    pending = None;
                }
            }
        }
        let module_for = |path: &str| renamed.get(path).cloned().unwrap_or_else(|| module_of_file(path));
        let stripped: Vec<(String, String, String)> = files.iter().map(|(p, t)| (p.clone(), module_for(p), strip(t))).collect();
        // Test-only module files (`#[cfg(test)] mod tests;`) are left out with their descendants.
        let mut test_only = BTreeSet::new();
        for (_, module, text) in &stripped {
            for name in cfg_test_mods(text) {
                test_only.insert(join(module, &name));
            }
        }
        let is_test = |m: &str| test_only.iter().any(|t| m == t || m.starts_with(&format!("{t}::")));
        let sources: Vec<(String, String, String)> =
            stripped.into_iter().filter(|(_, m, _)| !is_test(m)).map(|(p, m, t)| (p, m, drop_cfg_test(&t))).collect();
        let modules: BTreeSet<String> = sources.iter().map(|(_, m, _)| m.clone()).collect();

        // Names each module re-exports: (module, name) → (module the path starts at, rest of it).
        let mut reexports: BTreeMap<(String, String), (String, Vec<String>)> = BTreeMap::new();
        let mut uses = Vec::new();
        for (path, module, text) in &sources {
            for (line, public, tree) in use_statements(text) {
                for (segs, alias) in expand(&tree) {
                    let Some((start, rest)) = start_of(&modules, module, &segs) else { continue };
                    if public && let Some(name) = alias.or_else(|| rest.last().cloned()) {
                        reexports.insert((module.clone(), name), (start.clone(), rest.clone()));
                    }
                    uses.push((format!("src/{path}:{line}"), module.clone(), start, rest));
                }
            }
            for (line, segs) in inline_paths(text) {
                if let Some((start, rest)) = start_of(&modules, module, &segs) {
                    uses.push((format!("src/{path}:{line}"), module.clone(), start, rest));
                }
            }
        }
        let mut edges = Vec::new();
        for (at, from, start, rest) in uses {
            let to = resolve(&modules, &reexports, &start, &rest, 0);
            if to != from {
                edges.push(Edge { from, to, at });
            }
        }
        Graph { modules, edges }
    }

    /// The cycles among siblings and the upward imports between top-level modules, one line each.
    fn check(&self, layers: &[&[&str]], allowed: &[(&str, &str)]) -> Vec<String> {
        let mut problems = Vec::new();
        for (from, to) in allowed {
            if !self.edges.iter().any(|e| e.from == *from && e.to == *to) {
                problems.push(format!("allowed edge {from} → {to} no longer exists: delete it from ALLOWED"));
            }
        }
        // Lifted edges: parent → (child a → child b) → where.
        let mut lifted: BTreeMap<String, BTreeMap<(String, String), String>> = BTreeMap::new();
        for e in &self.edges {
            if allowed.iter().any(|(f, t)| e.from == *f && e.to == *t) {
                continue;
            }
            let (a, b): (Vec<&str>, Vec<&str>) = (segments(&e.from), segments(&e.to));
            let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
            if common == a.len() || common == b.len() {
                continue; // a module and its ancestor
            }
            let parent = a[..common].join("::");
            let pair = (join(&parent, a[common]), join(&parent, b[common]));
            lifted.entry(parent).or_default().entry(pair).or_insert_with(|| e.at.clone());
        }
        for pairs in lifted.values() {
            for cycle in cycles(pairs) {
                let steps: Vec<String> =
                    cycle.windows(2).map(|w| format!("{} → {} ({})", w[0], w[1], pairs[&(w[0].clone(), w[1].clone())])).collect();
                problems.push(format!("cycle: {}", steps.join(", ")));
            }
        }
        let rank = |m: &str| layers.iter().position(|l| l.contains(&m));
        let top: BTreeSet<&str> = self.modules.iter().filter_map(|m| segments(m).first().copied()).collect();
        for m in &top {
            if rank(m).is_none() {
                problems.push(format!("top-level module {m} has no layer in LAYERS"));
            }
        }
        for ((a, b), at) in lifted.get("").into_iter().flatten() {
            if let (Some(ra), Some(rb)) = (rank(a), rank(b))
                && rb > ra
            {
                problems.push(format!("upward import: {a} (layer {ra}) uses {b} (layer {rb}) at {at}"));
            }
        }
        problems
    }
}

fn segments(module: &str) -> Vec<&str> {
    if module.is_empty() { Vec::new() } else { module.split("::").collect() }
}

fn join(parent: &str, name: &str) -> String {
    if parent.is_empty() { name.to_string() } else { format!("{parent}::{name}") }
}

fn parent_of(module: &str) -> String {
    module.rsplit_once("::").map_or(String::new(), |(p, _)| p.to_string())
}

/// `timex/en/dates.rs` → `timex::en::dates`, `segment/mod.rs` → `segment`, `lib.rs` → the root.
fn module_of_file(path: &str) -> String {
    let path = path.strip_suffix(".rs").unwrap_or(path);
    let path = path.strip_suffix("/mod").unwrap_or(path);
    if path == "lib" { String::new() } else { path.replace('/', "::") }
}

/// The name a `mod NAME;` line declares (any visibility).
fn mod_declared(line: &str) -> Option<String> {
    let rest = line.strip_prefix("pub(crate) ").or_else(|| line.strip_prefix("pub ")).unwrap_or(line);
    let name = rest.strip_prefix("mod ")?.trim().strip_suffix(';')?;
    Some(name.trim().to_string())
}

/// The text with comments, string and character literals blanked (newlines kept).
fn strip(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = c.clone();
    let blank = |out: &mut Vec<char>, from: usize, to: usize| {
        for ch in &mut out[from..to.min(c.len())] {
            if *ch != '\n' {
                *ch = ' ';
            }
        }
    };
    let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    let mut i = 0;
    while i < c.len() {
        let next = c.get(i + 1).copied();
        if c[i] == '/' && next == Some('/') {
            let end = c[i..].iter().position(|&x| x == '\n').map_or(c.len(), |p| i + p);
            blank(&mut out, i, end);
            i = end;
        } else if c[i] == '/' && next == Some('*') {
            let (mut depth, mut j) = (1, i + 2);
            while j < c.len() && depth > 0 {
                if c[j] == '/' && c.get(j + 1) == Some(&'*') {
                    depth += 1;
                    j += 1;
                } else if c[j] == '*' && c.get(j + 1) == Some(&'/') {
                    depth -= 1;
                    j += 1;
                }
                j += 1;
            }
            blank(&mut out, i, j);
            i = j;
        } else if (c[i] == 'r' || (c[i] == 'b' && next == Some('r'))) && (i == 0 || !ident(c[i - 1])) && {
            let k = if c[i] == 'b' { i + 2 } else { i + 1 };
            let hashes = c[k..].iter().take_while(|&&x| x == '#').count();
            c.get(k + hashes) == Some(&'"')
        } {
            let k = if c[i] == 'b' { i + 2 } else { i + 1 };
            let hashes = c[k..].iter().take_while(|&&x| x == '#').count();
            let mut j = k + hashes + 1;
            while j < c.len() && !(c[j] == '"' && c[j + 1..].iter().take(hashes).filter(|&&x| x == '#').count() == hashes) {
                j += 1;
            }
            let end = j + 1 + hashes;
            blank(&mut out, i, end);
            i = end;
        } else if c[i] == '"' {
            let mut j = i + 1;
            while j < c.len() && c[j] != '"' {
                j += if c[j] == '\\' { 2 } else { 1 };
            }
            blank(&mut out, i, j + 1);
            i = j + 1;
        } else if c[i] == '\'' {
            // A character literal ('a', '\n', '\u{3000}'), not a lifetime ('a, 'static).
            if next == Some('\\') {
                let end = c[i + 2..].iter().position(|&x| x == '\'').map_or(c.len(), |p| i + 2 + p + 1);
                blank(&mut out, i, end);
                i = end;
            } else if c.get(i + 2) == Some(&'\'') {
                blank(&mut out, i, i + 3);
                i += 3;
            } else {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    out.into_iter().collect()
}

/// Where `#[cfg(test)]` stands in stripped text: the positions just after each.
fn cfg_test_attrs(text: &str) -> Vec<usize> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if !compact.contains("#[cfg(test)]") {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(p) = text[from..].find("#[cfg(") {
        let start = from + p;
        let end = text[start..].find(']').map_or(text.len(), |q| start + q + 1);
        let inner: String = text[start..end].chars().filter(|c| !c.is_whitespace()).collect();
        if inner == "#[cfg(test)]" {
            found.push(end);
        }
        from = end;
    }
    found
}

/// The names of `#[cfg(test)] mod NAME;` declarations (test-only module files).
fn cfg_test_mods(text: &str) -> Vec<String> {
    cfg_test_attrs(text)
        .into_iter()
        .filter_map(|at| {
            let rest = text[at..].trim_start();
            let line = &rest[..rest.find(';').map_or(rest.len(), |p| p + 1)];
            if line.contains('{') { None } else { mod_declared(line.trim()) }
        })
        .collect()
}

/// The text with every `#[cfg(test)]` item blanked (newlines kept).
fn drop_cfg_test(text: &str) -> String {
    let mut out: Vec<u8> = text.as_bytes().to_vec();
    for at in cfg_test_attrs(text) {
        let b = text.as_bytes();
        let semi = text[at..].find(';').map_or(b.len(), |p| at + p);
        let brace = text[at..].find('{').map(|p| at + p);
        let end = match brace {
            Some(open) if open < semi => {
                let mut depth = 0;
                let mut j = open;
                loop {
                    match b.get(j) {
                        Some(b'{') => depth += 1,
                        Some(b'}') => {
                            depth -= 1;
                            if depth == 0 {
                                break j + 1;
                            }
                        }
                        None => break j,
                        _ => {}
                    }
                    j += 1;
                }
            }
            _ => semi + 1,
        };
        for ch in &mut out[at..end.min(b.len())] {
            if *ch != b'\n' {
                *ch = b' ';
            }
        }
    }
    String::from_utf8(out).unwrap()
}

fn line_of(text: &str, at: usize) -> usize {
    text[..at].matches('\n').count() + 1
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The `use` statements: (line, re-exported?, the tree without spaces).
fn use_statements(text: &str) -> Vec<(usize, bool, String)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = text[from..].find("use ") {
        let at = from + p;
        from = at + 4;
        if at > 0 && (is_ident_byte(b[at - 1]) || b[at - 1] == b'$') {
            continue;
        }
        let Some(end) = text[at..].find(';').map(|q| at + q) else { break };
        let line_start = text[..at].rfind('\n').map_or(0, |q| q + 1);
        let public = text[line_start..at].trim().starts_with("pub");
        let tree: String = text[at + 4..end].chars().filter(|c| !c.is_whitespace()).collect();
        out.push((line_of(text, at), public, tree));
        from = end;
    }
    out
}

/// The paths of a `use` tree, each with its alias: `a::{b, c::d as e, self}` →
/// `a::b`, `a::c::d` (as `e`), `a`. Globs end at their module.
fn expand(tree: &str) -> Vec<(Vec<String>, Option<String>)> {
    fn split_top(s: &str) -> Vec<&str> {
        let (mut depth, mut start, mut parts) = (0, 0, Vec::new());
        for (i, ch) in s.char_indices() {
            match ch {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(&s[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        parts.push(&s[start..]);
        parts.into_iter().filter(|p| !p.is_empty()).collect()
    }
    fn walk(prefix: &[String], tree: &str, out: &mut Vec<(Vec<String>, Option<String>)>) {
        let tree = tree.trim_start_matches("::");
        if let Some(open) = tree.find('{') {
            let head: Vec<String> = tree[..open].split("::").filter(|s| !s.is_empty()).map(str::to_string).collect();
            let prefix: Vec<String> = prefix.iter().cloned().chain(head).collect();
            let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
            for part in split_top(inner) {
                walk(&prefix, part, out);
            }
            return;
        }
        let (path, alias) = match tree.split_once("as") {
            Some((p, a))
                if !a.is_empty()
                    && p.ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '*')
                    && a.chars().all(|c| c.is_alphanumeric() || c == '_')
                    && !p.ends_with("::") =>
            {
                (p, Some(a.to_string()))
            }
            _ => (tree, None),
        };
        let mut segs: Vec<String> = prefix.to_vec();
        for s in path.split("::").filter(|s| !s.is_empty()) {
            match s {
                "self" if !segs.is_empty() => {}
                "*" => {}
                s => segs.push(s.to_string()),
            }
        }
        out.push((segs, alias));
    }
    let mut out = Vec::new();
    walk(&[], tree, &mut out);
    out
}

/// Inline paths that start with `crate`, `super` or `self`: (line, segments).
fn inline_paths(text: &str) -> Vec<(usize, Vec<String>)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for key in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(p) = text[from..].find(key) {
            let at = from + p;
            from = at + key.len();
            if at > 0 && (is_ident_byte(b[at - 1]) || b[at - 1] == b'$' || b[at - 1] == b':') {
                continue;
            }
            let mut end = at;
            while end < b.len()
                && (is_ident_byte(b[end]) || (b[end] == b':' && b.get(end + 1) == Some(&b':') && b.get(end + 2).is_some_and(|&c| is_ident_byte(c))))
            {
                end += if b[end] == b':' { 2 } else { 1 };
            }
            let segs = text[at..end].split("::").map(str::to_string).collect();
            out.push((line_of(text, at), segs));
        }
    }
    out
}

/// The module a path starts from and the rest of it, or `None` for paths outside the crate
/// (`std::…`, other crates, local items).
fn start_of(modules: &BTreeSet<String>, module: &str, segs: &[String]) -> Option<(String, Vec<String>)> {
    let mut at = match segs.first()?.as_str() {
        "crate" => String::new(),
        "super" => parent_of(module),
        "self" => module.to_string(),
        first if modules.contains(&join(module, first)) => return Some((module.to_string(), segs.to_vec())),
        _ => return None,
    };
    let mut rest = &segs[1..];
    while rest.first().is_some_and(|s| s == "super") {
        at = parent_of(&at);
        rest = &rest[1..];
    }
    Some((at, rest.to_vec()))
}

/// The deepest module a path names, following re-exports to where a name comes from.
fn resolve(
    modules: &BTreeSet<String>,
    reexports: &BTreeMap<(String, String), (String, Vec<String>)>,
    start: &str,
    rest: &[String],
    depth: usize,
) -> String {
    let mut at = start.to_string();
    for name in rest {
        let child = join(&at, name);
        if modules.contains(&child) {
            at = child;
        } else if let Some((s, r)) = reexports.get(&(at.clone(), name.clone())).filter(|_| depth < 8) {
            return resolve(modules, reexports, s, r, depth + 1);
        } else {
            break;
        }
    }
    at
}

/// The elementary cycles worth reporting: one per strongly connected component, each as the
/// closed list of its nodes (first = last).
fn cycles(pairs: &BTreeMap<(String, String), String>) -> Vec<Vec<String>> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (a, b) in pairs.keys() {
        next.entry(a).or_default().push(b);
    }
    let nodes: BTreeSet<&str> = pairs.keys().flat_map(|(a, b)| [a.as_str(), b.as_str()]).collect();
    let mut reported: BTreeSet<&str> = BTreeSet::new();
    let mut out = Vec::new();
    for &start in &nodes {
        if reported.contains(start) {
            continue;
        }
        // Shortest path from `start` back to itself, breadth first.
        let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([start]);
        let mut closed = None;
        while let Some(n) = queue.pop_front() {
            for &m in next.get(n).into_iter().flatten() {
                if m == start {
                    closed = Some(n);
                    break;
                }
                if !came_from.contains_key(m) {
                    came_from.insert(m, n);
                    queue.push_back(m);
                }
            }
            if closed.is_some() {
                break;
            }
        }
        if let Some(mut n) = closed {
            let mut back = Vec::new();
            while n != start {
                back.push(n);
                n = came_from[n];
            }
            reported.extend(back.iter().copied());
            let cycle = std::iter::once(start).chain(back.into_iter().rev()).chain([start]).map(str::to_string).collect();
            out.push(cycle);
        }
    }
    out
}

#[cfg(test)]
mod cases {
    use super::*;

    const LAYERS: &[&[&str]] = &[&["low"], &["mid"], &["high"]];

    fn graph(files: &[(&str, &str)]) -> Graph {
        Graph::build(&files.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect::<Vec<_>>())
    }

    fn problems(files: &[(&str, &str)]) -> Vec<String> {
        graph(files).check(LAYERS, &[])
    }

    #[test]
    fn a_clean_tree_passes() {
        let files = [
            ("lib.rs", "mod low;\nmod mid;\nmod high;\npub use low::Thing;\n"),
            ("low/mod.rs", "pub(crate) mod a;\npub(crate) mod b;\npub struct Thing;\n"),
            ("low/a.rs", "use super::b::helper;\npub fn f() { helper() }\n"),
            ("low/b.rs", "use super::Thing; // the parent's type\npub fn helper() {}\n"),
            ("mid.rs", "use crate::Thing;\nfn g() { crate::low::a::f() }\n"),
            ("high.rs", "use crate::{mid, low::{self, b::helper as h}};\n"),
        ];
        let g = graph(&files);
        assert_eq!(g.modules.len(), 6);
        let edge = |f: &str, t: &str| g.edges.iter().any(|e| e.from == f && e.to == t);
        assert!(edge("mid", "low"), "crate::Thing resolves through lib.rs's re-export: {:?}", g.edges);
        assert!(edge("mid", "low::a") && edge("low::a", "low::b") && edge("high", "low::b"), "{:?}", g.edges);
        assert_eq!(problems(&files), Vec::<String>::new());
    }

    #[test]
    fn a_cycle_between_siblings_is_found() {
        let files = [
            ("lib.rs", "mod low;\n"),
            ("low/mod.rs", "mod a;\nmod b;\nmod c;\n"),
            ("low/a.rs", "pub fn f() { super::b::g() }\n"),
            ("low/b.rs", "use crate::low::c::h;\npub fn g() { h() }\n"),
            ("low/c.rs", "pub fn h() { crate::low::a::f() }\n"),
        ];
        let found = problems(&files);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("cycle: low::a → low::b (src/low/a.rs:1), low::b → low::c (src/low/b.rs:1), low::c → low::a"), "{found:?}");
    }

    #[test]
    fn a_cycle_through_a_reexport_is_found() {
        let files = [
            ("lib.rs", "mod low;\nmod mid;\npub use mid::Kind;\n"),
            ("low.rs", "use crate::Kind;\n"),
            ("mid.rs", "pub enum Kind {}\nfn f() { crate::low::x() }\n"),
        ];
        let found = problems(&files);
        assert!(found.iter().any(|p| p.starts_with("cycle: low → mid")), "{found:?}");
        assert!(found.iter().any(|p| p.starts_with("upward import: low (layer 0) uses mid (layer 1) at src/low.rs:1")), "{found:?}");
    }

    #[test]
    fn an_upward_import_is_found() {
        let files = [("lib.rs", "mod low;\nmod high;\n"), ("low.rs", "fn f() { crate::high::g() }\n"), ("high.rs", "pub fn g() {}\n")];
        assert_eq!(problems(&files), vec!["upward import: low (layer 0) uses high (layer 2) at src/low.rs:1".to_string()]);
    }

    #[test]
    fn comments_strings_and_test_code_are_not_imports() {
        let files = [
            ("lib.rs", "mod low;\nmod high;\n"),
            (
                "low.rs",
                "// crate::high::g()\n/* use crate::high; */\nconst S: &str = \"crate::high::g\";\nconst R: &str = r#\"use crate::high;\"#;\n\
                 fn f<'a>(c: char) -> bool { c == '\"' }\n#[cfg(test)]\nmod tests { use crate::high::g; }\n#[cfg(test)]\nmod more;\n",
            ),
            ("low/more.rs", "use crate::high;\n"),
            ("high.rs", "pub fn g() {}\n"),
        ];
        let g = graph(&files);
        assert!(g.edges.is_empty(), "{:?}", g.edges);
        assert!(!g.modules.contains("low::more"));
    }

    #[test]
    fn path_attributes_and_unknown_modules() {
        let files = [
            ("lib.rs", "mod low;\nmod other;\n"),
            ("low/mod.rs", "#[cfg(not(feature = \"x\"))]\n#[path = \"b_off.rs\"]\nmod b;\nmod a;\n"),
            ("low/b_off.rs", "pub fn g() { crate::low::a::f() }\n"),
            ("low/a.rs", "pub fn f() { super::b::g() }\n"),
            ("other.rs", "\n"),
        ];
        let found = problems(&files);
        assert!(found.iter().any(|p| p.starts_with("cycle: low::a → low::b")), "{found:?}");
        assert!(found.contains(&"top-level module other has no layer in LAYERS".to_string()), "{found:?}");
    }

    #[test]
    fn allowed_edges_are_skipped_and_must_exist() {
        let files =
            [("lib.rs", "mod low;\n"), ("low/mod.rs", "mod a;\nmod b;\n"), ("low/a.rs", "use super::b::g;\n"), ("low/b.rs", "use super::a::f;\n")];
        assert_eq!(graph(&files).check(LAYERS, &[("low::b", "low::a")]), Vec::<String>::new());
        let stale = graph(&files).check(LAYERS, &[("low::b", "low::a"), ("low::a", "low")]);
        assert_eq!(stale, vec!["allowed edge low::a → low no longer exists: delete it from ALLOWED".to_string()]);
    }
}
