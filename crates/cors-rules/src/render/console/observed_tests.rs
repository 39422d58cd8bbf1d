//! Lines observed in Chromium 156.0.8078.79 (headless, WebDriver `goog:loggingPrefs`), page
//! `http://localhost:8801`, servers on `127.0.0.1`. Each expected string is copied from its log.

use super::lines;
use crate::browser::Browser;
use crate::render::test_support::{fail, step};
use crate::render::RenderContext;
use crate::scenario::{Api, CredentialsMode, RedirectMode, RequestMode};
use crate::trace::{CheckId, Key, Stage, StepOutcome, TraceStep};
use crate::verdict::Outcome;

const PAGE: &str = "http://localhost:8801";
const DATA: &str = "http://127.0.0.1:8802/data";

fn chrome<'a>(api: Api, initial: &'a str, last: &'a str) -> RenderContext<'a> {
    RenderContext {
        browser: Browser::Chrome,
        api,
        page_origin: PAGE,
        initial_url: initial,
        final_url: last,
        method: "GET",
        credentials: CredentialsMode::Include,
        mode: RequestMode::Cors,
        redirect: RedirectMode::Follow,
    }
}

fn cross() -> TraceStep {
    step(
        CheckId::SameOrigin,
        Stage::Request,
        StepOutcome::Info,
        &[(Key::Differs, "host,port")],
    )
}

#[test]
fn a_failure_after_a_redirect_names_the_last_url_and_the_first() {
    let first = "http://127.0.0.1:8802/data?s=302";
    let last = "http://127.0.0.1:8803/t";
    let failed = fail(
        CheckId::AllowOriginMissing,
        Stage::Response,
        &[(Key::Url, last), (Key::SentOrigin, "null")],
    );
    let got = lines(
        &chrome(Api::Xhr, first, last),
        &[cross(), failed],
        Outcome::Blocked,
    );
    assert_eq!(
        got,
        [
            "Access to XMLHttpRequest at 'http://127.0.0.1:8803/t' (redirected from \
             'http://127.0.0.1:8802/data?s=302') from origin 'http://localhost:8801' has been blocked by CORS policy: \
             No 'Access-Control-Allow-Origin' header is present on the requested resource.",
            "Failed to load resource: net::ERR_FAILED"
        ]
    );
}

#[test]
fn header_values_outside_printable_ascii_are_escaped() {
    let value = "http://localhost:8801\u{e9}\tx";
    let failed = fail(
        CheckId::AllowOriginInvalid,
        Stage::Response,
        &[(Key::Url, DATA), (Key::Value, value)],
    );
    let got = lines(
        &chrome(Api::Fetch, DATA, DATA),
        &[cross(), failed],
        Outcome::Blocked,
    );
    assert_eq!(
        got[0],
        "Access to fetch at 'http://127.0.0.1:8802/data' from origin 'http://localhost:8801' has been blocked by \
         CORS policy: The 'Access-Control-Allow-Origin' header contains the invalid value \
         'http://localhost:8801\\u00C3\\u00A9\\u0009x'. Have the server send the header with a valid value."
    );
}

#[test]
fn a_credentials_value_in_the_wrong_case_is_quoted_as_sent() {
    let failed = fail(
        CheckId::AllowCredentials,
        Stage::Response,
        &[(Key::Url, DATA), (Key::Value, "TRUE")],
    );
    let got = lines(
        &chrome(Api::Fetch, DATA, DATA),
        &[cross(), failed],
        Outcome::Blocked,
    );
    assert_eq!(
        got[0],
        "Access to fetch at 'http://127.0.0.1:8802/data' from origin 'http://localhost:8801' has been blocked by \
         CORS policy: The value of the 'Access-Control-Allow-Credentials' header in the response is 'TRUE' which \
         must be 'true' when the request's credentials mode is 'include'."
    );
}

#[test]
fn renderer_side_failures_print_one_line_without_err_failed() {
    let cases = [
        (
            fail(CheckId::SameOriginMode, Stage::Request, &[(Key::Url, DATA), (Key::PageOrigin, PAGE)]),
            "Fetch API cannot load http://127.0.0.1:8802/data. Request mode is \"same-origin\" but the URL's origin \
             is not same as the request origin http://localhost:8801.",
        ),
        (
            fail(CheckId::NoCorsRedirectMode, Stage::Request, &[(Key::Url, DATA), (Key::PageOrigin, PAGE)]),
            "Fetch API cannot load http://127.0.0.1:8802/data. Request mode is \"no-cors\" but the redirect mode is \
             not \"follow\".",
        ),
        (
            fail(CheckId::CorsScheme, Stage::Request, &[(Key::Url, "foo://bar/x"), (Key::Scheme, "foo")]),
            "Fetch API cannot load foo://bar/x. URL scheme \"foo\" is not supported.",
        ),
        (
            fail(CheckId::SameOriginMode, Stage::Redirect, &[(Key::Url, DATA), (Key::PageOrigin, PAGE)]),
            // Chromium 156 ends this line with a newline (conformance suite, `same-origin-mode-redirect`).
            "Unsafe attempt to load URL http://127.0.0.1:8802/data from frame with URL http://localhost:8801/. \
             Domains, protocols and ports must match.\n",
        ),
    ];
    for (failed, expected) in cases {
        let got = lines(
            &chrome(Api::Fetch, DATA, DATA),
            &[cross(), failed],
            Outcome::Blocked,
        );
        assert_eq!(got, [expected]);
    }
}

#[test]
fn mixed_content_names_the_resource_kind_of_fetch_and_xhr() {
    let ctx = |api| RenderContext {
        page_origin: "https://localhost:8443",
        ..chrome(api, "", "")
    };
    let failed = || {
        fail(
            CheckId::MixedContent,
            Stage::Request,
            &[(Key::Url, "http://nonexistent.invalid/x")],
        )
    };
    assert_eq!(
        lines(&ctx(Api::Fetch), &[failed()], Outcome::Blocked),
        ["Mixed Content: The page at 'https://localhost:8443/' was loaded over HTTPS, but requested an insecure \
          resource 'http://nonexistent.invalid/x'. This request has been blocked; the content must be served over \
          HTTPS."]
    );
    assert_eq!(
        lines(&ctx(Api::Xhr), &[failed()], Outcome::Blocked),
        ["Mixed Content: The page at 'https://localhost:8443/' was loaded over HTTPS, but requested an insecure \
          XMLHttpRequest endpoint 'http://nonexistent.invalid/x'. This request has been blocked; the content must be \
          served over HTTPS."]
    );
}

#[test]
fn network_level_failures_print_only_the_net_error() {
    let cases = [
        (
            CheckId::NetworkError,
            &[(Key::ErrorKind, "connection-refused")][..],
            "net::ERR_CONNECTION_REFUSED",
        ),
        (
            CheckId::PreflightNetworkError,
            &[(Key::ErrorKind, "connection-refused")][..],
            "net::ERR_CONNECTION_REFUSED",
        ),
        (
            CheckId::NetworkError,
            &[(Key::ErrorKind, "dns")][..],
            "net::ERR_NAME_NOT_RESOLVED",
        ),
        (
            CheckId::NetworkError,
            &[(Key::ErrorKind, "tls")][..],
            "net::ERR_CERT_AUTHORITY_INVALID",
        ),
        (
            CheckId::BadPort,
            &[(Key::Port, "6000")][..],
            "net::ERR_UNSAFE_PORT",
        ),
        (
            CheckId::RedirectScheme,
            &[(Key::Scheme, "data")][..],
            "net::ERR_UNSAFE_REDIRECT",
        ),
        (
            CheckId::RedirectLimit,
            &[(Key::Count, "20")][..],
            "net::ERR_TOO_MANY_REDIRECTS",
        ),
        (
            CheckId::RedirectMode,
            &[(Key::Value, "error")][..],
            "net::ERR_FAILED",
        ),
        (
            CheckId::CrossOriginResourcePolicy,
            &[(Key::Value, "same-origin")][..],
            "net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin",
        ),
    ];
    for (check, values, code) in cases {
        let got = lines(
            &chrome(Api::Fetch, DATA, DATA),
            &[cross(), fail(check, Stage::Response, values)],
            Outcome::Blocked,
        );
        assert_eq!(got, [format!("Failed to load resource: {code}")], "{check}");
    }
}

#[test]
fn redirect_to_a_location_with_credentials_quotes_an_empty_location() {
    let failed = fail(
        CheckId::RedirectCredentials,
        Stage::Redirect,
        &[(Key::Url, DATA), (Key::Location, "http://u:p@x/")],
    );
    let got = lines(
        &chrome(Api::Fetch, DATA, DATA),
        &[cross(), failed],
        Outcome::Blocked,
    );
    assert!(got[0].ends_with(
        "blocked by CORS policy: Redirect location '' contains a username and password, which is disallowed for \
         cross-origin requests."
    ));
}

#[test]
fn local_network_access_denial_names_the_target_address_space() {
    let values = [
        (Key::Url, DATA),
        (Key::AddressSpace, "public"),
        (Key::TargetAddressSpace, "loopback"),
    ];
    let ctx = RenderContext {
        page_origin: "http://127.0.0.1:8801",
        ..chrome(Api::Fetch, DATA, DATA)
    };
    let got = lines(
        &ctx,
        &[
            cross(),
            fail(CheckId::LocalNetworkAccess, Stage::Request, &values),
        ],
        Outcome::Blocked,
    );
    assert_eq!(
        got,
        [
            "Access to fetch at 'http://127.0.0.1:8802/data' from origin 'http://127.0.0.1:8801' has been blocked by \
             CORS policy: Permission was denied for this request to access the `loopback` address space.",
            "Failed to load resource: net::ERR_FAILED"
        ]
    );
}

#[test]
fn an_allowed_error_status_logs_a_failed_to_load_line() {
    let status = step(
        CheckId::HttpStatus,
        Stage::Response,
        StepOutcome::Info,
        &[(Key::Url, DATA), (Key::Status, "404")],
    );
    let got = lines(
        &chrome(Api::Fetch, DATA, DATA),
        &[cross(), status],
        Outcome::Allowed,
    );
    assert_eq!(
        got,
        ["Failed to load resource: the server responded with a status of 404 (Not Found)"]
    );
}

#[test]
fn xhr_logs_each_forbidden_header_it_refuses() {
    let dropped = step(
        CheckId::ForbiddenHeader,
        Stage::Request,
        StepOutcome::Info,
        &[
            (Key::Header, "Cookie"),
            (Key::Value, "a=b"),
            (Key::Reason, "forbidden-name"),
        ],
    );
    let got = lines(
        &chrome(Api::Xhr, DATA, DATA),
        std::slice::from_ref(&dropped),
        Outcome::Allowed,
    );
    assert_eq!(got, ["Refused to set unsafe header \"Cookie\""]);
    assert!(lines(
        &chrome(Api::Fetch, DATA, DATA),
        &[dropped],
        Outcome::Allowed
    )
    .is_empty());
}

#[test]
fn request_errors_print_nothing_besides_the_exception() {
    let failed = fail(
        CheckId::ForbiddenMethod,
        Stage::Request,
        &[(Key::Method, "CONNECT")],
    );
    assert!(lines(
        &chrome(Api::Fetch, DATA, DATA),
        &[failed],
        Outcome::RequestError
    )
    .is_empty());
}
