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
    let cross = step(
        CheckId::SameOrigin,
        Stage::Request,
        StepOutcome::Info,
        &[(Key::Differs, "host")],
    );
    assert_eq!(
        lines(&firefox(url), &[cross, to_blob(url, "before-cors-check")], Outcome::Blocked),
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
