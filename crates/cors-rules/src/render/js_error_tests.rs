//! Exception text tests: Chrome texts observed in Chromium 156; Firefox and Safari from the Sentry SDK's
//! cross-engine Playwright tests and WebKit sources.

use super::js_error;
use crate::browser::Browser;
use crate::render::test_support::{ctx, fail};
use crate::scenario::Api;
use crate::trace::{CheckId, Key, Stage, TraceStep};
use crate::verdict::Outcome;

fn thrown(browser: Browser, api: Api, failed: TraceStep) -> Option<String> {
    js_error(&ctx(browser, api), Outcome::RequestError, &[failed])
}

#[test]
fn a_blocked_fetch_rejects_with_each_browsers_type_error() {
    let expected = [
        (Browser::Chrome, "TypeError: Failed to fetch"),
        (
            Browser::Firefox,
            "TypeError: NetworkError when attempting to fetch resource.",
        ),
        (Browser::Safari, "TypeError: Load failed"),
        (Browser::Spec, "TypeError: network error"),
    ];
    for (browser, text) in expected {
        assert_eq!(
            js_error(&ctx(browser, Api::Fetch), Outcome::Blocked, &[]).as_deref(),
            Some(text)
        );
    }
}

#[test]
fn a_blocked_xhr_throws_nothing_because_the_error_event_fires() {
    for browser in Browser::ALL {
        assert_eq!(
            js_error(&ctx(browser, Api::Xhr), Outcome::Blocked, &[]),
            None
        );
    }
}

#[test]
fn successful_and_opaque_fetches_throw_nothing() {
    for outcome in [Outcome::Allowed, Outcome::Opaque, Outcome::OpaqueRedirect] {
        assert_eq!(
            js_error(&ctx(Browser::Chrome, Api::Fetch), outcome, &[]),
            None
        );
    }
}

#[test]
fn chrome_fetch_request_errors_name_the_problem() {
    let cases = [
        (CheckId::MethodToken, vec![(Key::Method, "bad method")], "'bad method' is not a valid HTTP method."),
        (CheckId::ForbiddenMethod, vec![(Key::Method, "CONNECT")], "'CONNECT' HTTP method is unsupported."),
        (CheckId::NoCorsMethod, vec![(Key::Method, "PUT")], "'PUT' is unsupported in no-cors mode."),
        (
            CheckId::UrlCredentials,
            vec![(Key::Url, "http://user:pw@127.0.0.1:8802/data")],
            "Request cannot be constructed from a URL that includes credentials: http://user:pw@127.0.0.1:8802/data",
        ),
        (CheckId::HeaderSyntax, vec![(Key::Header, "bad name"), (Key::Reason, "name")], "Invalid name"),
        (CheckId::HeaderSyntax, vec![(Key::Header, "X-A"), (Key::Reason, "value")], "Invalid value"),
    ];
    for (check, values, message) in cases {
        let got = thrown(
            Browser::Chrome,
            Api::Fetch,
            fail(check, Stage::Request, &values),
        );
        assert_eq!(
            got,
            Some(format!(
                "TypeError: Failed to execute 'fetch' on 'Window': {message}"
            ))
        );
    }
}

#[test]
fn chrome_xhr_request_errors_are_dom_exceptions() {
    let open = |check, method| {
        thrown(
            Browser::Chrome,
            Api::Xhr,
            fail(check, Stage::Request, &[(Key::Method, method)]),
        )
    };
    assert_eq!(
        open(CheckId::ForbiddenMethod, "CONNECT").as_deref(),
        Some("SecurityError: Failed to execute 'open' on 'XMLHttpRequest': 'CONNECT' HTTP method is unsupported.")
    );
    assert_eq!(
        open(CheckId::MethodToken, "bad method").as_deref(),
        Some("SyntaxError: Failed to execute 'open' on 'XMLHttpRequest': 'bad method' is not a valid HTTP method.")
    );
    let header = fail(
        CheckId::HeaderSyntax,
        Stage::Request,
        &[(Key::Header, "bad name"), (Key::Reason, "name")],
    );
    assert_eq!(
        thrown(Browser::Chrome, Api::Xhr, header).as_deref(),
        Some(
            "SyntaxError: Failed to execute 'setRequestHeader' on 'XMLHttpRequest': 'bad name' is not a valid HTTP \
             header field name."
        )
    );
}

#[test]
fn firefox_and_safari_fetch_request_errors_use_their_own_words() {
    let url = "https://user:password@sentry-test-external.io/credentials-in-url";
    let credentials = || fail(CheckId::UrlCredentials, Stage::Request, &[(Key::Url, url)]);
    assert_eq!(
        thrown(Browser::Firefox, Api::Fetch, credentials()),
        Some(format!(
            "TypeError: Window.fetch: {url} is an url with embedded credentials."
        ))
    );
    assert_eq!(
        thrown(Browser::Safari, Api::Fetch, credentials()).as_deref(),
        Some("TypeError: URL is not valid or contains user credentials.")
    );
    let forbidden = || {
        fail(
            CheckId::ForbiddenMethod,
            Stage::Request,
            &[(Key::Method, "CONNECT")],
        )
    };
    assert_eq!(
        thrown(Browser::Firefox, Api::Fetch, forbidden()).as_deref(),
        Some("TypeError: Window.fetch: Invalid request method CONNECT.")
    );
    assert_eq!(
        thrown(Browser::Safari, Api::Fetch, forbidden()).as_deref(),
        Some("TypeError: Method is forbidden.")
    );
    let no_cors = || {
        fail(
            CheckId::NoCorsMethod,
            Stage::Request,
            &[(Key::Method, "PUT")],
        )
    };
    assert_eq!(
        thrown(Browser::Firefox, Api::Fetch, no_cors()).as_deref(),
        Some("TypeError: Window.fetch: Invalid request method PUT.")
    );
    assert_eq!(
        thrown(Browser::Safari, Api::Fetch, no_cors()).as_deref(),
        Some("TypeError: Method must be GET, POST or HEAD in no-cors mode.")
    );
    let header = || {
        fail(
            CheckId::HeaderSyntax,
            Stage::Request,
            &[(Key::Header, "C ontent-Type"), (Key::Reason, "name")],
        )
    };
    assert_eq!(
        thrown(Browser::Firefox, Api::Fetch, header()).as_deref(),
        Some("TypeError: Window.fetch: c ontent-type is an invalid header name.")
    );
    assert_eq!(
        thrown(Browser::Safari, Api::Fetch, header()).as_deref(),
        Some("TypeError: Invalid header name: 'C ontent-Type'")
    );
}

#[test]
fn a_request_error_without_a_failed_step_is_still_a_type_error() {
    assert_eq!(
        js_error(
            &ctx(Browser::Firefox, Api::Fetch),
            Outcome::RequestError,
            &[]
        )
        .as_deref(),
        Some("TypeError")
    );
}
