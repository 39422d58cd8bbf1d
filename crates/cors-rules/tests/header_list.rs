//! Header-list primitives (H-1…H-8) through the public API, plus a few request-construction facts
//! and the Origin header on preflights (OH-5).

mod common;
use common::*;
use cors_rules::forbidden::get_decode_split;
use cors_rules::header_list::{
    extract_header_list_values, get, is_header_value, is_token, normalize_header_value,
    parse_token_list, sorted_lowercase_set, Extracted,
};

fn list(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect()
}

#[test]
fn header_primitives_follow_the_abnf() {
    assert!(is_token(b"X-Custom_1.~'"), "H-1");
    assert!(!is_token(b"X Custom"), "H-1");
    assert!(
        is_header_value(b"a\x0bb"),
        "H-2: 0x0B is allowed inside a value"
    );
    assert!(!is_header_value(b"a\rb"), "H-2");
    assert_eq!(normalize_header_value(b" \t\r\nx\n"), b"x", "H-3");
    assert_eq!(
        normalize_header_value(b"\x0bx"),
        b"\x0bx",
        "H-3: 0x0B is not HTTP whitespace"
    );
    let headers = list(&[("A", "1"), ("b", "2"), ("a", "3")]);
    assert_eq!(get(&headers, "A").as_deref(), Some("1, 3"), "H-4");
    assert_eq!(get(&headers, "c"), None, "H-4");
    assert_eq!(
        get_decode_split(b"GET, \"a,b\" ,x"),
        vec!["GET", "\"a,b\"", "x"],
        "H-5"
    );
}

#[test]
fn extracting_a_list_fails_on_any_bad_line() {
    let parse =
        |v: &str| parse_token_list(v).map(|l| l.into_iter().map(str::to_owned).collect::<Vec<_>>());
    let good = list(&[("ACAM", "PUT"), ("acam", ",,GET, ")]);
    assert_eq!(
        extract_header_list_values(&good, "acam", parse),
        Extracted::Values(vec!["PUT".to_owned(), "GET".to_owned()]),
        "H-6, H-7"
    );
    let bad = list(&[("ACAM", "PUT"), ("acam", "GET POST")]);
    assert_eq!(
        extract_header_list_values(&bad, "acam", parse),
        Extracted::Failure {
            element: "GET POST".to_owned()
        },
        "H-6"
    );
    assert_eq!(
        extract_header_list_values(&good, "acah", parse),
        Extracted::Absent,
        "H-6"
    );
    assert_eq!(sorted_lowercase_set(["B", "a", "A"]), vec!["a", "b"], "H-8");
}

#[test]
fn scenario_defaults_match_a_plain_fetch_call() {
    let verdict = Sc::new(PAGE, API).respond(API, 200, &[ACAO]).eval();
    assert_eq!(verdict.requests[0].method, "GET", "Q-2: GET");
    assert!(
        !verdict.requests[0].credentials,
        "Q-2: credentials same-origin, cross-origin so none"
    );
    assert_eq!(outcome(&verdict), "allowed", "Q-2: mode cors");
}

#[test]
fn navigate_mode_is_not_a_script_request() {
    let json = serde_json::json!({"page": PAGE, "request": {"url": API, "mode": "navigate"}, "server": []});
    let error = cors_rules::Scenario::from_value(json).unwrap_err();
    assert_eq!(error.field, "request.mode", "Q-3");
}

#[test]
fn a_stream_body_sets_the_preflight_flag() {
    let verdict = Sc::cross()
        .method("POST")
        .preflight_flag()
        .preflight(API, 204, &[ACAO])
        .respond(API, 200, &[ACAO])
        .eval();
    assert!(verdict.preflight_sent, "Q-7, U-1, T-8");
    assert_eq!(
        outcome(&verdict),
        "allowed",
        "U-4: a missing ACAM allows the request's method"
    );
}

#[test]
fn a_preflight_from_an_opaque_page_carries_origin_null() {
    let verdict = Sc::opaque_page(API)
        .method("PUT")
        .preflight(
            API,
            204,
            &[
                ("Access-Control-Allow-Origin", "null"),
                ("Access-Control-Allow-Methods", "PUT"),
            ],
        )
        .respond(API, 200, &[("Access-Control-Allow-Origin", "null")])
        .eval();
    assert_eq!(
        verdict.requests[0].headers[0],
        ("Origin".to_owned(), "null".to_owned()),
        "OH-5"
    );
    assert_eq!(outcome(&verdict), "allowed");
}

#[test]
fn authorization_is_the_cors_non_wildcard_request_header_name() {
    let verdict = Sc::cross()
        .browser("spec")
        .header("Authorization", "x")
        .preflight(
            API,
            204,
            &[ACAO, ("Access-Control-Allow-Headers", "*, x-other")],
        )
        .respond(API, 200, &[ACAO])
        .eval();
    assert_eq!(check(&verdict), "authorization-allowed", "S-9");
}

#[test]
fn tainting_starts_basic_and_credentials_go_with_basic_requests() {
    let verdict = Sc::new(PAGE, "https://app.example/me")
        .respond("https://app.example/me", 200, &[("Set-Cookie", "a=b")])
        .eval();
    assert_eq!(
        verdict.response_type,
        cors_rules::ResponseType::Basic,
        "RT-1"
    );
    assert!(verdict.requests[0].credentials, "CR-2: cookies attached");
}

#[test]
fn fetch_is_never_upgraded_from_http_to_https() {
    let verdict = Sc::new(PAGE, "http://img.example/a.png")
        .mode("no-cors")
        .eval();
    assert_eq!(
        check(&verdict),
        "mixed-content",
        "MX-2: fetch is blockable, not upgradeable"
    );
}

#[test]
fn conditional_request_headers_need_a_preflight() {
    let verdict = Sc::cross()
        .header("If-Modified-Since", "Tue, 01 Jan 2030 00:00:00 GMT")
        .preflight(API, 204, &[ACAO])
        .eval();
    assert_eq!(check(&verdict), "header-allowed", "X-3");
}
