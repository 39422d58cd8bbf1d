//! The three-browser examples of `docs/reference/browser-messages.md` §4: fetch from `http://localhost:3000`
//! to `https://api.example.com/data`, full console output per browser.

use super::lines;
use crate::browser::Browser;
use crate::render::test_support::{cross_origin, ctx, fail, API, PAGE};
use crate::scenario::Api;
use crate::trace::{CheckId, Key, Stage, TraceStep};
use crate::verdict::Outcome;

const CHROME: &str = "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been \
                      blocked by CORS policy: ";
const FIREFOX: &str = "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at \
                       https://api.example.com/data. (Reason: ";
const FIREFOX_NULL: &str = "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote \
                            resource at https://api.example.com/data. (Reason: CORS request did not succeed). Status \
                            code: (null).";
const SAFARI_CANNOT_LOAD: &str =
    "Fetch API cannot load https://api.example.com/data due to access control checks.";

fn console(browser: Browser, failed: TraceStep) -> Vec<String> {
    lines(
        &ctx(browser, Api::Fetch),
        &[cross_origin(), failed],
        Outcome::Blocked,
    )
}

fn origin_values(value: &'static str, status: &'static str) -> Vec<(Key, &'static str)> {
    vec![
        (Key::Url, API),
        (Key::SentOrigin, PAGE),
        (Key::Value, value),
        (Key::Status, status),
    ]
}

#[test]
fn get_without_allow_origin_in_three_browsers() {
    let failed = || {
        fail(
            CheckId::AllowOriginMissing,
            Stage::Response,
            &origin_values("", "200"),
        )
    };
    assert_eq!(
        console(Browser::Chrome, failed()),
        [
            format!("{CHROME}No 'Access-Control-Allow-Origin' header is present on the requested resource."),
            "Failed to load resource: net::ERR_FAILED".to_owned()
        ]
    );
    assert_eq!(
        console(Browser::Firefox, failed()),
        [format!(
            "{FIREFOX}CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200."
        )]
    );
    assert_eq!(
        console(Browser::Safari, failed()),
        [
            "Origin http://localhost:3000 is not allowed by Access-Control-Allow-Origin. Status code: 200".to_owned(),
            SAFARI_CANNOT_LOAD.to_owned()
        ]
    );
}

#[test]
fn json_post_whose_options_answers_405_without_cors_headers_in_three_browsers() {
    let missing = || {
        fail(
            CheckId::PreflightAllowOriginMissing,
            Stage::Preflight,
            &origin_values("", "405"),
        )
    };
    assert_eq!(
        console(Browser::Chrome, missing())[0],
        format!(
            "{CHROME}Response to preflight request doesn't pass access control check: No \
             'Access-Control-Allow-Origin' header is present on the requested resource."
        )
    );
    assert_eq!(
        console(Browser::Firefox, missing()),
        [
            format!(
                "{FIREFOX}CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 405."
            ),
            FIREFOX_NULL.to_owned()
        ]
    );
    // WebKit checks the preflight status before the CORS headers.
    let status = fail(
        CheckId::PreflightOkStatus,
        Stage::Preflight,
        &[(Key::Url, API), (Key::Status, "405")],
    );
    assert_eq!(
        console(Browser::Safari, status),
        [
            "Preflight response is not successful. Status code: 405".to_owned(),
            SAFARI_CANNOT_LOAD.to_owned()
        ]
    );
}

#[test]
fn json_content_type_not_in_allow_headers_in_three_browsers() {
    let failed = || {
        fail(
            CheckId::HeaderAllowed,
            Stage::Preflight,
            &[
                (Key::Header, "content-type"),
                (Key::Allowed, ""),
                (Key::Names, "content-type"),
                (Key::WrittenHeader, "Content-Type"),
            ],
        )
    };
    assert_eq!(
        console(Browser::Chrome, failed())[0],
        format!(
            "{CHROME}Request header field content-type is not allowed by Access-Control-Allow-Headers in preflight \
             response."
        )
    );
    assert_eq!(
        console(Browser::Firefox, failed()),
        [
            format!(
                "{FIREFOX}header ‘content-type’ is not allowed according to header ‘Access-Control-Allow-Headers’ \
                 from CORS preflight response)."
            ),
            FIREFOX_NULL.to_owned()
        ]
    );
    assert_eq!(
        console(Browser::Safari, failed()),
        [
            "Request header field Content-Type is not allowed by Access-Control-Allow-Headers."
                .to_owned(),
            SAFARI_CANNOT_LOAD.to_owned()
        ]
    );
}

#[test]
fn credentials_with_wildcard_origin_in_three_browsers() {
    let failed = || {
        fail(
            CheckId::AllowOriginWildcard,
            Stage::Response,
            &origin_values("*", "200"),
        )
    };
    assert_eq!(
        console(Browser::Chrome, failed())[0],
        format!(
            "{CHROME}The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard \
             '*' when the request's credentials mode is 'include'."
        )
    );
    assert_eq!(
        console(Browser::Firefox, failed()),
        ["Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at \
          ‘https://api.example.com/data’. (Reason: Credential is not supported if the CORS header \
          ‘Access-Control-Allow-Origin’ is ‘*’)."]
    );
    assert_eq!(
        console(Browser::Safari, failed())[0],
        "Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true."
    );
}

#[test]
fn allow_origin_with_a_trailing_slash_in_three_browsers() {
    let failed = || {
        fail(
            CheckId::AllowOriginMismatch,
            Stage::Response,
            &origin_values("http://localhost:3000/", "200"),
        )
    };
    assert_eq!(
        console(Browser::Chrome, failed())[0],
        format!(
            "{CHROME}The 'Access-Control-Allow-Origin' header has a value 'http://localhost:3000/' that is not equal \
             to the supplied origin. Have the server send the header with a valid value."
        )
    );
    assert_eq!(
        console(Browser::Firefox, failed()),
        [format!("{FIREFOX}CORS header ‘Access-Control-Allow-Origin’ does not match ‘http://localhost:3000/’).")]
    );
    assert_eq!(
        console(Browser::Safari, failed())[0],
        "Origin http://localhost:3000 is not allowed by Access-Control-Allow-Origin. Status code: 200"
    );
}

#[test]
fn server_down_in_three_browsers() {
    let failed = || {
        fail(
            CheckId::NetworkError,
            Stage::Response,
            &[(Key::Url, API), (Key::ErrorKind, "connection-refused")],
        )
    };
    assert_eq!(
        console(Browser::Chrome, failed()),
        ["Failed to load resource: net::ERR_CONNECTION_REFUSED"]
    );
    assert_eq!(console(Browser::Firefox, failed()), [FIREFOX_NULL]);
    assert_eq!(
        console(Browser::Safari, failed()),
        ["Failed to load resource: Could not connect to the server."]
    );
}
