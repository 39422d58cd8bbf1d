//! Main fetch decisions (T-1…T-14): modes, tainting, data: URLs, schemes, bad ports, mixed content,
//! Local Network Access, no-cors (N-*), same-origin mode (SO-*), CORP.

mod common;
use common::*;

const SAME: &str = "https://app.example/x";

#[test]
fn modes_and_tainting_decide_the_response_type() {
    let cases = [
        case(
            "T-2",
            "a same-origin request is basic without CORS headers",
            Sc::new(PAGE, SAME).respond(SAME, 200, &[]),
            "allowed",
            "-",
        ),
        case(
            "T-2",
            "a same-origin PUT needs no preflight",
            Sc::new(PAGE, SAME)
                .method("PUT")
                .header("X-A", "1")
                .respond(SAME, 200, &[]),
            "allowed",
            "-",
        ),
        case(
            "T-3",
            "a data: URL is basic in cors mode",
            Sc::new(PAGE, "data:text/plain,hi"),
            "allowed",
            "-",
        ),
        case(
            "T-3",
            "a data: URL is basic in no-cors mode",
            Sc::new(PAGE, "data:text/plain,hi").mode("no-cors"),
            "allowed",
            "-",
        ),
        case(
            "SO-1",
            "a data: URL is allowed in same-origin mode",
            Sc::new(PAGE, "data:,x").mode("same-origin"),
            "allowed",
            "-",
        ),
        case(
            "T-5",
            "same-origin mode refuses a cross-origin URL",
            Sc::cross().mode("same-origin").respond(API, 200, &[ACAO]),
            "blocked",
            "same-origin-mode",
        ),
        case(
            "SO-1",
            "same-origin mode allows a same-origin URL",
            Sc::new(PAGE, SAME)
                .mode("same-origin")
                .respond(SAME, 200, &[]),
            "allowed",
            "-",
        ),
        case(
            "SO-1",
            "same-origin mode refuses another port",
            Sc::new(PAGE, "https://app.example:444/").mode("same-origin"),
            "blocked",
            "same-origin-mode",
        ),
        case(
            "T-6",
            "no-cors gives an opaque response even with ACAO *",
            Sc::cross().mode("no-cors").respond(API, 200, &[ACAO_ANY]),
            "opaque",
            "-",
        ),
        case(
            "N-3",
            "no-cors gives an opaque response without CORS headers",
            Sc::cross().mode("no-cors").respond(API, 200, &[]),
            "opaque",
            "-",
        ),
        case(
            "N-3",
            "no-cors gives an opaque response for a 500",
            Sc::cross().mode("no-cors").respond(API, 500, &[]),
            "opaque",
            "-",
        ),
        case(
            "N-4",
            "no-cors with redirect manual is a network error",
            Sc::cross()
                .mode("no-cors")
                .redirect_mode("manual")
                .respond(API, 200, &[]),
            "blocked",
            "no-cors-redirect-mode",
        ),
        case(
            "T-6",
            "no-cors with redirect error is a network error",
            Sc::cross()
                .mode("no-cors")
                .redirect_mode("error")
                .respond(API, 200, &[]),
            "blocked",
            "no-cors-redirect-mode",
        ),
        case(
            "N-7",
            "a same-origin no-cors request is basic",
            Sc::new(PAGE, SAME).mode("no-cors").respond(SAME, 200, &[]),
            "allowed",
            "-",
        ),
        case(
            "N-1",
            "no-cors allows POST",
            Sc::cross()
                .mode("no-cors")
                .method("POST")
                .respond(API, 200, &[]),
            "opaque",
            "-",
        ),
        case(
            "T-7",
            "cors mode refuses a file: URL",
            Sc::new(PAGE, "file:///etc/passwd"),
            "blocked",
            "cors-scheme",
        ),
        case(
            "T-7",
            "cors mode refuses a custom scheme",
            Sc::new(PAGE, "foo://bar/"),
            "blocked",
            "cors-scheme",
        ),
        case(
            "T-7",
            "an opaque page cannot XHR a file: URL",
            Sc::new("file:///a.html", "file:///b.json").xhr(),
            "blocked",
            "cors-scheme",
        ),
        case(
            "T-9",
            "a simple cross-origin GET goes without preflight",
            Sc::cross().respond(API, 200, &[ACAO]),
            "allowed",
            "-",
        ),
        case(
            "T-13",
            "a bad port is blocked before anything is sent",
            Sc::new(PAGE, "https://api.example:6667/").respond(
                "https://api.example:6667/",
                200,
                &[ACAO],
            ),
            "blocked",
            "bad-port",
        ),
        case(
            "T-13",
            "port 10080 is a bad port",
            Sc::new(PAGE, "https://api.example:10080/"),
            "blocked",
            "bad-port",
        ),
        case(
            "T-13",
            "port 0 is a bad port",
            Sc::new(PAGE, "https://api.example:0/"),
            "blocked",
            "bad-port",
        ),
        case(
            "T-13",
            "port 8080 is fine",
            Sc::new(PAGE, "https://api.example:8080/").respond(
                "https://api.example:8080/",
                200,
                &[ACAO],
            ),
            "allowed",
            "-",
        ),
        case(
            "MX-1",
            "an https page cannot fetch http",
            Sc::new(PAGE, "http://api.example/").respond("http://api.example/", 200, &[ACAO]),
            "blocked",
            "mixed-content",
        ),
        case(
            "MX-5",
            "mixed content is blocked even in no-cors mode",
            Sc::new(PAGE, "http://api.example/").mode("no-cors"),
            "blocked",
            "mixed-content",
        ),
        case(
            "MX-3",
            "an https page may fetch http://127.0.0.1",
            Sc::new(PAGE, "http://127.0.0.1:8080/")
                .browser("firefox")
                .respond("http://127.0.0.1:8080/", 200, &[ACAO]),
            "allowed",
            "-",
        ),
        case(
            "MX-3",
            "an https page may fetch http://localhost",
            Sc::new(PAGE, "http://localhost:3000/")
                .browser("spec")
                .respond("http://localhost:3000/", 200, &[ACAO]),
            "allowed",
            "-",
        ),
        case(
            "MX-1",
            "an http page may fetch http",
            Sc::new("http://app.example", "http://api.example/").respond(
                "http://api.example/",
                200,
                &[("Access-Control-Allow-Origin", "http://app.example")],
            ),
            "allowed",
            "-",
        ),
        case(
            "MX-1",
            "a null page is not restricted",
            Sc::opaque_page("http://api.example/").respond("http://api.example/", 200, &[ACAO_ANY]),
            "allowed",
            "-",
        ),
    ];
    run(&cases);
}

#[test]
fn local_network_access_is_a_chrome_only_layer() {
    let loopback = "http://localhost:8080/api";
    let private = "http://192.168.1.10/api";
    let cases = [
        case(
            "PN-3",
            "Chrome blocks a public https page reaching localhost",
            Sc::new(PAGE, loopback)
                .browser("chrome")
                .respond(loopback, 200, &[ACAO]),
            "blocked",
            "local-network-access",
        ),
        case(
            "PN-3",
            "Chrome blocks a public https page reaching a private IP (mixed content exempted)",
            Sc::new(PAGE, private)
                .browser("chrome")
                .respond(private, 200, &[ACAO]),
            "blocked",
            "local-network-access",
        ),
        case(
            "PN-3",
            "Chrome blocks a public http page reaching a private IP",
            Sc::new("http://app.example", private)
                .browser("chrome")
                .respond(
                    private,
                    200,
                    &[("Access-Control-Allow-Origin", "http://app.example")],
                ),
            "blocked",
            "local-network-access",
        ),
        case(
            "PN-2",
            "LNA applies in no-cors mode too",
            Sc::new(PAGE, loopback)
                .browser("chrome")
                .mode("no-cors")
                .respond(loopback, 200, &[]),
            "blocked",
            "local-network-access",
        ),
        case(
            "PN-1",
            "a loopback page reaching loopback is not affected",
            Sc::new("http://localhost:3000", loopback)
                .browser("chrome")
                .respond(
                    loopback,
                    200,
                    &[("Access-Control-Allow-Origin", "http://localhost:3000")],
                ),
            "allowed",
            "-",
        ),
        case(
            "PN-1",
            "a private page reaching loopback is not affected (kept simple)",
            Sc::new("http://192.168.1.2", loopback)
                .browser("chrome")
                .respond(
                    loopback,
                    200,
                    &[("Access-Control-Allow-Origin", "http://192.168.1.2")],
                ),
            "allowed",
            "-",
        ),
        case(
            "PN-1",
            "a public page reaching a public host is not affected",
            Sc::cross().browser("chrome").respond(API, 200, &[ACAO]),
            "allowed",
            "-",
        ),
        case(
            "PN-4",
            "Firefox does not implement LNA",
            Sc::new(PAGE, loopback)
                .browser("firefox")
                .respond(loopback, 200, &[ACAO]),
            "allowed",
            "-",
        ),
        case(
            "PN-4",
            "Safari does not implement LNA",
            Sc::new(PAGE, loopback)
                .browser("safari")
                .respond(loopback, 200, &[ACAO]),
            "allowed",
            "-",
        ),
        case(
            "PN-4",
            "the standard has no LNA",
            Sc::new(PAGE, loopback)
                .browser("spec")
                .respond(loopback, 200, &[ACAO]),
            "allowed",
            "-",
        ),
        case(
            "MX-1",
            "Firefox blocks the private IP as mixed content",
            Sc::new(PAGE, private).browser("firefox"),
            "blocked",
            "mixed-content",
        ),
        case(
            "PN-4",
            "a file: page is not restricted",
            Sc::new("file:///index.html", loopback)
                .browser("chrome")
                .respond(loopback, 200, &[("Access-Control-Allow-Origin", "null")]),
            "allowed",
            "-",
        ),
    ];
    run(&cases);
}

#[test]
fn lna_step_names_both_address_spaces() {
    let sc = Sc::new(PAGE, "http://127.0.0.1/").browser("chrome");
    let step = step(&sc, cors_rules::CheckId::LocalNetworkAccess).unwrap();
    assert_eq!(step.value(cors_rules::Key::AddressSpace), Some("public"));
    assert_eq!(
        step.value(cors_rules::Key::TargetAddressSpace),
        Some("loopback")
    );
    assert_eq!(
        step.value(cors_rules::Key::Reason),
        Some("permission-denied")
    );
}

#[test]
fn data_urls_are_readable_without_a_request() {
    let verdict = Sc::new(PAGE, "data:application/json,{}").eval();
    assert!(verdict.requests.is_empty(), "T-3: no network request");
    assert_eq!(verdict.response_type, cors_rules::ResponseType::Basic);
    assert_eq!(verdict.readable.unwrap().headers, vec!["content-type"]);
}

#[test]
fn no_cors_drops_headers_that_are_not_no_cors_safelisted() {
    let sc = Sc::cross()
        .mode("no-cors")
        .header("X-Custom", "1")
        .header("Content-Type", "application/json")
        .header("Range", "bytes=0-1")
        .header("Accept", "text/plain")
        .header("Accept-Language", &"a".repeat(100))
        .header("Accept-Language", &"b".repeat(30))
        .respond(API, 200, &[]);
    let verdict = sc.eval();
    let names: Vec<&str> = verdict.requests[0]
        .headers
        .iter()
        .map(|(n, _)| n.as_str())
        .collect();
    assert_eq!(
        names,
        vec!["Accept", "Accept-Language"],
        "N-2, S-13: the second Accept-Language would exceed 128 bytes combined"
    );
    assert!(!verdict.preflight_sent, "N-2");
    let dropped = trace(&sc)
        .into_iter()
        .filter(|s| s.check == cors_rules::CheckId::NoCorsHeader)
        .count();
    assert_eq!(dropped, 4);
}

#[test]
fn no_cors_post_carries_an_origin_header_and_no_cors_get_does_not() {
    let post = Sc::cross()
        .mode("no-cors")
        .method("POST")
        .respond(API, 200, &[])
        .eval();
    assert_eq!(
        post.requests[0].headers[0],
        ("Origin".to_owned(), PAGE.to_owned()),
        "OH-4"
    );
    let get = Sc::cross().mode("no-cors").respond(API, 200, &[]).eval();
    assert!(get.requests[0].headers.is_empty(), "OH-4");
    let same_get = Sc::new(PAGE, SAME).respond(SAME, 200, &[]).eval();
    assert!(
        same_get.requests[0].headers.is_empty(),
        "OH-4: same-origin GET has no Origin"
    );
    let same_put = Sc::new(PAGE, SAME)
        .method("PUT")
        .respond(SAME, 200, &[])
        .eval();
    assert_eq!(
        same_put.requests[0].headers[0].0, "Origin",
        "OH-4: same-origin PUT has an Origin"
    );
    let cors = Sc::cross().respond(API, 200, &[ACAO]).eval();
    assert_eq!(cors.requests[0].headers[0].0, "Origin", "OH-3");
}

#[test]
fn cross_origin_resource_policy_blocks_only_no_cors_responses() {
    let corp = |value: &'static str| ("Cross-Origin-Resource-Policy", value);
    let cases = [
        case(
            "CORP-3",
            "CORP same-origin blocks a no-cors cross-origin response",
            Sc::cross()
                .mode("no-cors")
                .respond(API, 200, &[corp("same-origin")]),
            "blocked",
            "cross-origin-resource-policy",
        ),
        case(
            "CORP-1",
            "CORP does not apply in cors mode",
            Sc::cross().respond(API, 200, &[ACAO, corp("same-origin")]),
            "allowed",
            "-",
        ),
        case(
            "CORP-2",
            "CORP SAME-ORIGIN is not a policy",
            Sc::cross()
                .mode("no-cors")
                .respond(API, 200, &[corp("SAME-ORIGIN")]),
            "opaque",
            "-",
        ),
        case(
            "CORP-2",
            "two CORP lines are not a policy",
            Sc::cross().mode("no-cors").respond(
                API,
                200,
                &[corp("same-origin"), corp("same-origin")],
            ),
            "opaque",
            "-",
        ),
        case(
            "CORP-4",
            "CORP same-site allows a same-site https response",
            Sc::new("https://a.example.com", "https://b.example.com/x")
                .mode("no-cors")
                .respond("https://b.example.com/x", 200, &[corp("same-site")]),
            "opaque",
            "-",
        ),
        case(
            "CORP-4",
            "CORP same-site blocks an http page reading https",
            Sc::new("http://a.example.com", "https://b.example.com/x")
                .mode("no-cors")
                .respond("https://b.example.com/x", 200, &[corp("same-site")]),
            "blocked",
            "cross-origin-resource-policy",
        ),
        case(
            "CORP-4",
            "CORP same-site blocks another site",
            Sc::cross()
                .mode("no-cors")
                .respond(API, 200, &[corp("same-site")]),
            "blocked",
            "cross-origin-resource-policy",
        ),
        case(
            "CORP-6",
            "CORP on a no-cors redirect applies",
            Sc::cross()
                .mode("no-cors")
                .redirect(API, 302, "https://cdn.example/x", &[corp("same-origin")])
                .respond("https://cdn.example/x", 200, &[]),
            "blocked",
            "cross-origin-resource-policy",
        ),
        case(
            "CORP-6",
            "a cross-origin redirect back to a same-origin CORP resource is allowed",
            Sc::cross()
                .mode("no-cors")
                .redirect(API, 302, SAME, &[])
                .respond(SAME, 200, &[corp("same-origin")]),
            "opaque",
            "-",
        ),
        case(
            "CORP-2",
            "CORP cross-origin allows",
            Sc::cross()
                .mode("no-cors")
                .respond(API, 200, &[corp("cross-origin")]),
            "opaque",
            "-",
        ),
    ];
    run(&cases);
}

#[test]
fn credentials_follow_mode_and_tainting() {
    let rows = [
        ("CR-1", Sc::new(PAGE, SAME).respond(SAME, 200, &[]), true),
        (
            "CR-3",
            Sc::new(PAGE, SAME)
                .credentials("omit")
                .respond(SAME, 200, &[]),
            false,
        ),
        ("RT-3", Sc::cross().respond(API, 200, &[ACAO]), false),
        (
            "CR-1",
            Sc::cross().include().respond(API, 200, &[ACAO, ACAC]),
            true,
        ),
        (
            "CR-7",
            Sc::cross().xhr().include().respond(API, 200, &[ACAO, ACAC]),
            true,
        ),
        (
            "CR-1",
            Sc::cross().mode("no-cors").respond(API, 200, &[]),
            false,
        ),
        (
            "CR-1",
            Sc::cross().mode("no-cors").include().respond(API, 200, &[]),
            true,
        ),
    ];
    for (rule, sc, cookies) in rows {
        let verdict = sc.eval();
        assert_eq!(
            verdict.requests.last().unwrap().credentials,
            cookies,
            "[{rule}] {}",
            sc.0
        );
    }
}

#[test]
fn network_failures_are_recognised_as_such() {
    for kind in ["connection-refused", "timeout", "dns", "tls"] {
        let sc = Sc::cross().respond_error(API, kind);
        let verdict = sc.eval();
        assert_eq!(check(&verdict), "network-error");
        assert_eq!(
            step(&sc, cors_rules::CheckId::NetworkError)
                .unwrap()
                .value(cors_rules::Key::ErrorKind),
            Some(kind)
        );
    }
}
