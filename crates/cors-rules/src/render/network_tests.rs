//! DevTools Network row tests.

use super::network_rows;
use crate::browser::Browser;
use crate::render::test_support::{cross_origin, ctx, fail, step, API, PAGE};
use crate::scenario::Api;
use crate::trace::{CheckId, Key, Stage, StepOutcome, TraceStep};
use crate::verdict::{NetworkRow, Outcome, WireRequest};

fn preflight() -> WireRequest {
    WireRequest {
        method: "OPTIONS".to_owned(),
        url: API.to_owned(),
        credentials: false,
        headers: vec![
            ("Origin".to_owned(), PAGE.to_owned()),
            ("Access-Control-Request-Method".to_owned(), "PUT".to_owned()),
        ],
    }
}

fn actual(method: &str) -> WireRequest {
    WireRequest {
        method: method.to_owned(),
        url: API.to_owned(),
        credentials: false,
        headers: Vec::new(),
    }
}

fn row(method: &str, status: &str, kind: &str) -> NetworkRow {
    NetworkRow {
        method: method.to_owned(),
        url: API.to_owned(),
        status: status.to_owned(),
        kind: kind.to_owned(),
    }
}

fn preflight_status(status: &str) -> TraceStep {
    step(
        CheckId::PreflightOkStatus,
        Stage::Preflight,
        StepOutcome::Pass,
        &[(Key::Url, API), (Key::Status, status)],
    )
}

#[test]
fn chrome_lists_the_preflight_and_marks_the_blocked_request_as_a_cors_error() {
    let mut context = ctx(Browser::Chrome, Api::Fetch);
    context.method = "PUT";
    let failed = fail(
        CheckId::AllowOriginMissing,
        Stage::Response,
        &[(Key::Url, API), (Key::Status, "200")],
    );
    let trace = [cross_origin(), preflight_status("204"), failed];
    let rows = network_rows(
        &context,
        &[preflight(), actual("PUT")],
        &trace,
        Outcome::Blocked,
    );
    assert_eq!(
        rows,
        [
            row("OPTIONS", "204", "preflight"),
            row("PUT", "CORS error", "fetch")
        ]
    );
}

#[test]
fn chrome_shows_the_request_a_failed_preflight_kept_from_being_sent() {
    let mut context = ctx(Browser::Chrome, Api::Xhr);
    context.method = "PUT";
    let failed = fail(
        CheckId::PreflightAllowOriginMissing,
        Stage::Preflight,
        &[(Key::Url, API), (Key::Status, "405")],
    );
    let rows = network_rows(
        &context,
        &[preflight()],
        &[cross_origin(), failed],
        Outcome::Blocked,
    );
    assert_eq!(
        rows,
        [
            row("OPTIONS", "405", "preflight"),
            row("PUT", "CORS error", "xhr")
        ]
    );
}

#[test]
fn a_network_error_shows_the_net_error() {
    let failed = fail(
        CheckId::NetworkError,
        Stage::Response,
        &[(Key::Url, API), (Key::ErrorKind, "connection-refused")],
    );
    let rows = network_rows(
        &ctx(Browser::Chrome, Api::Fetch),
        &[actual("GET")],
        &[cross_origin(), failed],
        Outcome::Blocked,
    );
    assert_eq!(
        rows,
        [row("GET", "(failed) net::ERR_CONNECTION_REFUSED", "fetch")]
    );
}

#[test]
fn an_allowed_request_shows_its_status() {
    let ok = step(
        CheckId::AllowOriginMismatch,
        Stage::Response,
        StepOutcome::Pass,
        &[(Key::Url, API), (Key::Status, "200")],
    );
    let rows = network_rows(
        &ctx(Browser::Chrome, Api::Fetch),
        &[actual("GET")],
        &[cross_origin(), ok],
        Outcome::Allowed,
    );
    assert_eq!(rows, [row("GET", "200", "fetch")]);
}

#[test]
fn firefox_labels_the_blocked_request_and_safari_hides_preflights() {
    let failed = || {
        fail(
            CheckId::AllowOriginMissing,
            Stage::Response,
            &[(Key::Url, API), (Key::Status, "200")],
        )
    };
    let trace = [cross_origin(), preflight_status("204"), failed()];
    let rows = network_rows(
        &ctx(Browser::Firefox, Api::Fetch),
        &[preflight(), actual("GET")],
        &trace,
        Outcome::Blocked,
    );
    assert_eq!(
        rows[1],
        row("GET", "200 (CORS Missing Allow Origin)", "fetch")
    );
    let rows = network_rows(
        &ctx(Browser::Safari, Api::Fetch),
        &[preflight(), actual("GET")],
        &trace,
        Outcome::Blocked,
    );
    assert_eq!(rows, [row("GET", "(failed)", "fetch")]);
}

#[test]
fn mixed_content_is_listed_as_blocked_in_chrome() {
    let failed = fail(CheckId::MixedContent, Stage::Request, &[(Key::Url, API)]);
    let rows = network_rows(
        &ctx(Browser::Chrome, Api::Fetch),
        &[],
        &[failed],
        Outcome::Blocked,
    );
    assert_eq!(rows, [row("GET", "(blocked:mixed-content)", "fetch")]);
}

#[test]
fn rows_tolerate_a_trace_without_values() {
    for &check in CheckId::ALL {
        for browser in Browser::ALL {
            let _ = network_rows(
                &ctx(browser, Api::Fetch),
                &[preflight(), actual("GET")],
                &[fail(check, Stage::Preflight, &[])],
                Outcome::Blocked,
            );
        }
    }
}
