//! Redirects (R-1…R-19), the Origin header after redirects (OH-1…OH-6) and sticky tainting (T-10).

mod common;
use common::*;
use cors_rules::{CheckId, Key, Stage, StepOutcome};

const B: &str = "https://b.example/next";
const C: &str = "https://c.example/last";
const API2: &str = "https://api.example/moved";
const SAME: &str = "https://app.example/back";

#[test]
fn redirect_table() {
    let cases = [
        case(
            "R-15",
            "a redirect without CORS headers fails",
            Sc::cross()
                .redirect(API, 302, B, &[])
                .respond(B, 200, &[ACAO_ANY]),
            "blocked",
            "allow-origin-missing",
        ),
        case(
            "K-7",
            "a redirect with ACAO * is followed",
            Sc::cross()
                .redirect(API, 302, API2, &[ACAO_ANY])
                .respond(API2, 200, &[ACAO]),
            "allowed",
            "-",
        ),
        case(
            "R-1",
            "a 300 is not a redirect",
            Sc::cross().redirect(API, 300, B, &[ACAO]),
            "allowed",
            "-",
        ),
        case(
            "R-1",
            "a 304 is not a redirect",
            Sc::cross().redirect(API, 304, B, &[ACAO]),
            "allowed",
            "-",
        ),
        case(
            "R-5",
            "a 302 without Location is the response",
            Sc::cross().respond(API, 302, &[ACAO]),
            "allowed",
            "-",
        ),
        case(
            "R-2",
            "redirect mode error fails on a redirect",
            Sc::cross()
                .redirect_mode("error")
                .redirect(API, 302, API2, &[ACAO])
                .respond(API2, 200, &[ACAO]),
            "blocked",
            "redirect-mode",
        ),
        case(
            "R-2",
            "redirect mode error fails even same-origin",
            Sc::new(PAGE, SAME)
                .redirect_mode("error")
                .redirect(SAME, 302, "/other", &[]),
            "blocked",
            "redirect-mode",
        ),
        case(
            "R-3",
            "redirect mode manual gives an opaque redirect",
            Sc::cross()
                .redirect_mode("manual")
                .redirect(API, 302, B, &[ACAO]),
            "opaqueredirect",
            "-",
        ),
        case(
            "R-3",
            "manual still CORS-checks the redirect first",
            Sc::cross()
                .redirect_mode("manual")
                .redirect(API, 302, B, &[]),
            "blocked",
            "allow-origin-missing",
        ),
        case(
            "R-4",
            "a same-origin no-cors manual redirect is an opaque redirect",
            Sc::new(PAGE, SAME)
                .mode("no-cors")
                .redirect_mode("manual")
                .redirect(SAME, 302, B, &[]),
            "opaqueredirect",
            "-",
        ),
        case(
            "R-5",
            "an unparsable Location is a network error",
            Sc::cross().redirect(API, 302, "http://[::1", &[ACAO]),
            "blocked",
            "redirect-location",
        ),
        case(
            "R-5",
            "a relative Location resolves against the URL",
            Sc::cross()
                .redirect(API, 302, "/moved", &[ACAO])
                .respond(API2, 200, &[ACAO]),
            "allowed",
            "-",
        ),
        case(
            "R-6",
            "a redirect to data: fails",
            Sc::cross().redirect(API, 302, "data:text/plain,x", &[ACAO]),
            "blocked",
            "redirect-scheme",
        ),
        case(
            "R-6",
            "a redirect to a custom scheme fails",
            Sc::cross().redirect(API, 302, "foo:bar", &[ACAO]),
            "blocked",
            "redirect-scheme",
        ),
        case(
            "R-6",
            "a same-origin redirect to data: fails too",
            Sc::new(PAGE, SAME).redirect(SAME, 302, "data:,x", &[]),
            "blocked",
            "redirect-scheme",
        ),
        case(
            "R-8",
            "a cross-origin Location with credentials fails in cors mode",
            Sc::cross().redirect(API, 302, "https://u:p@b.example/x", &[ACAO]),
            "blocked",
            "redirect-credentials",
        ),
        case(
            "R-8",
            "a cors-tainted redirect to a Location with credentials fails",
            Sc::cross().redirect(API, 302, "https://u:p@app.example/x", &[ACAO]),
            "blocked",
            "redirect-credentials",
        ),
        case(
            "R-8",
            "empty userinfo is not credentials",
            Sc::cross()
                .redirect(API, 302, "https://@api.example/moved", &[ACAO])
                .respond(API2, 200, &[ACAO]),
            "allowed",
            "-",
        ),
        case(
            "R-17",
            "same-origin mode fails on a cross-origin hop",
            Sc::new(PAGE, SAME)
                .mode("same-origin")
                .redirect(SAME, 302, API, &[]),
            "blocked",
            "same-origin-mode",
        ),
        case(
            "R-17",
            "same-origin mode follows a same-origin hop",
            Sc::new(PAGE, SAME)
                .mode("same-origin")
                .redirect(SAME, 302, "/final", &[])
                .respond("https://app.example/final", 200, &[]),
            "allowed",
            "-",
        ),
        case(
            "R-16",
            "A to B to B keeps the origin",
            Sc::cross()
                .redirect(API, 302, API2, &[ACAO])
                .respond(API2, 200, &[ACAO]),
            "allowed",
            "-",
        ),
        case(
            "R-16",
            "A to B to C sends Origin null, so ACAO A fails",
            Sc::cross()
                .redirect(API, 302, C, &[ACAO])
                .respond(C, 200, &[ACAO]),
            "blocked",
            "allow-origin-mismatch",
        ),
        case(
            "R-16",
            "A to B to C passes with ACAO null",
            Sc::cross().redirect(API, 302, C, &[ACAO]).respond(
                C,
                200,
                &[("Access-Control-Allow-Origin", "null")],
            ),
            "allowed",
            "-",
        ),
        case(
            "R-16",
            "A to B to C passes with ACAO *",
            Sc::cross()
                .redirect(API, 302, C, &[ACAO])
                .respond(C, 200, &[ACAO_ANY]),
            "allowed",
            "-",
        ),
        case(
            "R-16",
            "A to A to B keeps the origin",
            Sc::new(PAGE, SAME)
                .redirect(SAME, 302, B, &[])
                .respond(B, 200, &[ACAO]),
            "allowed",
            "-",
        ),
        case(
            "T-10",
            "A to B to A is still cors and needs ACAO (Origin null)",
            Sc::cross()
                .redirect(API, 302, SAME, &[ACAO])
                .respond(SAME, 200, &[]),
            "blocked",
            "allow-origin-missing",
        ),
        case(
            "T-10",
            "A to B to A with ACAO * is a cors response",
            Sc::cross()
                .redirect(API, 302, SAME, &[ACAO])
                .respond(SAME, 200, &[ACAO_ANY]),
            "allowed",
            "-",
        ),
        case(
            "T-10",
            "no-cors A to B to A stays opaque",
            Sc::cross()
                .mode("no-cors")
                .redirect(API, 302, SAME, &[])
                .respond(SAME, 200, &[]),
            "opaque",
            "-",
        ),
        case(
            "MX-4",
            "a redirect to http is mixed content",
            Sc::cross().redirect(API, 302, "http://api.example/x", &[ACAO]),
            "blocked",
            "mixed-content",
        ),
        case(
            "R-14",
            "a redirected preflight fails even when the target would pass",
            Sc::cross()
                .method("PUT")
                .preflight(API, 308, &[ACAO, ("Location", API2)])
                .respond(API, 200, &[ACAO]),
            "blocked",
            "preflight-redirect",
        ),
        case(
            "R-13",
            "a redirect after a successful preflight is followed with a new preflight",
            Sc::cross()
                .method("PUT")
                .preflight(API, 204, &[ACAO, ("Access-Control-Allow-Methods", "PUT")])
                .redirect(API, 307, C, &[ACAO])
                .preflight(
                    C,
                    204,
                    &[
                        ("Access-Control-Allow-Origin", "null"),
                        ("Access-Control-Allow-Methods", "PUT"),
                    ],
                )
                .respond(C, 200, &[ACAO_ANY]),
            "allowed",
            "-",
        ),
        case(
            "C-11",
            "the second preflight can fail on its own",
            Sc::cross()
                .method("PUT")
                .preflight(API, 204, &[ACAO, ("Access-Control-Allow-Methods", "PUT")])
                .redirect(API, 307, C, &[ACAO])
                .preflight(C, 204, &[ACAO, ("Access-Control-Allow-Methods", "PUT")]),
            "blocked",
            "preflight-allow-origin-mismatch",
        ),
        case(
            "R-10",
            "303 turns PUT into GET, which needs no second preflight",
            Sc::cross()
                .method("PUT")
                .preflight(API, 204, &[ACAO, ("Access-Control-Allow-Methods", "PUT")])
                .redirect(API, 303, API2, &[ACAO])
                .respond(API2, 200, &[ACAO]),
            "allowed",
            "-",
        ),
        case(
            "CR-9",
            "credentials survive a cross-origin redirect when both hops allow them",
            Sc::cross()
                .include()
                .redirect(API, 302, API2, &[ACAO, ACAC])
                .respond(API2, 200, &[ACAO, ACAC]),
            "allowed",
            "-",
        ),
        case(
            "CR-4",
            "a credentialed redirect needs ACAC too",
            Sc::cross()
                .include()
                .redirect(API, 302, API2, &[ACAO])
                .respond(API2, 200, &[ACAO, ACAC]),
            "blocked",
            "allow-credentials",
        ),
    ];
    run(&cases);
}

/// A chain of `n` redirects from `https://api.example/r0` ending with an allowed response.
fn chain(n: usize) -> Sc {
    let url = |i: usize| format!("https://api.example/r{i}");
    let mut sc = Sc::new(PAGE, &url(0));
    for i in 0..n {
        sc = sc.redirect(&url(i), 302, &url(i + 1), &[ACAO]);
    }
    sc.respond(&url(n), 200, &[ACAO])
}

#[test]
fn twenty_redirects_are_followed_and_the_twenty_first_fails() {
    assert_eq!(outcome(&chain(20).eval()), "allowed", "R-7");
    let verdict = chain(21).eval();
    assert_eq!(check(&verdict), "redirect-limit", "R-7");
    assert_eq!(verdict.requests.len(), 21);
}

#[test]
fn method_rewrites_follow_the_status() {
    let rows = [
        ("R-10", 301, "POST", "GET"),
        ("R-10", 302, "POST", "GET"),
        ("R-10", 303, "POST", "GET"),
        ("R-10", 303, "PUT", "GET"),
        ("R-10", 303, "HEAD", "HEAD"),
        ("R-10", 307, "POST", "POST"),
        ("R-10", 308, "PUT", "PUT"),
        ("R-10", 302, "PUT", "PUT"),
        ("R-10", 301, "DELETE", "DELETE"),
    ];
    for (rule, status, method, after) in rows {
        let verdict = Sc::cross()
            .method(method)
            .preflight(API, 204, &[ACAO, ("Access-Control-Allow-Methods", "*")])
            .redirect(API, status, API2, &[ACAO])
            .respond(API2, 200, &[ACAO, ("Access-Control-Allow-Methods", "*")])
            .eval();
        assert_eq!(
            verdict.requests.last().unwrap().method,
            after,
            "[{rule}] {status} {method}"
        );
    }
}

#[test]
fn a_rewrite_to_get_drops_the_request_body_headers() {
    let verdict = Sc::cross()
        .method("POST")
        .header("Content-Type", "text/plain")
        .header("Content-Language", "en")
        .redirect(API, 303, API2, &[ACAO])
        .respond(API2, 200, &[ACAO])
        .eval();
    let last = verdict.requests.last().unwrap();
    assert_eq!(last.method, "GET");
    assert!(
        last.headers.iter().all(|(n, _)| n == "Origin"),
        "F-6, R-10: {:?}",
        last.headers
    );
}

#[test]
fn authorization_is_dropped_on_a_cross_origin_redirect_only() {
    let allow = [ACAO, ("Access-Control-Allow-Headers", "authorization")];
    let cross = Sc::cross()
        .header("Authorization", "Bearer t")
        .preflight(API, 204, &allow)
        .redirect(API, 302, B, &[ACAO])
        .respond(B, 200, &[ACAO_ANY]);
    let verdict = cross.eval();
    let last = verdict.requests.last().unwrap();
    assert!(
        !last.headers.iter().any(|(n, _)| n == "Authorization"),
        "R-11"
    );
    assert!(has_step(
        &cross,
        CheckId::RedirectAuthorizationDropped,
        StepOutcome::Info
    ));
    assert_eq!(
        verdict.requests.len(),
        3,
        "no preflight at B once Authorization is gone"
    );
    let same = Sc::cross()
        .header("Authorization", "Bearer t")
        .preflight(API, 204, &allow)
        .redirect(API, 302, API2, &[ACAO])
        .preflight(API2, 204, &allow)
        .respond(API2, 200, &[ACAO]);
    let verdict = same.eval();
    assert!(
        verdict
            .requests
            .last()
            .unwrap()
            .headers
            .iter()
            .any(|(n, _)| n == "Authorization"),
        "R-11: same-origin hop keeps it"
    );
}

#[test]
fn origin_header_becomes_null_after_a_cross_origin_hop() {
    let sc = Sc::cross()
        .redirect(API, 302, C, &[ACAO])
        .respond(C, 200, &[ACAO_ANY]);
    let verdict = sc.eval();
    assert_eq!(verdict.requests[0].headers[0].1, PAGE, "OH-2");
    assert_eq!(verdict.requests[1].headers[0].1, "null", "OH-2");
    let taint = step(&sc, CheckId::RedirectTaint).unwrap();
    assert_eq!(taint.value(Key::SentOrigin), Some("null"), "OH-1");
    let same_site = Sc::new("https://a.example.com", "https://b.example.com/1")
        .redirect(
            "https://b.example.com/1",
            302,
            "https://c.example.com/2",
            &[ACAO_ANY],
        )
        .respond("https://c.example.com/2", 200, &[ACAO_ANY])
        .eval();
    assert_eq!(
        same_site.requests[1].headers[0].1, "null",
        "OH-1: same-site taint also serializes as null"
    );
}

#[test]
fn a_303_to_the_page_origin_sends_no_origin_header() {
    let verdict = Sc::new(PAGE, SAME)
        .method("POST")
        .redirect(SAME, 303, "/done", &[])
        .respond("https://app.example/done", 200, &[])
        .eval();
    assert_eq!(verdict.requests[0].headers[0].0, "Origin");
    assert!(verdict.requests[1].headers.is_empty(), "OH-6");
}

#[test]
fn redirect_failures_are_in_the_redirect_stage() {
    let verdict = Sc::cross().redirect(API, 302, B, &[]).eval();
    assert_eq!(
        verdict.failure.unwrap().stage,
        Stage::Redirect,
        "K-7 on a 3xx uses stage redirect"
    );
    let verdict = Sc::new(PAGE, SAME)
        .mode("same-origin")
        .redirect(SAME, 302, API, &[])
        .eval();
    let failure = verdict.failure.unwrap();
    assert_eq!(
        (failure.stage, failure.url.as_str()),
        (Stage::Redirect, API),
        "R-17"
    );
}

#[test]
fn a_followed_redirect_preflights_again_at_the_new_url() {
    let verdict = Sc::cross()
        .method("PUT")
        .preflight(API, 204, &[ACAO, ("Access-Control-Allow-Methods", "PUT")])
        .redirect(API, 307, API2, &[ACAO])
        .preflight(API2, 204, &[ACAO, ("Access-Control-Allow-Methods", "PUT")])
        .respond(API2, 200, &[ACAO])
        .eval();
    let methods: Vec<&str> = verdict.requests.iter().map(|r| r.method.as_str()).collect();
    assert_eq!(
        methods,
        vec!["OPTIONS", "PUT", "OPTIONS", "PUT"],
        "R-12, R-13, C-11"
    );
}
