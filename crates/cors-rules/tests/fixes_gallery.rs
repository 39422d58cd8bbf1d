//! Fixes for the gallery's classic failures. Each test checks the fixes as a user reads them (target,
//! URL, header, value) and then applies exactly those to the scenario and checks the request works.

use cors_rules::fixes::fixes;
use cors_rules::render::RenderContext;
use cors_rules::verdict::{Fix, FixTarget, Note};
use cors_rules::{decide, Outcome, Scenario};
use serde_json::{json, Value};

const PAGE: &str = "https://app.example.com";
const API: &str = "https://api.example.com/v1/items";

/// A scenario: `browser`, a request (merged over a GET to [`API`]) and the server entry at [`API`].
fn scenario(browser: &str, request: Value, entry: Value) -> Value {
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

fn parse(value: &Value) -> Scenario {
    Scenario::from_value(value.clone()).expect("a valid scenario")
}

fn fixes_and_notes(value: &Value) -> (Vec<Fix>, Vec<Note>) {
    let scenario = parse(value);
    let decision = decide(&scenario).expect("the engine decides it");
    let ctx = RenderContext {
        browser: scenario.browser,
        api: scenario.request.api,
        page_origin: &decision.page_origin,
        initial_url: &decision.initial_url,
        final_url: &decision.final_url,
        method: &decision.method,
        credentials: scenario.request.credentials,
        mode: scenario.request.mode,
    };
    fixes(&scenario, &ctx, &decision.trace)
}

fn fixes_for(value: &Value) -> Vec<Fix> {
    fixes_and_notes(value).0
}

/// Applies fixes to the scenario JSON the way a reader would: set the header (replacing it) or the
/// status on the named answer, or change the request as the value says.
fn apply(value: &Value, fixes: &[Fix]) -> Value {
    let mut value = value.clone();
    for fix in fixes {
        match fix.target {
            FixTarget::Request => apply_to_request(&mut value, fix),
            target => apply_to_answer(&mut value, target, fix),
        }
    }
    value
}

fn apply_to_request(value: &mut Value, fix: &Fix) {
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

fn apply_to_answer(value: &mut Value, target: FixTarget, fix: &Fix) {
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

fn outcome(value: &Value) -> Outcome {
    decide(&parse(value))
        .expect("the engine decides it")
        .outcome
}

/// The fixes' `(target, header, value)` triples.
fn triples(fixes: &[Fix]) -> Vec<(FixTarget, Option<&str>, Option<&str>)> {
    fixes
        .iter()
        .map(|f| (f.target, f.header.as_deref(), f.value.as_deref()))
        .collect()
}

fn assert_fixes_make_it_work(value: &Value) -> Vec<Fix> {
    let fixes = fixes_for(value);
    assert!(!fixes.is_empty(), "a blocked request gets fixes");
    assert_eq!(
        outcome(&apply(value, &fixes)),
        Outcome::Allowed,
        "after {fixes:#?}"
    );
    fixes
}

#[test]
fn a_missing_allow_origin_is_added_on_the_response() {
    let value = scenario(
        "chrome",
        json!({}),
        json!({"response": {"status": 200, "headers": []}}),
    );
    let fixes = assert_fixes_make_it_work(&value);
    assert_eq!(
        triples(&fixes),
        [(
            FixTarget::Response,
            Some("Access-Control-Allow-Origin"),
            Some(PAGE)
        )]
    );
    assert_eq!(fixes[0].url, API);
    assert_eq!(fixes[0].warning, None);
}

#[test]
fn a_wildcard_with_credentials_becomes_the_origin_plus_allow_credentials() {
    let value = scenario(
        "chrome",
        json!({"credentials": "include"}),
        json!({"response": {"status": 200, "headers": [["Access-Control-Allow-Origin", "*"]]}}),
    );
    let fixes = assert_fixes_make_it_work(&value);
    assert_eq!(
        triples(&fixes),
        [
            (
                FixTarget::Response,
                Some("Access-Control-Allow-Origin"),
                Some(PAGE)
            ),
            (
                FixTarget::Response,
                Some("Access-Control-Allow-Credentials"),
                Some("true")
            ),
        ]
    );
    assert!(
        fixes[0]
            .warning
            .as_deref()
            .is_some_and(|w| w.contains("allow-list")),
        "reflecting any origin is warned"
    );
}

#[test]
fn a_trailing_slash_is_replaced_by_the_exact_origin() {
    let value = scenario(
        "firefox",
        json!({}),
        json!({"response": {"status": 200, "headers": [["Access-Control-Allow-Origin", "https://app.example.com/"]]}}),
    );
    let fixes = assert_fixes_make_it_work(&value);
    assert_eq!(
        triples(&fixes),
        [(
            FixTarget::Response,
            Some("Access-Control-Allow-Origin"),
            Some(PAGE)
        )]
    );
    assert!(
        fixes[0].summary.contains("from `https://app.example.com/`"),
        "{}",
        fixes[0].summary
    );
}

#[test]
fn a_method_missing_from_allow_methods_is_appended() {
    let value = scenario(
        "chrome",
        json!({"method": "PUT"}),
        json!({
            "preflight": {"status": 204, "headers": [["Access-Control-Allow-Origin", PAGE], ["Access-Control-Allow-Methods", "GET, POST"]]},
            "response": {"status": 200, "headers": [["Access-Control-Allow-Origin", PAGE]]}
        }),
    );
    let fixes = assert_fixes_make_it_work(&value);
    assert_eq!(
        triples(&fixes),
        [(
            FixTarget::Preflight,
            Some("Access-Control-Allow-Methods"),
            Some("GET, POST, PUT")
        )]
    );
}

#[test]
fn a_header_missing_from_allow_headers_is_appended() {
    let value = scenario(
        "safari",
        json!({"method": "POST", "headers": [["Content-Type", "application/json"]]}),
        json!({
            "preflight": {"status": 204, "headers": [["Access-Control-Allow-Origin", PAGE]]},
            "response": {"status": 200, "headers": [["Access-Control-Allow-Origin", PAGE]]}
        }),
    );
    let fixes = assert_fixes_make_it_work(&value);
    assert_eq!(fixes.len(), 1);
    assert_eq!(fixes[0].target, FixTarget::Preflight);
    assert_eq!(
        fixes[0].header.as_deref(),
        Some("Access-Control-Allow-Headers")
    );
    assert!(fixes[0]
        .value
        .as_deref()
        .is_some_and(|v| v.eq_ignore_ascii_case("content-type")));
}

#[test]
fn a_preflight_answered_404_gets_cors_headers_and_a_2xx_status() {
    for browser in ["chrome", "firefox", "safari", "spec"] {
        let value = scenario(
            browser,
            json!({"method": "DELETE"}),
            json!({
                "preflight": {"status": 404, "headers": []},
                "response": {"status": 200, "headers": [["Access-Control-Allow-Origin", PAGE]]}
            }),
        );
        let fixes = assert_fixes_make_it_work(&value);
        let set = triples(&fixes);
        assert!(
            set.contains(&(FixTarget::Preflight, None, Some("204"))),
            "{browser}: {set:?}"
        );
        assert!(
            set.contains(&(
                FixTarget::Preflight,
                Some("Access-Control-Allow-Origin"),
                Some(PAGE)
            )),
            "{browser}"
        );
        assert!(
            set.contains(&(
                FixTarget::Preflight,
                Some("Access-Control-Allow-Methods"),
                Some("DELETE")
            )),
            "{browser}"
        );
    }
}

#[test]
fn a_preflight_rejected_with_401_is_told_to_skip_authentication() {
    let value = scenario(
        "chrome",
        json!({"headers": [["Authorization", "Bearer abc"]]}),
        json!({
            "preflight": {"status": 401, "headers": [["Access-Control-Allow-Origin", PAGE], ["Access-Control-Allow-Headers", "Authorization"]]},
            "response": {"status": 200, "headers": [["Access-Control-Allow-Origin", PAGE]]}
        }),
    );
    let fixes = assert_fixes_make_it_work(&value);
    assert_eq!(triples(&fixes), [(FixTarget::Preflight, None, Some("204"))]);
    assert!(
        fixes[0].summary.contains("authentication"),
        "{}",
        fixes[0].summary
    );
}

#[test]
fn a_missing_allow_credentials_is_added() {
    let value = scenario(
        "chrome",
        json!({"credentials": "include"}),
        json!({"response": {"status": 200, "headers": [["Access-Control-Allow-Origin", PAGE], ["Vary", "Origin"]]}}),
    );
    let fixes = assert_fixes_make_it_work(&value);
    assert_eq!(
        triples(&fixes),
        [(
            FixTarget::Response,
            Some("Access-Control-Allow-Credentials"),
            Some("true")
        )]
    );
}

#[test]
fn two_allow_origin_lines_become_one() {
    let value = scenario(
        "chrome",
        json!({}),
        json!({"response": {"status": 200, "headers": [["Access-Control-Allow-Origin", PAGE], ["Access-Control-Allow-Origin", PAGE]]}}),
    );
    let fixes = assert_fixes_make_it_work(&value);
    assert_eq!(
        triples(&fixes),
        [(
            FixTarget::Response,
            Some("Access-Control-Allow-Origin"),
            Some(PAGE)
        )]
    );
    assert!(
        fixes[0].summary.contains("remove the duplicate"),
        "{}",
        fixes[0].summary
    );
}

#[test]
fn a_credentialed_json_put_to_a_bare_server_gets_every_fix_in_order() {
    let value = scenario(
        "chrome",
        json!({"method": "PUT", "credentials": "include", "headers": [["Content-Type", "application/json"]]}),
        json!({"response": {"status": 200, "headers": []}}),
    );
    let fixes = assert_fixes_make_it_work(&value);
    let targets: Vec<FixTarget> = fixes.iter().map(|f| f.target).collect();
    let first_response = targets
        .iter()
        .position(|t| *t == FixTarget::Response)
        .expect("a response fix");
    assert!(
        targets[..first_response]
            .iter()
            .all(|t| *t == FixTarget::Preflight),
        "preflight first: {targets:?}"
    );
    assert!(fixes.len() <= cors_rules::fixes::MAX_ROUNDS);
}

#[test]
fn request_side_failures_are_fixed_in_the_request() {
    let no_cors_put = scenario(
        "chrome",
        json!({"method": "PUT", "mode": "no-cors"}),
        json!({"preflight": {"status": 204, "headers": [["Access-Control-Allow-Origin", PAGE], ["Access-Control-Allow-Methods", "PUT"]]},
               "response": {"status": 200, "headers": [["Access-Control-Allow-Origin", PAGE]]}}),
    );
    let fixes = assert_fixes_make_it_work(&no_cors_put);
    assert_eq!(
        triples(&fixes),
        [(FixTarget::Request, None, Some("mode: 'cors'"))]
    );

    let forbidden = scenario("chrome", json!({"method": "TRACE"}), json!({}));
    let fixes = fixes_for(&forbidden);
    assert_eq!(fixes.len(), 1);
    assert_eq!(fixes[0].target, FixTarget::Request);
    assert!(fixes[0].summary.contains("TRACE"));
}

#[test]
fn credentials_in_the_url_are_moved_out_of_it() {
    let value = json!({"browser": "chrome", "page": PAGE,
        "request": {"url": "https://user:pw@api.example.com/v1/items"},
        "server": [{"url": "https://user:pw@api.example.com/v1/items",
                    "response": {"status": 200, "headers": [["Access-Control-Allow-Origin", PAGE]]}}]});
    let fixes = assert_fixes_make_it_work(&value);
    assert_eq!(triples(&fixes), [(FixTarget::Request, None, Some(API))]);
}

#[test]
fn an_allowed_request_needs_no_fix() {
    let value = scenario(
        "chrome",
        json!({}),
        json!({"response": {"status": 200, "headers": [["Access-Control-Allow-Origin", "*"]]}}),
    );
    assert!(fixes_for(&value).is_empty());
}

#[test]
fn a_server_that_is_down_gets_no_header_fix_but_a_note_that_it_is_not_cors() {
    let value = scenario(
        "chrome",
        json!({}),
        json!({"response": {"error": "connection-refused"}}),
    );
    let (fixes, notes) = fixes_and_notes(&value);
    assert_eq!(triples(&fixes), [(FixTarget::Response, None, None)]);
    assert!(
        notes.iter().any(|n| n.id == "not-cors-network-error"),
        "{notes:?}"
    );
}

#[test]
fn an_error_page_without_cors_headers_is_named_as_the_real_problem() {
    let value = scenario(
        "chrome",
        json!({}),
        json!({"response": {"status": 500, "headers": []}}),
    );
    let (_, notes) = fixes_and_notes(&value);
    assert!(
        notes
            .iter()
            .any(|n| n.id == "not-cors-http-error" && n.message.contains("500")),
        "{notes:?}"
    );
}
