//! Issue 13: adversarial input the engine once judged differently from real browsers. Each test replays
//! the saved disagreement (`regressions/*.json`, from replaying `crates/cors-conformance/cases/families/`
//! in Chromium 156, Firefox ESR 153 and WebKitGTK 2.50 before the fix) and asserts what the browser did.

mod regressions;
use cors_rules::Outcome;
use regressions::agreeing;

#[test]
fn chrome_reports_a_status_from_600_to_999_as_an_error_status() {
    for case in agreeing(&[
        include_str!("regressions/chromium-status-700.json"),
        include_str!("regressions/chromium-status-999-xhr.json"),
    ]) {
        let verdict = case.verdict();
        assert_eq!(verdict.outcome, Outcome::Allowed);
        assert!(verdict.console[0].starts_with("Failed to load resource"));
    }
}

#[test]
fn chrome_sends_no_preflight_for_an_upload_listener_on_a_request_without_a_body() {
    for case in agreeing(&[
        include_str!("regressions/chromium-upload-listener-get.json"),
        include_str!("regressions/chromium-upload-listener-head.json"),
    ]) {
        assert!(!case.verdict().preflight_sent);
    }
}

#[test]
fn an_empty_location_is_no_redirect_in_chrome_and_fails_at_once_in_safari() {
    let cases = agreeing(&[
        include_str!("regressions/chromium-location-empty.json"),
        include_str!("regressions/chromium-location-empty-same-origin.json"),
        include_str!("regressions/webkit-location-empty.json"),
        include_str!("regressions/webkit-location-empty-same-origin.json"),
        include_str!("regressions/firefox-location-empty.json"),
    ]);
    assert_eq!(cases[0].verdict().readable.expect("read").status, 302);
    assert_eq!(cases[2].verdict().outcome, Outcome::Blocked);
    assert_eq!(cases[2].verdict().requests.len(), 1);
    assert_eq!(cases[4].verdict().requests.len(), 21);
}

#[test]
fn chrome_and_firefox_follow_a_location_line_sent_twice_once() {
    for case in agreeing(&[
        include_str!("regressions/chromium-location-twice-same.json"),
        include_str!("regressions/firefox-location-twice-same.json"),
    ]) {
        assert!(case.verdict().requests[1].url.ends_with("/next"));
    }
}

#[test]
fn chrome_and_firefox_fail_two_different_location_lines_in_every_redirect_mode() {
    for case in agreeing(&[
        include_str!("regressions/chromium-location-two-different.json"),
        include_str!("regressions/chromium-location-two-different-manual.json"),
        include_str!("regressions/firefox-location-two-different.json"),
        include_str!("regressions/firefox-location-two-different-manual.json"),
    ]) {
        let verdict = case.verdict();
        assert_eq!(verdict.outcome, Outcome::Blocked);
        assert_eq!(verdict.requests.len(), 1);
    }
}

#[test]
fn firefox_preflights_a_content_type_with_a_non_ascii_parameter_and_safari_sends_it_as_utf8() {
    let cases = agreeing(&[
        include_str!("regressions/firefox-content-type-non-ascii-parameter.json"),
        include_str!("regressions/webkit-content-type-non-ascii-parameter.json"),
    ]);
    assert!(cases[0].verdict().preflight_sent);
    assert!(!cases[1].verdict().preflight_sent);
}

#[test]
fn firefox_merges_access_control_lines_skipping_empty_ones_and_counts_only_same_spelled_names() {
    let cases = agreeing(&[
        include_str!("regressions/firefox-acac-empty-line.json"),
        include_str!("regressions/firefox-acao-empty-line-in-other-case.json"),
        include_str!("regressions/firefox-acao-empty-line-in-other-case-first.json"),
        include_str!("regressions/firefox-acao-other-case-empty-then-missing-credentials.json"),
        include_str!("regressions/firefox-acao-repeated-name-case.json"),
        include_str!("regressions/firefox-acao-repeated-name-case-origin.json"),
    ]);
    for case in &cases[..3] {
        assert_eq!(case.verdict().outcome, Outcome::Allowed);
    }
    let failure = cases[4].verdict().failure.expect("blocked");
    assert_eq!(failure.check.id(), "allow-origin-mismatch");
}

#[test]
fn firefox_shows_a_non_utf8_header_name_byte_as_the_replacement_character() {
    let case = agreeing(&[include_str!(
        "regressions/firefox-request-header-name-non-ascii.json"
    )])
    .remove(0);
    assert!(case
        .verdict()
        .js_error
        .expect("throws")
        .contains('\u{FFFD}'));
}

#[test]
fn safari_safelists_a_range_unit_in_any_case_and_chromium_156_no_longer_does() {
    let cases = agreeing(&[
        include_str!("regressions/chromium-range-unit-capitalised.json"),
        include_str!("regressions/webkit-range-unit-capitalised.json"),
    ]);
    assert!(
        cases[0].verdict().preflight_sent,
        "Chromium 156.0.8078.129 preflights `Bytes=0-`"
    );
    assert!(!cases[1].verdict().preflight_sent, "WebKit safelists it");
}

#[test]
fn firefox_reports_a_redirect_to_a_url_with_credentials_as_a_cors_request_that_did_not_succeed() {
    for case in agreeing(&[
        include_str!("regressions/firefox-cross-origin-redirect-to-userinfo.json"),
        include_str!("regressions/firefox-cross-origin-redirect-to-userinfo-get.json"),
    ]) {
        assert!(case.verdict().console[0].contains("CORS request did not succeed"));
    }
}

#[test]
fn safari_reads_location_bytes_as_latin1_and_decodes_unreserved_escapes() {
    let cases = agreeing(&[
        include_str!("regressions/webkit-location-non-ascii.json"),
        include_str!("regressions/webkit-location-escaped-unreserved.json"),
    ]);
    assert!(cases[0].verdict().requests[1]
        .url
        .ends_with("/%C3%83%C2%A9"));
    assert!(cases[1].verdict().requests[1].url.ends_with("/xA"));
}

#[test]
fn firefox_and_safari_send_request_body_headers_again_after_a_same_origin_method_rewrite() {
    let cases = agreeing(&[
        include_str!("regressions/firefox-body-headers-after-303-then-cross-origin-307.json"),
        include_str!("regressions/firefox-body-headers-after-303-then-same-origin-307.json"),
        include_str!(
            "regressions/firefox-body-headers-after-303-then-cross-origin-307-preflighted.json"
        ),
        include_str!("regressions/webkit-body-headers-after-303-then-cross-origin-307.json"),
        include_str!("regressions/webkit-body-headers-after-303-then-same-origin-307.json"),
        include_str!(
            "regressions/webkit-body-headers-after-303-then-cross-origin-307-preflighted.json"
        ),
    ]);
    assert!(cases[2].verdict().preflight_sent);
    assert!(cases[5].verdict().preflight_sent);
}

#[test]
fn firefox_prints_no_security_error_when_an_xhr_is_redirected_to_a_blob_url() {
    for case in agreeing(&[
        include_str!("regressions/firefox-xhr-redirect-to-blob.json"),
        include_str!("regressions/firefox-xhr-redirect-to-blob-of-page-origin.json"),
    ]) {
        let verdict = case.verdict();
        assert_eq!(verdict.outcome, Outcome::Blocked);
        assert!(verdict
            .console
            .iter()
            .all(|l| !l.starts_with("Security Error")));
    }
}

#[test]
fn only_chrome_fails_a_same_origin_redirect_to_a_url_with_credentials_and_none_sends_them() {
    let text =
        include_str!("../../cors-conformance/cases/families/same-origin-redirect-to-userinfo.json");
    for (browser, outcome) in [
        ("chrome", Outcome::Blocked),
        ("firefox", Outcome::Allowed),
        ("safari", Outcome::Allowed),
    ] {
        let mut value: serde_json::Value = serde_json::from_str(text).expect("JSON");
        value["browser"] = serde_json::json!(browser);
        let scenario = cors_rules::Scenario::from_value(value).expect("scenario");
        let verdict = cors_rules::evaluate(&scenario).expect("evaluates");
        assert_eq!(verdict.outcome, outcome, "{browser}");
        assert!(
            verdict.requests.iter().all(|r| !r.url.contains('@')),
            "{browser}"
        );
        assert!(chrome_console_is_silent(browser, &verdict.console));
    }
}

fn chrome_console_is_silent(browser: &str, console: &[String]) -> bool {
    browser != "chrome" || console.is_empty()
}
