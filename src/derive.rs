//! Reading the engine's verdict for display: which step says what, headline, per-header marks.
//!
//! Nothing here decides CORS: every function looks up what the engine recorded in `Verdict.steps` and
//! `Verdict.failure` and shapes it for a component.

use cors_rules::request_facts::HeaderTreatment;
use cors_rules::verdict::Step;
use cors_rules::{CheckId, Key, Outcome, StepOutcome, Verdict};

/// The value a step recorded under `key`.
#[must_use]
pub fn value(step: &Step, key: Key) -> Option<&str> {
    step.value(key)
}

/// The first step of a check.
#[must_use]
pub fn first_step(verdict: &Verdict, check: CheckId) -> Option<&Step> {
    verdict.steps.iter().find(|s| s.check == check)
}

/// How a step reads in the check list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// The check passed.
    Passed,
    /// The check that stopped the request.
    Failed,
    /// A fact, neither pass nor fail.
    Info,
}

impl Mark {
    /// The symbol shown beside the text (never colour alone).
    #[must_use]
    pub fn icon(self) -> &'static str {
        match self {
            Mark::Passed => "✓",
            Mark::Failed => "✗",
            Mark::Info => "ℹ",
        }
    }

    /// The word read by screen readers.
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Mark::Passed => "passed",
            Mark::Failed => "failed",
            Mark::Info => "note",
        }
    }
}

/// The mark of a step: the failing check is the verdict's failure (the trace's last failed step); the
/// engine's informational steps and other failed checks are notes.
#[must_use]
pub fn mark(verdict: &Verdict, index: usize) -> Mark {
    let Some(step) = verdict.steps.get(index) else {
        return Mark::Info;
    };
    let failing = verdict.failure.as_ref().map(|f| f.check);
    let last_failing = verdict
        .steps
        .iter()
        .rposition(|s| Some(s.check) == failing && !s.passed);
    if last_failing == Some(index) {
        Mark::Failed
    } else if step.outcome != StepOutcome::Pass {
        // A fact the engine recorded (`Info`), or a failed check that did not decide the verdict.
        Mark::Info
    } else {
        Mark::Passed
    }
}

/// The step that stopped the request.
#[must_use]
pub fn failing_step(verdict: &Verdict) -> Option<&Step> {
    let check = verdict.failure.as_ref()?.check;
    verdict
        .steps
        .iter()
        .rev()
        .find(|s| s.check == check && !s.passed)
}

/// The tone of the verdict: drives the banner's icon, words and colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// The script reads the response.
    Allowed,
    /// Network error or a throwing call.
    Blocked,
    /// It "works" but the script sees nothing.
    Opaque,
}

impl Tone {
    /// The tone of an outcome.
    #[must_use]
    pub fn of(outcome: Outcome) -> Tone {
        match outcome {
            Outcome::Allowed => Tone::Allowed,
            Outcome::Opaque | Outcome::OpaqueRedirect => Tone::Opaque,
            _ => Tone::Blocked,
        }
    }

    /// The icon (never colour alone).
    #[must_use]
    pub fn icon(self) -> &'static str {
        match self {
            Tone::Allowed => "✓",
            Tone::Blocked => "✗",
            Tone::Opaque => "◐",
        }
    }

    /// The CSS class suffix.
    #[must_use]
    pub fn class(self) -> &'static str {
        match self {
            Tone::Allowed => "allowed",
            Tone::Blocked => "blocked",
            Tone::Opaque => "opaque",
        }
    }
}

/// The one-line title of an outcome.
#[must_use]
pub fn outcome_title(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Allowed => "Allowed: the script reads the response",
        Outcome::Blocked => "Blocked by CORS",
        Outcome::Opaque => "Opaque: the request is sent, the script sees nothing",
        Outcome::OpaqueRedirect => "Opaque redirect: the script sees no redirect details",
        Outcome::RequestError => "The call throws before anything is sent",
        Outcome::NoEvent => "Stuck: the request never finishes, no event fires",
    }
}

/// The headline: title plus the engine's summary of the deciding step.
#[must_use]
pub fn headline(verdict: &Verdict) -> (Tone, String, String) {
    let tone = Tone::of(verdict.outcome);
    let detail = match failing_step(verdict) {
        Some(step) => step.summary.clone(),
        None => match &verdict.readable {
            Some(readable) => format!("Status {} is readable by the script.", readable.status),
            None => String::new(),
        },
    };
    (tone, outcome_title(verdict.outcome).to_owned(), detail)
}

/// How the browser treats the request header `name: value`, as the engine decided it.
#[must_use]
pub fn header_treatment(verdict: &Verdict, name: &str, value: &str) -> Option<HeaderTreatment> {
    verdict
        .request_headers
        .iter()
        .find(|h| {
            h.name.eq_ignore_ascii_case(name.trim())
                && (h.value.is_empty() || h.value.trim() == value.trim())
        })
        .map(|h| h.treatment)
}

/// The one-line summary the engine wrote for that header's check (a tooltip).
#[must_use]
pub fn header_summary(verdict: &Verdict, name: &str) -> String {
    verdict
        .steps
        .iter()
        .find(|s| {
            matches!(
                s.check,
                CheckId::HeaderSyntax
                    | CheckId::ForbiddenHeader
                    | CheckId::NoCorsHeader
                    | CheckId::SafelistedHeader
            ) && s
                .value(Key::Header)
                .is_some_and(|h| h.eq_ignore_ascii_case(name.trim()))
        })
        .map(|s| s.summary.clone())
        .unwrap_or_default()
}

#[cfg(test)]
#[path = "derive_tests.rs"]
mod tests;
