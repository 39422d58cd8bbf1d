use cors_rules::trace::{Stage, StepOutcome};
use cors_rules::verdict::{Failure, ResponseType};

use super::*;

fn step(check: CheckId, passed: bool, values: &[(Key, &str)]) -> Step {
    Step {
        check,
        stage: Stage::Request,
        passed,
        outcome: if passed {
            StepOutcome::Pass
        } else {
            StepOutcome::Fail
        },
        summary: format!("summary of {check}"),
        detail: String::new(),
        spec: String::new(),
        values: values.iter().map(|(k, v)| (*k, (*v).to_owned())).collect(),
    }
}

/// A step the engine records as a fact (`StepOutcome::Info`).
fn fact(check: CheckId) -> Step {
    Step {
        outcome: StepOutcome::Info,
        ..step(check, true, &[])
    }
}

fn verdict(outcome: Outcome, failure: Option<CheckId>, steps: Vec<Step>) -> Verdict {
    Verdict {
        outcome,
        response_type: ResponseType::Error,
        cross_origin: true,
        preflight_sent: false,
        requests: Vec::new(),
        failure: failure.map(|check| Failure {
            stage: Stage::Response,
            check,
            url: String::new(),
        }),
        readable: None,
        js_error: None,
        console: Vec::new(),
        steps,
        fixes: Vec::new(),
        notes: Vec::new(),
        network: Vec::new(),
        request_headers: Vec::new(),
        preflight_need: None,
    }
}

#[test]
fn only_the_last_failed_step_of_the_failing_check_is_marked_failed() {
    let v = verdict(
        Outcome::Blocked,
        Some(CheckId::AllowOriginMismatch),
        vec![
            fact(CheckId::SameOrigin),
            step(CheckId::PreflightOkStatus, true, &[]),
            step(CheckId::SafelistedHeader, false, &[]),
            step(CheckId::AllowOriginMismatch, false, &[]),
        ],
    );
    assert_eq!(
        mark(&v, 0),
        Mark::Info,
        "a fact is neither passed nor failed"
    );
    assert_eq!(mark(&v, 1), Mark::Passed);
    assert_eq!(
        mark(&v, 2),
        Mark::Info,
        "a failed check that did not decide is a note"
    );
    assert_eq!(mark(&v, 3), Mark::Failed);
    assert_eq!(mark(&v, 9), Mark::Info);
}

#[test]
fn the_headline_of_a_blocked_verdict_quotes_the_failing_step() {
    let v = verdict(
        Outcome::Blocked,
        Some(CheckId::AllowOriginWildcard),
        vec![step(CheckId::AllowOriginWildcard, false, &[])],
    );
    let (tone, title, detail) = headline(&v);
    assert_eq!(tone, Tone::Blocked);
    assert_eq!(title, "Blocked by CORS");
    assert_eq!(detail, "summary of allow-origin-wildcard");
}

#[test]
fn headers_are_read_from_the_engines_typed_facts() {
    let v = cors_rules::evaluate_json(
        r#"{"page": "https://app.example", "request": {"url": "https://api.example/x",
            "headers": [["Accept", "*/*"], ["Content-Type", "application/json"], ["Cookie", "a=1"]]},
            "server": [{"url": "https://api.example/x"}]}"#,
    )
    .unwrap();
    assert_eq!(
        header_treatment(&v, "accept", "*/*"),
        Some(HeaderTreatment::Safelisted)
    );
    assert!(matches!(
        header_treatment(&v, "Content-Type", "application/json"),
        Some(HeaderTreatment::NeedsPreflight(_))
    ));
    assert!(matches!(
        header_treatment(&v, "Cookie", "a=1"),
        Some(HeaderTreatment::Forbidden(_))
    ));
    assert_eq!(header_treatment(&v, "X-Other", "1"), None);
    assert!(header_summary(&v, "cookie").contains("Cookie"));
}
