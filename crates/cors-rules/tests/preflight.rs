//! The CORS preflight (P-1…P-14, M-5, M-6, U-1…U-4, CR-8) and "why was my preflight rejected".

mod common;
use common::*;
use cors_rules::{CheckId, Key, StepOutcome};

/// A PUT that needs a preflight, answered by `preflight` headers with status 204, and an allowing response.
fn put(browser: &str, preflight: &[(&str, &str)]) -> Sc {
    Sc::cross()
        .browser(browser)
        .method("PUT")
        .preflight(API, 204, preflight)
        .respond(API, 200, &[ACAO])
}

/// A GET with a custom header (so it preflights) answered by `preflight`.
fn custom_header(browser: &str, preflight: &[(&str, &str)]) -> Sc {
    Sc::cross()
        .browser(browser)
        .header("X-Custom", "1")
        .preflight(API, 204, preflight)
        .respond(API, 200, &[ACAO])
}

#[test]
fn preflight_response_checks_follow_each_profile() {
    let mut cases = Vec::new();
    for browser in BROWSERS {
        let safari = browser == "safari";
        let spec = browser == "spec";
        cases.extend([
            case(
                "P-5",
                "a preflight with ACAO and ACAM passes",
                put(browser, &[ACAO, ("Access-Control-Allow-Methods", "PUT")]),
                "allowed",
                "-",
            ),
            case(
                "P-5",
                "a 405 preflight without CORS headers fails on ACAO first, except in Safari",
                Sc::cross()
                    .browser(browser)
                    .method("PUT")
                    .preflight(API, 405, &[])
                    .respond(API, 200, &[ACAO]),
                "blocked",
                if safari {
                    "preflight-ok-status"
                } else {
                    "preflight-allow-origin-missing"
                },
            ),
            case(
                "P-5",
                "a 501 preflight without CORS headers reports the missing ACAO in Chrome",
                Sc::cross()
                    .browser(browser)
                    .method("PUT")
                    .preflight(API, 501, &[])
                    .respond(API, 200, &[ACAO]),
                "blocked",
                if safari {
                    "preflight-ok-status"
                } else {
                    "preflight-allow-origin-missing"
                },
            ),
            case(
                "P-5",
                "a 404 preflight with ACAO fails on the status",
                put(browser, &[ACAO]).preflight(
                    API,
                    404,
                    &[ACAO, ("Access-Control-Allow-Methods", "PUT")],
                ),
                "blocked",
                "preflight-ok-status",
            ),
            case(
                "P-5",
                "a 206 preflight is ok",
                put(browser, &[]).preflight(
                    API,
                    206,
                    &[ACAO, ("Access-Control-Allow-Methods", "PUT")],
                ),
                "allowed",
                "-",
            ),
            case(
                "P-5",
                "a 200 preflight is ok",
                put(browser, &[]).preflight(
                    API,
                    200,
                    &[ACAO, ("Access-Control-Allow-Methods", "PUT")],
                ),
                "allowed",
                "-",
            ),
            case(
                "P-5",
                "a 300 preflight is not ok",
                put(browser, &[]).preflight(
                    API,
                    300,
                    &[ACAO, ("Access-Control-Allow-Methods", "PUT")],
                ),
                "blocked",
                "preflight-ok-status",
            ),
            case(
                "P-5",
                "a 304 preflight is not ok",
                put(browser, &[]).preflight(
                    API,
                    304,
                    &[ACAO, ("Access-Control-Allow-Methods", "PUT")],
                ),
                "blocked",
                "preflight-ok-status",
            ),
            case(
                "P-5",
                "a 401 preflight is not ok",
                put(browser, &[]).preflight(
                    API,
                    401,
                    &[ACAO, ("Access-Control-Allow-Methods", "PUT")],
                ),
                "blocked",
                "preflight-ok-status",
            ),
            case(
                "P-4",
                "a redirected preflight fails",
                put(browser, &[]).preflight(
                    API,
                    301,
                    &[ACAO, ("Location", "https://api.example/other")],
                ),
                "blocked",
                "preflight-redirect",
            ),
            case(
                "P-4",
                "a 307 preflight fails even with CORS headers",
                put(browser, &[]).preflight(
                    API,
                    307,
                    &[
                        ACAO,
                        ("Access-Control-Allow-Methods", "PUT"),
                        ("Location", "/x"),
                    ],
                ),
                "blocked",
                "preflight-redirect",
            ),
            case(
                "P-5",
                "the preflight ACAO must match",
                put(
                    browser,
                    &[
                        ("Access-Control-Allow-Origin", "https://evil.example"),
                        ("Access-Control-Allow-Methods", "PUT"),
                    ],
                ),
                "blocked",
                "preflight-allow-origin-mismatch",
            ),
            case(
                "CR-8",
                "a credentialed preflight needs ACAC true",
                put(browser, &[ACAO, ("Access-Control-Allow-Methods", "PUT")]).include(),
                "blocked",
                "preflight-allow-credentials",
            ),
            case(
                "CR-8",
                "a credentialed preflight fails with ACAO *",
                put(
                    browser,
                    &[ACAO_ANY, ACAC, ("Access-Control-Allow-Methods", "PUT")],
                )
                .include(),
                "blocked",
                "preflight-allow-origin-wildcard",
            ),
            case(
                "CR-8",
                "a credentialed preflight passes with exact ACAO and ACAC",
                put(
                    browser,
                    &[ACAO, ACAC, ("Access-Control-Allow-Methods", "PUT")],
                )
                .include()
                .respond(API, 200, &[ACAO, ACAC]),
                "allowed",
                "-",
            ),
            case(
                "P-6",
                "an unparsable ACAM fails even when the method is safelisted",
                custom_header(
                    browser,
                    &[
                        ACAO,
                        ("Access-Control-Allow-Headers", "x-custom"),
                        ("Access-Control-Allow-Methods", "Bad value"),
                    ],
                ),
                "blocked",
                "allow-methods-parse",
            ),
            case(
                "P-6",
                "an unparsable ACAH fails the preflight",
                custom_header(
                    browser,
                    &[ACAO, ("Access-Control-Allow-Headers", "x-custom, no no")],
                ),
                "blocked",
                "allow-headers-parse",
            ),
            case(
                "P-6",
                "a quoted ACAH element fails the preflight",
                custom_header(
                    browser,
                    &[ACAO, ("Access-Control-Allow-Headers", "\"x-custom\"")],
                ),
                "blocked",
                "allow-headers-parse",
            ),
            case(
                "H-7",
                "empty ACAH elements are fine",
                custom_header(
                    browser,
                    &[
                        ACAO,
                        ("Access-Control-Allow-Headers", ",x-other, ,,x-custom"),
                    ],
                ),
                "allowed",
                "-",
            ),
            case(
                "H-6",
                "each ACAM line is parsed; one bad line fails",
                put(
                    browser,
                    &[
                        ACAO,
                        ("Access-Control-Allow-Methods", "PUT"),
                        ("Access-Control-Allow-Methods", "GET POST"),
                    ],
                ),
                "blocked",
                "allow-methods-parse",
            ),
            case(
                "P-6",
                "ACAM missing PUT and ACAH unparsable: Firefox checks the method first",
                Sc::cross()
                    .browser(browser)
                    .method("PUT")
                    .header("X-Custom", "1")
                    .preflight(
                        API,
                        204,
                        &[
                            ACAO,
                            ("Access-Control-Allow-Methods", "GET"),
                            ("Access-Control-Allow-Headers", "no no"),
                        ],
                    )
                    .respond(API, 200, &[ACAO]),
                "blocked",
                if browser == "firefox" {
                    "method-allowed"
                } else {
                    "allow-headers-parse"
                },
            ),
            case(
                "P-8",
                "a method missing from ACAM fails",
                put(
                    browser,
                    &[ACAO, ("Access-Control-Allow-Methods", "GET, POST")],
                ),
                "blocked",
                "method-allowed",
            ),
            case(
                "M-6",
                "ACAM put does not allow PUT",
                put(browser, &[ACAO, ("Access-Control-Allow-Methods", "put")]),
                "blocked",
                "method-allowed",
            ),
            case(
                "M-6",
                "ACAM PATCH does not allow patch",
                Sc::cross()
                    .browser(browser)
                    .method("patch")
                    .preflight(API, 204, &[ACAO, ("Access-Control-Allow-Methods", "PATCH")])
                    .respond(API, 200, &[ACAO]),
                "blocked",
                "method-allowed",
            ),
            case(
                "M-6",
                "ACAM patch allows patch",
                Sc::cross()
                    .browser(browser)
                    .method("patch")
                    .preflight(API, 204, &[ACAO, ("Access-Control-Allow-Methods", "patch")])
                    .respond(API, 200, &[ACAO]),
                "allowed",
                "-",
            ),
            case(
                "P-8",
                "ACAM * allows any method without credentials",
                Sc::cross()
                    .browser(browser)
                    .method("DELETE")
                    .preflight(API, 204, &[ACAO, ("Access-Control-Allow-Methods", "*")])
                    .respond(API, 200, &[ACAO]),
                "allowed",
                "-",
            ),
            case(
                "P-8",
                "ACAM * is literal with credentials",
                Sc::cross()
                    .browser(browser)
                    .method("DELETE")
                    .include()
                    .preflight(
                        API,
                        204,
                        &[ACAO, ACAC, ("Access-Control-Allow-Methods", "*")],
                    )
                    .respond(API, 200, &[ACAO, ACAC]),
                "blocked",
                "method-allowed",
            ),
            case(
                "P-8",
                "a safelisted method passes whatever ACAM says",
                custom_header(
                    browser,
                    &[
                        ACAO,
                        ("Access-Control-Allow-Headers", "x-custom"),
                        ("Access-Control-Allow-Methods", "get"),
                    ],
                ),
                "allowed",
                "-",
            ),
            case(
                "P-8",
                "a missing ACAM rejects DELETE",
                Sc::cross()
                    .browser(browser)
                    .method("DELETE")
                    .preflight(API, 204, &[ACAO])
                    .respond(API, 200, &[ACAO]),
                "blocked",
                "method-allowed",
            ),
            case(
                "P-10",
                "an unlisted header fails",
                custom_header(
                    browser,
                    &[ACAO, ("Access-Control-Allow-Headers", "x-other")],
                ),
                "blocked",
                "header-allowed",
            ),
            case(
                "P-10",
                "header names match case-insensitively",
                custom_header(
                    browser,
                    &[ACAO, ("Access-Control-Allow-Headers", "X-CUSTOM")],
                ),
                "allowed",
                "-",
            ),
            case(
                "P-10",
                "ACAH * allows any header without credentials",
                custom_header(browser, &[ACAO, ("Access-Control-Allow-Headers", "*")]),
                "allowed",
                "-",
            ),
            case(
                "P-10",
                "ACAH * is literal with credentials",
                custom_header(
                    browser,
                    &[ACAO, ACAC, ("Access-Control-Allow-Headers", "*")],
                )
                .include()
                .respond(API, 200, &[ACAO, ACAC]),
                "blocked",
                "header-allowed",
            ),
            case(
                "P-10",
                "a missing ACAH rejects a custom header",
                custom_header(browser, &[ACAO]),
                "blocked",
                "header-allowed",
            ),
            case(
                "P-9",
                "ACAH * covers Authorization in every browser but not in the standard",
                Sc::cross()
                    .browser(browser)
                    .header("Authorization", "Bearer x")
                    .preflight(API, 204, &[ACAO, ("Access-Control-Allow-Headers", "*")])
                    .respond(API, 200, &[ACAO]),
                if spec { "blocked" } else { "allowed" },
                if spec { "authorization-allowed" } else { "-" },
            ),
            case(
                "P-9",
                "a listed Authorization passes",
                Sc::cross()
                    .browser(browser)
                    .header("Authorization", "Bearer x")
                    .preflight(
                        API,
                        204,
                        &[ACAO, ("Access-Control-Allow-Headers", "authorization")],
                    )
                    .respond(API, 200, &[ACAO]),
                "allowed",
                "-",
            ),
            case(
                "P-9",
                "with credentials ACAH * never covers Authorization",
                Sc::cross()
                    .browser(browser)
                    .include()
                    .header("Authorization", "Bearer x")
                    .preflight(
                        API,
                        204,
                        &[ACAO, ACAC, ("Access-Control-Allow-Headers", "*")],
                    )
                    .respond(API, 200, &[ACAO, ACAC]),
                "blocked",
                if spec {
                    "authorization-allowed"
                } else {
                    "header-allowed"
                },
            ),
            case(
                "P-13",
                "the preflight's network error fails the fetch",
                Sc::cross()
                    .browser(browser)
                    .method("PUT")
                    .preflight_error(API, "connection-refused")
                    .respond(API, 200, &[ACAO]),
                "blocked",
                "preflight-network-error",
            ),
            case(
                "P-1",
                "a simple GET needs no preflight",
                Sc::cross().browser(browser).respond(API, 200, &[ACAO]),
                "allowed",
                "-",
            ),
            case(
                "U-2",
                "the preflight flag preflights a simple GET",
                Sc::cross()
                    .browser(browser)
                    .xhr()
                    .preflight_flag()
                    .preflight(API, 204, &[ACAO])
                    .respond(API, 200, &[ACAO]),
                "allowed",
                "-",
            ),
            // Observed (conformance suite, `upload-listener-without-allow-methods`): Chromium 156,
            // Firefox ESR 153 and WebKitGTK 2.50 block this PUT; only the standard allows it.
            case(
                "P-7",
                "with the flag, a missing ACAM allows the request's own method only in the standard",
                Sc::cross()
                    .browser(browser)
                    .xhr()
                    .method("PUT")
                    .preflight_flag()
                    .preflight(API, 204, &[ACAO])
                    .respond(API, 200, &[ACAO]),
                if spec { "allowed" } else { "blocked" },
                if spec { "-" } else { "method-allowed" },
            ),
            case(
                "P-5",
                "an absent preflight entry answers OPTIONS like the response",
                Sc::cross().browser(browser).method("PUT").respond(
                    API,
                    200,
                    &[ACAO, ("Access-Control-Allow-Methods", "PUT")],
                ),
                "allowed",
                "-",
            ),
        ]);
    }
    run(&cases);
}

#[test]
fn preflight_request_carries_origin_method_and_sorted_names_without_spaces() {
    let verdict = Sc::cross()
        .method("patch")
        .header("X-B", "1")
        .header("x-a", "2")
        .header("X-A", "3")
        .header("Content-Type", "application/json")
        .preflight(
            API,
            204,
            &[
                ACAO,
                ("Access-Control-Allow-Methods", "patch"),
                ("Access-Control-Allow-Headers", "*"),
            ],
        )
        .respond(API, 200, &[ACAO])
        .eval();
    let preflight = &verdict.requests[0];
    assert_eq!(preflight.method, "OPTIONS");
    assert!(!preflight.credentials, "P-2: no cookies on a preflight");
    let expected: Vec<(String, String)> = [
        ("Origin", PAGE),
        ("Access-Control-Request-Method", "patch"),
        ("Access-Control-Request-Headers", "content-type,x-a,x-b"),
    ]
    .iter()
    .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
    .collect();
    assert_eq!(preflight.headers, expected, "P-3, M-5, H-8");
    assert_eq!(verdict.requests[1].method, "patch");
}

#[test]
fn preflight_with_credentials_include_still_sends_no_cookies() {
    let verdict = put(
        "spec",
        &[ACAO, ACAC, ("Access-Control-Allow-Methods", "PUT")],
    )
    .include()
    .respond(API, 200, &[ACAO, ACAC])
    .eval();
    assert!(!verdict.requests[0].credentials);
    assert!(
        verdict.requests[1].credentials,
        "CR-1: include sends cookies on the request itself"
    );
}

#[test]
fn failed_preflight_sends_no_request() {
    let verdict = put("chrome", &[]).eval();
    assert_eq!(verdict.requests.len(), 1, "P-13: only the OPTIONS went out");
    assert!(verdict.preflight_sent);
}

#[test]
fn no_preflight_flag_means_no_preflight_for_simple_requests() {
    let verdict = Sc::cross().xhr().respond(API, 200, &[ACAO]).eval();
    assert!(
        !verdict.preflight_sent,
        "U-3: listeners added after send() do not count"
    );
    assert_eq!(verdict.requests.len(), 1);
}

#[test]
fn max_age_is_capped_per_browser() {
    let expected = [
        ("chrome", "7200"),
        ("firefox", "86400"),
        ("safari", "600"),
        ("spec", "86400"),
    ];
    for (browser, seconds) in expected {
        let sc = put(
            browser,
            &[
                ACAO,
                ("Access-Control-Allow-Methods", "PUT"),
                ("Access-Control-Max-Age", "86400"),
            ],
        );
        let step = step(&sc, CheckId::MaxAge).unwrap();
        assert_eq!(step.value(Key::Seconds), Some(seconds), "C-10 {browser}");
    }
}

#[test]
fn max_age_defaults_to_five_seconds_and_chrome_reads_negative_as_no_cache() {
    let absent = step(
        &put("safari", &[ACAO, ("Access-Control-Allow-Methods", "PUT")]),
        CheckId::MaxAge,
    )
    .unwrap();
    assert_eq!(absent.value(Key::Seconds), Some("5"), "P-11");
    let garbage = step(
        &put(
            "firefox",
            &[
                ACAO,
                ("Access-Control-Allow-Methods", "PUT"),
                ("Access-Control-Max-Age", "1h"),
            ],
        ),
        CheckId::MaxAge,
    )
    .unwrap();
    assert_eq!(garbage.value(Key::Seconds), Some("5"), "P-11");
    let negative = step(
        &put(
            "chrome",
            &[
                ACAO,
                ("Access-Control-Allow-Methods", "PUT"),
                ("Access-Control-Max-Age", "-1"),
            ],
        ),
        CheckId::MaxAge,
    )
    .unwrap();
    assert_eq!(negative.value(Key::Seconds), Some("0"), "P-11 Chrome");
}

#[test]
fn header_rejection_names_the_first_unlisted_header_in_sorted_order() {
    let sc = Sc::cross()
        .header("X-Zeta", "1")
        .header("X-Alpha", "2")
        .preflight(
            API,
            204,
            &[ACAO, ("Access-Control-Allow-Headers", "x-zeta")],
        );
    let step = step(&sc, CheckId::HeaderAllowed).unwrap();
    assert_eq!(step.outcome, StepOutcome::Fail);
    assert_eq!(step.value(Key::Header), Some("x-alpha"));
    assert_eq!(step.value(Key::WrittenHeader), Some("X-Alpha"));
    assert_eq!(step.value(Key::Names), Some("x-alpha,x-zeta"));
}

#[test]
fn a_failed_preflight_ends_the_trace_with_its_single_failure() {
    let trace = trace(&put("chrome", &[ACAO]));
    let failures: Vec<_> = trace
        .iter()
        .filter(|s| s.outcome == StepOutcome::Fail)
        .collect();
    assert_eq!(failures.len(), 1);
    assert_eq!(trace.last().unwrap().check, CheckId::MethodAllowed);
}

#[test]
fn preflight_needed_step_names_its_reasons() {
    let sc = Sc::cross()
        .xhr()
        .method("PUT")
        .header("X-Custom", "1")
        .preflight_flag()
        .preflight(API, 204, &[]);
    let step = step(&sc, CheckId::PreflightNeeded).unwrap();
    assert_eq!(step.outcome, StepOutcome::Info);
    assert_eq!(step.value(Key::Reason), Some("method,headers,flag"));
    assert_eq!(step.value(Key::Names), Some("x-custom"));
}
