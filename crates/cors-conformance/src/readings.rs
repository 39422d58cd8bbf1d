//! How the paste door reads what each browser really printed: every blocked case's console lines go
//! through `cors_diagnose::console::recognise`, and its reading is set against the check the engine found
//! failing in the scenario the browser ran.
//!
//! This measures the diagnosis, not the engine: a reading can only be as precise as the browser's text
//! (Firefox prints the same sentence for a preflight and a response; Safari one sentence for a missing and a
//! mismatched `Access-Control-Allow-Origin`), so a check the reading lists among the text's other meanings
//! counts apart from one it names.

use std::collections::BTreeMap;

use cors_diagnose::console::{recognise, Finding, Recognised};
use cors_rules::CheckId;
use serde::{Deserialize, Serialize};

use crate::browsers::BrowserKind;
use crate::run::{BrowserRun, CaseResult};

/// What the reading made of one case's console lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reading {
    /// It named the failed check.
    Named,
    /// It named another check, and listed the failed one among what the same text can mean.
    Listed,
    /// It said the lines are about something other than CORS (Cross-Origin-Resource-Policy, a policy).
    NotCors,
    /// The lines only say that the request failed, and the reading asks for the line that says why.
    AskedForMore,
    /// It named another check and did not list the failed one.
    Misread,
    /// It recognised nothing.
    Unread,
}

impl Reading {
    /// Every reading, in report order.
    pub const ALL: [Reading; 6] = [
        Reading::Named,
        Reading::Listed,
        Reading::NotCors,
        Reading::AskedForMore,
        Reading::Misread,
        Reading::Unread,
    ];

    /// The word the report uses.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Reading::Named => "named",
            Reading::Listed => "listed",
            Reading::NotCors => "not-cors",
            Reading::AskedForMore => "asked-for-more",
            Reading::Misread => "misread",
            Reading::Unread => "unread",
        }
    }
}

/// Reads `lines` as a person would paste them, and sets the reading against the failed check.
#[must_use]
pub fn read_console(lines: &[String], failed: CheckId) -> (Reading, Option<CheckId>) {
    let recognised = recognise(&lines.join("\n")).recognised;
    (
        classify(recognised.as_ref(), failed),
        recognised.and_then(|r| r.check),
    )
}

/// [`read_console`], and whether the scenario the reading builds fails, in the engine, the check it names
/// (`None` when it names none or builds none).
#[must_use]
pub fn read_and_reproduce(
    lines: &[String],
    failed: CheckId,
) -> (Reading, Option<CheckId>, Option<bool>) {
    let recognised = recognise(&lines.join("\n")).recognised;
    let reading = classify(recognised.as_ref(), failed);
    let Some(recognised) = recognised else {
        return (reading, None, None);
    };
    let reproduces = match (&recognised.scenario, recognised.check) {
        (Some(scenario), Some(check)) => Some(
            cors_rules::evaluate(scenario)
                .is_ok_and(|v| v.failure.is_some_and(|f| f.check == check)),
        ),
        _ => None,
    };
    (reading, recognised.check, reproduces)
}

/// What a recognition made of a case whose failed check is `failed`.
fn classify(recognised: Option<&Recognised>, failed: CheckId) -> Reading {
    let Some(recognised) = recognised else {
        return Reading::Unread;
    };
    match recognised.finding {
        Finding::NotCors => Reading::NotCors,
        Finding::Incomplete => Reading::AskedForMore,
        _ if recognised.check == Some(failed) => Reading::Named,
        _ if recognised.alternatives.contains(&failed) => Reading::Listed,
        _ => Reading::Misread,
    }
}

/// One blocked case's console text and its reading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadSample {
    /// The case.
    pub case: String,
    /// The browser that printed the text.
    pub browser: BrowserKind,
    /// The lines, as printed.
    pub text: String,
    /// The check the engine found failing.
    pub failed: CheckId,
    /// What the reading made of it.
    pub reading: Reading,
    /// The check the reading named, if any.
    pub read: Option<CheckId>,
    /// Whether the scenario the reading built fails the check it names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reproduces: Option<bool>,
}

/// The readings of every blocked case of a run that printed console lines, each with whether its
/// reproduction fails the check it names.
#[must_use]
pub fn read_run(run: &BrowserRun) -> Vec<ReadSample> {
    run.cases
        .iter()
        .filter_map(|case| {
            let (lines, failed) = blocked_lines(case)?;
            let (reading, read, reproduces) = read_and_reproduce(lines, failed);
            Some(ReadSample {
                case: case.id.clone(),
                browser: run.browser,
                text: lines.join("\n"),
                failed,
                reading,
                read,
                reproduces,
            })
        })
        .collect()
}

/// How many of a run's readings fell in each class (the readings only: no reproduction is evaluated).
#[must_use]
pub fn tally_run(run: &BrowserRun) -> BTreeMap<Reading, usize> {
    let mut out = BTreeMap::new();
    for (lines, failed) in run.cases.iter().filter_map(blocked_lines) {
        *out.entry(read_console(lines, failed).0).or_default() += 1;
    }
    out
}

/// A blocked case's console lines and the check the engine found failing, when it printed any.
fn blocked_lines(case: &CaseResult) -> Option<(&[String], CheckId)> {
    let failed = case.verdict.as_ref()?.failure.as_ref()?.check;
    let lines = case.observation.as_ref()?.console.as_ref()?;
    (!lines.is_empty()).then_some((lines.as_slice(), failed))
}

/// How many of the readings fell in each class.
#[must_use]
pub fn tally<'a>(samples: impl IntoIterator<Item = &'a ReadSample>) -> BTreeMap<Reading, usize> {
    let mut out = BTreeMap::new();
    for sample in samples {
        *out.entry(sample.reading).or_default() += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_owned).collect()
    }

    #[test]
    fn a_chrome_line_names_its_check() {
        let text = lines(
            "Access to fetch at 'http://localhost:4/r' from origin 'http://127.0.0.1:3' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.\nFailed to load resource: net::ERR_FAILED",
        );
        assert_eq!(
            read_console(&text, CheckId::AllowOriginMissing),
            (Reading::Named, Some(CheckId::AllowOriginMissing))
        );
        assert_eq!(
            read_console(&text, CheckId::AllowCredentials).0,
            Reading::Misread
        );
    }

    #[test]
    fn a_safari_sentence_lists_the_preflight_twin() {
        let text = lines(
            "Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.\nFetch API cannot load http://localhost:4/r due to access control checks.",
        );
        let (reading, _) = read_console(&text, CheckId::PreflightAllowOriginWildcard);
        assert!(matches!(reading, Reading::Named | Reading::Listed));
    }

    #[test]
    fn a_bare_failure_line_asks_for_more_and_noise_is_unread() {
        let failed = lines("Failed to load resource: net::ERR_FAILED");
        assert_eq!(
            read_console(&failed, CheckId::RedirectMode).0,
            Reading::AskedForMore
        );
        assert_eq!(
            read_console(&lines("hello"), CheckId::RedirectMode).0,
            Reading::Unread
        );
    }
}
