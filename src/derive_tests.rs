use cors_rules::trace::{Stage, StepOutcome};
use cors_rules::verdict::{Failure, ResponseType};

use super::*;

fn step(check: CheckId, passed: bool, values: &[(&str, &str)]) -> Step {
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
        values: values
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
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
    }
}

#[test]
fn value_names_match_keys_whatever_their_spelling() {
    assert!(is_key("page-origin", Key::PageOrigin));
    assert!(is_key("PageOrigin", Key::PageOrigin));
    assert!(is_key("page_origin", Key::PageOrigin));
    assert!(!is_key("url-origin", Key::PageOrigin));
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
fn headers_are_classified_from_their_own_trace_step() {
    let v = verdict(
        Outcome::Allowed,
        None,
        vec![
            step(
                CheckId::SafelistedHeader,
                true,
                &[("header", "Accept"), ("value", "*/*")],
            ),
            step(
                CheckId::SafelistedHeader,
                false,
                &[
                    ("header", "Content-Type"),
                    ("value", "application/json"),
                    ("reason", "mime-type"),
                ],
            ),
            step(
                CheckId::ForbiddenHeader,
                false,
                &[
                    ("header", "Cookie"),
                    ("value", "a=1"),
                    ("reason", "forbidden-name"),
                ],
            ),
        ],
    );
    assert_eq!(
        header_class(&v, "accept", "*/*").map(|c| c.0),
        Some(HeaderClass::Safelisted)
    );
    assert_eq!(
        header_class(&v, "Content-Type", "application/json").map(|c| c.0),
        Some(HeaderClass::NeedsPreflight("mime-type".to_owned()))
    );
    assert_eq!(
        header_class(&v, "Cookie", "a=1").map(|c| c.0),
        Some(HeaderClass::Forbidden("forbidden-name".to_owned()))
    );
    assert_eq!(header_class(&v, "X-Other", "1"), None);
}

#[test]
fn no_reason_means_no_preflight() {
    let v = verdict(
        Outcome::Allowed,
        None,
        vec![step(
            CheckId::PreflightNeeded,
            true,
            &[("method", "GET"), ("names", ""), ("reason", "")],
        )],
    );
    assert!(!preflight_why(&v).unwrap_or_default().needed);
}

#[test]
fn preflight_why_lists_the_unsafe_names_and_reasons() {
    let v = verdict(
        Outcome::Allowed,
        None,
        vec![step(
            CheckId::PreflightNeeded,
            false,
            &[
                ("method", "PUT"),
                ("names", "content-type,x-id"),
                ("reason", "method,headers"),
            ],
        )],
    );
    let why = preflight_why(&v).unwrap_or_default();
    assert!(why.needed);
    assert_eq!(why.names, vec!["content-type", "x-id"]);
    assert_eq!(why.reasons, vec!["method", "headers"]);
}
