//! CORS-safelisted request-headers (S-1…S-17) and the CORS-unsafe request-header names.

mod common;
use common::*;
use cors_rules::quirks::ExtraSafelist;
use cors_rules::safelist::{
    cors_unsafe_request_header_names, is_cors_safelisted_request_header,
    is_no_cors_safelisted_request_header, NotSafelisted,
};

/// `(rule, name, value, safelisted)` rows, checked against the standard's list.
const ROWS: &[(&str, &str, &str, bool)] = &[
    ("S-2", "Accept", "application/json", true),
    ("S-2", "accept", "*/*", true),
    ("S-2", "Accept", "text/html, application/xhtml+xml;q=0.9", true),
    ("S-2", "Accept", "a\"b", false),
    ("S-2", "Accept", "a{b}", false),
    ("S-2", "Accept", "x@y", false),
    ("S-2", "Accept", "a\u{7f}", false),
    ("S-6", "Accept", "a\u{1}", false),
    ("S-6", "Accept", "a\tb", true),
    ("S-6", "Accept", "(x)", false),
    ("S-6", "Accept", "[x]", false),
    ("S-6", "Accept", "a:b", false),
    ("S-6", "Accept", "a<b>", false),
    ("S-6", "Accept", "a?b", false),
    ("S-6", "Accept", "a\\b", false),
    ("S-3", "Accept-Language", "en-US,en;q=0.9", true),
    ("S-3", "Content-Language", "de, fr *", true),
    ("S-3", "Accept-Language", "nn_NO", false),
    ("S-3", "Accept-Language", "en@x", false),
    ("S-3", "Content-Language", "a/b", false),
    ("S-3", "Content-Language", "\"en\"", false),
    ("S-3", "Accept-Language", "en\u{1}", false),
    ("S-4", "Content-Type", "text/plain", true),
    ("S-4", "Content-Type", "Text/Plain;charset=utf-8", true),
    ("S-4", "Content-Type", "text/plain;", true),
    ("S-4", "Content-Type", "text/plain;garbage", true),
    ("S-4", "Content-Type", "application/x-www-form-urlencoded", true),
    ("S-4", "Content-Type", "multipart/form-data; boundary=x", true),
    ("S-4", "Content-Type", "application/json", false),
    ("S-4", "Content-Type", "text /plain", false),
    ("S-4", "Content-Type", "text\t/\tplain", false),
    ("S-4", "Content-Type", "text/plain,", false),
    ("S-4", "Content-Type", ",text/plain", false),
    ("S-4", "Content-Type", "text/plain,text/plain", false),
    ("S-4", "Content-Type", "text/plain\u{b}", false),
    ("S-4", "Content-Type", "text/plain\u{c}", false),
    ("S-4", "Content-Type", "application/www-form-urlencoded", false),
    ("S-4", "Content-Type", "multipart/form-data;\"", false),
    ("S-4", "Content-Type", "text/plain;\u{7f}", false),
    ("S-4", "Content-Type", "text/csv", false),
    ("S-15", "Content-Type", "application/csp-report", false),
    ("S-5", "Range", "bytes=100-200", true),
    ("S-5", "Range", "bytes=200-", true),
    ("S-5", "Range", "bytes=0-0", true),
    ("S-5", "Range", "bytes=-200", false),
    ("S-5", "Range", "bytes=200-100", false),
    ("S-5", "Range", "bytes=100-200,300-400", false),
    ("S-5", "Range", "bytes 100-200", false),
    ("S-5", "Range", "bytes =100-200", false),
    ("S-5", "Range", "bytes= 100-200", false),
    ("S-5", "Range", "bytes=100 -200", false),
    ("S-5", "Range", "bytes=100-200hello", false),
    ("S-5", "Range", "bytes=abc-def", false),
    ("S-5", "Range", "MB=100-200", false),
    ("S-5", "Range", ",bytes=100-200", false),
    ("S-5", "Range", "100-200", false),
    ("S-5", "Range", "Bytes=100-200", false),
    ("S-5", "Range", "bytes=1000000000000000000000000000000000000000000000000000000000000-2000000000000000000000000000000000000000000000000000000000000", false),
    ("S-7", "Last-Event-ID", "1", false),
    ("S-7", "X-Requested-With", "XMLHttpRequest", false),
    ("S-7", "Authorization", "Bearer x", false),
    ("S-7", "Cache-Control", "no-cache", false),
    ("S-7", "If-None-Match", "\"x\"", false),
    ("S-16", "DPR", "2", false),
    ("S-16", "Save-Data", "on", false),
];

#[test]
fn safelisted_request_header_table_matches_the_standard() {
    let mut failures = Vec::new();
    for (rule, name, value, expected) in ROWS {
        let got =
            is_cors_safelisted_request_header(name, value.as_bytes(), ExtraSafelist::None).is_ok();
        if got != *expected {
            failures.push(format!("[{rule}] {name}: {value:?} expected {expected}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn safelisted_values_decide_the_preflight_end_to_end() {
    let mut cases = Vec::new();
    for (rule, name, value, safelisted) in ROWS {
        // The standard profile: no client hints; Range is safelisted (S-5).
        let sc = Sc::cross()
            .header(name, value)
            .preflight(API, 204, &[ACAO])
            .respond(API, 200, &[ACAO]);
        let (outcome, check) = if *safelisted {
            ("allowed", "-")
        } else {
            ("blocked", "header-allowed")
        };
        let (outcome, check) = if *name == "Authorization" {
            ("blocked", "authorization-allowed")
        } else {
            (outcome, check)
        };
        cases.push(case(
            rule,
            "a safelisted header needs no preflight, any other header does",
            sc,
            outcome,
            check,
        ));
    }
    run(&cases);
}

#[test]
fn values_over_128_bytes_are_never_safelisted() {
    let long = "a".repeat(129);
    for name in ["Accept", "Accept-Language", "Content-Language"] {
        assert_eq!(
            is_cors_safelisted_request_header(name, long.as_bytes(), ExtraSafelist::None),
            Err(NotSafelisted::ValueTooLong),
            "S-1 {name}"
        );
    }
    let exactly = "a".repeat(128);
    assert!(
        is_cors_safelisted_request_header("Accept", exactly.as_bytes(), ExtraSafelist::None)
            .is_ok(),
        "S-1"
    );
    let plain = format!("text/plain;{}", "a".repeat(118));
    assert_eq!(
        is_cors_safelisted_request_header("Content-Type", plain.as_bytes(), ExtraSafelist::None),
        Err(NotSafelisted::ValueTooLong),
        "S-1"
    );
}

#[test]
fn a_total_over_1024_bytes_makes_every_safelisted_name_unsafe() {
    let value = "a".repeat(120);
    let mut sc = Sc::cross().header("Content-Type", "text/plain");
    for _ in 0..9 {
        sc = sc.header("Accept", &value);
    }
    let verdict = sc
        .preflight(
            API,
            204,
            &[
                ACAO,
                ("Access-Control-Allow-Headers", "accept, content-type"),
            ],
        )
        .respond(API, 200, &[ACAO])
        .eval();
    assert!(verdict.preflight_sent, "S-8");
    assert_eq!(verdict.requests[0].headers[2].1, "accept,content-type");
    assert_eq!(outcome(&verdict), "allowed");
}

#[test]
fn unsafe_names_are_lowercased_deduplicated_and_sorted() {
    let headers: Vec<(&str, &[u8])> = vec![
        ("X-B", b"1"),
        ("x-a", b"1"),
        ("X-A", b"2"),
        ("X-Test-Header1", b"1"),
        ("x-test-header-a", b"1"),
        ("Accept", b"*/*"),
    ];
    let names = cors_unsafe_request_header_names(headers, ExtraSafelist::None).names;
    assert_eq!(
        names,
        vec!["x-a", "x-b", "x-test-header-a", "x-test-header1"],
        "H-8, S-8"
    );
}

#[test]
fn chrome_safelists_some_client_hints() {
    let cases = [
        case(
            "S-16",
            "Chrome sends DPR 2 without a preflight",
            Sc::cross()
                .browser("chrome")
                .header("DPR", "2")
                .respond(API, 200, &[ACAO]),
            "allowed",
            "-",
        ),
        case(
            "S-16",
            "Chrome sends Save-Data on without a preflight",
            Sc::cross()
                .browser("chrome")
                .header("Save-Data", "on")
                .respond(API, 200, &[ACAO]),
            "allowed",
            "-",
        ),
        case(
            "S-16",
            "Chrome preflights an empty Width",
            Sc::cross()
                .browser("chrome")
                .header("Width", "")
                .preflight(API, 204, &[ACAO])
                .respond(API, 200, &[ACAO]),
            "blocked",
            "header-allowed",
        ),
        case(
            "S-16",
            "Firefox preflights DPR",
            Sc::cross()
                .browser("firefox")
                .header("DPR", "2")
                .preflight(API, 204, &[ACAO])
                .respond(API, 200, &[ACAO]),
            "blocked",
            "header-allowed",
        ),
        case(
            "S-17",
            "Chrome (window) sends a simple Range without a preflight",
            Sc::cross()
                .browser("chrome")
                .header("Range", "bytes=0-9")
                .respond(API, 206, &[ACAO]),
            "allowed",
            "-",
        ),
    ];
    run(&cases);
}

#[test]
fn no_cors_safelisted_names_exclude_range() {
    assert!(
        is_no_cors_safelisted_request_header("Accept", b"*/*").is_ok(),
        "S-11"
    );
    assert!(
        is_no_cors_safelisted_request_header("Content-Type", b"text/plain").is_ok(),
        "S-12"
    );
    assert_eq!(
        is_no_cors_safelisted_request_header("Range", b"bytes=0-1"),
        Err(NotSafelisted::Name),
        "S-10, S-11"
    );
    assert!(
        is_no_cors_safelisted_request_header("Content-Type", b"application/json").is_err(),
        "S-12"
    );
}

#[test]
fn safelisted_header_steps_give_the_reason() {
    let sc = Sc::cross()
        .header("Content-Type", "application/json")
        .preflight(API, 204, &[]);
    let step = step(&sc, cors_rules::CheckId::SafelistedHeader).unwrap();
    assert_eq!(step.outcome, cors_rules::StepOutcome::Info);
    assert_eq!(step.value(cors_rules::Key::Reason), Some("mime-type"));
    assert_eq!(step.value(cors_rules::Key::Header), Some("Content-Type"));
}

/// The reason a browser gives where its own parser refuses what the standard's accepts.
#[test]
fn a_browser_that_refuses_what_the_standard_accepts_says_why() {
    use cors_rules::quirks::quirks;
    use cors_rules::safelist::cors_unsafe_request_header_names_in;
    use cors_rules::Browser;
    let reason = |browser, name: &str, value: &str| {
        cors_unsafe_request_header_names_in([(name, value.as_bytes())], quirks(browser)).headers[0]
            .verdict
    };
    assert_eq!(
        reason(Browser::Spec, "Content-Type", "text/plain;;"),
        Ok(())
    );
    assert_eq!(
        reason(Browser::Firefox, "Content-Type", "text/plain;;"),
        Err(NotSafelisted::MimeTypeStrict)
    );
    assert_eq!(
        reason(Browser::Firefox, "Content-Type", "application/json;;"),
        Err(NotSafelisted::MimeType)
    );
    assert_eq!(
        reason(Browser::Firefox, "Content-Type", "text/plain x;a=b"),
        Ok(())
    );
    assert_eq!(
        reason(Browser::Spec, "Content-Type", "text/plain x;a=b"),
        Err(NotSafelisted::MimeType)
    );
    let huge = "bytes=9223372036854775807-";
    assert_eq!(reason(Browser::Firefox, "Range", huge), Ok(()));
    assert_eq!(
        reason(Browser::Chrome, "Range", huge),
        Err(NotSafelisted::RangeNumberTooLarge)
    );
    assert_eq!(reason(Browser::Safari, "Range", "bytes=+1-"), Ok(()));
    assert_eq!(
        reason(Browser::Chrome, "Range", "bytes=+1-"),
        Err(NotSafelisted::RangeSyntax)
    );
}
