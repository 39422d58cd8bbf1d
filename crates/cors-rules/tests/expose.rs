//! What the script can read (E-1…E-7, RT-2, T-11).

mod common;
use common::*;

fn readable(sc: Sc) -> Vec<String> {
    sc.eval().readable.map(|r| r.headers).unwrap_or_default()
}

#[test]
fn readable_headers_follow_the_safelist_and_expose_headers() {
    let base = [
        ("Content-Type", "text/plain"),
        ("Cache-Control", "no-store"),
        ("Content-Length", "2"),
        ("X-A", "1"),
        ("X-B", "2"),
        ("ETag", "\"e\""),
    ];
    let with = |extra: &[(&'static str, &'static str)], credentials: &str| {
        let mut headers: Vec<(&str, &str)> = base.to_vec();
        headers.extend_from_slice(extra);
        Sc::cross()
            .credentials(credentials)
            .respond(API, 200, &headers)
    };
    let rows: Vec<(&str, Sc, Vec<&str>)> = vec![
        (
            "E-1",
            with(&[ACAO], "same-origin"),
            vec!["cache-control", "content-length", "content-type"],
        ),
        (
            "E-2",
            with(
                &[ACAO, ("Access-Control-Expose-Headers", "X-A")],
                "same-origin",
            ),
            vec!["cache-control", "content-length", "content-type", "x-a"],
        ),
        (
            "E-2",
            with(
                &[ACAO, ("Access-Control-Expose-Headers", "*")],
                "same-origin",
            ),
            vec![
                "access-control-allow-origin",
                "access-control-expose-headers",
                "cache-control",
                "content-length",
                "content-type",
                "etag",
                "x-a",
                "x-b",
            ],
        ),
        (
            "E-2",
            with(
                &[ACAO, ACAC, ("Access-Control-Expose-Headers", "*")],
                "include",
            ),
            vec!["cache-control", "content-length", "content-type"],
        ),
        (
            "E-2",
            with(
                &[ACAO, ACAC, ("Access-Control-Expose-Headers", "*, X-B")],
                "include",
            ),
            vec!["cache-control", "content-length", "content-type", "x-b"],
        ),
        (
            "E-3",
            with(
                &[ACAO, ("Access-Control-Expose-Headers", "x-a, no no")],
                "same-origin",
            ),
            vec!["cache-control", "content-length", "content-type"],
        ),
        (
            "E-4",
            with(
                &[
                    ACAO,
                    ("Access-Control-Expose-Headers", "X-A"),
                    ("Access-Control-Expose-Headers", "x-b"),
                ],
                "same-origin",
            ),
            vec![
                "cache-control",
                "content-length",
                "content-type",
                "x-a",
                "x-b",
            ],
        ),
        (
            "E-4",
            with(
                &[
                    ACAO,
                    ("Access-Control-Expose-Headers", ""),
                    ("Access-Control-Expose-Headers", "x-b"),
                ],
                "same-origin",
            ),
            vec!["cache-control", "content-length", "content-type", "x-b"],
        ),
        (
            "E-4",
            with(
                &[
                    ACAO,
                    ("Access-Control-Expose-Headers", "X-A"),
                    ("Access-Control-Expose-Headers", "\"x-b\""),
                ],
                "same-origin",
            ),
            vec!["cache-control", "content-length", "content-type"],
        ),
        (
            "E-5",
            with(
                &[ACAO, ("Access-Control-Expose-Headers", "x-missing")],
                "same-origin",
            ),
            vec!["cache-control", "content-length", "content-type"],
        ),
        (
            "E-7",
            with(
                &[ACAO, ("Access-Control-Expose-Headers", "etag")],
                "same-origin",
            )
            .xhr(),
            vec!["cache-control", "content-length", "content-type", "etag"],
        ),
    ];
    for (rule, sc, expected) in rows {
        assert_eq!(readable(sc.clone()), expected, "[{rule}] {}", sc.0);
    }
}

#[test]
fn basic_responses_show_every_header_but_set_cookie() {
    let sc = Sc::new(PAGE, "https://app.example/x").respond(
        "https://app.example/x",
        200,
        &[("X-A", "1"), ("Set-Cookie", "a=b")],
    );
    assert_eq!(readable(sc), vec!["x-a"], "T-11, F-5");
}

#[test]
fn opaque_and_error_responses_have_nothing_readable() {
    let opaque = Sc::cross()
        .mode("no-cors")
        .respond(API, 200, &[("X-A", "1")])
        .eval();
    assert!(opaque.readable.is_none(), "RT-2");
    assert_eq!(opaque.response_type, cors_rules::ResponseType::Opaque);
    let blocked = Sc::cross().respond(API, 200, &[]).eval();
    assert!(blocked.readable.is_none());
    assert_eq!(blocked.response_type, cors_rules::ResponseType::Error);
}

#[test]
fn timing_allow_origin_does_not_gate_the_response() {
    let verdict = Sc::cross()
        .respond(
            API,
            200,
            &[ACAO, ("Timing-Allow-Origin", "https://other.example")],
        )
        .eval();
    assert_eq!(outcome(&verdict), "allowed", "TAO-5");
}

#[test]
fn vary_does_not_change_the_decision() {
    let with = Sc::cross()
        .respond(API, 200, &[ACAO, ("Vary", "Origin")])
        .eval();
    let without = Sc::cross().respond(API, 200, &[ACAO]).eval();
    assert_eq!(outcome(&with), outcome(&without), "X-1");
}
