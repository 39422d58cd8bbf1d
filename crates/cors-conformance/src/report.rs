//! The conformance report: per browser and version, what ran, agreement per observable, and every
//! disagreement as a replayable scenario with predicted and observed values.

use std::collections::BTreeMap;

use cors_rules::Scenario;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::browsers::BrowserKind;
use crate::compare::{Agreement, Observable};
use crate::deviations::DeviationCheck;
use crate::groups::RuleGroup;
use crate::readings::{tally_run, Reading};
use crate::run::{BrowserRun, CaseResult};

/// The whole report.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Report {
    /// The generator's seed.
    pub seed: u64,
    /// How many scenarios were generated.
    pub generated: usize,
    /// One summary per browser.
    pub browsers: Vec<BrowserSummary>,
    /// The diagnosed minimal cases in `cases/disagreements/`.
    #[serde(default)]
    pub diagnosed: Vec<Diagnosed>,
    /// Browsers that could not be run, and why.
    #[serde(default)]
    pub failed_browsers: Vec<(BrowserKind, String)>,
}

impl Report {
    /// Whether every browser ran and met its bar.
    #[must_use]
    pub fn passes(&self) -> bool {
        self.failed_browsers.is_empty() && self.browsers.iter().all(BrowserSummary::passes)
    }
}

/// A diagnosed minimal case, as listed in the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnosed {
    /// The file name under `cases/disagreements/`.
    pub file: String,
    /// The observables that differed when it was recorded.
    pub observables: Vec<String>,
    /// Which rule in which browser.
    pub diagnosis: String,
}

/// Reads the diagnosed cases in `dir` (files that do not parse are listed with their problem).
#[must_use]
pub fn load_diagnosed(dir: &std::path::Path) -> Vec<Diagnosed> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<std::path::PathBuf> = entries
        .filter_map(|entry| Some(entry.ok()?.path()))
        .collect();
    files.sort();
    files
        .iter()
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            let file = path
                .file_name()
                .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
            let parsed = std::fs::read_to_string(path)
                .map_err(|error| error.to_string())
                .and_then(|text| {
                    serde_json::from_str::<Disagreement>(&text).map_err(|error| error.to_string())
                });
            match parsed {
                Ok(d) => Diagnosed {
                    file,
                    observables: d
                        .differences
                        .iter()
                        .map(|x| x.observable.id().to_owned())
                        .collect(),
                    diagnosis: d.diagnosis,
                },
                Err(problem) => Diagnosed {
                    file,
                    observables: Vec::new(),
                    diagnosis: format!("(unreadable: {problem})"),
                },
            }
        })
        .collect()
}

/// Agreement figures for one observable.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Cases where both sides could be compared.
    pub compared: usize,
    /// Of those, cases that agree (known deviations are not counted as agreeing).
    pub agreed: usize,
    /// Cases where the browser does not let the harness observe this.
    pub not_observed: usize,
}

/// One observable's difference in one case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Difference {
    /// Which observable.
    pub observable: Observable,
    /// The engine's value.
    pub predicted: Value,
    /// The browser's value.
    pub observed: Value,
    /// Whether a known-deviations entry explains it.
    pub known: bool,
}

/// One disagreeing case, replayable: `scenario` is what `replay` registers again (in example terms).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Disagreement {
    /// The browser.
    pub browser: BrowserKind,
    /// Its version.
    pub browser_version: String,
    /// The case id.
    pub case: String,
    /// Its rule groups.
    pub groups: Vec<RuleGroup>,
    /// The engine's failing check for the case, if it predicted a failure.
    pub predicted_failure: Option<String>,
    /// What differs.
    pub differences: Vec<Difference>,
    /// The scenario in example terms (docs/reference/scenario-format.md JSON).
    pub scenario: Scenario,
    /// The scenario as the browser ran it (lab terms).
    pub lab_scenario: Option<Scenario>,
    /// Which rule in which browser, as far as the harness's maintainers could tell.
    #[serde(default)]
    pub diagnosis: String,
}

/// A case that could not run, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotRun {
    /// The case id.
    pub case: String,
    /// Why.
    pub reason: String,
}

/// One browser's part of the report.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct BrowserSummary {
    /// The browser.
    pub browser: BrowserKind,
    /// Its version.
    pub version: String,
    /// The engine profile that predicted it.
    pub profile: String,
    /// Scenarios given to the run.
    pub scenarios: usize,
    /// Scenarios that ran and were compared.
    pub ran: usize,
    /// Scenarios that could not run.
    pub not_run: Vec<NotRun>,
    /// Agreement per observable.
    pub agreement: BTreeMap<Observable, Tally>,
    /// Cases run per rule group.
    pub groups: BTreeMap<RuleGroup, usize>,
    /// Whether console lines were captured.
    pub console_captured: bool,
    /// Lab origins (and page kinds) where the cookie column of wire requests could be compared.
    pub credentials_observable: Vec<String>,
    /// Every disagreeing case.
    pub disagreements: Vec<Disagreement>,
    /// How the known deviations fared.
    pub deviations: DeviationCheck,
    /// Console lines the harness could not attribute to any case.
    pub stray_console: Vec<String>,
    /// Wall-clock seconds the browser's run took (start, every batch, stop).
    #[serde(default)]
    pub seconds: u64,
    /// How the paste door read the console text of each blocked case (a measure of the diagnosis, not
    /// part of the run's bar).
    #[serde(default)]
    pub readings: BTreeMap<Reading, usize>,
}

impl BrowserSummary {
    /// Summarises a run.
    #[must_use]
    pub fn from_run(run: &BrowserRun, deviations: DeviationCheck) -> BrowserSummary {
        let ran: Vec<&CaseResult> = run
            .cases
            .iter()
            .filter(|case| case.not_run.is_none())
            .collect();
        let mut agreement: BTreeMap<Observable, Tally> = BTreeMap::new();
        let mut groups: BTreeMap<RuleGroup, usize> = BTreeMap::new();
        for case in &ran {
            for group in &case.groups {
                *groups.entry(*group).or_default() += 1;
            }
            for (observable, result) in &case.findings {
                let tally = agreement.entry(*observable).or_default();
                match result {
                    Agreement::Agree => {
                        tally.compared += 1;
                        tally.agreed += 1;
                    }
                    Agreement::Disagree { .. } => tally.compared += 1,
                    Agreement::NotObserved => tally.not_observed += 1,
                }
            }
        }
        let disagreements = ran
            .iter()
            .filter_map(|case| disagreement(run, case, &deviations))
            .collect();
        let not_run = run
            .cases
            .iter()
            .filter_map(|case| {
                Some(NotRun {
                    case: case.id.clone(),
                    reason: case.not_run.clone()?,
                })
            })
            .collect();
        let credentials_observable = run.credentials.summary();
        BrowserSummary {
            browser: run.browser,
            version: run.version.clone(),
            profile: run.browser.profile().id().to_owned(),
            scenarios: run.cases.len(),
            ran: ran.len(),
            not_run,
            agreement,
            groups,
            console_captured: run.console_captured,
            credentials_observable,
            disagreements,
            deviations,
            stray_console: run
                .stray_console
                .iter()
                .map(|line| line.text.clone())
                .collect(),
            seconds: 0,
            readings: tally_run(run),
        }
    }

    /// Whether the run meets its bar: everything ran, every disagreement is a known deviation, and every
    /// known deviation is still needed and valid.
    #[must_use]
    pub fn passes(&self) -> bool {
        let unexplained = self
            .disagreements
            .iter()
            .flat_map(|d| &d.differences)
            .any(|difference| !difference.known);
        self.not_run.is_empty() && !unexplained && self.deviations.is_clean()
    }
}

fn disagreement(
    run: &BrowserRun,
    case: &CaseResult,
    deviations: &DeviationCheck,
) -> Option<Disagreement> {
    let differences: Vec<Difference> = case
        .findings
        .iter()
        .filter_map(|(observable, result)| match result {
            Agreement::Disagree {
                predicted,
                observed,
            } => Some(Difference {
                observable: *observable,
                predicted: predicted.clone(),
                observed: observed.clone(),
                known: deviations.explains(&case.id, *observable),
            }),
            _ => None,
        })
        .collect();
    if differences.is_empty() {
        return None;
    }
    let predicted_failure = case
        .verdict
        .as_ref()
        .and_then(|verdict| verdict.failure.as_ref())
        .map(|failure| failure.check.id().to_owned());
    Some(Disagreement {
        browser: run.browser,
        browser_version: run.version.clone(),
        case: case.id.clone(),
        groups: case.groups.iter().copied().collect(),
        predicted_failure,
        differences,
        scenario: case.scenario.clone(),
        lab_scenario: case.lab_scenario.clone(),
        diagnosis: String::new(),
    })
}
