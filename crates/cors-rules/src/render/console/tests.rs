//! Console text tests: the reference catalog (`docs/reference/browser-messages.md` §1.2, §2, §3 and the
//! three-browser examples of §4), and lines observed in Chromium 156.

use super::lines;
use super::reference_table::{CHROME_CORS, FIREFOX, SAFARI};
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
