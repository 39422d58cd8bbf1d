//! Every disagreement the conformance suite found between the engine and a real browser, fixed in the
//! engine or its browser profile: each test replays the saved scenario (`regressions/*.json`, copied from
//! `crates/cors-conformance/cases/disagreements/`) and asserts what the browser did.

mod regressions;
use regressions::Observed;

#[test]
fn chrome_drops_a_script_set_user_agent_without_a_preflight() {
    let case = Observed::parse(include_str!("regressions/chromium-user-agent-header.json"));
    case.assert_engine_agrees();
    let verdict = case.verdict();
    assert!(!verdict.preflight_sent);
    assert!(verdict.requests[0]
        .headers
        .iter()
        .all(|(name, _)| !name.eq_ignore_ascii_case("user-agent")));
}

#[test]
fn browsers_need_the_method_listed_even_with_the_preflight_flag() {
    for file in [
        include_str!("regressions/chromium-upload-listener-without-allow-methods.json"),
        include_str!("regressions/firefox-upload-listener-without-allow-methods.json"),
        include_str!("regressions/webkit-upload-listener-without-allow-methods.json"),
    ] {
        let case = Observed::parse(file);
        case.assert_engine_agrees();
        let failure = case.verdict().failure.expect("blocked");
        assert_eq!(failure.check.id(), "method-allowed");
    }
}

#[test]
fn chrome_and_safari_check_a_repeated_content_type_by_its_combined_value() {
    for file in [
        include_str!("regressions/chromium-duplicate-content-type.json"),
        include_str!("regressions/webkit-duplicate-content-type.json"),
    ] {
        let case = Observed::parse(file);
        case.assert_engine_agrees();
        assert!(case.verdict().preflight_sent);
    }
}

#[test]
fn firefox_sends_only_the_last_of_two_content_types() {
    let case = Observed::parse(include_str!(
        "regressions/firefox-duplicate-content-type.json"
    ));
    case.assert_engine_agrees();
    let verdict = case.verdict();
    assert!(!verdict.preflight_sent);
    let content_types: Vec<&str> = verdict.requests[0]
        .headers
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case("content-type"))
        .map(|(_, value)| value.as_str())
        .collect();
    assert_eq!(content_types, ["application/x-www-form-urlencoded"]);
}

#[test]
fn chrome_prints_the_teapot_reason_phrase_for_418() {
    let case = Observed::parse(include_str!(
        "regressions/chromium-status-418-reason-phrase.json"
    ));
    case.assert_engine_agrees();
    assert!(case.verdict().console[0].ends_with("418 (I'm a teapot)"));
}

#[test]
fn chrome_ends_the_same_origin_redirect_line_with_a_newline() {
    let case = Observed::parse(include_str!(
        "regressions/chromium-same-origin-mode-redirect.json"
    ));
    case.assert_engine_agrees();
    assert!(case.verdict().console[0].ends_with("must match.\n"));
}

#[test]
fn a_code_point_above_ff_fails_the_byte_string_conversion_first() {
    for file in [
        include_str!("regressions/chromium-header-value-outside-latin1.json"),
        include_str!("regressions/chromium-fetch-badname-then-euro.json"),
        include_str!("regressions/chromium-fetch-method-euro.json"),
        include_str!("regressions/chromium-xhr-method-euro.json"),
        include_str!("regressions/chromium-xhr-value-euro.json"),
        include_str!("regressions/firefox-header-value-outside-latin1.json"),
        include_str!("regressions/firefox-fetch-badname-then-euro.json"),
        include_str!("regressions/firefox-fetch-method-euro.json"),
        include_str!("regressions/firefox-xhr-method-euro.json"),
        include_str!("regressions/firefox-xhr-name-euro.json"),
        include_str!("regressions/firefox-xhr-value-euro-mid.json"),
        include_str!("regressions/webkit-header-value-outside-latin1.json"),
        include_str!("regressions/webkit-fetch-name-euro.json"),
        include_str!("regressions/webkit-xhr-method-euro.json"),
    ] {
        let case = Observed::parse(file);
        case.assert_engine_agrees();
        let thrown = case.verdict().js_error.expect("the call throws");
        assert!(thrown.starts_with("TypeError"), "{thrown}");
    }
}

#[test]
fn firefox_prints_request_errors_as_its_c_strings() {
    for file in [
        include_str!("regressions/firefox-method-outside-ascii.json"),
        include_str!("regressions/firefox-fetch-value-nul.json"),
        include_str!("regressions/firefox-xhr-invalid-header-name.json"),
        include_str!("regressions/firefox-xhr-value-lf.json"),
    ] {
        Observed::parse(file).assert_engine_agrees();
    }
}

#[test]
fn chrome_names_the_first_disallowed_header_in_its_header_map_order() {
    for file in [
        include_str!("regressions/chromium-two-disallowed-headers.json"),
        include_str!("regressions/chromium-req-headers-0516.json"),
        include_str!("regressions/chromium-req-headers-0660.json"),
        include_str!("regressions/chromium-req-headers-0948.json"),
    ] {
        Observed::parse(file).assert_engine_agrees();
    }
    let case = Observed::parse(include_str!(
        "regressions/chromium-two-disallowed-headers.json"
    ));
    assert!(case.verdict().console[0].contains("Request header field if-none-match is not allowed"));
}

#[test]
fn firefox_lists_a_repeated_unsafe_name_twice_in_the_preflight() {
    let case = Observed::parse(include_str!(
        "regressions/firefox-repeated-unsafe-header-names.json"
    ));
    case.assert_engine_agrees();
    let preflight = &case.verdict().requests[0];
    assert!(preflight.headers.iter().any(
        |(name, value)| name == "Access-Control-Request-Headers" && value == "x-empty,x-empty"
    ));
}

#[test]
fn firefox_has_no_1024_byte_total_for_safelisted_values() {
    let case = Observed::parse(include_str!(
        "regressions/firefox-safelisted-values-over-1024-bytes.json"
    ));
    case.assert_engine_agrees();
    assert!(!case.verdict().preflight_sent);
}

#[test]
fn firefox_preflights_after_a_redirect_with_the_pages_origin() {
    for file in [
        include_str!("regressions/firefox-preflight-after-redirect-origin.json"),
        include_str!("regressions/firefox-redirect-308-keeps-method.json"),
        include_str!("regressions/firefox-redirect-preflight-0012.json"),
    ] {
        Observed::parse(file).assert_engine_agrees();
    }
}

#[test]
fn firefox_cors_checks_a_redirected_preflight_before_refusing_it() {
    for file in [
        include_str!("regressions/firefox-redirected-preflight.json"),
        include_str!("regressions/firefox-preflight-status-0181.json"),
        include_str!("regressions/firefox-redirect-preflight-0060.json"),
        include_str!("regressions/firefox-redirect-0875.json"),
        include_str!("regressions/firefox-preflight-redirect-to-data.json"),
    ] {
        Observed::parse(file).assert_engine_agrees();
    }
}

#[test]
fn firefox_console_lines_for_redirect_hops_same_origin_mode_and_corp() {
    for file in [
        include_str!("regressions/firefox-redirect-after-failure-console.json"),
        include_str!("regressions/firefox-redirect-hop-without-allow-origin.json"),
        include_str!("regressions/firefox-manual-mode-redirect-hop-failure.json"),
        include_str!("regressions/firefox-error-mode-redirect-hop-failure.json"),
        include_str!("regressions/firefox-same-origin-mode-cross-origin.json"),
        include_str!("regressions/firefox-same-origin-mode-redirect.json"),
        include_str!("regressions/firefox-no-cors-corp-same-origin.json"),
    ] {
        Observed::parse(file).assert_engine_agrees();
    }
}

#[test]
fn a_redirect_status_without_location_in_manual_and_error_modes() {
    for file in [
        include_str!("regressions/chromium-manual-redirect-without-location.json"),
        include_str!("regressions/chromium-manual-redirect-without-location-cross-origin.json"),
        include_str!("regressions/firefox-manual-redirect-without-location-cross-origin.json"),
        include_str!("regressions/webkit-manual-redirect-without-location-cross-origin.json"),
        include_str!("regressions/chromium-error-mode-301-without-location.json"),
        include_str!("regressions/webkit-error-mode-307-without-location.json"),
    ] {
        Observed::parse(file).assert_engine_agrees();
    }
}

#[test]
fn redirects_to_other_schemes_as_each_browser_reports_them() {
    for file in [
        include_str!("regressions/firefox-redirect-to-data-before-cors-check.json"),
        include_str!("regressions/firefox-redirect-to-blob.json"),
        include_str!("regressions/firefox-redirect-to-file.json"),
        include_str!("regressions/firefox-redirect-to-about.json"),
        include_str!("regressions/firefox-same-origin-redirect-to-data-silent.json"),
        include_str!("regressions/chromium-redirect-to-ftp.json"),
    ] {
        Observed::parse(file).assert_engine_agrees();
    }
}

#[test]
fn webkit_turns_a_delete_redirected_to_another_origin_into_a_get() {
    for file in [
        include_str!("regressions/webkit-redirect-308-keeps-method.json"),
        include_str!("regressions/webkit-redirect-preflight-0636.json"),
        include_str!("regressions/webkit-redirect-preflight-0892.json"),
    ] {
        Observed::parse(file).assert_engine_agrees();
    }
}

#[test]
fn webkit_keeps_origin_on_a_redirected_request_once_sent() {
    for file in [
        include_str!("regressions/webkit-origin-after-303-to-same-origin.json"),
        include_str!("regressions/webkit-same-origin-mode-0154.json"),
        include_str!("regressions/webkit-no-cors-redirect-drops-origin.json"),
        include_str!("regressions/webkit-no-cors-redirect-back-drops-origin.json"),
        include_str!("regressions/webkit-no-cors-same-origin-redirect-keeps-origin.json"),
    ] {
        Observed::parse(file).assert_engine_agrees();
    }
}

#[test]
fn chrome_never_counts_ip_address_hosts_as_same_site_for_corp() {
    let case = Observed::parse(include_str!(
        "regressions/chromium-corp-same-site-ip-address.json"
    ));
    case.assert_engine_agrees();
    assert_eq!(
        case.verdict().failure.expect("blocked").check.id(),
        "cross-origin-resource-policy"
    );
}

#[test]
fn redirect_modes_meet_other_schemes_as_each_browser_does() {
    for file in [
        include_str!("regressions/chromium-error-mode-redirect-to-data.json"),
        include_str!("regressions/chromium-error-mode-redirect-to-ftp.json"),
        include_str!("regressions/webkit-manual-mode-redirect-to-ftp.json"),
    ] {
        Observed::parse(file).assert_engine_agrees();
    }
}

#[test]
fn firefox_and_webkit_keep_preflighting_after_a_redirect() {
    for file in [
        include_str!("regressions/firefox-preflight-kept-after-303.json"),
        include_str!("regressions/firefox-preflight-kept-after-authorization-dropped.json"),
        include_str!("regressions/firefox-redirect-0331.json"),
        include_str!("regressions/webkit-preflight-kept-with-first-names.json"),
        include_str!("regressions/webkit-preflight-kept-same-origin-hop.json"),
    ] {
        let case = Observed::parse(file);
        case.assert_engine_agrees();
        // The step that asks for the later preflight says why in words.
        let verdict = case.verdict();
        let kept = verdict
            .steps
            .iter()
            .filter(|s| s.check.id() == "preflight-needed")
            .find(|s| {
                s.values
                    .iter()
                    .any(|(k, v)| *k == cors_rules::Key::Reason && v.contains("redirect"))
            })
            .expect("a preflight-needed step kept by the redirect");
        assert!(
            kept.detail.contains("every hop after a redirect")
                || kept.summary.contains("every hop after a redirect"),
            "{kept:#?}"
        );
    }
}

#[test]
fn firefox_never_safelists_a_content_type_with_a_comma() {
    for file in [
        include_str!("regressions/firefox-content-type-with-comma.json"),
        include_str!("regressions/firefox-no-cors-content-type-with-comma.json"),
        include_str!("regressions/firefox-no-cors-repeated-content-type.json"),
    ] {
        Observed::parse(file).assert_engine_agrees();
    }
}

#[test]
fn webkit_checks_redirects_with_credentials_after_a_same_origin_start() {
    for file in [
        include_str!("regressions/webkit-redirect-0027.json"),
        include_str!("regressions/webkit-same-origin-start-redirect-star.json"),
        include_str!("regressions/webkit-same-origin-start-redirect-without-acac.json"),
        include_str!("regressions/webkit-same-origin-start-preflighted-redirect-star.json"),
    ] {
        Observed::parse(file).assert_engine_agrees();
    }
}

#[test]
fn chrome_sends_origin_null_after_a_no_cors_redirect_to_another_origin() {
    let case = Observed::parse(include_str!(
        "regressions/chromium-no-cors-redirect-origin-null.json"
    ));
    case.assert_engine_agrees();
    let second = &case.verdict().requests[1];
    assert!(second
        .headers
        .iter()
        .any(|(name, value)| name == "Origin" && value == "null"));
}

#[test]
fn a_repeated_header_goes_out_as_one_line_in_every_browser() {
    for file in [
        include_str!("regressions/chromium-repeated-authorization-one-line.json"),
        include_str!("regressions/webkit-repeated-authorization-one-line.json"),
        include_str!("regressions/chromium-repeated-empty-header.json"),
        include_str!("regressions/webkit-repeated-empty-header.json"),
        include_str!("regressions/firefox-repeated-empty-header.json"),
    ] {
        Observed::parse(file).assert_engine_agrees();
    }
}

#[test]
fn chrome_lets_an_xhr_follow_a_same_origin_redirect_to_a_url_with_a_password() {
    for file in [
        include_str!("regressions/chromium-xhr-follows-same-origin-password-redirect.json"),
        include_str!("regressions/chromium-xhr-put-follows-same-origin-password-redirect-303.json"),
        include_str!("regressions/chromium-xhr-follows-username-only.json"),
    ] {
        let case = Observed::parse(file);
        case.assert_engine_agrees();
        assert_eq!(
            case.verdict().outcome,
            cors_rules::verdict::Outcome::Allowed
        );
    }
}

#[test]
fn firefox_refuses_an_xhr_redirect_to_a_blob_not_of_the_page_before_the_cors_check() {
    let case = Observed::parse(include_str!(
        "regressions/firefox-xhr-redirect-to-blob-of-target-refused-first.json"
    ));
    case.assert_engine_agrees();
    // The security check names the page as the content (a line the harness then left unattributed).
    let console = case.verdict().console;
    assert_eq!(console.len(), 2, "{console:?}");
    assert!(
        console[0].starts_with(
            "Security Error: Content at http://127.0.0.1:33373/ may not load data from blob:"
        ),
        "{console:?}"
    );
    assert!(
        console[1].contains("CORS request did not succeed"),
        "{console:?}"
    );
}

#[test]
fn firefox_refuses_a_preflight_redirect_to_a_url_with_credentials_without_a_line_of_its_own() {
    let case = Observed::parse(include_str!(
        "regressions/firefox-preflight-redirect-to-userinfo.json"
    ));
    case.assert_engine_agrees();
    let console = case.verdict().console;
    assert_eq!(console.len(), 2, "{console:?}");
    assert!(
        console
            .iter()
            .all(|line| line.contains("CORS request did not succeed")),
        "{console:?}"
    );
}

#[test]
fn firefox_names_a_blob_target_as_not_http_only_when_it_has_the_page_origin() {
    let case = Observed::parse(include_str!(
        "regressions/firefox-fetch-redirect-to-blob-of-its-origin-passing-cors.json"
    ));
    case.assert_engine_agrees();
    let console = case.verdict().console;
    assert!(
        console
            .iter()
            .all(|line| !line.contains("CORS request not http")),
        "{console:?}"
    );
}

#[test]
fn safari_refuses_an_ftp_target_as_such_before_the_redirect_mode_and_the_cors_check() {
    for file in [
        include_str!("regressions/webkit-error-mode-redirect-to-ftp.json"),
        include_str!("regressions/webkit-redirect-to-ftp-before-cors-check.json"),
    ] {
        let case = Observed::parse(file);
        case.assert_engine_agrees();
        assert_eq!(case.verdict().console[0], "FTP URLs are disabled");
    }
}

#[test]
fn firefox_empties_a_repeated_header_on_an_empty_value() {
    for (file, sent) in [
        (
            include_str!("regressions/firefox-duplicate-header-non-ascii-then-blank.json"),
            "",
        ),
        (
            include_str!("regressions/firefox-repeated-header-merged-then-emptied.json"),
            "",
        ),
        (
            include_str!("regressions/firefox-repeated-header-emptied-then-set.json"),
            "b",
        ),
    ] {
        let case = Observed::parse(file);
        case.assert_engine_agrees();
        let actual = case.verdict().requests.last().cloned().expect("a request");
        let value = actual
            .headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case("x-custom"))
            .map(|(_, value)| value.clone());
        assert_eq!(value.as_deref(), Some(sent));
    }
}

#[test]
fn firefox_cors_checks_a_redirect_to_a_blob_it_may_load_before_refusing_it() {
    for file in [
        include_str!("regressions/firefox-xhr-redirect-to-blob-cors-checked-first.json"),
        include_str!(
            "regressions/firefox-fetch-redirect-to-blob-of-its-origin-cors-checked-first.json"
        ),
    ] {
        let case = Observed::parse(file);
        case.assert_engine_agrees();
        assert_eq!(case.verdict().console.len(), 2);
    }
}

#[test]
fn firefox_never_settles_a_same_origin_xhr_redirected_to_a_blob_of_the_page() {
    let case = Observed::parse(include_str!(
        "regressions/firefox-xhr-redirect-to-blob-never-settles.json"
    ));
    case.assert_engine_agrees();
    let verdict = case.verdict();
    assert_eq!(verdict.outcome, cors_rules::verdict::Outcome::NoEvent);
    assert!(verdict
        .steps
        .last()
        .is_some_and(|step| step.summary.contains("never finishes")));
}

/// Each observation agrees with the engine, which sends a preflight exactly where the browser did.
fn agree_on_the_preflight(cases: &[(&str, bool)]) {
    for &(file, preflighted) in cases {
        let case = Observed::parse(file);
        case.assert_engine_agrees();
        assert_eq!(case.verdict().preflight_sent, preflighted);
    }
}

#[test]
fn firefox_reads_a_content_type_with_necko_strict_parser() {
    agree_on_the_preflight(&[
        (
            include_str!("regressions/firefox-content-type-ending-in-a-second-semicolon.json"),
            true,
        ),
        (
            include_str!("regressions/firefox-content-type-parameter-then-semicolon.json"),
            true,
        ),
        (
            include_str!("regressions/firefox-content-type-type-ends-at-whitespace.json"),
            false,
        ),
    ]);
}

#[test]
fn safari_and_chrome_read_a_range_number_their_own_way() {
    agree_on_the_preflight(&[
        (
            include_str!("regressions/webkit-range-plus-sign.json"),
            false,
        ),
        (
            include_str!("regressions/chromium-range-at-i64-max.json"),
            true,
        ),
    ]);
}

#[test]
fn chrome_sends_a_get_range_as_its_network_stack_parsed_it() {
    let case = Observed::parse(include_str!(
        "regressions/chromium-range-signed-padded-reserialized.json"
    ));
    case.assert_engine_agrees();
    let get = &case.verdict().requests[1];
    assert!(get
        .headers
        .iter()
        .any(|(name, value)| name == "Range" && value == "bytes=1-7"));
}

#[test]
fn firefox_escapes_a_location_s_controls_before_reading_it() {
    let case = Observed::parse(include_str!(
        "regressions/firefox-location-trailing-vertical-tab.json"
    ));
    case.assert_engine_agrees();
    assert!(case.verdict().requests[1].url.ends_with("/y%0B"));
}
