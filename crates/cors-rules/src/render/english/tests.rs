//! English explanation tests.

use super::{step as render, words, FALLBACK};
use crate::browser::Browser;
use crate::render::test_support::{ctx, fail, step, API, PAGE};
use crate::scenario::{Api, CredentialsMode};
use crate::trace::{CheckId, Key, Stage, StepOutcome};

const OUTCOMES: [StepOutcome; 3] = [StepOutcome::Pass, StepOutcome::Fail, StepOutcome::Info];

#[test]
fn every_check_and_outcome_has_its_own_words() {
    for &check in CheckId::ALL {
        for outcome in OUTCOMES {
            let words = words(&step(check, Stage::Response, outcome, &[]));
            assert_ne!(words, FALLBACK, "{check} {outcome:?}");
        }
    }
}

#[test]
fn every_explanation_renders_without_values_and_without_leftover_placeholders() {
    for &check in CheckId::ALL {
        for outcome in OUTCOMES {
            let rendered = render(
                &ctx(Browser::Chrome, Api::Fetch),
                &step(check, Stage::Preflight, outcome, &[]),
            );
            for text in [&rendered.summary, &rendered.detail] {
                assert!(!text.is_empty(), "{check} {outcome:?}");
                assert!(
                    !text.contains('{') || text.contains("`{`"),
                    "{check} {outcome:?}: {text}"
                );
                assert!(!text.contains("  "), "{check} {outcome:?}: {text}");
            }
            assert!(rendered.spec.starts_with("https://"));
        }
    }
}

#[test]
fn only_the_failed_step_is_marked_as_not_passed() {
    let context = ctx(Browser::Chrome, Api::Fetch);
    assert!(
        render(
            &context,
            &step(CheckId::SameOrigin, Stage::Request, StepOutcome::Info, &[])
        )
        .passed
    );
    assert!(
        render(
            &context,
            &step(
                CheckId::MethodAllowed,
                Stage::Preflight,
                StepOutcome::Pass,
                &[]
            )
        )
        .passed
    );
    assert!(
        !render(
            &context,
            &fail(CheckId::MethodAllowed, Stage::Preflight, &[])
        )
        .passed
    );
}

#[test]
fn a_trailing_slash_is_named_as_the_difference() {
    let mut context = ctx(Browser::Chrome, Api::Fetch);
    context.page_origin = "https://app.example.com";
    let values = [
        (Key::Url, API),
        (Key::SentOrigin, "https://app.example.com"),
        (Key::Value, "https://app.example.com/"),
    ];
    let rendered = render(
        &context,
        &fail(CheckId::AllowOriginMismatch, Stage::Response, &values),
    );
    assert_eq!(
        rendered.summary,
        "The response allows the origin `https://app.example.com/`, but the request's origin is \
         `https://app.example.com`."
    );
    assert!(rendered.detail.contains(
        "The server answered `https://app.example.com/` but the page's origin is `https://app.example.com`: origins \
         never have a trailing slash, and the comparison is byte for byte."
    ));
    assert_eq!(
        rendered.spec,
        "https://fetch.spec.whatwg.org/#concept-cors-check"
    );
    assert_eq!(
        rendered.values[2],
        (Key::Value, "https://app.example.com/".to_owned())
    );
}

#[test]
fn origin_differences_are_explained() {
    let cases = [
        ("HTTP://LOCALHOST:3000", "letter case"),
        ("https://localhost:3000", "scheme differs"),
        ("http://example.com", "another host"),
        ("http://localhost:4000", "port differs"),
        ("http://localhost:3000/app", "bare origin"),
        ("localhost:3000", "not an origin"),
        ("null", "opaque origin"),
    ];
    for (value, expected) in cases {
        let values = [(Key::SentOrigin, PAGE), (Key::Value, value)];
        let rendered = render(
            &ctx(Browser::Chrome, Api::Fetch),
            &fail(CheckId::AllowOriginMismatch, Stage::Response, &values),
        );
        assert!(
            rendered.detail.contains(expected),
            "{value}: {}",
            rendered.detail
        );
    }
}

#[test]
fn a_missing_allow_origin_on_an_error_status_points_at_the_status() {
    let values = [(Key::Url, API), (Key::Status, "500")];
    let rendered = render(
        &ctx(Browser::Chrome, Api::Fetch),
        &fail(CheckId::AllowOriginMissing, Stage::Response, &values),
    );
    assert!(rendered.summary.contains("(status 500)"));
    assert!(
        rendered.detail.contains("Fix the 500 too"),
        "{}",
        rendered.detail
    );
}

#[test]
fn a_method_listed_in_another_case_is_pointed_out() {
    let values = [(Key::Method, "patch"), (Key::Allowed, "GET, PATCH")];
    let rendered = render(
        &ctx(Browser::Chrome, Api::Fetch),
        &fail(CheckId::MethodAllowed, Stage::Preflight, &values),
    );
    assert!(
        rendered
            .detail
            .contains("The list has `PATCH` but the request sends `patch`"),
        "{}",
        rendered.detail
    );
}

#[test]
fn a_wildcard_with_credentials_is_explained_as_literal() {
    let mut context = ctx(Browser::Chrome, Api::Fetch);
    context.credentials = CredentialsMode::Include;
    let values = [
        (Key::Header, "x-api-key"),
        (Key::Allowed, "*"),
        (Key::Names, "x-api-key"),
    ];
    let rendered = render(
        &context,
        &fail(CheckId::HeaderAllowed, Stage::Preflight, &values),
    );
    assert!(
        rendered.detail.contains("literally `*`"),
        "{}",
        rendered.detail
    );
}

#[test]
fn things_confused_with_cors_say_they_are_not_cors() {
    let context = ctx(Browser::Chrome, Api::Fetch);
    let network = render(
        &context,
        &fail(
            CheckId::NetworkError,
            Stage::Response,
            &[(Key::ErrorKind, "connection-refused")],
        ),
    );
    assert!(network.summary.contains("connection refused"));
    assert!(network.detail.contains("not a CORS rejection"));
    let mixed = render(
        &context,
        &fail(
            CheckId::MixedContent,
            Stage::Request,
            &[(Key::Url, "http://api.example.com/")],
        ),
    );
    assert!(mixed.detail.contains("not a CORS error"));
    let status = render(
        &context,
        &step(
            CheckId::HttpStatus,
            Stage::Response,
            StepOutcome::Info,
            &[(Key::Status, "404")],
        ),
    );
    assert!(status.detail.contains("not a CORS failure by itself"));
    let lna = render(
        &context,
        &fail(
            CheckId::LocalNetworkAccess,
            Stage::Request,
            &[(Key::TargetAddressSpace, "loopback")],
        ),
    );
    assert!(lna
        .detail
        .contains("Local Network Access rule, not CORS proper"));
}

#[test]
fn the_preflight_reason_lists_the_method_and_headers() {
    let values = [
        (Key::Method, "PUT"),
        (Key::Names, "content-type,x-request-id"),
        (Key::Reason, "method,headers"),
    ];
    let rendered = render(
        &ctx(Browser::Chrome, Api::Fetch),
        &step(
            CheckId::PreflightNeeded,
            Stage::Request,
            StepOutcome::Info,
            &values,
        ),
    );
    assert_eq!(
        rendered.summary,
        "The browser first sends an OPTIONS preflight, because `PUT` is not GET, HEAD or POST, and the header(s) \
         content-type, x-request-id need the server's permission."
    );
}

#[test]
fn a_safelist_reason_code_is_spelled_out() {
    let values = [
        (Key::Header, "Content-Type"),
        (Key::Value, "application/json"),
        (Key::Reason, "mime-type"),
    ];
    let rendered = render(
        &ctx(Browser::Chrome, Api::Fetch),
        &step(
            CheckId::SafelistedHeader,
            Stage::Request,
            StepOutcome::Info,
            &values,
        ),
    );
    assert!(
        rendered.summary.contains("`application/json` is not"),
        "{}",
        rendered.summary
    );
}

#[test]
fn no_template_has_a_double_space_or_a_space_at_an_end() {
    // Every arm of the tables, whatever its guard reads: credentials and redirect-mode values,
    // present or absent origins and names, safelisted methods.
    let value_sets: [&[(Key, &str)]; 5] = [
        &[],
        &[(Key::Value, "true")],
        &[(Key::Value, "manual")],
        &[(Key::SentOrigin, "x"), (Key::Names, "x")],
        &[(Key::Method, "GET")],
    ];
    let mut templates = vec![FALLBACK];
    for &check in CheckId::ALL {
        for outcome in OUTCOMES {
            for values in value_sets {
                templates.push(words(&step(check, Stage::Response, outcome, values)));
            }
        }
    }
    for words in templates {
        for text in [words.summary, words.detail] {
            assert!(!text.contains("  "), "{text}");
            assert_eq!(text.trim(), text, "{text}");
        }
    }
}
