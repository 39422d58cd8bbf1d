//! Pasted console excerpts, as users copy them, recognised as the engine's checks.

use cors_diagnose::console::{recognise, Finding};
use cors_diagnose::report::Reading;
use cors_rules::scenario::{Answer, Api, CredentialsMode};
use cors_rules::{Browser, CheckId, Stage};

fn check_of(text: &str) -> Option<CheckId> {
    recognise(text).recognised.and_then(|r| r.check)
}

#[test]
fn chrome_missing_allow_origin_with_devtools_lines_around_it() {
    let pasted = "localhost/:1 Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource. If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.\nUnderstand this error\napp.js:12  GET https://api.example.com/data net::ERR_FAILED 200 (OK)\nUncaught (in promise) TypeError: Failed to fetch";
    let diagnosis = recognise(pasted);
    let found = diagnosis.recognised.expect("recognised");
    assert_eq!(found.browser, Browser::Chrome);
    assert_eq!(found.check, Some(CheckId::AllowOriginMissing));
    assert_eq!(found.stage, Stage::Response);
    assert_eq!(
        found.facts.url.as_deref(),
        Some("https://api.example.com/data")
    );
    assert_eq!(found.facts.origin.as_deref(), Some("http://localhost:3000"));
    assert_eq!(found.facts.method.as_deref(), Some("GET"));
    assert_eq!(found.facts.status, Some(200));
    assert_eq!(found.facts.api, Some(Api::Fetch));
    let ignored: Vec<_> = diagnosis
        .lines
        .iter()
        .filter(|l| matches!(l.reading, Reading::Ignored(_)))
        .map(|l| l.line)
        .collect();
    assert_eq!(ignored, vec![2], "only the button label is ignored");
}

#[test]
fn chrome_mismatch_quotes_the_received_value() {
    let pasted = "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'http://localhost:3000/' that is not equal to the supplied origin. Have the server send the header with a valid value.";
    let found = recognise(pasted).recognised.expect("recognised");
    assert_eq!(found.check, Some(CheckId::AllowOriginMismatch));
    assert_eq!(found.facts.value.as_deref(), Some("http://localhost:3000/"));
    let scenario = found.scenario.expect("scenario");
    let Answer::Http(response) = &scenario.server[0].response else {
        panic!("http answer")
    };
    assert!(response.headers.contains(&(
        "Access-Control-Allow-Origin".into(),
        "http://localhost:3000/".into()
    )));
}

#[test]
fn chrome_preflight_credentials_message_is_a_preflight_check_with_include() {
    let pasted = "Access to XMLHttpRequest at 'https://api.example.com/v1/items' from origin 'https://app.example.com' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'. The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute.";
    let found = recognise(pasted).recognised.expect("recognised");
    assert_eq!(found.check, Some(CheckId::PreflightAllowCredentials));
    assert_eq!(found.stage, Stage::Preflight);
    assert_eq!(found.facts.api, Some(Api::Xhr));
    let scenario = found.scenario.expect("scenario");
    assert_eq!(scenario.request.credentials, CredentialsMode::Include);
    assert_eq!(scenario.request.api, Api::Xhr);
    assert!(scenario.server[0].preflight.is_some());
}

#[test]
fn chrome_header_message_names_the_header() {
    let pasted = "Access to fetch at 'https://api.example.com/x' from origin 'http://localhost:5173' has been blocked by CORS policy: Request header field authorization is not allowed by Access-Control-Allow-Headers in preflight response.";
    let found = recognise(pasted).recognised.expect("recognised");
    assert_eq!(found.check, Some(CheckId::HeaderAllowed));
    assert!(found.alternatives.contains(&CheckId::AuthorizationAllowed));
    assert_eq!(found.facts.header.as_deref(), Some("authorization"));
    let scenario = found.scenario.expect("scenario");
    assert_eq!(scenario.request.headers[0].0, "authorization");
}

#[test]
fn chrome_redirected_message_keeps_both_urls() {
    let pasted = "Access to fetch at 'https://login.example.com/sso' (redirected from 'https://api.example.com/me') from origin 'https://app.example.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.";
    let found = recognise(pasted).recognised.expect("recognised");
    assert_eq!(
        found.facts.url.as_deref(),
        Some("https://login.example.com/sso")
    );
    assert_eq!(
        found.facts.initial_url.as_deref(),
        Some("https://api.example.com/me")
    );
    let scenario = found.scenario.expect("scenario");
    assert_eq!(scenario.request.url, "https://api.example.com/me");
    assert_eq!(scenario.server.len(), 2, "the redirect and its target");
}

#[test]
fn chrome_method_message_gives_the_method() {
    let pasted = "Access to fetch at 'http://127.0.0.1:8000/items/1' from origin 'http://localhost:3000' has been blocked by CORS policy: Method PATCH is not allowed by Access-Control-Allow-Methods in preflight response.";
    let found = recognise(pasted).recognised.expect("recognised");
    assert_eq!(found.check, Some(CheckId::MethodAllowed));
    assert_eq!(found.scenario.expect("scenario").request.method, "PATCH");
}

#[test]
fn chrome_summary_form_of_devtools_is_recognised() {
    let pasted = "Access blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status.";
    assert_eq!(check_of(pasted), Some(CheckId::PreflightOkStatus));
}

#[test]
fn firefox_missing_allow_origin_gives_the_status() {
    let pasted = "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/data. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 502. [Learn More]";
    let found = recognise(pasted).recognised.expect("recognised");
    assert_eq!(found.browser, Browser::Firefox);
    assert_eq!(found.check, Some(CheckId::AllowOriginMissing));
    assert_eq!(found.facts.status, Some(502));
    assert!(
        !found.assumptions.is_empty(),
        "the page origin had to be assumed"
    );
}

#[test]
fn firefox_null_line_after_a_message_means_the_preflight_failed() {
    let pasted = "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/data. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 405.\nCross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/data. (Reason: CORS request did not succeed). Status code: (null).";
    let found = recognise(pasted).recognised.expect("recognised");
    assert_eq!(found.check, Some(CheckId::PreflightAllowOriginMissing));
    assert_eq!(found.stage, Stage::Preflight);
}

#[test]
fn firefox_did_not_succeed_alone_is_a_network_failure() {
    let pasted = "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at http://localhost:8080/api. (Reason: CORS request did not succeed). Status code: (null).";
    let found = recognise(pasted).recognised.expect("recognised");
    assert_eq!(found.finding, Finding::NetworkFailure);
    assert_eq!(found.check, Some(CheckId::NetworkError));
}

#[test]
fn firefox_wildcard_message_with_quoted_url() {
    let pasted = "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ‘https://api.example.com/data’. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’).";
    let found = recognise(pasted).recognised.expect("recognised");
    assert_eq!(found.check, Some(CheckId::AllowOriginWildcard));
    assert_eq!(
        found.facts.url.as_deref(),
        Some("https://api.example.com/data")
    );
}

#[test]
fn safari_origin_line_takes_the_url_from_the_cannot_load_line() {
    let pasted = "[Error] Origin http://localhost:3000 is not allowed by Access-Control-Allow-Origin. Status code: 200\n[Error] Fetch API cannot load https://api.example.com/data due to access control checks.\n[Error] Failed to load resource: Origin http://localhost:3000 is not allowed by Access-Control-Allow-Origin. Status code: 200 (data, line 0)";
    let found = recognise(pasted).recognised.expect("recognised");
    assert_eq!(found.browser, Browser::Safari);
    assert_eq!(found.check, Some(CheckId::AllowOriginMissing));
    assert!(found.alternatives.contains(&CheckId::AllowOriginMismatch));
    assert_eq!(
        found.facts.url.as_deref(),
        Some("https://api.example.com/data")
    );
    assert_eq!(found.facts.origin.as_deref(), Some("http://localhost:3000"));
    assert_eq!(found.facts.api, Some(Api::Fetch));
}

#[test]
fn safari_preflight_status_is_checked_first() {
    let pasted = "Preflight response is not successful. Status code: 405\nXMLHttpRequest cannot load https://api.example.com/data due to access control checks.";
    let found = recognise(pasted).recognised.expect("recognised");
    assert_eq!(found.check, Some(CheckId::PreflightOkStatus));
    assert_eq!(found.facts.status, Some(405));
    assert_eq!(found.facts.api, Some(Api::Xhr));
}

#[test]
fn safari_header_keeps_the_case_the_page_used() {
    let found = recognise(
        "Request header field Content-Type is not allowed by Access-Control-Allow-Headers.",
    )
    .recognised
    .expect("recognised");
    assert_eq!(found.check, Some(CheckId::HeaderAllowed));
    let scenario = found.scenario.expect("scenario");
    assert_eq!(scenario.request.method, "POST");
    assert_eq!(
        scenario.request.headers,
        vec![("Content-Type".to_owned(), "application/json".to_owned())]
    );
}

#[test]
fn safari_redirect_denial_is_a_redirect_stage_failure() {
    let pasted = "Cross-origin redirection to https://sso.example.com/login denied by Cross-Origin Resource Sharing policy: Origin https://app.example.com is not allowed by Access-Control-Allow-Origin. Status code: 302\nFetch API cannot load https://api.example.com/me due to access control checks.";
    let found = recognise(pasted).recognised.expect("recognised");
    assert_eq!(found.stage, Stage::Redirect);
    assert_eq!(
        found.facts.location.as_deref(),
        Some("https://sso.example.com/login")
    );
    assert_eq!(
        found.facts.url.as_deref(),
        Some("https://api.example.com/me")
    );
}

#[test]
fn connection_refused_without_a_cors_line_is_not_cors() {
    let pasted = "POST http://localhost:8080/api/login net::ERR_CONNECTION_REFUSED\nTypeError: Failed to fetch";
    let found = recognise(pasted).recognised.expect("recognised");
    assert_eq!(found.finding, Finding::NetworkFailure);
    assert_eq!(found.check, Some(CheckId::NetworkError));
    assert!(found
        .explanation
        .expect("explained")
        .contains("never answered"));
}

#[test]
fn csp_violation_is_recognised_as_not_cors() {
    let pasted = "Fetch API cannot load https://api.example.com/x. Refused to connect because it violates the document's Content Security Policy.";
    let found = recognise(pasted).recognised.expect("recognised");
    assert_eq!(found.finding, Finding::NotCors);
    assert_eq!(found.check, None);
    assert!(found.scenario.is_none());
}

#[test]
fn unknown_text_is_not_recognised_and_gets_close_suggestions() {
    let diagnosis = recognise(
        "CORS problem: the Access-Control-Allow-Origin header is missing from the response",
    );
    assert!(diagnosis.recognised.is_none());
    assert!(!diagnosis.closest.is_empty());
    assert!(diagnosis.advice.is_some());
    assert!(diagnosis.lines.iter().all(|l| !l.is_understood()));
}

#[test]
fn only_net_err_failed_is_not_enough_to_name_a_check() {
    let diagnosis = recognise("GET https://api.example.com/data net::ERR_FAILED 200 (OK)");
    let found = diagnosis.recognised.expect("an incomplete paste");
    assert_eq!(found.finding, Finding::Incomplete);
    assert_eq!(found.check, None);
    assert!(found
        .explanation
        .is_some_and(|e| e.contains("paste that line too")));
    assert!(diagnosis.lines[0].is_understood());
}

#[test]
fn markup_in_pasted_text_is_kept_as_plain_text() {
    let pasted = "<img src=x onerror=alert(1)> Access to fetch at 'https://a.example/<b>' from origin 'https://b.example' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.";
    let found = recognise(pasted).recognised.expect("recognised");
    assert_eq!(found.facts.url.as_deref(), Some("https://a.example/<b>"));
}

#[test]
fn hostile_input_never_panics() {
    for text in [
        "",
        "\0\0\0",
        "Access to fetch at '",
        "{url}{origin}",
        &"'".repeat(50_000),
        "Status code: 99999999999",
    ] {
        let _ = recognise(text);
    }
}

#[test]
fn text_nothing_like_a_message_still_gets_advice() {
    let diagnosis = recognise("hello world");
    assert!(diagnosis.recognised.is_none());
    assert!(diagnosis
        .advice
        .is_some_and(|a| a.contains("Access to fetch at")));
}

#[test]
fn the_script_error_alone_asks_for_the_line_above_it() {
    for pasted in [
        "TypeError: Failed to fetch",
        "TypeError: Load failed",
        "TypeError: NetworkError when attempting to fetch resource.",
    ] {
        let found = recognise(pasted).recognised.expect("recognised");
        assert_eq!(found.finding, Finding::Incomplete, "{pasted}");
        assert!(found.reference.is_some(), "{pasted}");
    }
}

#[test]
fn chrome_preflight_assumptions_are_typed_and_editable() {
    use cors_diagnose::assumption::{AssumedField, Edit};
    use cors_diagnose::console::recognise_with;
    let pasted = "Access to fetch at 'https://api.example.com/items' from origin 'https://app.example.com' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status.";
    let found = recognise(pasted).recognised.expect("recognised");
    let method = found
        .assumptions
        .iter()
        .find(|a| a.field == AssumedField::Method)
        .expect("the method is assumed");
    assert_eq!(method.value, "POST");
    assert!(found
        .assumptions
        .iter()
        .all(|a| a.field != AssumedField::PageOrigin && a.field != AssumedField::Url));
    let edited = recognise_with(
        pasted,
        &[Edit {
            field: AssumedField::Method,
            value: "DELETE".into(),
        }],
    )
    .recognised
    .expect("recognised");
    assert!(edited
        .assumptions
        .iter()
        .all(|a| a.field != AssumedField::Method));
    assert_eq!(edited.scenario.expect("scenario").request.method, "DELETE");
}

#[test]
fn firefox_assumes_the_page_origin_and_takes_an_edit() {
    use cors_diagnose::assumption::{AssumedField, Edit};
    use cors_diagnose::console::recognise_with;
    let pasted = "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/data. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200.";
    let found = recognise(pasted).recognised.expect("recognised");
    assert!(found
        .assumptions
        .iter()
        .any(|a| a.field == AssumedField::PageOrigin));
    let edit = Edit {
        field: AssumedField::PageOrigin,
        value: "http://localhost:5173".into(),
    };
    let edited = recognise_with(pasted, &[edit])
        .recognised
        .expect("recognised");
    assert_eq!(
        edited.scenario.expect("scenario").page.as_deref(),
        Some("http://localhost:5173")
    );
}

#[test]
fn what_people_read_has_no_internal_names() {
    let pasted = "Access to fetch at 'https://api.example.com/items' from origin 'https://app.example.com' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.";
    let diagnosis = recognise(pasted);
    let found = diagnosis.recognised.clone().expect("recognised");
    assert_eq!(
        found.title,
        "The preflight response has no Access-Control-Allow-Origin header"
    );
    let mut visible: Vec<String> = diagnosis
        .lines
        .iter()
        .map(|l| match &l.reading {
            Reading::Understood(n) | Reading::Ignored(n) => n.clone(),
        })
        .collect();
    visible.push(found.title.to_owned());
    visible.extend(found.facts.describe());
    visible.extend(found.assumptions.iter().map(|a| a.sentence()));
    for text in visible {
        assert!(!text.contains("kPreflight"), "{text}");
        assert!(!text.contains("preflight-allow-origin-missing"), "{text}");
    }
}

#[test]
fn pastes_wrapped_or_decorated_by_the_console_are_recognised() {
    let cases: &[(&str, CheckId)] = &[
        (
            "12:03:45.123 Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/data. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing).\nStatus code: 502.",
            CheckId::AllowOriginMissing,
        ),
        (
            "[12:03:45] Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.\nIf an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.\nUnderstand this error\nmain.js:14 \n GET https://api.example.com/data net::ERR_FAILED 200 (OK)",
            CheckId::AllowOriginMissing,
        ),
        (
            "2026-12-07T04:00:00.000Z [Error] Preflight response is not successful. Status code: 405\n[Error] Fetch API cannot load https://api.example.com/data due to access control checks.\n[Error] Failed to load resource: Preflight response is not successful. Status code: 405 (data, line 0)",
            CheckId::PreflightOkStatus,
        ),
        (
            "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource. Understand this error",
            CheckId::AllowOriginMissing,
        ),
    ];
    for (pasted, expected) in cases {
        let found = recognise(pasted).recognised.expect(pasted);
        assert_eq!(found.check, Some(*expected), "{pasted}");
    }
}

#[test]
fn a_status_on_its_own_line_fills_firefoxs_status() {
    let pasted = "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/data. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing).\nStatus code: 502.";
    let diagnosis = recognise(pasted);
    let found = diagnosis.recognised.expect("recognised");
    assert_eq!(found.facts.status, Some(502));
    assert!(
        diagnosis.lines.iter().all(|l| l.is_understood()),
        "{:?}",
        diagnosis.lines
    );
}

#[test]
fn an_http_status_line_alone_is_not_read_as_a_cors_failure() {
    let found =
        recognise("Failed to load resource: the server responded with a status of 404 (Not Found)")
            .recognised
            .expect("recognised");
    assert_eq!(found.finding, Finding::NotCors);
    assert_eq!(found.check, None);
    assert_eq!(found.facts.status, Some(404));
    assert!(found.explanation.expect("said").contains("answered 404"));
}

#[test]
fn a_local_url_without_its_page_is_assumed_called_from_a_local_page() {
    let found = recognise(
        "Fetch API cannot load http://127.0.0.1:8080/r. Request mode is \"no-cors\" but the redirect mode is not \"follow\".",
    )
    .recognised
    .expect("recognised");
    assert_eq!(found.check, Some(CheckId::NoCorsRedirectMode));
    let scenario = found.scenario.expect("reproduced");
    assert_eq!(scenario.page.as_deref(), Some("http://localhost:5173"));
    let verdict = cors_rules::evaluate(&scenario).expect("evaluates");
    assert_eq!(
        verdict.failure.map(|f| f.check),
        Some(CheckId::NoCorsRedirectMode),
        "not Local Network Access"
    );
}

#[test]
fn a_page_url_quoted_by_the_message_gives_the_page_s_origin() {
    let found = recognise(
        "Unsafe attempt to load URL https://api.example.com/next from frame with URL https://app.example.com/account. Domains, protocols and ports must match.",
    )
    .recognised
    .expect("recognised");
    assert_eq!(found.check, Some(CheckId::SameOriginMode));
    assert_eq!(
        found.facts.origin.as_deref(),
        Some("https://app.example.com")
    );
    assert!(found
        .assumptions
        .iter()
        .all(|a| a.value != "https://app.example"));
}

#[test]
fn a_bare_safari_line_is_same_origin_mode_only_when_nothing_follows_the_url() {
    assert_eq!(
        check_of("Fetch API cannot load https://api.example.com/r."),
        Some(CheckId::SameOriginMode)
    );
    assert_eq!(
        check_of("Fetch API cannot load https://api.example.com/r. Something else happened."),
        None
    );
}

/// Every known message, with its quotes turned the other way (straight to curly, curly to straight) and its
/// spaces doubled, as chat apps, forums and terminals hand them on, reads as the message itself.
#[test]
fn every_message_reads_the_same_with_its_quotes_turned_and_its_spaces_doubled() {
    use cors_diagnose::console::{catalog, examples::example_text};
    let turn = |text: &str| -> String {
        text.chars()
            .map(|c| match c {
                '\'' => '\u{2019}'.to_string(),
                '\u{2018}' | '\u{2019}' => "'".to_owned(),
                '"' => '\u{201C}'.to_string(),
                ' ' => "  ".to_owned(),
                c => c.to_string(),
            })
            .collect()
    };
    let mut wrong = Vec::new();
    for message in catalog::all() {
        let text = example_text(message);
        let plain = recognise(&text).recognised.map(|r| (r.code, r.check));
        let turned = recognise(&turn(&text))
            .recognised
            .map(|r| (r.code, r.check));
        if plain != turned {
            wrong.push(format!("{}: {plain:?} became {turned:?}", message.code));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Every known message cut into two or three lines, at spaces (a chat app, an editor) or anywhere (a
/// terminal's fixed width), reads as the message itself.
#[test]
fn every_message_reads_the_same_when_cut_across_lines() {
    use cors_diagnose::console::{catalog, examples::example_text};
    let mut wrong = Vec::new();
    for message in catalog::all() {
        let text = example_text(message);
        let plain = recognise(&text).recognised.map(|r| (r.code, r.check));
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let at = |share: usize| chars[chars.len() * share / 7].0;
        let spaces: Vec<usize> = text.match_indices(' ').map(|(i, _)| i).collect();
        let mut cuts: Vec<Vec<usize>> = vec![vec![at(3)], vec![at(2), at(5)]];
        if spaces.len() >= 4 {
            cuts.push(vec![spaces[spaces.len() / 2]]);
            cuts.push(vec![spaces[spaces.len() / 3], spaces[2 * spaces.len() / 3]]);
        }
        for cut in cuts {
            let mut pieces = Vec::new();
            let mut from = 0;
            for to in cut.iter().copied().chain([text.len()]) {
                pieces.push(text[from..to].trim());
                from = to;
            }
            let wrapped = pieces.join("\n");
            let found = recognise(&wrapped).recognised;
            let read = found.as_ref().map(|r| (r.code.clone(), r.check));
            let url = found.as_ref().and_then(|r| r.facts.url.clone());
            let plain_url = recognise(&text).recognised.and_then(|r| r.facts.url);
            if url != plain_url {
                wrong.push(format!(
                    "{}: the URL {plain_url:?} became {url:?} for\n{wrapped}",
                    message.code
                ));
            }
            if read != plain {
                wrong.push(format!(
                    "{}: {plain:?} became {read:?} for\n{wrapped}",
                    message.code
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// DevTools' Network panel names a failure in its tooltip by Chromium's `CorsError` value: each value
/// reads as the console message of that name.
#[test]
fn every_network_panel_tooltip_reads_as_the_message_it_names() {
    use cors_diagnose::console::catalog::{self, Layout};
    let mut wrong = Vec::new();
    for message in catalog::all().filter(|m| m.layout == Layout::ChromeTail) {
        let Some(name) = message.code.strip_prefix('k') else {
            continue;
        };
        let tooltip = format!("Cross-Origin Resource Sharing error: {name}");
        let found = recognise(&tooltip).recognised.map(|r| r.code);
        if found.as_deref() != Some(message.code) {
            wrong.push(format!("{tooltip}: read as {found:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn an_issues_panel_title_reads_as_chrome_s_and_lists_the_checks_it_groups() {
    let found = recognise(
        "Ensure CORS response header values are valid\nA cross-origin resource sharing (CORS) request was blocked because of invalid or missing response headers of the request or the associated preflight request.",
    )
    .recognised
    .expect("recognised");
    assert_eq!(found.browser, Browser::Chrome);
    assert_eq!(found.check, Some(CheckId::AllowOriginMissing));
    assert!(found
        .alternatives
        .contains(&CheckId::PreflightAllowOriginMultiple));
    let straight =
        recognise("Ensure CORS requests aren't redirected to URLs containing credentials")
            .recognised
            .and_then(|r| r.check);
    assert_eq!(straight, Some(CheckId::RedirectCredentials));
}

/// Firefox's Network Monitor shows a label in a blocked request's "Transferred" column: each reads as the
/// console message it stands for.
#[test]
fn every_firefox_network_monitor_label_reads_as_its_message() {
    use cors_diagnose::console::catalog::NETMONITOR_LABELS;
    let mut wrong = Vec::new();
    for (label, code) in NETMONITOR_LABELS {
        let found = recognise(label).recognised;
        let read = found.as_ref().map(|r| (r.browser, r.code.as_str()));
        if read != Some((Browser::Firefox, code)) {
            wrong.push(format!("{label}: read as {read:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(
        check_of("GET https://api.example.com/x\nCORS Missing Allow Origin"),
        Some(CheckId::AllowOriginMissing)
    );
}
