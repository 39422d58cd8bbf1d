//! Origins (O-1…O-9): serialization, same origin, opaque pages, URL parsing through the `url` crate.

mod common;
use common::*;
use cors_rules::origin::Origin;
use url::Url;

fn origin(text: &str) -> Origin {
    Origin::of_url(&Url::parse(text).unwrap())
}

#[test]
fn serialization_follows_the_url_parser() {
    let rows = [
        ("O-5", "https://app.example/path?q#f", "https://app.example"),
        ("O-4", "https://app.example:443/", "https://app.example"),
        ("O-4", "http://app.example:80/", "http://app.example"),
        ("O-4", "http://app.example:443/", "http://app.example:443"),
        ("O-5", "HTTPS://APP.EXAMPLE/", "https://app.example"),
        ("O-5", "https://app.example./", "https://app.example."),
        (
            "O-5",
            "https://bücher.example/",
            "https://xn--bcher-kva.example",
        ),
        (
            "O-5",
            "http://[2001:DB8:0:0::1]:8080/",
            "http://[2001:db8::1]:8080",
        ),
        ("O-5", "http://0x7f.1/", "http://127.0.0.1"),
        ("O-3", "ws://chat.example/", "ws://chat.example"),
        ("O-4", "wss://chat.example:443/", "wss://chat.example"),
        ("O-3", "file:///tmp/a.html", "null"),
        ("O-3", "data:text/plain,hi", "null"),
        (
            "O-3",
            "blob:https://app.example/uuid",
            "https://app.example",
        ),
        ("O-3", "foo://bar/", "null"),
    ];
    for (rule, url, serialized) in rows {
        assert_eq!(
            origin(url).ascii_serialization(),
            serialized,
            "[{rule}] {url}"
        );
    }
}

#[test]
fn same_origin_needs_identical_scheme_host_and_port() {
    let rows = [
        ("O-7", "https://a.example", "https://a.example:443/x", true),
        ("O-9", "https://a.example", "http://a.example", false),
        ("O-9", "https://a.example", "https://a.example:8443", false),
        ("O-9", "https://a.example", "https://www.a.example", false),
        ("O-7", "https://A.example", "https://a.EXAMPLE", true),
        ("O-2", "file:///a", "file:///a", false),
        ("O-2", "data:,x", "data:,x", false),
    ];
    for (rule, a, b, same) in rows {
        assert_eq!(
            origin(a).is_same_origin(&origin(b)),
            same,
            "[{rule}] {a} vs {b}"
        );
    }
}

#[test]
fn page_may_be_an_origin_a_full_url_null_or_a_file() {
    let cases = [
        case(
            "O-5",
            "a full page URL is reduced to its origin",
            Sc::new("https://app.example/some/page.html?x=1", API).respond(API, 200, &[ACAO]),
            "allowed",
            "-",
        ),
        case(
            "O-4",
            "a page URL with the default port is the same origin",
            Sc::new("https://app.example:443", API).respond(API, 200, &[ACAO]),
            "allowed",
            "-",
        ),
        case(
            "O-5",
            "an uppercase page host serializes lower-case",
            Sc::new("https://APP.EXAMPLE", API).respond(API, 200, &[ACAO]),
            "allowed",
            "-",
        ),
        case(
            "O-2",
            "a null page sends Origin null",
            Sc::opaque_page(API).respond(API, 200, &[ACAO]),
            "blocked",
            "allow-origin-mismatch",
        ),
        case(
            "O-3",
            "a file: page is opaque",
            Sc::new("file:///home/me/index.html", API).respond(
                API,
                200,
                &[("Access-Control-Allow-Origin", "null")],
            ),
            "allowed",
            "-",
        ),
        case(
            "X-7",
            "an opaque page fetching 'its own' server is cross-origin",
            Sc::opaque_page("https://app.example/x").respond("https://app.example/x", 200, &[]),
            "blocked",
            "allow-origin-missing",
        ),
        case(
            "O-9",
            "another port is cross-origin",
            Sc::new(PAGE, "https://app.example:8443/x").respond(
                "https://app.example:8443/x",
                200,
                &[],
            ),
            "blocked",
            "allow-origin-missing",
        ),
        case(
            "O-9",
            "another scheme is cross-origin",
            Sc::new("http://app.example", "https://app.example/x").respond(
                "https://app.example/x",
                200,
                &[],
            ),
            "blocked",
            "allow-origin-missing",
        ),
        case(
            "O-9",
            "a subdomain is cross-origin",
            Sc::new(PAGE, "https://www.app.example/x").respond(
                "https://www.app.example/x",
                200,
                &[],
            ),
            "blocked",
            "allow-origin-missing",
        ),
        case(
            "O-7",
            "the same origin needs no CORS header",
            Sc::new(PAGE, "https://app.example/x").respond("https://app.example/x", 200, &[]),
            "allowed",
            "-",
        ),
        case(
            "O-5",
            "an IDN page matches its punycode ACAO",
            Sc::new("https://bücher.example", API).respond(
                API,
                200,
                &[(
                    "Access-Control-Allow-Origin",
                    "https://xn--bcher-kva.example",
                )],
            ),
            "allowed",
            "-",
        ),
        case(
            "O-5",
            "an IDN ACAO in Unicode does not match",
            Sc::new("https://bücher.example", API).respond(
                API,
                200,
                &[("Access-Control-Allow-Origin", "https://bücher.example")],
            ),
            "blocked",
            "allow-origin-mismatch",
        ),
        case(
            "O-5",
            "an IPv6 page matches its compressed form",
            Sc::new("http://[0:0:0:0:0:0:0:1]:8080", "http://[::1]:9090/x").respond(
                "http://[::1]:9090/x",
                200,
                &[("Access-Control-Allow-Origin", "http://[::1]:8080")],
            ),
            "allowed",
            "-",
        ),
        case(
            "O-6",
            "ACAO null is case-sensitive",
            Sc::opaque_page(API).respond(API, 200, &[("Access-Control-Allow-Origin", "NULL")]),
            "blocked",
            "allow-origin-mismatch",
        ),
        case(
            "O-8",
            "same site is still cross-origin for CORS",
            Sc::new("https://a.example.com", "https://b.example.com/x").respond(
                "https://b.example.com/x",
                200,
                &[],
            ),
            "blocked",
            "allow-origin-missing",
        ),
        case(
            "O-1",
            "a trailing-dot host is another origin",
            Sc::new("https://app.example.", API).respond(API, 200, &[ACAO]),
            "blocked",
            "allow-origin-mismatch",
        ),
    ];
    run(&cases);
}

#[test]
fn the_request_url_and_server_urls_are_compared_after_parsing() {
    let verdict = Sc::new(PAGE, "HTTPS://API.EXAMPLE:443/data#frag")
        .respond("https://api.example/data", 200, &[ACAO])
        .eval();
    assert_eq!(outcome(&verdict), "allowed");
    assert_eq!(verdict.requests[0].url, "https://api.example/data");
}

#[test]
fn same_origin_step_names_what_differs() {
    let step = step(
        &Sc::new("http://app.example", "https://api.example:8443/x").respond(
            "https://api.example:8443/x",
            200,
            &[],
        ),
        cors_rules::CheckId::SameOrigin,
    )
    .unwrap();
    assert_eq!(step.outcome, cors_rules::StepOutcome::Info);
    assert_eq!(
        step.value(cors_rules::Key::Differs),
        Some("scheme,host,port")
    );
    let opaque = step_of_opaque();
    assert_eq!(opaque.value(cors_rules::Key::Differs), Some("opaque-page"));
}

fn step_of_opaque() -> cors_rules::TraceStep {
    step(
        &Sc::opaque_page(API).respond(API, 200, &[]),
        cors_rules::CheckId::SameOrigin,
    )
    .unwrap()
}
