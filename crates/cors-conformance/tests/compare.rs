//! The comparison: agreement is recognised, and any fabricated disagreement is reported.

use cors_conformance::compare::{compare, Agreement, CompareInput, ConsoleScope, Observable};
use cors_conformance::observation::{Observation, Received, ReportKind, ScriptReport};
use cors_rules::{Scenario, Verdict};

const PAGE: &str = "http://127.0.0.1:8080";
const URL: &str = "http://127.0.0.1:8081/s/k1/items";

fn scenario(headers: serde_json::Value) -> Scenario {
    Scenario::from_value(serde_json::json!({
        "page": PAGE,
        "request": {"url": URL, "method": "PUT", "headers": headers},
        "server": [{"url": URL,
            "preflight": {"status": 204, "headers": [["Access-Control-Allow-Origin", PAGE], ["Access-Control-Allow-Methods", "PUT"], ["Access-Control-Allow-Headers", "x-a"]]},
            "response": {"status": 200, "headers": [["Access-Control-Allow-Origin", PAGE], ["X-B", "2"]]}}]
    }))
    .unwrap()
}

/// What a browser that behaves exactly as predicted would report.
fn faithful_observation(verdict: &Verdict) -> Observation {
    let readable = verdict.readable.as_ref();
    let script = ScriptReport {
        id: "case".into(),
        kind: ReportKind::Response,
        response_type: Some("cors".into()),
        status: readable.map(|r| r.status),
        headers: readable.map(|r| r.headers.clone()),
        error: None,
    };
    let received = verdict
        .requests
        .iter()
        .map(|request| {
            let mut headers = request.headers.clone();
            headers.push(("User-Agent".into(), "test".into()));
            Received {
                method: request.method.clone(),
                url: request.url.clone(),
                cookies: request.credentials,
                headers,
            }
        })
        .collect();
    Observation {
        script,
        received,
        console: Some(verdict.console.clone()),
    }
}

fn findings(
    scenario: &Scenario,
    verdict: &Verdict,
    observation: &Observation,
) -> Vec<(Observable, Agreement)> {
    let visible = |_: &str| true;
    compare(&CompareInput {
        scenario,
        verdict,
        observation,
        credentials_visible: &visible,
        console_scope: ConsoleScope::Everything,
    })
}

fn disagreeing(found: &[(Observable, Agreement)]) -> Vec<Observable> {
    found
        .iter()
        .filter(|(_, a)| matches!(a, Agreement::Disagree { .. }))
        .map(|(o, _)| *o)
        .collect()
}

#[test]
fn a_browser_that_does_what_was_predicted_agrees_on_every_observable() {
    let scenario = scenario(serde_json::json!([["X-A", "1"]]));
    let verdict = cors_rules::evaluate(&scenario).unwrap();
    let observation = faithful_observation(&verdict);
    assert_eq!(
        disagreeing(&findings(&scenario, &verdict, &observation)),
        []
    );
}

#[test]
fn a_fabricated_blocked_outcome_is_reported_with_both_values() {
    let scenario = scenario(serde_json::json!([["X-A", "1"]]));
    let verdict = cors_rules::evaluate(&scenario).unwrap();
    let mut observation = faithful_observation(&verdict);
    observation.script.kind = ReportKind::Rejected;
    observation.script.error = Some("TypeError: Failed to fetch".into());
    let found = findings(&scenario, &verdict, &observation);
    let outcome = found
        .iter()
        .find(|(o, _)| *o == Observable::Outcome)
        .map(|(_, a)| a.clone());
    assert_eq!(
        outcome,
        Some(Agreement::Disagree {
            predicted: serde_json::json!("allowed"),
            observed: serde_json::json!("blocked")
        })
    );
    assert!(disagreeing(&found).contains(&Observable::JsError));
}

#[test]
fn a_script_header_that_reached_the_server_against_the_prediction_is_reported() {
    let scenario = scenario(serde_json::json!([["X-A", "1"]]));
    let verdict = cors_rules::evaluate(&scenario).unwrap();
    let mut observation = faithful_observation(&verdict);
    let last = observation.received.last_mut().unwrap();
    last.headers
        .retain(|(name, _)| !name.eq_ignore_ascii_case("x-a"));
    assert_eq!(
        disagreeing(&findings(&scenario, &verdict, &observation)),
        [Observable::WireRequests]
    );
}

#[test]
fn a_missing_preflight_is_reported() {
    let scenario = scenario(serde_json::json!([["X-A", "1"]]));
    let verdict = cors_rules::evaluate(&scenario).unwrap();
    let mut observation = faithful_observation(&verdict);
    observation
        .received
        .retain(|received| received.method != "OPTIONS");
    let found = disagreeing(&findings(&scenario, &verdict, &observation));
    assert!(
        found.contains(&Observable::PreflightSent) && found.contains(&Observable::WireRequests)
    );
}

#[test]
fn a_browser_default_for_a_managed_header_is_not_mistaken_for_the_scripts_value() {
    let scenario = scenario(serde_json::json!([
        ["Accept-Encoding", "conformance"],
        ["X-A", "1"]
    ]));
    let verdict = cors_rules::evaluate(&scenario).unwrap();
    let mut observation = faithful_observation(&verdict);
    observation
        .received
        .last_mut()
        .unwrap()
        .headers
        .push(("Accept-Encoding".into(), "gzip, deflate".into()));
    assert_eq!(
        disagreeing(&findings(&scenario, &verdict, &observation)),
        []
    );
    observation
        .received
        .last_mut()
        .unwrap()
        .headers
        .push(("Accept-Encoding".into(), "conformance".into()));
    observation
        .received
        .last_mut()
        .unwrap()
        .headers
        .retain(|(_, value)| value != "gzip, deflate");
    assert_eq!(
        disagreeing(&findings(&scenario, &verdict, &observation)),
        [Observable::WireRequests]
    );
}

#[test]
fn an_extra_readable_header_is_reported_but_lab_transport_headers_are_not() {
    let scenario = scenario(serde_json::json!([["X-A", "1"]]));
    let verdict = cors_rules::evaluate(&scenario).unwrap();
    let mut observation = faithful_observation(&verdict);
    let headers = observation.script.headers.get_or_insert_with(Vec::new);
    headers.push("date".into());
    assert_eq!(
        disagreeing(&findings(&scenario, &verdict, &observation)),
        []
    );
    observation
        .script
        .headers
        .get_or_insert_with(Vec::new)
        .push("x-b".into());
    assert_eq!(
        disagreeing(&findings(&scenario, &verdict, &observation)),
        [Observable::ReadableHeaders]
    );
}

#[test]
fn a_different_console_line_is_reported_and_an_uncaptured_console_is_not_compared() {
    let scenario = scenario(serde_json::json!([["X-A", "1"]]));
    let verdict = cors_rules::evaluate(&scenario).unwrap();
    let mut observation = faithful_observation(&verdict);
    observation.console = Some(vec!["something else".into()]);
    assert_eq!(
        disagreeing(&findings(&scenario, &verdict, &observation)),
        [Observable::Console]
    );
    observation.console = None;
    let found = findings(&scenario, &verdict, &observation);
    assert!(found.contains(&(Observable::Console, Agreement::NotObserved)));
}

#[test]
fn a_predicted_warning_is_left_out_where_the_capture_delivers_errors_only() {
    assert!(!ConsoleScope::ErrorsOnly
        .observes("Cross-Origin Request Warning: The Same Origin Policy will disallow …"));
    assert!(ConsoleScope::ErrorsOnly
        .observes("Cross-Origin Request Blocked: The Same Origin Policy disallows …"));
    assert!(ConsoleScope::Everything.observes("Cross-Origin Request Warning: …"));
}
