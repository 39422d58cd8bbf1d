//! The CORS check on the response (K-1…K-8), per browser profile.

mod common;
use common::*;

/// One response-header situation and what each profile (chrome, firefox, safari, spec) says.
struct Row {
    rule: &'static str,
    name: &'static str,
    credentials: &'static str,
    headers: &'static [(&'static str, &'static str)],
    expect: [&'static str; 4],
}

const ALLOWED: &str = "-";

const ROWS: &[Row] = &[
    Row {
        rule: "K-2",
        name: "a response without ACAO is blocked",
        credentials: "same-origin",
        headers: &[],
        expect: ["allow-origin-missing"; 4],
    },
    Row {
        rule: "K-3",
        name: "ACAO * without credentials passes",
        credentials: "same-origin",
        headers: &[("Access-Control-Allow-Origin", "*")],
        expect: [ALLOWED; 4],
    },
    Row {
        rule: "K-3",
        name: "ACAO * with credentials include fails",
        credentials: "include",
        headers: &[
            ("Access-Control-Allow-Origin", "*"),
            ("Access-Control-Allow-Credentials", "true"),
        ],
        expect: ["allow-origin-wildcard"; 4],
    },
    Row {
        rule: "K-3",
        name: "ACAO * with credentials omit passes",
        credentials: "omit",
        headers: &[("Access-Control-Allow-Origin", "*")],
        expect: [ALLOWED; 4],
    },
    Row {
        rule: "K-4",
        name: "the exact origin passes",
        credentials: "same-origin",
        headers: &[("Access-Control-Allow-Origin", "https://app.example")],
        expect: [ALLOWED; 4],
    },
    Row {
        rule: "K-4",
        name: "a trailing slash is a mismatch",
        credentials: "same-origin",
        headers: &[("Access-Control-Allow-Origin", "https://app.example/")],
        expect: ["allow-origin-mismatch"; 4],
    },
    Row {
        rule: "K-4",
        name: "upper case is a mismatch (no case folding)",
        credentials: "same-origin",
        headers: &[("Access-Control-Allow-Origin", "HTTPS://APP.EXAMPLE")],
        expect: ["allow-origin-mismatch"; 4],
    },
    Row {
        rule: "K-4",
        name: "an explicit default port is a mismatch",
        credentials: "same-origin",
        headers: &[("Access-Control-Allow-Origin", "https://app.example:443")],
        expect: ["allow-origin-mismatch"; 4],
    },
    Row {
        rule: "K-4",
        name: "another origin is a mismatch",
        credentials: "same-origin",
        headers: &[("Access-Control-Allow-Origin", "https://other.example")],
        expect: ["allow-origin-mismatch"; 4],
    },
    Row {
        rule: "K-4",
        name: "null does not match a tuple origin",
        credentials: "same-origin",
        headers: &[("Access-Control-Allow-Origin", "null")],
        expect: ["allow-origin-mismatch"; 4],
    },
    Row {
        rule: "K-4",
        name: "http instead of https is a mismatch",
        credentials: "same-origin",
        headers: &[("Access-Control-Allow-Origin", "http://app.example")],
        expect: ["allow-origin-mismatch"; 4],
    },
    Row {
        rule: "K-1",
        name: "two identical ACAO lines are combined and fail",
        credentials: "same-origin",
        headers: &[
            ("Access-Control-Allow-Origin", "https://app.example"),
            ("Access-Control-Allow-Origin", "https://app.example"),
        ],
        expect: ["allow-origin-multiple"; 4],
    },
    Row {
        rule: "K-1",
        name: "two ACAO * lines are combined and fail",
        credentials: "same-origin",
        headers: &[
            ("Access-Control-Allow-Origin", "*"),
            ("Access-Control-Allow-Origin", "*"),
        ],
        expect: ["allow-origin-multiple"; 4],
    },
    Row {
        rule: "K-1",
        name: "a list in one ACAO line fails; only Chrome and Safari call it multiple",
        credentials: "same-origin",
        headers: &[(
            "Access-Control-Allow-Origin",
            "https://app.example, https://b.example",
        )],
        expect: [
            "allow-origin-multiple",
            "allow-origin-mismatch",
            "allow-origin-multiple",
            "allow-origin-mismatch",
        ],
    },
    Row {
        rule: "K-1",
        name: "a space-separated list fails; only Chrome calls it multiple",
        credentials: "same-origin",
        headers: &[(
            "Access-Control-Allow-Origin",
            "https://app.example https://b.example",
        )],
        expect: [
            "allow-origin-multiple",
            "allow-origin-mismatch",
            "allow-origin-mismatch",
            "allow-origin-mismatch",
        ],
    },
    Row {
        rule: "K-8",
        name: "a value that is not a URL is invalid in Chrome",
        credentials: "same-origin",
        headers: &[("Access-Control-Allow-Origin", "app.example")],
        expect: [
            "allow-origin-invalid",
            "allow-origin-mismatch",
            "allow-origin-mismatch",
            "allow-origin-mismatch",
        ],
    },
    Row {
        rule: "K-8",
        name: "an empty value is invalid in Chrome",
        credentials: "same-origin",
        headers: &[("Access-Control-Allow-Origin", "")],
        expect: [
            "allow-origin-invalid",
            "allow-origin-mismatch",
            "allow-origin-mismatch",
            "allow-origin-mismatch",
        ],
    },
    Row {
        rule: "K-4",
        name: "surrounding whitespace is trimmed by HTTP parsing",
        credentials: "same-origin",
        headers: &[("Access-Control-Allow-Origin", " *  ")],
        expect: [ALLOWED; 4],
    },
    Row {
        rule: "K-5",
        name: "ACAC is ignored without credentials",
        credentials: "same-origin",
        headers: &[
            ("Access-Control-Allow-Origin", "https://app.example"),
            ("Access-Control-Allow-Credentials", "false"),
        ],
        expect: [ALLOWED; 4],
    },
    Row {
        rule: "K-6",
        name: "credentials need ACAC true",
        credentials: "include",
        headers: &[
            ("Access-Control-Allow-Origin", "https://app.example"),
            ("Access-Control-Allow-Credentials", "true"),
        ],
        expect: [ALLOWED; 4],
    },
    Row {
        rule: "K-6",
        name: "a missing ACAC fails with credentials",
        credentials: "include",
        headers: &[("Access-Control-Allow-Origin", "https://app.example")],
        expect: ["allow-credentials"; 4],
    },
    Row {
        rule: "K-6",
        name: "ACAC TRUE is case-sensitive",
        credentials: "include",
        headers: &[
            ("Access-Control-Allow-Origin", "https://app.example"),
            ("Access-Control-Allow-Credentials", "TRUE"),
        ],
        expect: ["allow-credentials"; 4],
    },
    Row {
        rule: "K-6",
        name: "ACAC 1 is not true",
        credentials: "include",
        headers: &[
            ("Access-Control-Allow-Origin", "https://app.example"),
            ("Access-Control-Allow-Credentials", "1"),
        ],
        expect: ["allow-credentials"; 4],
    },
    Row {
        rule: "K-6",
        name: "two ACAC true lines combine to 'true, true'",
        credentials: "include",
        headers: &[
            ("Access-Control-Allow-Origin", "https://app.example"),
            ("Access-Control-Allow-Credentials", "true"),
            ("Access-Control-Allow-Credentials", "true"),
        ],
        expect: ["allow-credentials"; 4],
    },
    Row {
        rule: "K-6",
        name: "a quoted \"true\" fails",
        credentials: "include",
        headers: &[
            ("Access-Control-Allow-Origin", "https://app.example"),
            ("Access-Control-Allow-Credentials", "\"true\""),
        ],
        expect: ["allow-credentials"; 4],
    },
    Row {
        rule: "K-3",
        name: "the wildcard is reported before ACAC",
        credentials: "include",
        headers: &[("Access-Control-Allow-Origin", "*")],
        expect: ["allow-origin-wildcard"; 4],
    },
    Row {
        rule: "K-1",
        name: "header names match case-insensitively",
        credentials: "same-origin",
        headers: &[("access-control-allow-ORIGIN", "https://app.example")],
        expect: [ALLOWED; 4],
    },
];

#[test]
fn cors_check_table_matches_every_profile() {
    let mut cases = Vec::new();
    for row in ROWS {
        for (browser, expected) in BROWSERS.iter().zip(row.expect) {
            let sc = Sc::cross()
                .browser(browser)
                .credentials(row.credentials)
                .respond(API, 200, row.headers);
            let outcome = if expected == ALLOWED {
                "allowed"
            } else {
                "blocked"
            };
            cases.push(case(row.rule, row.name, sc, outcome, expected));
        }
    }
    run(&cases);
}

#[test]
fn opaque_origin_matches_only_null_or_wildcard() {
    let cases = [
        case(
            "X-6",
            "an opaque page passes with ACAO null",
            Sc::opaque_page(API).respond(API, 200, &[("Access-Control-Allow-Origin", "null")]),
            "allowed",
            "-",
        ),
        case(
            "X-6",
            "an opaque page passes with ACAO *",
            Sc::opaque_page(API).respond(API, 200, &[ACAO_ANY]),
            "allowed",
            "-",
        ),
        case(
            "X-6",
            "an opaque page fails with its parent's origin",
            Sc::opaque_page(API).respond(API, 200, &[ACAO]),
            "blocked",
            "allow-origin-mismatch",
        ),
        case(
            "X-6",
            "an opaque page with credentials needs ACAO null and ACAC",
            Sc::opaque_page(API).include().respond(
                API,
                200,
                &[("Access-Control-Allow-Origin", "null"), ACAC],
            ),
            "allowed",
            "-",
        ),
    ];
    run(&cases);
}

#[test]
fn error_statuses_are_shared_when_cors_headers_are_present() {
    let verdict = Sc::cross().respond(API, 500, &[ACAO_ANY]).eval();
    assert_eq!(outcome(&verdict), "allowed");
    assert_eq!(verdict.readable.unwrap().status, 500);
    let sc = Sc::cross().respond(API, 404, &[]);
    assert_eq!(check(&sc.eval()), "allow-origin-missing");
    assert!(
        has_step(
            &sc,
            cors_rules::CheckId::HttpStatus,
            cors_rules::StepOutcome::Info
        ),
        "K-7: the 404 is recorded as what it is"
    );
}

#[test]
fn a_passing_check_records_the_compared_values() {
    let step = step(
        &Sc::cross().respond(API, 200, &[ACAO]),
        cors_rules::CheckId::AllowOriginMismatch,
    )
    .unwrap();
    assert_eq!(step.outcome, cors_rules::StepOutcome::Pass);
    assert_eq!(step.value(cors_rules::Key::SentOrigin), Some(PAGE));
    assert_eq!(step.value(cors_rules::Key::Value), Some(PAGE));
}
