//! Notes and the bounded fix loop.

mod fixes_common;

use cors_rules::fixes::{fixes, fixes_with, MAX_ROUNDS};
use cors_rules::verdict::Note;
use cors_rules::{decide, Scenario, TraceStep};
use fixes_common::{ctx, decided, API, PAGE};
use serde_json::{json, Value};

fn notes_for(value: &Value) -> Vec<Note> {
    let (scenario, decision) = decided(value);
    fixes(&scenario, &ctx(&scenario, &decision), &decision.trace).1
}

fn put(browser: &str, preflight: Value, response: Value) -> Value {
    json!({"browser": browser, "page": PAGE, "request": {"url": API, "method": "PUT"},
           "server": [{"url": API, "preflight": preflight, "response": response}]})
}

fn ids(notes: &[Note]) -> Vec<&str> {
    notes.iter().map(|n| n.id.as_str()).collect()
}

#[test]
fn a_max_age_above_the_browser_cap_is_noted() {
    let preflight = json!({"status": 204, "headers": [["Access-Control-Allow-Origin", "*"], ["Access-Control-Allow-Methods", "PUT"], ["Access-Control-Max-Age", "86400"]]});
    let response = json!({"status": 200, "headers": [["Access-Control-Allow-Origin", "*"]]});
    let notes = notes_for(&put("chrome", preflight.clone(), response.clone()));
    let note = notes
        .iter()
        .find(|n| n.id == "max-age")
        .expect("a max-age note");
    assert!(
        note.message.contains("at most 7200 seconds"),
        "{}",
        note.message
    );
    assert!(notes_for(&put("firefox", preflight, response))
        .iter()
        .all(|n| n.id != "max-age"));
}

#[test]
fn a_missing_max_age_is_noted_as_a_5_second_cache() {
    let preflight = json!({"status": 204, "headers": [["Access-Control-Allow-Origin", "*"], ["Access-Control-Allow-Methods", "PUT"]]});
    let response = json!({"status": 200, "headers": [["Access-Control-Allow-Origin", "*"]]});
    let notes = notes_for(&put("safari", preflight, response));
    assert!(
        notes
            .iter()
            .any(|n| n.id == "max-age" && n.message.contains("5 seconds")),
        "{notes:?}"
    );
}

#[test]
fn authorization_covered_only_by_the_wildcard_is_noted() {
    let value = json!({"browser": "chrome", "page": PAGE,
        "request": {"url": API, "headers": [["Authorization", "Bearer abc"]]},
        "server": [{"url": API,
            "preflight": {"status": 204, "headers": [["Access-Control-Allow-Origin", "*"], ["Access-Control-Allow-Headers", "*"], ["Access-Control-Max-Age", "600"]]},
            "response": {"status": 200, "headers": [["Access-Control-Allow-Origin", "*"]]}}]});
    let (scenario, decision) = decided(&value);
    assert_eq!(
        decision.outcome,
        cors_rules::Outcome::Allowed,
        "browsers accept `*` for Authorization"
    );
    let notes = fixes(&scenario, &ctx(&scenario, &decision), &decision.trace).1;
    assert!(ids(&notes).contains(&"authorization-wildcard"), "{notes:?}");
}

#[test]
fn echoing_one_origin_without_vary_origin_is_noted() {
    let get = |headers: Value| {
        json!({"browser": "chrome", "page": PAGE, "request": {"url": API},
               "server": [{"url": API, "response": {"status": 200, "headers": headers}}]})
    };
    let without = notes_for(&get(json!([["Access-Control-Allow-Origin", PAGE]])));
    assert!(
        ids(&without).contains(&"vary-origin-missing"),
        "{without:?}"
    );
    let with = notes_for(&get(json!([
        ["Access-Control-Allow-Origin", PAGE],
        ["Vary", "Accept-Encoding, Origin"]
    ])));
    assert!(!ids(&with).contains(&"vary-origin-missing"), "{with:?}");
    let fixed = notes_for(&get(json!([])));
    assert!(
        ids(&fixed).contains(&"vary-origin-missing"),
        "the ACAO fix also needs Vary: {fixed:?}"
    );
}

#[test]
fn a_no_cors_request_is_told_its_response_is_opaque() {
    let value = json!({"browser": "firefox", "page": PAGE, "request": {"url": API, "mode": "no-cors"},
                       "server": [{"url": API, "response": {"status": 200, "headers": []}}]});
    assert!(ids(&notes_for(&value)).contains(&"opaque-response"));
}

#[test]
fn mixed_content_is_named_as_not_cors() {
    let value = json!({"browser": "chrome", "page": PAGE, "request": {"url": "http://api.example.com/x"},
                       "server": [{"url": "http://api.example.com/x"}]});
    assert!(ids(&notes_for(&value)).contains(&"not-cors-mixed-content"));
}

fn same_trace(scenario: &Scenario) -> Option<Vec<TraceStep>> {
    decide(scenario).ok().map(|_| STUCK.with(|t| t.clone()))
}

thread_local! {
    static STUCK: Vec<TraceStep> = {
        let value = json!({"browser": "chrome", "page": PAGE, "request": {"url": API},
                           "server": [{"url": API, "response": {"status": 200, "headers": []}}]});
        decided(&value).1.trace
    };
}

#[test]
fn the_loop_stops_when_a_fix_would_repeat() {
    let value = json!({"browser": "chrome", "page": PAGE, "request": {"url": API},
                       "server": [{"url": API, "response": {"status": 200, "headers": []}}]});
    let (scenario, decision) = decided(&value);
    let got = fixes_with(
        &scenario,
        &ctx(&scenario, &decision),
        &decision.trace,
        same_trace,
    );
    assert_eq!(
        got.len(),
        1,
        "an engine that keeps failing the same way gets the fix once"
    );
}

#[test]
fn without_an_engine_only_the_first_fix_is_known() {
    let value = json!({"browser": "chrome", "page": PAGE,
                       "request": {"url": API, "method": "PUT", "credentials": "include"},
                       "server": [{"url": API, "response": {"status": 200, "headers": []}}]});
    let (scenario, decision) = decided(&value);
    let got = fixes_with(
        &scenario,
        &ctx(&scenario, &decision),
        &decision.trace,
        |_| None,
    );
    assert_eq!(got.len(), 1);
    let all = fixes(&scenario, &ctx(&scenario, &decision), &decision.trace).0;
    assert!(all.len() > 1 && all.len() <= MAX_ROUNDS);
}
