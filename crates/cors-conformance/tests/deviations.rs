//! Known deviations: an entry must still be needed and must name a generated case.

use cors_conformance::browsers::BrowserKind;
use cors_conformance::compare::{Agreement, Observable};
use cors_conformance::deviations::{check, KnownDeviation};
use cors_conformance::generator::generate_at;
use cors_conformance::report::BrowserSummary;
use cors_conformance::run::{BrowserRun, CaseResult};
use serde_json::json;

fn result(index: usize, console: Agreement) -> CaseResult {
    let case = generate_at(1, index);
    CaseResult {
        id: case.id,
        groups: case.groups,
        scenario: case.scenario,
        lab_scenario: None,
        verdict: None,
        observation: None,
        findings: vec![
            (Observable::Outcome, Agreement::Agree),
            (Observable::Console, console),
        ],
        not_run: None,
        lab_id: None,
    }
}

fn disagree() -> Agreement {
    Agreement::Disagree {
        predicted: json!(["a"]),
        observed: json!(["b"]),
    }
}

fn entry(index: usize) -> KnownDeviation {
    KnownDeviation {
        browser: BrowserKind::Firefox,
        seed: 1,
        case: generate_at(1, index).id,
        observable: Observable::Console,
        reason: "not observable".into(),
    }
}

fn run(cases: Vec<CaseResult>) -> BrowserRun {
    BrowserRun {
        browser: BrowserKind::Firefox,
        version: "153".into(),
        console_captured: true,
        credentials: Default::default(),
        cases,
        stray_console: Vec::new(),
    }
}

#[test]
fn a_listed_disagreement_is_explained_and_the_run_passes() {
    let results = vec![result(3, disagree())];
    let outcome = check(&[entry(3)], BrowserKind::Firefox, 1, &results);
    assert!(outcome.is_clean());
    assert!(outcome.explains(&results[0].id, Observable::Console));
    assert!(BrowserSummary::from_run(&run(results), outcome).passes());
}

#[test]
fn an_unlisted_disagreement_fails_the_run() {
    let results = vec![result(3, disagree())];
    let outcome = check(&[], BrowserKind::Firefox, 1, &results);
    assert!(!BrowserSummary::from_run(&run(results), outcome).passes());
}

#[test]
fn an_entry_whose_case_now_agrees_is_an_unexpected_pass_that_fails_the_run() {
    let results = vec![result(3, Agreement::Agree)];
    let outcome = check(&[entry(3)], BrowserKind::Firefox, 1, &results);
    assert_eq!(outcome.unexpected_passes, [entry(3)]);
    assert!(!BrowserSummary::from_run(&run(results), outcome).passes());
}

#[test]
fn an_entry_naming_no_generated_case_is_stale_and_fails_the_run() {
    let mut stale = entry(3);
    stale.case = "simple-9999999".into();
    let outcome = check(
        &[stale.clone()],
        BrowserKind::Firefox,
        1,
        &[result(3, Agreement::Agree)],
    );
    assert_eq!(outcome.stale, [stale]);
    assert!(!outcome.is_clean());
}

#[test]
fn an_entry_for_a_case_outside_the_run_is_neither_needed_nor_stale() {
    let outcome = check(
        &[entry(40)],
        BrowserKind::Firefox,
        1,
        &[result(3, Agreement::Agree)],
    );
    assert!(outcome.is_clean());
    assert!(outcome.explained.is_empty());
}

#[test]
fn entries_for_another_browser_are_ignored() {
    let mut other = entry(3);
    other.browser = BrowserKind::Webkit;
    let outcome = check(
        &[other],
        BrowserKind::Firefox,
        1,
        &[result(3, Agreement::Agree)],
    );
    assert!(outcome.is_clean());
}
