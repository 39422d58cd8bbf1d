//! Every rule id of `docs/reference/fetch-cors-rules.md` is checked by at least one test in this directory, or is
//! listed below as knowingly not modelled. A listed id that gains a test fails the run (stale entry).

use std::collections::BTreeSet;

/// Rule groups of `docs/reference/fetch-cors-rules.md` and how many rules each has.
const GROUPS: [(&str, u32); 23] = [
    ("O", 9),
    ("M", 6),
    ("H", 8),
    ("F", 8),
    ("S", 17),
    ("Q", 10),
    ("T", 14),
    ("OH", 6),
    ("P", 14),
    ("C", 12),
    ("K", 8),
    ("E", 7),
    ("RT", 3),
    ("CR", 9),
    ("R", 19),
    ("N", 7),
    ("SO", 2),
    ("U", 4),
    ("MX", 5),
    ("PN", 5),
    ("TAO", 5),
    ("CORP", 6),
    ("X", 7),
];

/// Rules the engine knowingly does not model, and why.
const NOT_MODELLED: &[(&str, &str)] = &[
    ("S-14", "Headers set/delete: a scenario lists the headers as appended"),
    ("Q-4", "cache mode only-if-cached: scenarios have no cache mode"),
    ("Q-6", "a body with GET/HEAD: scenarios have no body"),
    ("Q-10", "init window: not expressible in a scenario"),
    ("T-1", "preloaded responses (Early Hints): out of scope"),
    ("T-4", "navigations, WebSocket, WebTransport: scenarios are fetch()/XHR calls"),
    ("T-12", "opaque range replay: needs range-requested state across fetches"),
    ("T-14", "CSP, MIME-type and nosniff blocking: not CORS"),
    ("P-12", "cache entries: each scenario is one fetch from a cold cache; a fixed answer per URL means a redirect chain can never hit an entry"),
    ("P-14", "unterminated preflight bodies: a robustness requirement, not a decision"),
    ("C-1", "cold cache per scenario (see P-12)"),
    ("C-2", "cold cache per scenario (see P-12)"),
    ("C-3", "cold cache per scenario (see P-12)"),
    ("C-4", "cold cache per scenario (see P-12)"),
    ("C-5", "cold cache per scenario (see P-12)"),
    ("C-6", "cold cache per scenario (see P-12)"),
    ("C-7", "cold cache per scenario (see P-12)"),
    ("C-8", "network partition keys: one page per scenario"),
    ("C-9", "cold cache per scenario (see P-12)"),
    ("C-12", "cold cache per scenario (see P-12)"),
    ("E-6", "304 revalidation: no HTTP cache"),
    ("CR-5", "HTTP authentication prompts: not CORS requests"),
    ("CR-6", "proxy authentication: no proxies in scenarios"),
    ("R-9", "stream bodies on redirects: scenarios have no body"),
    ("R-18", "service workers: not modelled"),
    ("R-19", "request cloning for resends: scenarios have no body"),
    ("N-5", "ReadableStream bodies in no-cors: the preflight flag stands for the body"),
    ("N-6", "Opaque Response Blocking: a separate proposal, not in Fetch"),
    ("SO-2", "only-if-cached: scenarios have no cache mode"),
    ("PN-5", "Access-Control-Request-Private-Network: tentative, not in Fetch"),
    ("TAO-1", "Timing-Allow-Origin only affects Resource Timing"),
    ("TAO-2", "Timing-Allow-Origin only affects Resource Timing"),
    ("TAO-3", "Timing-Allow-Origin only affects Resource Timing"),
    ("TAO-4", "Timing-Allow-Origin only affects Resource Timing"),
    ("CORP-5", "COEP: pages without Cross-Origin-Embedder-Policy"),
    ("X-2", "keepalive quotas: scenarios have no body"),
    ("X-4", "Accept-Encoding: identity is a forbidden header the script never sees"),
    ("X-5", "null-body statuses: bodies are not modelled"),
];

/// The rule ids named in the test code of this directory (other than this file; comments excluded).
fn referenced_ids() -> BTreeSet<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");
    let mut text = String::new();
    for entry in std::fs::read_dir(dir).expect("tests directory").flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("coverage.rs") {
            let source = std::fs::read_to_string(&path).expect("readable test file");
            // Comments name rule ranges (`T-1…T-14`); only code counts.
            for line in source.lines().filter(|l| !l.trim_start().starts_with("//")) {
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    let mut ids = BTreeSet::new();
    for (group, count) in GROUPS {
        for n in 1..=count {
            let id = format!("{group}-{n}");
            let found = text.match_indices(&id).any(|(at, _)| {
                let before = text[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_ascii_alphanumeric());
                let after = text[at + id.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_ascii_digit());
                before && after
            });
            if found {
                ids.insert(id);
            }
        }
    }
    ids
}

#[test]
fn every_rule_is_tested_or_knowingly_not_modelled() {
    let tested = referenced_ids();
    let not_modelled: BTreeSet<&str> = NOT_MODELLED.iter().map(|(id, _)| *id).collect();
    let mut missing = Vec::new();
    for (group, count) in GROUPS {
        for n in 1..=count {
            let id = format!("{group}-{n}");
            if !tested.contains(&id) && !not_modelled.contains(id.as_str()) {
                missing.push(id);
            }
        }
    }
    assert!(missing.is_empty(), "rules without a test: {missing:?}");
}

#[test]
fn not_modelled_entries_are_not_stale() {
    let tested = referenced_ids();
    let stale: Vec<&str> = NOT_MODELLED
        .iter()
        .map(|(id, _)| *id)
        .filter(|id| tested.contains(*id))
        .collect();
    assert!(
        stale.is_empty(),
        "these rules now have tests; remove them from NOT_MODELLED: {stale:?}"
    );
}
