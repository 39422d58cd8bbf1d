//! Every text of the browsers' message catalogue (`tests/data/browser-messages.json`, a copy of the
//! project's reference: 46 Chromium, 18 Firefox, 24 WebKit texts), filled with values, is recognised as
//! its browser's; and it round-trips: the scenario built from the message, evaluated for that browser,
//! prints the same text.
//!
//! Texts that cannot round-trip are listed in [`NO_ROUND_TRIP`] with the reason; an entry that starts
//! round-tripping fails the test, so the list only shrinks.

use cors_diagnose::console::recognise;
use cors_rules::{evaluate, Browser};
use serde::Deserialize;

/// One catalogue entry (the fields this test reads).
#[derive(Deserialize)]
struct Entry {
    browser: String,
    code: String,
    template: String,
    template_fetch: Option<String>,
    status: String,
    devtools_netmonitor_label: Option<String>,
}

fn catalogue() -> Vec<Entry> {
    serde_json::from_str(include_str!("data/browser-messages.json")).expect("the catalogue parses")
}

/// Texts that are not messages to recognise: a label, a prefix, a generic line.
const NOT_MESSAGES: &[(&str, &str)] = &[
    (
        "CHROMIUM_PREFIX_REDIRECTED",
        "the prefix of redirected messages, not a message of its own (its messages are recognised)",
    ),
    (
        "CHROMIUM_DEVTOOLS_NETWORK_STATUS",
        "the Network panel's status column (`CORS error`), not console text",
    ),
    (
        "FIREFOX_DEVTOOLS_NETMONITOR",
        "the Network monitor's label column, not console text",
    ),
];

/// Texts that are recognised but whose reproduction cannot print them, and why.
const NO_ROUND_TRIP: &[(&str, &str)] = &[
    ("kDisallowedByMode", "Chromium 156 printed the renderer's `Fetch API cannot load …` (or, after a redirect, `Unsafe attempt to load URL …`) for every same-origin-mode case the engine models"),
    ("kInvalidResponse", "Chromium reports it to DevTools only; a preflight network error prints `net::ERR_…` instead"),
    ("kCorsDisabledScheme", "fetch() to a non-HTTP scheme fails in the renderer first (`URL scheme … is not supported`)"),
    ("kInsecureLocalNetwork", "Local Network Access: the engine does not model address spaces from a message"),
    ("kInvalidLocalNetworkAccess", "Local Network Access: the engine does not model address spaces from a message"),
    ("kLocalNetworkAccessPermissionDenied", "Local Network Access: the engine does not model address spaces from a message"),
    ("kPreflightMissingAllowExternal", "removed from Chromium; the engine models today's browsers"),
    ("kPreflightInvalidAllowExternal", "removed from Chromium; the engine models today's browsers"),
    ("kPreflightMissingAllowPrivateNetwork", "removed from Chromium; the engine models today's browsers"),
    ("kPreflightInvalidAllowPrivateNetwork", "removed from Chromium; the engine models today's browsers"),
    ("kUnexpectedPrivateNetworkAccess", "removed from Chromium; the engine models today's browsers"),
    ("kPreflightMissingPrivateNetworkAccessId", "removed from Chromium; the engine models today's browsers"),
    ("kPreflightMissingPrivateNetworkAccessName", "removed from Chromium; the engine models today's browsers"),
    ("kPrivateNetworkAccessPermissionUnavailable", "removed from Chromium; the engine models today's browsers"),
    ("kPrivateNetworkAccessPermissionDenied", "removed from Chromium; the engine models today's browsers"),
    ("kInsecurePrivateNetwork", "renamed in Chromium (now kInsecureLocalNetwork)"),
    ("kInvalidPrivateNetworkAccess", "renamed in Chromium (now kInvalidLocalNetworkAccess)"),
    ("CHROMIUM_ISSUE_SUMMARY", "DevTools' issue summary, not a console line the engine prints"),
    ("CHROMIUM_RENDERER_CSP_CONNECT_SRC", "the page's Content-Security-Policy, outside CORS and the scenario format"),
    ("CHROMIUM_NET_ERR_FAILED_LINE", "the generic line under every CORS error; alone it names no check"),
    ("CHROMIUM_JS_FETCH_TYPEERROR", "the script's exception, not a console line; alone it names no check"),
    ("CHROMIUM_JS_SYNC_XHR", "the script's exception for a synchronous XHR; alone it names no check"),
    ("CORSDisabled", "a browser setting, not something a scenario can express"),
    ("CORSOriginHeaderNotAdded", "an extension's content script, not something a scenario can express"),
    ("FIREFOX_JS_FETCH_TYPEERROR", "the script's exception, not a console line; alone it names no check"),
    ("WEBKIT_SAME_ORIGIN_MODE", "WebKitGTK 2.50 printed only `Fetch API cannot load <url>.` for a same-origin-mode fetch of another origin; the text is kept for a redirect, which the line alone cannot tell"),
    ("WEBKIT_REDIRECT_BAD_SCHEME", "printed when a same-origin request is redirected; the reproduction is cross-origin, where WebKitGTK 2.50 printed `… not allowed to follow a cross-origin CORS redirection with non CORS scheme`"),
    ("WEBKIT_PREFLIGHT_BLOCKED", "a content blocker or the network layer; no server answer reproduces it"),
    ("WEBKIT_PREFLIGHT_RESPONSE_BLOCKED", "a content blocker or the network layer; no server answer reproduces it"),
    ("WEBKIT_CANNOT_LOAD", "the line under every Safari failure; alone it names no check"),
    ("WEBKIT_FAILED_TO_LOAD_RESOURCE", "the Network line under a failure; alone it names no check"),
    ("WEBKIT_JS_FETCH_TYPEERROR", "the script's exception, not a console line; alone it names no check"),
];

fn browser_of(entry: &Entry) -> Browser {
    match entry.browser.as_str() {
        "chromium" => Browser::Chrome,
        "firefox" => Browser::Firefox,
        _ => Browser::Safari,
    }
}

/// A realistic value for each placeholder.
fn sample(code: &str, hole: &str) -> String {
    let preflight = code.contains("Preflight") || code.contains("PREFLIGHT");
    let value = match (hole, code) {
        ("url" | "final_url", c) if c.contains("SCHEME") || c.contains("NotHttp") || c.contains("DisabledScheme") => {
            "file:///home/me/data.json"
        }
        ("url" | "final_url", _) => "https://api.example.com/v1/items",
        ("initial_url", _) => "https://api.example.com/v1/old",
        ("origin", _) => "https://app.example.com",
        ("resource_kind", _) => "fetch",
        ("api", _) => "Fetch API",
        ("value", c) if c.contains("Multiple") => "https://a.example, https://b.example",
        ("value", c) if c.contains("InvalidAllowOrigin") => "app.example.com",
        ("value", c) if c.contains("AllowOriginMismatch") || c.contains("NotMatching") => "https://app.example.com/",
        ("value", c) if c.contains("Credentials") => "",
        ("value", c) if c.contains("Method") || c.contains("METHODS") => "GET POST",
        ("value", c) if c.contains("Header") || c.contains("HEADERS") => "x-a x-b",
        ("value", _) => "false",
        ("method", _) => "PUT",
        ("header", c) if c.starts_with("WEBKIT") => "X-Api-Key",
        ("header", _) => "x-api-key",
        ("status", c) if c.starts_with("CORSDidNotSucceed") => "(null)",
        ("status", _) if preflight => "405",
        ("status", _) => "200",
        ("scheme", _) => "file",
        ("count", _) => "20",
        ("schemes", _) => "chrome, chrome-extension, data, http, https",
        ("address_space" | "target_address_space", _) => "loopback",
        ("reason", _) => "Origin https://app.example.com is not allowed by Access-Control-Allow-Origin. Status code: 302",
        ("description", _) => "The network connection was lost.",
        ("tail", _) => "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
        _ => "x",
    };
    value.to_owned()
}

fn fill(template: &str, code: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&sample(code, &rest[open + 1..close]));
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

fn text_of(entry: &Entry) -> String {
    let template = entry.template_fetch.as_deref().unwrap_or(&entry.template);
    fill(template, &entry.code)
}

fn listed(list: &[(&str, &str)], code: &str) -> bool {
    list.iter().any(|(c, _)| *c == code)
}

#[test]
fn the_network_monitor_labels_are_the_reference_s() {
    use cors_diagnose::console::catalog::NETMONITOR_LABELS;
    let labelled: Vec<(String, String)> = catalogue()
        .into_iter()
        .filter_map(|e| Some((e.devtools_netmonitor_label?, e.code)))
        .collect();
    let known: Vec<(String, String)> = NETMONITOR_LABELS
        .iter()
        .map(|(label, code)| ((*label).to_owned(), (*code).to_owned()))
        .collect();
    assert_eq!(labelled, known);
}

#[test]
fn the_catalogue_has_the_reference_counts() {
    let entries = catalogue();
    let count = |b: &str| entries.iter().filter(|e| e.browser == b).count();
    assert_eq!(
        (count("chromium"), count("firefox"), count("webkit")),
        (46, 18, 24)
    );
}

#[test]
fn every_catalogue_text_is_recognised_as_its_browsers() {
    let mut problems = Vec::new();
    for entry in catalogue() {
        if listed(NOT_MESSAGES, &entry.code) {
            continue;
        }
        let pasted = text_of(&entry);
        match recognise(&pasted).recognised {
            Some(found) if found.browser == browser_of(&entry) => {}
            Some(found) => problems.push(format!(
                "{}: read as {:?}: {pasted}",
                entry.code, found.browser
            )),
            None => problems.push(format!(
                "{} ({}): not recognised: {pasted}",
                entry.code, entry.status
            )),
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_catalogue_text_round_trips_through_the_engine() {
    let mut problems = Vec::new();
    let mut round_trips = 0;
    for entry in catalogue() {
        if listed(NOT_MESSAGES, &entry.code) {
            continue;
        }
        let pasted = text_of(&entry);
        let printed = recognise(&pasted)
            .recognised
            .and_then(|found| found.scenario)
            .and_then(|scenario| evaluate(&scenario).ok())
            .map(|verdict| verdict.console)
            .unwrap_or_default();
        let same = printed.iter().any(|line| line.trim_end() == pasted);
        let excused = listed(NO_ROUND_TRIP, &entry.code);
        match (same, excused) {
            (true, false) => round_trips += 1,
            (false, true) => {}
            (true, true) => problems.push(format!(
                "{}: round-trips now; remove it from NO_ROUND_TRIP",
                entry.code
            )),
            (false, false) => problems.push(format!(
                "{}:\n  pasted  {pasted}\n  printed {printed:?}",
                entry.code
            )),
        }
    }
    eprintln!("{round_trips} catalogue texts round-trip");
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
