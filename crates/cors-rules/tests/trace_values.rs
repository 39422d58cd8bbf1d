//! What the trace records for the renderers beyond the check itself: where a failed redirect leads, a
//! status for every response, the page's full URL, and each step's pass/fail/info outcome.

mod common;
use common::*;
use cors_rules::verdict::Step;
use cors_rules::{CheckId, Key, Stage, StepOutcome};

const NEXT: &str = "https://b.example/next";

#[test]
fn a_redirect_that_fails_the_cors_check_records_where_it_leads() {
    let sc = Sc::cross()
        .redirect(API, 302, "/next?x=1#top", &[])
        .respond("https://api.example/next?x=1", 200, &[ACAO_ANY]);
    let failed = step(&sc, CheckId::AllowOriginMissing).expect("the redirect's CORS check");
    assert_eq!(failed.stage, Stage::Redirect);
    assert_eq!(failed.value(Key::Url), Some(API));
    assert_eq!(
        failed.value(Key::Location),
        Some("https://api.example/next?x=1")
    );
}

#[test]
fn safari_names_the_redirect_target_in_its_console_line() {
    let verdict = Sc::cross()
        .browser("safari")
        .redirect(API, 302, NEXT, &[])
        .respond(NEXT, 200, &[ACAO_ANY])
        .eval();
    assert_eq!(
        verdict.console[0],
        format!(
            "Cross-origin redirection to {NEXT} denied by Cross-Origin Resource Sharing policy: Origin {PAGE} is \
             not allowed by Access-Control-Allow-Origin. Status code: 302"
        )
    );
}

#[test]
fn a_response_that_passes_records_no_location_unless_it_redirects() {
    let sc = Sc::cross().respond(API, 200, &[ACAO]);
    let passed = step(&sc, CheckId::AllowOriginMismatch).expect("the CORS check");
    assert_eq!(passed.value(Key::Location), None);
}

#[test]
fn every_response_on_the_wire_has_a_status_in_the_network_rows() {
    let cases = [
        (
            "same-origin",
            Sc::new(PAGE, "https://app.example/x").respond("https://app.example/x", 200, &[]),
        ),
        (
            "no-cors",
            Sc::cross().mode("no-cors").respond(API, 201, &[]),
        ),
        ("cors", Sc::cross().respond(API, 204, &[ACAO])),
        (
            "same-origin redirect",
            Sc::new(PAGE, "https://app.example/x")
                .redirect("https://app.example/x", 301, "/y", &[])
                .respond("https://app.example/y", 200, &[]),
        ),
        (
            "no-cors redirect",
            Sc::cross()
                .mode("no-cors")
                .redirect(API, 307, NEXT, &[])
                .respond(NEXT, 200, &[]),
        ),
        (
            "manual redirect",
            Sc::cross()
                .redirect_mode("manual")
                .redirect(API, 302, NEXT, &[ACAO]),
        ),
    ];
    for browser in BROWSERS {
        for (name, sc) in &cases {
            let verdict = sc.clone().browser(browser).eval();
            assert!(!verdict.network.is_empty(), "{browser} {name}");
            for row in &verdict.network {
                assert!(!row.status.is_empty(), "{browser} {name}: {row:?}");
            }
        }
    }
}

#[test]
fn the_response_the_script_receives_records_its_url_and_status() {
    let sc = Sc::cross().mode("no-cors").respond(API, 201, &[]);
    let tainting = step(&sc, CheckId::ResponseTainting).expect("response tainting");
    assert_eq!(tainting.value(Key::Value), Some("opaque"));
    assert_eq!(tainting.value(Key::Url), Some(API));
    assert_eq!(tainting.value(Key::Status), Some("201"));
}

#[test]
fn a_followed_redirect_is_a_passed_redirect_mode_step_with_its_status() {
    let sc = Sc::new(PAGE, "https://app.example/x")
        .redirect("https://app.example/x", 303, "/y", &[])
        .respond("https://app.example/y", 200, &[]);
    let hop = step(&sc, CheckId::RedirectMode).expect("the redirect");
    assert_eq!(hop.outcome, StepOutcome::Pass);
    assert_eq!(hop.value(Key::Status), Some("303"));
    assert_eq!(hop.value(Key::Value), Some("follow"));
}

#[test]
fn chrome_prints_the_full_page_url_in_the_mixed_content_line() {
    let verdict = Sc::new(
        "https://app.example/shop/cart?step=2",
        "http://api.example/data",
    )
    .browser("chrome")
    .eval();
    assert_eq!(
        verdict.console,
        vec![
            "Mixed Content: The page at 'https://app.example/shop/cart?step=2' was loaded over HTTPS, but \
             requested an insecure resource 'http://api.example/data'. This request has been blocked; the \
             content must be served over HTTPS."
        ]
    );
}

#[test]
fn a_page_given_as_an_origin_prints_its_root_url() {
    let verdict = Sc::new(PAGE, "http://api.example/data")
        .browser("chrome")
        .eval();
    assert!(
        verdict.console[0].starts_with("Mixed Content: The page at 'https://app.example/' was"),
        "{}",
        verdict.console[0]
    );
}

#[test]
fn chrome_prints_the_full_page_url_when_a_same_origin_request_is_redirected_away() {
    let verdict = Sc::new("https://app.example/a/b.html", "https://app.example/x")
        .browser("chrome")
        .mode("same-origin")
        .redirect("https://app.example/x", 302, NEXT, &[])
        .eval();
    assert!(
        verdict.console[0].starts_with(&format!(
            "Unsafe attempt to load URL {NEXT} from frame with URL https://app.example/a/b.html."
        )),
        "{}",
        verdict.console[0]
    );
}

#[test]
fn steps_say_whether_they_passed_failed_or_only_inform() {
    let verdict = Sc::cross()
        .method("PUT")
        .preflight(API, 204, &[ACAO])
        .respond(API, 200, &[ACAO])
        .eval();
    let outcome = |check: CheckId| {
        verdict
            .steps
            .iter()
            .find(|s| s.check == check)
            .map(|s| (s.outcome, s.passed))
    };
    assert_eq!(
        outcome(CheckId::SameOrigin),
        Some((StepOutcome::Info, true))
    );
    assert_eq!(
        outcome(CheckId::PreflightNeeded),
        Some((StepOutcome::Info, true))
    );
    assert_eq!(
        outcome(CheckId::MethodAllowed),
        Some((StepOutcome::Fail, false))
    );
    let blocked = Sc::cross().respond(API, 200, &[ACAO]).eval();
    let check = blocked
        .steps
        .iter()
        .find(|s| s.check == CheckId::AllowOriginMismatch);
    assert_eq!(check.map(|s| s.outcome), Some(StepOutcome::Pass));
}

#[test]
fn a_step_saved_without_an_outcome_reads_it_from_passed() {
    let json = |passed: bool| {
        format!(
            r#"{{"check": "method-allowed", "stage": "preflight", "passed": {passed}, "summary": "s",
                "detail": "d", "spec": "https://fetch.spec.whatwg.org/"}}"#
        )
    };
    let failed: Step = serde_json::from_str(&json(false)).unwrap();
    let passed: Step = serde_json::from_str(&json(true)).unwrap();
    assert_eq!(failed.outcome, StepOutcome::Fail);
    assert_eq!(passed.outcome, StepOutcome::Pass);
    let round_trip: Step = serde_json::from_value(serde_json::to_value(&failed).unwrap()).unwrap();
    assert_eq!(round_trip, failed);
}
