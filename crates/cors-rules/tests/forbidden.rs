//! Forbidden request-headers are dropped silently (F-1…F-8); forbidden response headers never show (F-5).

mod common;
use common::*;
use cors_rules::forbidden::{forbidden_request_header, ForbiddenReason};
use cors_rules::{CheckId, Key, StepOutcome};

const FORBIDDEN: [&str; 21] = [
    "Accept-Charset",
    "Accept-Encoding",
    "Access-Control-Request-Headers",
    "Access-Control-Request-Method",
    "Connection",
    "Content-Length",
    "Cookie",
    "Cookie2",
    "Date",
    "DNT",
    "Expect",
    "Host",
    "Keep-Alive",
    "Origin",
    "Referer",
    "Set-Cookie",
    "TE",
    "Trailer",
    "Transfer-Encoding",
    "Upgrade",
    "Via",
];

#[test]
fn every_forbidden_name_is_dropped_without_a_preflight() {
    let mut cases = Vec::new();
    for name in FORBIDDEN {
        let sc = Sc::cross().header(name, "x").respond(API, 200, &[ACAO]);
        cases.push(case(
            "F-1",
            "a forbidden header is dropped and needs no preflight",
            sc.clone(),
            "allowed",
            "-",
        ));
        let verdict = sc.eval();
        let sent = &verdict.requests[0].headers;
        assert!(
            !sent
                .iter()
                .any(|(n, v)| n.eq_ignore_ascii_case(name) && v == "x"),
            "F-4: {name} must not be sent"
        );
        let upper = Sc::cross()
            .header(&name.to_ascii_uppercase(), "x")
            .respond(API, 200, &[ACAO]);
        cases.push(case(
            "F-1",
            "forbidden names match case-insensitively",
            upper,
            "allowed",
            "-",
        ));
    }
    run(&cases);
}

#[test]
fn prefixes_and_method_overrides_are_forbidden() {
    let rows: &[(&str, &str, &str, Option<ForbiddenReason>)] = &[
        (
            "F-2",
            "Proxy-Authorization",
            "x",
            Some(ForbiddenReason::ProxyPrefix),
        ),
        ("F-2", "Proxy-", "x", Some(ForbiddenReason::ProxyPrefix)),
        (
            "F-2",
            "Sec-Fetch-Mode",
            "cors",
            Some(ForbiddenReason::SecPrefix),
        ),
        ("F-2", "sec-", "x", Some(ForbiddenReason::SecPrefix)),
        ("F-2", "proxy", "x", None),
        ("F-2", "proxya", "x", None),
        ("F-2", "sec", "x", None),
        ("F-2", "secb", "x", None),
        (
            "F-3",
            "X-HTTP-Method-Override",
            "trace,",
            Some(ForbiddenReason::MethodOverride),
        ),
        (
            "F-3",
            "X-HTTP-Method",
            "GET,track ",
            Some(ForbiddenReason::MethodOverride),
        ),
        (
            "F-3",
            "x-method-override",
            " connect",
            Some(ForbiddenReason::MethodOverride),
        ),
        ("F-3", "X-HTTP-Method-Override", "GETTRACE", None),
        ("F-3", "X-HTTP-Method-Override", "GET", None),
        ("F-3", "X-HTTP-Method-Override", "\",TRACE\",", None),
        ("F-3", "X-HTTP-Method-Override", "DELETE", None),
        ("F-7", "User-Agent", "x", None),
        ("F-7", "Authorization", "x", None),
        ("F-7", "Range", "bytes=0-1", None),
        ("F-7", "Set-Cookie2", "x", None),
        (
            "F-8",
            "Access-Control-Request-Private-Network",
            "true",
            None,
        ),
    ];
    for (rule, name, value, expected) in rows {
        assert_eq!(
            forbidden_request_header(name, value.as_bytes()),
            *expected,
            "[{rule}] {name}: {value:?}"
        );
    }
}

#[test]
fn a_dropped_header_is_an_info_step_with_its_reason() {
    let sc = Sc::cross()
        .header("Sec-Custom", "1")
        .header("X-HTTP-Method-Override", "TRACE")
        .respond(API, 200, &[ACAO]);
    let steps: Vec<_> = trace(&sc)
        .into_iter()
        .filter(|s| s.check == CheckId::ForbiddenHeader)
        .collect();
    assert_eq!(steps.len(), 2);
    assert!(steps.iter().all(|s| s.outcome == StepOutcome::Info));
    assert_eq!(steps[0].value(Key::Reason), Some("sec-prefix"), "F-2");
    assert_eq!(steps[1].value(Key::Reason), Some("method-override"), "F-3");
    assert!(
        !sc.eval().preflight_sent,
        "F-4: the dropped headers do not cause a preflight"
    );
}

#[test]
fn a_method_override_with_an_allowed_method_is_sent_and_preflights() {
    let verdict = Sc::cross()
        .header("X-HTTP-Method-Override", "DELETE")
        .preflight(
            API,
            204,
            &[
                ACAO,
                ("Access-Control-Allow-Headers", "x-http-method-override"),
            ],
        )
        .respond(API, 200, &[ACAO])
        .eval();
    assert!(verdict.preflight_sent, "F-3");
    assert_eq!(outcome(&verdict), "allowed");
}

#[test]
fn set_cookie_is_never_readable_even_when_exposed() {
    let verdict = Sc::cross()
        .respond(
            API,
            200,
            &[
                ACAO_ANY,
                (
                    "Access-Control-Expose-Headers",
                    "Set-Cookie, Set-Cookie2, X-A",
                ),
                ("Set-Cookie", "a=b"),
                ("Set-Cookie2", "c=d"),
                ("X-A", "1"),
            ],
        )
        .eval();
    assert_eq!(verdict.readable.unwrap().headers, vec!["x-a"], "F-5");
}
