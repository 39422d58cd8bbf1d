//! One entry point for a paste: detect what it is, read it, and build the scenario it shows.

use cors_rules::Scenario;
use serde::Serialize;

use crate::console::{recognise, Recognised};
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
    pub closest: Vec<String>,
    /// The scenario the paste shows (merged into `base` for captures).
    pub scenario: Option<Scenario>,
    /// What had to be assumed.
    pub assumptions: Vec<String>,
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
    let empty = Analysis {
        kind,
        lines: Vec::new(),
        recognised: None,
        closest: Vec::new(),
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
            let diagnosis = recognise(text);
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
