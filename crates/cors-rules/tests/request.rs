//! Request construction (Q-1…Q-10) and methods (M-1…M-6): what throws before anything is sent.

mod common;
use common::*;
use cors_rules::{CheckId, Key, StepOutcome};

#[test]
fn construction_errors_throw_before_anything_is_sent() {
    let ok = || Sc::cross().respond(API, 200, &[ACAO]);
    let cases = [
        case(
            "Q-1",
            "a fetch URL with a username throws",
            Sc::new(PAGE, "https://user@api.example/data"),
            "request-error",
            "url-credentials",
        ),
        case(
            "Q-1",
            "a fetch URL with a password throws",
            Sc::new(PAGE, "https://:pw@api.example/data"),
            "request-error",
            "url-credentials",
        ),
        case(
            "Q-1",
            "XHR accepts credentials in the URL",
            Sc::new(PAGE, "https://user:pw@api.example/data")
                .xhr()
                .respond("https://user:pw@api.example/data", 200, &[ACAO]),
            "allowed",
            "-",
        ),
        case(
            "M-1",
            "a method with a space throws",
            ok().method("GET POST"),
            "request-error",
            "method-token",
        ),
        case(
            "M-1",
            "an empty method throws",
            ok().method(""),
            "request-error",
            "method-token",
        ),
        case(
            "M-1",
            "a non-ASCII method throws",
            ok().method("GÉT"),
            "request-error",
            "method-token",
        ),
        case(
            "M-1",
            "a method with a slash throws",
            ok().method("a/b"),
            "request-error",
            "method-token",
        ),
        case(
            "M-3",
            "CONNECT throws",
            ok().method("CONNECT"),
            "request-error",
            "forbidden-method",
        ),
        case(
            "M-3",
            "trace throws (case-insensitive)",
            ok().method("trace"),
            "request-error",
            "forbidden-method",
        ),
        case(
            "M-3",
            "TrAcK throws",
            ok().method("TrAcK"),
            "request-error",
            "forbidden-method",
        ),
        case(
            "Q-9",
            "XHR also refuses forbidden methods",
            ok().xhr().method("TRACE"),
            "request-error",
            "forbidden-method",
        ),
        case(
            "Q-5",
            "no-cors with PUT throws",
            ok().mode("no-cors").method("PUT"),
            "request-error",
            "no-cors-method",
        ),
        case(
            "N-1",
            "no-cors with patch throws",
            ok().mode("no-cors").method("patch"),
            "request-error",
            "no-cors-method",
        ),
        case(
            "Q-5",
            "no-cors with post is normalized and allowed",
            ok().mode("no-cors").method("post"),
            "opaque",
            "-",
        ),
        case(
            "H-1",
            "a header name with a space throws",
            ok().header("X Y", "1"),
            "request-error",
            "header-syntax",
        ),
        case(
            "H-1",
            "an empty header name throws",
            ok().header("", "1"),
            "request-error",
            "header-syntax",
        ),
        case(
            "H-1",
            "a header name with a colon throws",
            ok().header("X:Y", "1"),
            "request-error",
            "header-syntax",
        ),
        case(
            "H-2",
            "a header value with LF throws",
            ok().header("X-A", "a\nb"),
            "request-error",
            "header-syntax",
        ),
        case(
            "H-2",
            "a header value with NUL throws",
            ok().header("X-A", "a\u{0}b"),
            "request-error",
            "header-syntax",
        ),
        case(
            "H-2",
            "a header value with CR throws",
            ok().header("X-A", "a\rb"),
            "request-error",
            "header-syntax",
        ),
        case(
            "H-2",
            "a header value above U+00FF is not a ByteString",
            ok().header("X-A", "€"),
            "request-error",
            "header-syntax",
        ),
        case(
            "H-3",
            "leading and trailing whitespace is stripped, so CR LF at the ends are fine",
            ok().header("Accept", "\r\n text/plain \t\n"),
            "allowed",
            "-",
        ),
        case(
            "Q-8",
            "fetch always sets the unsafe-request flag, so a custom header preflights",
            ok().header("X-A", "1"),
            "blocked",
            "header-allowed",
        ),
    ];
    run(&cases);
}

#[test]
fn request_errors_send_nothing_and_end_with_one_failure() {
    let sc = Sc::cross().method("CONNECT").header("Cookie", "a");
    let verdict = sc.eval();
    assert!(verdict.requests.is_empty(), "Q-9");
    assert_eq!(verdict.failure.unwrap().stage, cors_rules::Stage::Request);
    assert_eq!(trace(&sc).last().unwrap().outcome, StepOutcome::Fail);
}

#[test]
fn only_the_six_methods_are_normalized() {
    let rows = [
        ("M-4", "get", "GET"),
        ("M-4", "delete", "DELETE"),
        ("M-4", "Head", "HEAD"),
        ("M-4", "options", "OPTIONS"),
        ("M-4", "post", "POST"),
        ("M-4", "pUt", "PUT"),
        ("M-4", "patch", "patch"),
        ("M-4", "patcH", "patcH"),
        ("M-4", "chicken", "chicken"),
        ("M-4", "PATCH", "PATCH"),
    ];
    for (rule, written, sent) in rows {
        let verdict = Sc::cross()
            .method(written)
            .respond(API, 200, &[ACAO, ("Access-Control-Allow-Methods", sent)])
            .eval();
        assert_eq!(
            verdict.requests.last().unwrap().method,
            sent,
            "[{rule}] {written}"
        );
    }
}

#[test]
fn method_normalization_is_an_info_step() {
    let step = step(
        &Sc::cross().method("get").respond(API, 200, &[ACAO]),
        CheckId::MethodNormalize,
    )
    .unwrap();
    assert_eq!(step.outcome, StepOutcome::Info);
    assert_eq!(step.value(Key::WrittenMethod), Some("get"));
    assert_eq!(step.value(Key::Method), Some("GET"));
}

#[test]
fn safelisted_methods_skip_the_preflight_and_others_do_not() {
    for (rule, method, preflight) in [
        ("M-2", "GET", false),
        ("M-2", "HEAD", false),
        ("M-2", "POST", false),
        ("M-2", "PUT", true),
        ("M-2", "DELETE", true),
        ("M-2", "patch", true),
        ("M-2", "OPTIONS", true),
    ] {
        let verdict = Sc::cross()
            .method(method)
            .respond(API, 200, &[ACAO, ("Access-Control-Allow-Methods", method)])
            .eval();
        assert_eq!(verdict.preflight_sent, preflight, "[{rule}] {method}");
    }
}

#[test]
fn xhr_combines_repeated_headers_and_fetch_keeps_them_apart() {
    let fetch = Sc::cross()
        .header("X-A", "1")
        .header("x-a", "2")
        .respond(API, 200, &[ACAO, ("Access-Control-Allow-Headers", "x-a")])
        .eval();
    assert_eq!(
        fetch.requests[1].headers.len(),
        3,
        "Origin and two X-A lines"
    );
    let xhr = Sc::cross()
        .xhr()
        .header("X-A", "1")
        .header("x-a", "2")
        .respond(API, 200, &[ACAO, ("Access-Control-Allow-Headers", "x-a")])
        .eval();
    assert_eq!(
        xhr.requests[1].headers[1],
        ("X-A".to_owned(), "1, 2".to_owned())
    );
}
