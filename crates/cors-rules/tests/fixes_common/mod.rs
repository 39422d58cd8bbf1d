//! Helpers shared by the fixes tests: scenarios around one API URL, the engine's decision and fixes,
//! and applying fixes to a scenario the way a reader of the verdict would.
#![allow(dead_code)]

use cors_rules::fixes::fixes;
use cors_rules::render::RenderContext;
use cors_rules::verdict::{Fix, FixTarget, Note};
use cors_rules::{decide, Decision, Outcome, Scenario};
use serde_json::{json, Value};

pub const PAGE: &str = "https://app.example.com";
pub const API: &str = "https://api.example.com/v1/items";

/// A scenario: `browser`, a request (merged over a GET to [`API`]) and the server entry at [`API`].
pub fn scenario(browser: &str, request: Value, entry: Value) -> Value {
    let mut req = json!({"url": API});
    if let (Some(base), Some(extra)) = (req.as_object_mut(), request.as_object()) {
        base.extend(extra.clone());
    }
    let mut server = json!({"url": API});
    if let (Some(base), Some(extra)) = (server.as_object_mut(), entry.as_object()) {
        base.extend(extra.clone());
    }
    json!({"browser": browser, "page": PAGE, "request": req, "server": [server]})
}

pub fn parse(value: &Value) -> Scenario {
    Scenario::from_value(value.clone()).expect("a valid scenario")
}

/// The scenario and the engine's decision.
pub fn decided(value: &Value) -> (Scenario, Decision) {
    let scenario = parse(value);
    let decision = decide(&scenario).expect("the engine decides it");
    (scenario, decision)
}

/// The render context of a decision, as `evaluate` builds it.
pub fn ctx<'a>(scenario: &Scenario, decision: &'a Decision) -> RenderContext<'a> {
    RenderContext {
        browser: scenario.browser,
        api: scenario.request.api,
        page_origin: &decision.page_origin,
        initial_url: &decision.initial_url,
        final_url: &decision.final_url,
        method: &decision.method,
        credentials: scenario.request.credentials,
        mode: scenario.request.mode,
        redirect: scenario.request.redirect,
    }
}

pub fn fixes_and_notes(value: &Value) -> (Vec<Fix>, Vec<Note>) {
    let (scenario, decision) = decided(value);
    fixes(&scenario, &ctx(&scenario, &decision), &decision.trace)
}

pub fn fixes_for(value: &Value) -> Vec<Fix> {
    fixes_and_notes(value).0
}

/// Applies fixes to the scenario JSON the way a reader would: set the header (replacing it) or the
/// status on the named answer, or change the request as the value says.
pub fn apply(value: &Value, fixes: &[Fix]) -> Value {
    let mut value = value.clone();
    for fix in fixes {
        match fix.target {
            FixTarget::Request => apply_to_request(&mut value, fix),
            target => apply_to_answer(&mut value, target, fix),
        }
    }
    value
}

pub fn apply_to_request(value: &mut Value, fix: &Fix) {
    match fix.value.as_deref() {
        Some("mode: 'cors'") => value["request"]["mode"] = json!("cors"),
        Some("redirect: 'follow'") => value["request"]["redirect"] = json!("follow"),
        Some(url) if url.starts_with("http") => {
            value["request"]["url"] = json!(url);
            value["server"][0]["url"] = json!(url);
        }
        other => panic!("a request fix this test cannot apply: {other:?}"),
    }
}

pub fn apply_to_answer(value: &mut Value, target: FixTarget, fix: &Fix) {
    let entry = &mut value["server"][0];
    assert_eq!(
        entry["url"],
        json!(fix.url),
        "fixes name the URL whose answer changes"
    );
    let slot = if target == FixTarget::Preflight {
        "preflight"
    } else {
        "response"
    };
    if slot == "preflight" && entry.get("preflight").is_none() {
        entry["preflight"] = entry
            .get("response")
            .cloned()
            .unwrap_or(json!({"status": 200}));
    }
    let answer = &mut entry[slot];
    match (&fix.header, &fix.value) {
        (Some(name), Some(header_value)) => {
            let mut headers: Vec<Value> = answer["headers"].as_array().cloned().unwrap_or_default();
            headers.retain(|h| !h[0].as_str().unwrap_or("").eq_ignore_ascii_case(name));
            headers.push(json!([name, header_value]));
            answer["headers"] = Value::Array(headers);
        }
        (None, Some(status)) => {
            answer["status"] = json!(status.parse::<u16>().expect("a status"));
            let mut headers: Vec<Value> = answer["headers"].as_array().cloned().unwrap_or_default();
            headers.retain(|h| !h[0].as_str().unwrap_or("").eq_ignore_ascii_case("location"));
            answer["headers"] = Value::Array(headers);
        }
        other => panic!("a server fix this test cannot apply: {other:?}"),
    }
}

pub fn outcome(value: &Value) -> Outcome {
    decide(&parse(value))
        .expect("the engine decides it")
        .outcome
}

/// The fixes' `(target, header, value)` triples.
pub fn triples(fixes: &[Fix]) -> Vec<(FixTarget, Option<&str>, Option<&str>)> {
    fixes
        .iter()
        .map(|f| (f.target, f.header.as_deref(), f.value.as_deref()))
        .collect()
}

pub fn assert_fixes_make_it_work(value: &Value) -> Vec<Fix> {
    let fixes = fixes_for(value);
    assert!(!fixes.is_empty(), "a blocked request gets fixes");
    assert_eq!(
        outcome(&apply(value, &fixes)),
        Outcome::Allowed,
        "after {fixes:#?}"
    );
    fixes
}
