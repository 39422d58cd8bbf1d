//! Lines observed in Firefox ESR 153.8 (WebDriver BiDi `log.entryAdded`, as the conformance suite reads
//! them): page `http://127.0.0.1:35695`. Each expected string is copied from its log, with the lab's
//! `/s/<id>/c/<case>` prefix shortened.

use super::lines;
use crate::browser::Browser;
use crate::render::test_support::{fail, step};
use crate::render::RenderContext;
use crate::scenario::{Api, CredentialsMode, RedirectMode, RequestMode};
use crate::trace::{CheckId, Key, Stage, StepOutcome, TraceStep};
use crate::verdict::Outcome;

const PAGE: &str = "http://127.0.0.1:35695";
const BLOB: &str = "blob:http://127.0.0.1:35695/0b2c3d4e-0000-4000-8000-000000000000";

fn firefox(url: &'static str) -> RenderContext<'static> {
    RenderContext {
        browser: Browser::Firefox,
        api: Api::Fetch,
        page_origin: PAGE,
        initial_url: url,
        final_url: url,
        method: "GET",
        credentials: CredentialsMode::Omit,
        mode: RequestMode::Cors,
        redirect: RedirectMode::Follow,
    }
}

/// The request's `same-origin` step: cross-origin by host.
fn cross() -> TraceStep {
    step(
        CheckId::SameOrigin,
        Stage::Request,
        StepOutcome::Info,
        &[(Key::Differs, "host")],
    )
}

fn to_blob<'a>(url: &'a str, reason: &'a str) -> TraceStep {
    fail(
        CheckId::RedirectScheme,
        Stage::Redirect,
        &[
            (Key::Url, url),
            (Key::Location, BLOB),
            (Key::Scheme, "blob"),
            (Key::Reason, reason),
        ],
    )
}

#[test]
fn a_redirect_to_a_blob_of_another_origin_fails_the_security_check() {
    let url = "http://localhost:34229/c/r";
    assert_eq!(
        lines(&firefox(url), &[cross(), to_blob(url, "before-cors-check")], Outcome::Blocked),
        [
            format!("Security Error: Content at {url} may not load data from {BLOB}."),
            format!(
                "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at \
                 {url}. (Reason: CORS request did not succeed). Status code: (null)."
            ),
        ]
    );
}

#[test]
fn a_same_origin_redirect_to_a_blob_of_its_own_origin_prints_nothing() {
    let url = "http://127.0.0.1:35695/c/r";
    assert!(lines(&firefox(url), &[to_blob(url, "")], Outcome::Blocked).is_empty());
}

#[test]
fn a_redirect_to_about_blank_is_not_http_even_from_the_same_origin() {
    let url = "http://127.0.0.1:35695/c/r";
    let failed = fail(
        CheckId::RedirectScheme,
        Stage::Redirect,
        &[
            (Key::Url, url),
            (Key::Location, "about:blank"),
            (Key::Scheme, "about"),
        ],
    );
    assert_eq!(
        lines(&firefox(url), &[failed], Outcome::Blocked),
        ["Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at \
          about:blank. (Reason: CORS request not http)."]
    );
}

#[test]
fn a_preflight_network_error_is_logged_for_the_preflight_and_for_the_request() {
    let url = "http://localhost:38401/n";
    let failed = fail(
        CheckId::PreflightNetworkError,
        Stage::Preflight,
        &[(Key::Url, url), (Key::ErrorKind, "connection-refused")],
    );
    let did_not_succeed = format!(
        "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at {url}. \
         (Reason: CORS request did not succeed). Status code: (null)."
    );
    assert_eq!(
        lines(&firefox(url), &[cross(), failed], Outcome::Blocked),
        [did_not_succeed.clone(), did_not_succeed.clone()]
    );
    let request_failed = fail(
        CheckId::NetworkError,
        Stage::Response,
        &[(Key::Url, url), (Key::ErrorKind, "connection-refused")],
    );
    assert_eq!(
        lines(&firefox(url), &[cross(), request_failed], Outcome::Blocked),
        [did_not_succeed]
    );
}

#[test]
fn lines_naming_only_a_non_http_target_or_the_page_name_no_request_url() {
    use super::firefox_line_names_no_request_url as names_no_url;
    let page = format!("{PAGE}/");
    let request = "http://localhost:34229/c/r";
    for (line, expected) in [
        (
            "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at \
             about:blank. (Reason: CORS request not http)."
                .to_owned(),
            true,
        ),
        (
            format!(
                "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at \
                 {request}. (Reason: CORS request not http)."
            ),
            false,
        ),
        (
            format!("Security Error: Content at {page} may not load data from {BLOB}."),
            true,
        ),
        (
            format!("Security Error: Content at {page} may not load or link to file:///etc/hosts."),
            true,
        ),
        (
            format!("Security Error: Content at {request} may not load data from {BLOB}."),
            false,
        ),
        (
            format!("Security Error: Content at {page} may not load data from {request}."),
            false,
        ),
        (
            format!(
                "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at \
                 {request}. (Reason: CORS request did not succeed). Status code: (null)."
            ),
            false,
        ),
    ] {
        assert_eq!(names_no_url(&line, Some(PAGE)), expected, "{line}");
    }
}
