//! Known deviations: disagreements the engine cannot model (something no scenario field can express).
//! Each entry names one observable of one generated case in one browser. An entry whose disagreement no
//! longer happens (an unexpected pass) and an entry that names no generated case (stale) both fail the
//! run, so the file can only shrink honestly.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::browsers::BrowserKind;
use crate::compare::{Agreement, Observable};
use crate::error::{HarnessError, Result};
use crate::generator::generate_at;
use crate::run::CaseResult;

/// One known deviation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnownDeviation {
    /// The browser.
    pub browser: BrowserKind,
    /// The generator seed the case id belongs to.
    pub seed: u64,
    /// The case id.
    pub case: String,
    /// The observable that differs.
    pub observable: Observable,
    /// Why the engine cannot model it.
    pub reason: String,
}

/// Reads a known-deviations file (a JSON array); a missing file is an empty list.
///
/// # Errors
/// [`HarnessError::Io`] or [`HarnessError::Format`] when the file cannot be read or parsed.
pub fn load(path: &Path) -> Result<Vec<KnownDeviation>> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(HarnessError::Io {
                path: path.to_owned(),
                source,
            })
        }
    };
    serde_json::from_str(&text).map_err(|error| HarnessError::Format {
        path: path.to_owned(),
        problem: error.to_string(),
    })
}

/// How a run's disagreements relate to the known deviations.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeviationCheck {
    /// `(case, observable)` disagreements explained by an entry.
    pub explained: Vec<(String, Observable)>,
    /// Entries whose case ran and agreed on that observable.
    pub unexpected_passes: Vec<KnownDeviation>,
    /// Entries that name no generated case.
    pub stale: Vec<KnownDeviation>,
}

impl DeviationCheck {
    /// Whether the entries are all still needed and all still valid.
    #[must_use]
    pub fn is_clean(&self) -> bool {
        self.unexpected_passes.is_empty() && self.stale.is_empty()
    }

    /// Whether a disagreement is explained by an entry.
    #[must_use]
    pub fn explains(&self, case: &str, observable: Observable) -> bool {
        self.explained
            .iter()
            .any(|(known_case, known)| known_case == case && *known == observable)
    }
}

/// Whether `entry` names a case the generator produces for its seed.
fn names_generated_case(entry: &KnownDeviation) -> bool {
    let index = entry
        .case
        .rsplit('-')
        .next()
        .and_then(|digits| digits.parse::<usize>().ok());
    index.is_some_and(|index| generate_at(entry.seed, index).id == entry.case)
}

/// Checks `entries` for `browser` against a run of `results` generated from `seed`.
#[must_use]
pub fn check(
    entries: &[KnownDeviation],
    browser: BrowserKind,
    seed: u64,
    results: &[CaseResult],
) -> DeviationCheck {
    let mut outcome = DeviationCheck::default();
    for entry in entries.iter().filter(|entry| entry.browser == browser) {
        if !names_generated_case(entry) {
            outcome.stale.push(entry.clone());
            continue;
        }
        if entry.seed != seed {
            continue;
        }
        let Some(result) = results
            .iter()
            .find(|result| result.id == entry.case && result.not_run.is_none())
        else {
            continue;
        };
        let disagrees = result.findings.iter().any(|(observable, agreement)| {
            *observable == entry.observable && matches!(agreement, Agreement::Disagree { .. })
        });
        if disagrees {
            outcome
                .explained
                .push((entry.case.clone(), entry.observable));
        } else {
            outcome.unexpected_passes.push(entry.clone());
        }
    }
    outcome
}
