//! Disagreements the widened generator (issue 13's adversarial families) found in Chromium 148, Firefox
//! ESR 140 and WebKitGTK 2.50, now modelled: each test replays the saved file (`regressions/*.json`,
//! what the browser did) against the engine.

mod regressions;
use cors_rules::Outcome;
use regressions::agreeing;

#[test]
fn after_a_method_rewrite_the_left_off_headers_come_back_as_each_browser_does_it() {
    let cases = agreeing(&[
        include_str!("regressions/webkit-rewrite-preflight-lists-left-off-headers.json"),
        include_str!("regressions/webkit-rewrite-same-origin-brings-back-content-type-only.json"),
        include_str!("regressions/firefox-rewrite-preflight-for-left-off-unsafe-headers.json"),
        include_str!("regressions/firefox-rewrite-no-preflight-for-left-off-safe-headers.json"),
    ]);
    assert!(cases[0].verdict().preflight_sent);
    assert!(!cases[3].verdict().preflight_sent);
}

#[test]
fn header_values_go_out_trimmed_and_chrome_rewrites_a_range_only_on_a_get() {
    agreeing(&[
        include_str!("regressions/chromium-combined-value-trimmed-on-the-wire.json"),
        include_str!("regressions/firefox-combined-value-trimmed-on-the-wire.json"),
        include_str!("regressions/chromium-range-on-post-sent-as-written.json"),
        include_str!("regressions/chromium-range-on-get-preflighted.json"),
    ]);
}

#[test]
fn firefox_merges_lower_case_allow_origin_lines_and_preflights_a_non_ascii_accept() {
    let cases = agreeing(&[
        include_str!("regressions/firefox-lower-case-acao-twice-merged.json"),
        include_str!("regressions/firefox-accept-non-ascii-preflighted.json"),
    ]);
    assert!(cases[1].verdict().preflight_sent);
}

#[test]
fn chrome_logs_the_error_status_of_an_opaque_response() {
    let case = agreeing(&[include_str!(
        "regressions/chromium-no-cors-error-status-console.json"
    )])
    .remove(0);
    assert_eq!(case.verdict().outcome, Outcome::Opaque);
    assert_eq!(case.verdict().console.len(), 1);
}

#[test]
fn safari_hands_a_redirect_with_an_empty_location_to_the_script_in_mode_error() {
    let case = agreeing(&[include_str!(
        "regressions/webkit-empty-location-error-mode-response.json"
    )])
    .remove(0);
    assert_eq!(case.verdict().outcome, Outcome::Allowed);
}

#[test]
fn redirects_to_urls_with_credentials_fail_where_and_as_each_browser_fails_them() {
    let cases = agreeing(&[
        include_str!("regressions/webkit-userinfo-redirect-after-preflight.json"),
        include_str!("regressions/firefox-same-origin-start-userinfo-redirect-console.json"),
        include_str!("regressions/chromium-same-origin-start-userinfo-redirect-console.json"),
        include_str!("regressions/chromium-error-mode-userinfo-first.json"),
        include_str!("regressions/chromium-error-mode-same-origin-userinfo-console.json"),
        include_str!("regressions/chromium-xhr-follows-username-only.json"),
        include_str!("regressions/chromium-fetch-fails-username-only.json"),
    ]);
    assert!(cases[0].verdict().preflight_sent);
    assert_eq!(cases[5].verdict().outcome, Outcome::Allowed);
    assert_eq!(cases[6].verdict().outcome, Outcome::Blocked);
}
