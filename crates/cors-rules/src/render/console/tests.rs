//! Console text tests: the reference catalog (`reference/browser-messages.md` §1.2, §2, §3 and the
//! three-browser examples of §4), and lines observed in Chromium 156.

use super::lines;
use crate::browser::Browser;
use crate::render::test_support::{cross_origin, ctx, fail, step, API, PAGE};
use crate::render::RenderContext;
use crate::scenario::{Api, CredentialsMode};
use crate::trace::{CheckId, Key, Stage, StepOutcome, TraceStep};
use crate::verdict::Outcome;

const ERR_FAILED: &str = "Failed to load resource: net::ERR_FAILED";
const FIREFOX_NULL: &str = "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote \
                            resource at https://api.example.com/data. (Reason: CORS request did not succeed). Status \
                            code: (null).";

fn blocked(ctx: &RenderContext, failed: TraceStep) -> Vec<String> {
    lines(ctx, &[cross_origin(), failed], Outcome::Blocked)
}

// Generated from reference/browser-messages.json (template_fetch / template_xhr), placeholders filled with
// url = https://api.example.com/data, origin = http://localhost:3000.
/// Recorded values of a failed step.
type Values = &'static [(Key, &'static str)];
/// `(code, check, stage, values, fetch line, xhr line)`.
type ChromeRow = (
    &'static str,
    CheckId,
    Stage,
    Values,
    &'static str,
    &'static str,
);
/// `(code, check, stage, values, line)`.
type Row = (&'static str, CheckId, Stage, Values, &'static str);

const CHROME_CORS: &[ChromeRow] = &[
    ("kWildcardOriginNotAllowed", CheckId::AllowOriginWildcard, Stage::Response, &[],
     "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.",
     "Access to XMLHttpRequest at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'. The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute."),
    ("kMissingAllowOriginHeader", CheckId::AllowOriginMissing, Stage::Response, &[(Key::Status, "200")],
     "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
     "Access to XMLHttpRequest at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource."),
    ("kMultipleAllowOriginValues", CheckId::AllowOriginMultiple, Stage::Response, &[(Key::Value, "http://localhost:3000, http://x.example")],
     "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header contains multiple values 'http://localhost:3000, http://x.example', but only one is allowed. Have the server send the header with a valid value.",
     "Access to XMLHttpRequest at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header contains multiple values 'http://localhost:3000, http://x.example', but only one is allowed."),
    ("kInvalidAllowOriginValue", CheckId::AllowOriginInvalid, Stage::Response, &[(Key::Value, "example.com")],
     "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header contains the invalid value 'example.com'. Have the server send the header with a valid value.",
     "Access to XMLHttpRequest at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header contains the invalid value 'example.com'."),
    ("kAllowOriginMismatch", CheckId::AllowOriginMismatch, Stage::Response, &[(Key::Value, "http://localhost:3000/")],
     "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'http://localhost:3000/' that is not equal to the supplied origin. Have the server send the header with a valid value.",
     "Access to XMLHttpRequest at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'http://localhost:3000/' that is not equal to the supplied origin."),
    ("kInvalidAllowCredentials", CheckId::AllowCredentials, Stage::Response, &[(Key::Value, "")],
     "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'.",
     "Access to XMLHttpRequest at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'. The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute."),
    ("kCorsDisabledScheme", CheckId::CorsScheme, Stage::Request, &[(Key::Scheme, "foo")],
     "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Cross origin requests are only supported for protocol schemes: chrome, chrome-experimental-site-token-provider, chrome-extension, chrome-untrusted, data, http, https, isolated-app.",
     "Access to XMLHttpRequest at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Cross origin requests are only supported for protocol schemes: chrome, chrome-experimental-site-token-provider, chrome-extension, chrome-untrusted, data, http, https, isolated-app."),
    ("kPreflightInvalidStatus", CheckId::PreflightOkStatus, Stage::Preflight, &[(Key::Status, "405")],
     "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status.",
     "Access to XMLHttpRequest at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status."),
    ("kPreflightDisallowedRedirect", CheckId::PreflightRedirect, Stage::Preflight, &[(Key::Status, "302"), (Key::Location, "https://api.example.com/data/")],
     "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: Redirect is not allowed for a preflight request.",
     "Access to XMLHttpRequest at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: Redirect is not allowed for a preflight request."),
    ("kPreflightWildcardOriginNotAllowed", CheckId::PreflightAllowOriginWildcard, Stage::Preflight, &[],
     "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.",
     "Access to XMLHttpRequest at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'. The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute."),
    ("kPreflightMissingAllowOriginHeader", CheckId::PreflightAllowOriginMissing, Stage::Preflight, &[(Key::Status, "405")],
     "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
     "Access to XMLHttpRequest at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource."),
    ("kPreflightMultipleAllowOriginValues", CheckId::PreflightAllowOriginMultiple, Stage::Preflight, &[(Key::Value, "http://localhost:3000, http://x.example")],
     "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: The 'Access-Control-Allow-Origin' header contains multiple values 'http://localhost:3000, http://x.example', but only one is allowed. Have the server send the header with a valid value.",
     "Access to XMLHttpRequest at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: The 'Access-Control-Allow-Origin' header contains multiple values 'http://localhost:3000, http://x.example', but only one is allowed."),
    ("kPreflightInvalidAllowOriginValue", CheckId::PreflightAllowOriginInvalid, Stage::Preflight, &[(Key::Value, "example.com")],
     "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: The 'Access-Control-Allow-Origin' header contains the invalid value 'example.com'. Have the server send the header with a valid value.",
     "Access to XMLHttpRequest at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: The 'Access-Control-Allow-Origin' header contains the invalid value 'example.com'."),
    ("kPreflightAllowOriginMismatch", CheckId::PreflightAllowOriginMismatch, Stage::Preflight, &[(Key::Value, "http://localhost:3000/")],
     "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: The 'Access-Control-Allow-Origin' header has a value 'http://localhost:3000/' that is not equal to the supplied origin. Have the server send the header with a valid value.",
     "Access to XMLHttpRequest at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: The 'Access-Control-Allow-Origin' header has a value 'http://localhost:3000/' that is not equal to the supplied origin."),
    ("kPreflightInvalidAllowCredentials", CheckId::PreflightAllowCredentials, Stage::Preflight, &[(Key::Value, "")],
     "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'.",
     "Access to XMLHttpRequest at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'. The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute."),
    ("kInvalidAllowMethodsPreflightResponse", CheckId::AllowMethodsParse, Stage::Preflight, &[(Key::Value, "GET POST"), (Key::Names, "GET POST")],
     "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Cannot parse Access-Control-Allow-Methods response header field in preflight response.",
     "Access to XMLHttpRequest at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Cannot parse Access-Control-Allow-Methods response header field in preflight response."),
    ("kInvalidAllowHeadersPreflightResponse", CheckId::AllowHeadersParse, Stage::Preflight, &[(Key::Value, "x-a x-b"), (Key::Names, "x-a x-b")],
     "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Cannot parse Access-Control-Allow-Headers response header field in preflight response.",
     "Access to XMLHttpRequest at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Cannot parse Access-Control-Allow-Headers response header field in preflight response."),
    ("kMethodDisallowedByPreflightResponse", CheckId::MethodAllowed, Stage::Preflight, &[(Key::Method, "PUT"), (Key::Allowed, "GET, POST")],
     "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.",
     "Access to XMLHttpRequest at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Method PUT is not allowed by Access-Control-Allow-Methods in preflight response."),
    ("kHeaderDisallowedByPreflightResponse", CheckId::HeaderAllowed, Stage::Preflight, &[(Key::Header, "content-type"), (Key::Allowed, ""), (Key::Names, "content-type")],
     "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Request header field content-type is not allowed by Access-Control-Allow-Headers in preflight response.",
     "Access to XMLHttpRequest at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Request header field content-type is not allowed by Access-Control-Allow-Headers in preflight response."),
    ("kRedirectContainsCredentials", CheckId::RedirectCredentials, Stage::Redirect, &[(Key::Location, "https://u:p@api.example.com/x")],
     "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Redirect location '' contains a username and password, which is disallowed for cross-origin requests.",
     "Access to XMLHttpRequest at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Redirect location '' contains a username and password, which is disallowed for cross-origin requests."),
    ("kLocalNetworkAccessPermissionDenied", CheckId::LocalNetworkAccess, Stage::Request, &[(Key::AddressSpace, "public"), (Key::TargetAddressSpace, "loopback")],
     "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Permission was denied for this request to access the `loopback` address space.",
     "Access to XMLHttpRequest at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Permission was denied for this request to access the `loopback` address space."),
];
const FIREFOX: &[Row] = &[
    ("CORSDidNotSucceed2", CheckId::NetworkError, Stage::Response, &[(Key::ErrorKind, "connection-refused")],
     "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/data. (Reason: CORS request did not succeed). Status code: (null)."),
    ("CORSExternalRedirectNotAllowed", CheckId::PreflightRedirect, Stage::Preflight, &[(Key::Status, "302")],
     "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/data. (Reason: CORS request external redirect not allowed)."),
    ("CORSRequestNotHttp", CheckId::CorsScheme, Stage::Request, &[(Key::Scheme, "file")],
     "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/data. (Reason: CORS request not http)."),
    ("CORSMissingAllowOrigin2", CheckId::AllowOriginMissing, Stage::Response, &[(Key::Status, "200")],
     "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/data. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200."),
    ("CORSMultipleAllowOriginNotAllowed", CheckId::AllowOriginMultiple, Stage::Response, &[(Key::Value, "http://localhost:3000, http://x.example")],
     "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/data. (Reason: Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed)."),
    ("CORSAllowOriginNotMatchingOrigin", CheckId::AllowOriginMismatch, Stage::Response, &[(Key::Value, "http://localhost:3000/")],
     "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/data. (Reason: CORS header ‘Access-Control-Allow-Origin’ does not match ‘http://localhost:3000/’)."),
    ("CORSNotSupportingCredentials", CheckId::AllowOriginWildcard, Stage::Response, &[],
     "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ‘https://api.example.com/data’. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’)."),
    ("CORSMethodNotFound", CheckId::MethodAllowed, Stage::Preflight, &[(Key::Method, "PUT")],
     "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/data. (Reason: Did not find method in CORS header ‘Access-Control-Allow-Methods’)."),
    ("CORSMissingAllowCredentials", CheckId::AllowCredentials, Stage::Response, &[(Key::Value, "")],
     "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/data. (Reason: expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’)."),
    ("CORSPreflightDidNotSucceed3", CheckId::PreflightOkStatus, Stage::Preflight, &[(Key::Status, "405")],
     "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/data. (Reason: CORS preflight response did not succeed). Status code: 405."),
    ("CORSInvalidAllowMethod", CheckId::AllowMethodsParse, Stage::Preflight, &[(Key::Value, "GET POST"), (Key::Names, "GET POST")],
     "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/data. (Reason: invalid token ‘GET POST’ in CORS header ‘Access-Control-Allow-Methods’)."),
    ("CORSInvalidAllowHeader", CheckId::AllowHeadersParse, Stage::Preflight, &[(Key::Value, "x-a x-b"), (Key::Names, "x-a x-b")],
     "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/data. (Reason: invalid token ‘x-a x-b’ in CORS header ‘Access-Control-Allow-Headers’)."),
    ("CORSMissingAllowHeaderFromPreflight2", CheckId::HeaderAllowed, Stage::Preflight, &[(Key::Header, "content-type")],
     "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/data. (Reason: header ‘content-type’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response)."),
];
const SAFARI: &[Row] = &[
    ("WEBKIT_ORIGIN_NOT_ALLOWED", CheckId::AllowOriginMissing, Stage::Response, &[(Key::Status, "200")],
     "Origin http://localhost:3000 is not allowed by Access-Control-Allow-Origin. Status code: 200"),
    ("WEBKIT_WILDCARD_WITH_CREDENTIALS", CheckId::AllowOriginWildcard, Stage::Response, &[],
     "Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true."),
    ("WEBKIT_MULTIPLE_ORIGINS", CheckId::AllowOriginMultiple, Stage::Response, &[(Key::Value, "http://localhost:3000, http://x.example")],
     "Access-Control-Allow-Origin cannot contain more than one origin."),
    ("WEBKIT_CREDENTIALS_NOT_TRUE", CheckId::AllowCredentials, Stage::Response, &[(Key::Value, "")],
     "Credentials flag is true, but Access-Control-Allow-Credentials is not \"true\"."),
    ("WEBKIT_PREFLIGHT_NOT_SUCCESSFUL", CheckId::PreflightOkStatus, Stage::Preflight, &[(Key::Status, "405")],
     "Preflight response is not successful. Status code: 405"),
    ("WEBKIT_PREFLIGHT_INVALID_ALLOW_METHODS", CheckId::AllowMethodsParse, Stage::Preflight, &[(Key::Value, "GET POST"), (Key::Names, "GET POST")],
     "Header Access-Control-Allow-Methods has an invalid value: GET POST"),
    ("WEBKIT_PREFLIGHT_INVALID_ALLOW_HEADERS", CheckId::AllowHeadersParse, Stage::Preflight, &[(Key::Value, "x-a x-b"), (Key::Names, "x-a x-b")],
     "Header Access-Control-Allow-Headers has an invalid value: x-a x-b"),
    ("WEBKIT_METHOD_NOT_ALLOWED", CheckId::MethodAllowed, Stage::Preflight, &[(Key::Method, "PUT")],
     "Method PUT is not allowed by Access-Control-Allow-Methods."),
    ("WEBKIT_HEADER_NOT_ALLOWED", CheckId::HeaderAllowed, Stage::Preflight, &[(Key::Header, "content-type"), (Key::WrittenHeader, "Content-Type")],
     "Request header field Content-Type is not allowed by Access-Control-Allow-Headers."),
    ("WEBKIT_SAME_ORIGIN_MODE", CheckId::SameOriginMode, Stage::Request, &[],
     "Cross origin requests are not allowed when using same-origin fetch mode."),
    ("WEBKIT_NON_HTTP", CheckId::CorsScheme, Stage::Request, &[(Key::Scheme, "file")],
     "Cross origin requests are only supported for HTTP."),
];

#[test]
fn chrome_cors_lines_match_the_reference_catalog_for_fetch_and_xhr() {
    for (code, check, stage, values, fetch, xhr) in CHROME_CORS {
        // fetch() to a non-HTTP scheme fails in the renderer first (tested below).
        if *code != "kCorsDisabledScheme" {
            let got = blocked(
                &ctx(Browser::Chrome, Api::Fetch),
                fail(*check, *stage, values),
            );
            assert_eq!(
                got,
                vec![fetch.to_string(), ERR_FAILED.to_owned()],
                "{code} (fetch)"
            );
        }
        let got = blocked(
            &ctx(Browser::Chrome, Api::Xhr),
            fail(*check, *stage, values),
        );
        assert_eq!(
            got,
            vec![xhr.to_string(), ERR_FAILED.to_owned()],
            "{code} (xhr)"
        );
    }
}

#[test]
fn firefox_lines_match_the_reference_catalog() {
    for (code, check, stage, values, expected) in FIREFOX {
        let got = blocked(
            &ctx(Browser::Firefox, Api::Fetch),
            fail(*check, *stage, values),
        );
        assert_eq!(got.first().map(String::as_str), Some(*expected), "{code}");
        let follow_up = if *stage == Stage::Preflight {
            vec![FIREFOX_NULL]
        } else {
            vec![]
        };
        assert_eq!(got[1..], follow_up, "{code}: lines after the first");
    }
}

#[test]
fn safari_lines_match_the_reference_catalog_for_fetch_and_xhr() {
    for (code, check, stage, values, expected) in SAFARI {
        let got = blocked(
            &ctx(Browser::Safari, Api::Fetch),
            fail(*check, *stage, values),
        );
        let cannot = format!("Fetch API cannot load {API} due to access control checks.");
        assert_eq!(got, vec![expected.to_string(), cannot], "{code} (fetch)");
        let got = blocked(
            &ctx(Browser::Safari, Api::Xhr),
            fail(*check, *stage, values),
        );
        let cannot = format!("XMLHttpRequest cannot load {API} due to access control checks.");
        assert_eq!(got, vec![expected.to_string(), cannot], "{code} (xhr)");
    }
}

#[test]
fn every_check_renders_in_every_browser_without_values_and_without_panicking() {
    let outcomes = [
        Outcome::Blocked,
        Outcome::RequestError,
        Outcome::Allowed,
        Outcome::Opaque,
        Outcome::OpaqueRedirect,
    ];
    for &check in CheckId::ALL {
        for browser in Browser::ALL {
            for api in [Api::Fetch, Api::Xhr] {
                for outcome in outcomes {
                    for stage in [
                        Stage::Request,
                        Stage::Preflight,
                        Stage::Response,
                        Stage::Redirect,
                    ] {
                        let _ = lines(&ctx(browser, api), &[fail(check, stage, &[])], outcome);
                    }
                }
            }
        }
    }
}

#[test]
fn every_cors_failure_prints_a_line_in_chrome_and_safari() {
    let request_construction = [
        CheckId::MethodToken,
        CheckId::ForbiddenMethod,
        CheckId::UrlCredentials,
        CheckId::HeaderSyntax,
        CheckId::NoCorsMethod,
    ];
    let cors_checks = CheckId::ALL.iter().filter(|check| {
        crate::render::values::is_response_cors_check(**check)
            || crate::render::values::is_preflight_cors_check(**check)
    });
    for &check in cors_checks {
        assert!(!request_construction.contains(&check));
        for browser in [
            Browser::Chrome,
            Browser::Safari,
            Browser::Firefox,
            Browser::Spec,
        ] {
            let got = blocked(&ctx(browser, Api::Fetch), fail(check, Stage::Response, &[]));
            assert!(!got.is_empty(), "{check} in {browser:?}");
        }
    }
}

#[test]
fn allowed_and_opaque_fetches_print_nothing() {
    let ok = step(
        CheckId::AllowOriginMismatch,
        Stage::Response,
        StepOutcome::Pass,
        &[(Key::Value, PAGE)],
    );
    for browser in Browser::ALL {
        for outcome in [Outcome::Allowed, Outcome::Opaque, Outcome::OpaqueRedirect] {
            assert!(lines(
                &ctx(browser, Api::Fetch),
                &[cross_origin(), ok.clone()],
                outcome
            )
            .is_empty());
        }
    }
}

#[test]
fn firefox_prints_no_cors_line_for_a_same_origin_network_error() {
    let failed = fail(
        CheckId::NetworkError,
        Stage::Response,
        &[(Key::ErrorKind, "connection-refused")],
    );
    let same = step(CheckId::SameOrigin, Stage::Request, StepOutcome::Pass, &[]);
    assert!(lines(
        &ctx(Browser::Firefox, Api::Fetch),
        &[same, failed],
        Outcome::Blocked
    )
    .is_empty());
}

#[test]
fn safari_names_a_redirect_that_failed_the_cors_check() {
    let hop = step(
        CheckId::RedirectMode,
        Stage::Redirect,
        StepOutcome::Info,
        &[
            (Key::Url, API),
            (Key::Status, "302"),
            (Key::Location, "https://cdn.example.com/x"),
        ],
    );
    let failed = fail(
        CheckId::AllowOriginMissing,
        Stage::Redirect,
        &[(Key::Url, API), (Key::Status, "302")],
    );
    let got = lines(
        &ctx(Browser::Safari, Api::Fetch),
        &[cross_origin(), hop, failed],
        Outcome::Blocked,
    );
    assert_eq!(
        got[0],
        "Cross-origin redirection to https://cdn.example.com/x denied by Cross-Origin Resource Sharing policy: \
         Origin http://localhost:3000 is not allowed by Access-Control-Allow-Origin. Status code: 302"
    );
}

#[test]
fn the_spec_profile_names_the_failed_check_in_neutral_words() {
    let mut context = ctx(Browser::Spec, Api::Fetch);
    context.credentials = CredentialsMode::Include;
    let got = blocked(
        &context,
        fail(
            CheckId::AllowOriginWildcard,
            Stage::Response,
            &[(Key::Url, API)],
        ),
    );
    assert_eq!(
        got,
        ["Network error (allow-origin-wildcard): The response allows every origin with `*`, but the request includes \
          credentials."]
    );
}

#[test]
fn firefox_warns_when_only_the_wildcard_allows_authorization() {
    let passed = step(
        CheckId::HeaderAllowed,
        Stage::Preflight,
        StepOutcome::Pass,
        &[
            (Key::Header, ""),
            (Key::Allowed, "*"),
            (Key::Names, "authorization"),
        ],
    );
    let got = lines(
        &ctx(Browser::Firefox, Api::Fetch),
        &[cross_origin(), passed.clone()],
        Outcome::Allowed,
    );
    assert_eq!(
        got,
        ["Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at \
          https://api.example.com/data soon. (Reason: When the `Access-Control-Allow-Headers` is `*`, the \
          `Authorization` header is not covered. To include the `Authorization` header, it must be explicitly \
          listed in CORS header `Access-Control-Allow-Headers`)."]
    );
    // Chromium 156 printed nothing for the same answer.
    assert!(lines(
        &ctx(Browser::Chrome, Api::Fetch),
        &[cross_origin(), passed],
        Outcome::Allowed
    )
    .is_empty());
}
