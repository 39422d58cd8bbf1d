//! Fixes for the gallery's classic failures. Each test checks the fixes as a user reads them (target,
//! URL, header, value) and then applies exactly those to the scenario and checks the request works.

mod fixes_common;

use cors_rules::verdict::FixTarget;
use fixes_common::{
    assert_fixes_make_it_work, fixes_and_notes, fixes_for, scenario, triples, API, PAGE,
};
use serde_json::json;

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
