//! Modules run one way (docs/architecture.md): in every crate of the workspace, no module uses a
//! module that uses it back, directly or through others. A module's uses are the `crate::…`,
//! `super::…` and `self::…` paths in its file (comments and `#[cfg(test)]` items left out), each
//! resolved to the longest module path it names. Uses between a module and its own descendants are
//! left out: a folder's `mod.rs` declares its files, and a file may use what its `mod.rs` defines.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use support::repo_root;

/// Crate source folders, relative to the repository root.
const CRATES: &[&str] = &[
    "src",
    "bench/floor/src",
    "crates/cors-rules/src",
    "crates/cors-diagnose/src",
    "crates/cors-lab/src",
    "crates/cors-cli/src",
    "crates/cors-reference/src",
    "crates/cors-conformance/src",
];

/// Every module of a crate (`a::b`, the root is ``) with its source.
fn modules(dir: &Path, prefix: &[String], found: &mut BTreeMap<String, String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        if path.is_dir() {
            if prefix.is_empty() && name == "bin" {
                continue;
            }
            let mut inner = prefix.to_vec();
            inner.push(name);
            modules(&path, &inner, found);
        } else if let Some(stem) = name.strip_suffix(".rs") {
            let mut module = prefix.to_vec();
            if !matches!(stem, "mod" | "lib" | "main") {
                module.push(stem.to_owned());
            }
            let source = std::fs::read_to_string(&path).unwrap_or_default();
            found.insert(module.join("::"), without_tests(&without_comments(&source)));
        }
    }
}

/// `source` without `//` comments.
fn without_comments(source: &str) -> String {
    source
        .lines()
        .map(|line| match line.find("//") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `source` without the items marked `#[cfg(test)]` (up to their `;` or their closing brace).
fn without_tests(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let item = &rest[at..];
        let mut depth = 0usize;
        let mut end = item.len();
        for (i, c) in item.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = i + 1;
                        break;
                    }
                }
                ';' if depth == 0 => {
                    end = i + 1;
                    break;
                }
                _ => {}
            }
        }
        rest = &item[end..];
    }
    out.push_str(rest);
    out
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The paths after `crate::`, `super::` and `self::` in `source`, as segment lists starting with that
/// keyword; a `{…}` group yields one path per entry.
fn paths(source: &str) -> Vec<Vec<String>> {
    let bytes = source.as_bytes();
    let mut found = Vec::new();
    for keyword in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(offset) = source[from..].find(keyword) {
            let at = from + offset;
            from = at + keyword.len();
            if at > 0 && (is_ident_byte(bytes[at - 1]) || bytes[at - 1] == b':') {
                continue;
            }
            let mut segments = vec![keyword.trim_end_matches(':').to_owned()];
            let mut i = from;
            loop {
                let start = i;
                while i < bytes.len() && is_ident_byte(bytes[i]) {
                    i += 1;
                }
                if i > start {
                    segments.push(source[start..i].to_owned());
                }
                if source[i..].starts_with("::") && i > start {
                    i += 2;
                    continue;
                }
                if i < bytes.len() && bytes[i] == b'{' {
                    // One path per entry of the group (only the entry's leading segments matter).
                    for entry in group_entries(&source[i + 1..]) {
                        let entry: Vec<String> = entry
                            .split("::")
                            .map(|s| s.trim().to_owned())
                            .take_while(|s| !s.is_empty() && s.bytes().all(is_ident_byte))
                            .collect();
                        let mut path = segments.clone();
                        path.extend(entry);
                        found.push(path);
                    }
                } else {
                    found.push(segments);
                }
                break;
            }
        }
    }
    found
}

/// The top-level entries of a `{…}` group whose text starts after its `{`.
fn group_entries(text: &str) -> Vec<&str> {
    let mut entries = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            ',' if depth == 0 => {
                entries.push(&text[start..i]);
                start = i + 1;
            }
            '}' if depth == 0 => {
                entries.push(&text[start..i]);
                break;
            }
            '}' => depth -= 1,
            _ => {}
        }
    }
    entries
}

/// The module a path names from `module`: the longest prefix that is a module.
fn resolve(module: &str, path: &[String], known: &BTreeSet<String>) -> Option<String> {
    let mut base: Vec<String> = if module.is_empty() {
        Vec::new()
    } else {
        module.split("::").map(str::to_owned).collect()
    };
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            base.clear();
            rest = &rest[1..];
        }
        Some("self") => rest = &rest[1..],
        _ => {
            while rest.first().map(String::as_str) == Some("super") {
                base.pop();
                rest = &rest[1..];
            }
        }
    }
    let full: Vec<String> = base.into_iter().chain(rest.iter().cloned()).collect();
    (0..=full.len())
        .rev()
        .map(|n| full[..n].join("::"))
        .find(|candidate| known.contains(candidate))
}

fn related(a: &str, b: &str) -> bool {
    a.is_empty()
        || b.is_empty()
        || a.starts_with(&format!("{b}::"))
        || b.starts_with(&format!("{a}::"))
}

/// The uses between modules that are not ancestor and descendant.
fn uses(modules: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, source) in modules {
        for path in paths(source) {
            if let Some(target) = resolve(module, &path, &known) {
                if target != *module && !related(module, &target) {
                    graph.entry(module.clone()).or_default().insert(target);
                }
            }
        }
    }
    graph
}

/// A cycle through `graph`, if there is one, as the modules along it.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        done: &mut BTreeSet<String>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut found = stack[at..].to_vec();
            found.push(node.to_owned());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, done, stack) {
                return Some(found);
            }
        }
        stack.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut done, &mut Vec::new()))
}

#[test]
fn no_module_uses_a_module_that_uses_it_back() {
    let mut cycles = Vec::new();
    for dir in CRATES {
        let mut found = BTreeMap::new();
        modules(&repo_root().join(dir), &[], &mut found);
        assert!(
            found.len() > 1 || *dir == "bench/floor/src",
            "{dir}: no modules found"
        );
        if let Some(found) = cycle(&uses(&found)) {
            cycles.push(format!("{dir}: {}", found.join(" → ")));
        }
    }
    assert!(
        cycles.is_empty(),
        "modules that use each other:\n{}",
        cycles.join("\n")
    );
}

#[test]
fn the_check_sees_a_cycle_through_a_group_and_through_super() {
    let modules: BTreeMap<String, String> = [
        ("a".to_owned(), "use crate::b::Thing;".to_owned()),
        (
            "b".to_owned(),
            "use super::{c::{Other, More}, d};".to_owned(),
        ),
        (
            "c".to_owned(),
            "fn f() { crate::a::g(); } // crate::d::h()".to_owned(),
        ),
        (
            "d".to_owned(),
            "#[cfg(test)]\nmod tests { use crate::a::x; }".to_owned(),
        ),
        ("e".to_owned(), String::new()),
        ("e::f".to_owned(), "use super::Parent;".to_owned()),
    ]
    .into_iter()
    .collect();
    let cleaned: BTreeMap<String, String> = modules
        .into_iter()
        .map(|(m, s)| (m, without_tests(&without_comments(&s))))
        .collect();
    let graph = uses(&cleaned);
    assert_eq!(
        cycle(&graph),
        Some(vec![
            "a".to_owned(),
            "b".to_owned(),
            "c".to_owned(),
            "a".to_owned()
        ])
    );
    assert!(
        graph["b"].contains("d"),
        "every entry of a nested group counts"
    );
    assert!(
        !graph.contains_key("d"),
        "a test module's uses do not count"
    );
    assert!(
        !graph.contains_key("e::f"),
        "a file may use its folder's items"
    );
}
