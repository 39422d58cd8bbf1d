//! The report: a browser that could not run fails it, and the Markdown states versions and figures.

use std::collections::BTreeMap;

use cors_conformance::browsers::BrowserKind;
use cors_conformance::compare::Observable;
use cors_conformance::readings::Reading;
use cors_conformance::report::{BrowserSummary, Report, Tally};
use cors_conformance::report_md::render;

fn summary() -> BrowserSummary {
    BrowserSummary {
        browser: BrowserKind::Chromium,
        version: "156.0.8078.79".into(),
        profile: "chrome".into(),
        scenarios: 2,
        ran: 2,
        not_run: Vec::new(),
        agreement: BTreeMap::from([(
            Observable::Outcome,
            Tally {
                compared: 2,
                agreed: 2,
                not_observed: 0,
            },
        )]),
        groups: BTreeMap::new(),
        console_captured: true,
        credentials_observable: Vec::new(),
        disagreements: Vec::new(),
        deviations: Default::default(),
        stray_console: Vec::new(),
        seconds: 0,
        readings: BTreeMap::from([(Reading::Named, 5), (Reading::Listed, 2)]),
    }
}

fn report() -> Report {
    Report {
        seed: 1,
        generated: 2,
        browsers: vec![summary()],
        diagnosed: Vec::new(),
        failed_browsers: Vec::new(),
    }
}

#[test]
fn a_run_where_everything_agrees_passes() {
    assert!(report().passes());
}

#[test]
fn a_browser_that_could_not_run_fails_the_report() {
    let mut report = report();
    report
        .failed_browsers
        .push((BrowserKind::Firefox, "geckodriver: not found".into()));
    assert!(!report.passes());
    assert!(render(&report).contains("did not run: geckodriver: not found"));
}

#[test]
fn the_markdown_counts_the_paste_door_s_readings_without_failing_the_run() {
    let mut report = report();
    report.browsers[0].readings.insert(Reading::Misread, 1);
    let markdown = render(&report);
    assert!(markdown.contains("| named | 5 |"), "{markdown}");
    assert!(markdown.contains("| misread | 1 |"));
    assert!(markdown.contains("| unread | 0 |"));
    assert!(report.passes());
}

#[test]
fn the_markdown_states_the_browser_version_and_the_agreement_figures() {
    let markdown = render(&report());
    assert!(
        markdown.contains("| chromium | 156.0.8078.79 | `chrome` | 2 | 0 | 0 | yes | 0 s | pass |")
    );
    assert!(markdown.contains("| outcome | 2/2 (100.0%) |"));
    assert!(markdown.contains("| console | not observed |"));
}
