//! One entry point for a paste: detect what it is, read it, and build the scenario it shows.

use cors_rules::Scenario;
use serde::Serialize;

use crate::assumption::{Assumption, Edit};
use crate::console::{recognise_with, Recognised, Suggestion};
use crate::parse::{curl, detect, har, headers, scenario_from_capture, Capture, InputKind, Slot};
use crate::report::{LineNote, ParseError};

/// Everything read from a paste.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Analysis {
    /// What the paste was taken to be.
    pub kind: InputKind,
    /// Each line (for HAR: each entry), understood or ignored.
    pub lines: Vec<LineNote>,
    /// For console pastes: the recognised message.
    pub recognised: Option<Recognised>,
    /// For unrecognised console pastes: the closest known messages.
    pub closest: Vec<Suggestion>,
    /// For unrecognised console pastes: what to paste instead.
    pub advice: Option<&'static str>,
    /// The scenario the paste shows (merged into `base` for captures).
    pub scenario: Option<Scenario>,
    /// What had to be assumed (for console pastes, each editable through [`analyse_edited`]).
    pub assumptions: Vec<Assumption>,
    /// Why the paste could not be read, pointing at the offending line.
    pub error: Option<ParseError>,
}

/// Reads a paste of any kind. `base` (the current scenario) supplies what a capture lacks; `slot` says
/// which answer a header paste without its request fills (guessed when `None`).
#[must_use]
pub fn analyse(text: &str, base: Option<&Scenario>, slot: Option<Slot>) -> Analysis {
    analyse_as(detect(text), text, base, slot)
}

/// Reads a paste as the given kind.
#[must_use]
pub fn analyse_as(
    kind: InputKind,
    text: &str,
    base: Option<&Scenario>,
    slot: Option<Slot>,
) -> Analysis {
    analyse_edited(kind, text, base, slot, &[])
}

/// Reads a paste as the given kind, with the person's values for what a console paste does not tell
/// (see [`Recognised::assumptions`]).
#[must_use]
pub fn analyse_edited(
    kind: InputKind,
    text: &str,
    base: Option<&Scenario>,
    slot: Option<Slot>,
    edits: &[Edit],
) -> Analysis {
    let empty = Analysis {
        kind,
        lines: Vec::new(),
        recognised: None,
        closest: Vec::new(),
        advice: None,
        scenario: None,
        assumptions: Vec::new(),
        error: None,
    };
    if text.trim().is_empty() {
        return Analysis {
            error: Some(ParseError::at(0, "nothing pasted")),
            ..empty
        };
    }
    let parsed: Result<Capture, ParseError> = match kind {
        InputKind::Console => {
            let diagnosis = recognise_with(text, edits);
            let scenario = diagnosis
                .recognised
                .as_ref()
                .and_then(|r| r.scenario.clone());
            let assumptions = diagnosis
                .recognised
                .as_ref()
                .map(|r| r.assumptions.clone())
                .unwrap_or_default();
            return Analysis {
                lines: diagnosis.lines,
                recognised: diagnosis.recognised,
                closest: diagnosis.closest,
                advice: diagnosis.advice,
                scenario,
                assumptions,
                ..empty
            };
        }
        InputKind::ResponseHeaders => headers::parse_headers(text),
        InputKind::CurlVerbose => curl::parse_curl_verbose(text),
        InputKind::Har => har::parse_har(text),
    };
    match parsed {
        Ok(capture) => {
            let built = scenario_from_capture(&capture, base, slot);
            Analysis {
                lines: capture.lines,
                scenario: Some(built.scenario),
                assumptions: built.assumptions,
                ..empty
            }
        }
        Err(error) => Analysis {
            error: Some(error),
            ..empty
        },
    }
}

impl Analysis {
    /// How many lines were used and how many skipped, in words (`1 line understood, 2 ignored`).
    #[must_use]
    pub fn lines_summary(&self) -> String {
        let understood = self.lines.iter().filter(|l| l.is_understood()).count();
        let ignored = self.lines.len() - understood;
        let lines = if understood == 1 { "line" } else { "lines" };
        format!("{understood} {lines} understood, {ignored} ignored")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lines_summary_says_line_for_one() {
        let pasted = "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been \
            blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.\n\
            Understand this error";
        let analysis = analyse(pasted, None, None);
        assert_eq!(analysis.lines_summary(), "1 line understood, 1 ignored");
    }
}
