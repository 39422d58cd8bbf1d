//! Reading the engine's verdict for display: which step says what, headline, per-header marks.
//!
//! Nothing here decides CORS: every function looks up what the engine recorded in `Verdict.steps` and
//! `Verdict.failure` and shapes it for a component.

use cors_rules::verdict::Step;
use cors_rules::{CheckId, Key, Outcome, StepOutcome, Verdict};

/// Whether a step's `values` entry named `name` is the key `key` (tolerates `page-origin`, `PageOrigin`,
/// `page_origin`).
#[must_use]
pub fn is_key(name: &str, key: Key) -> bool {
    let wanted = serde_json::to_value(key).ok();
    let wanted = wanted.as_ref().and_then(|v| v.as_str()).unwrap_or_default();
    let squash = |s: &str| {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase()
    };
    !wanted.is_empty() && squash(name) == squash(wanted)
}

/// The value a step recorded under `key`.
#[must_use]
pub fn value(step: &Step, key: Key) -> Option<&str> {
    step.values
        .iter()
        .find(|(name, _)| is_key(name, key))
        .map(|(_, v)| v.as_str())
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

/// How the browser treats one request header the script set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeaderClass {
    /// CORS-safelisted: no preflight needed for it.
    Safelisted,
    /// Makes the request need a preflight; the engine's reason code.
    NeedsPreflight(String),
    /// A forbidden request header: the browser drops it silently; the reason code.
    Forbidden(String),
    /// Dropped because the request is `no-cors`; the reason code.
    DroppedByNoCors(String),
    /// Not a valid header: the call throws.
    Invalid(String),
}

/// The engine's classification of the request header `name: value`, with the step's summary.
#[must_use]
pub fn header_class(verdict: &Verdict, name: &str, value: &str) -> Option<(HeaderClass, String)> {
    let relevant = [
        CheckId::HeaderSyntax,
        CheckId::ForbiddenHeader,
        CheckId::NoCorsHeader,
        CheckId::SafelistedHeader,
    ];
    let step = verdict.steps.iter().find(|s| {
        relevant.contains(&s.check)
            && self::value(s, Key::Header).is_some_and(|h| h.eq_ignore_ascii_case(name.trim()))
            && self::value(s, Key::Value).is_none_or(|v| v.trim() == value.trim())
    })?;
    let reason = self::value(step, Key::Reason)
        .unwrap_or_default()
        .to_owned();
    let class = match step.check {
        CheckId::HeaderSyntax => HeaderClass::Invalid(reason),
        CheckId::ForbiddenHeader => HeaderClass::Forbidden(reason),
        CheckId::NoCorsHeader => HeaderClass::DroppedByNoCors(reason),
        // A safelisted header has no reason; any reason says why it is not safelisted.
        _ if reason.is_empty() => HeaderClass::Safelisted,
        _ => HeaderClass::NeedsPreflight(reason),
    };
    Some((class, step.summary.clone()))
}

/// Plain words for the engine's reason codes (display only).
#[must_use]
pub fn reason_words(code: &str) -> &'static str {
    match code {
        "name" => "its name is not on the safelist",
        "value-too-long" => "its value is longer than 128 bytes",
        "unsafe-byte" => "its value contains a byte the safelist refuses",
        "mime-type" => "only form, multipart and text/plain content types are safelisted",
        "language-chars" => "its value has characters a language tag cannot have",
        "range-syntax" => "its value is not a simple bytes range",
        "over-total" => "the safelisted values together exceed 1024 bytes",
        "forbidden-name" => "only the browser may set it",
        "proxy-prefix" => "names starting with Proxy- are reserved to the browser",
        "sec-prefix" => "names starting with Sec- are reserved to the browser",
        "method-override" => "it would override the method with a forbidden one",
        "method" => "the method is not GET, HEAD or POST",
        "headers" => "a header is not safelisted",
        "flag" => "upload listeners or a stream body force it",
        "value" => "its value is not a valid header value",
        _ => "",
    }
}

/// Why a preflight is needed (engine's `preflight-needed` step): method, unsafe names, reason codes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PreflightWhy {
    /// Whether the engine says a preflight is needed.
    pub needed: bool,
    /// The method as the engine saw it.
    pub method: String,
    /// The CORS-unsafe header names, lower-case.
    pub names: Vec<String>,
    /// Reason codes (`method`, `headers`, `flag`).
    pub reasons: Vec<String>,
}

/// The `preflight-needed` step, read.
#[must_use]
pub fn preflight_why(verdict: &Verdict) -> Option<PreflightWhy> {
    let step = first_step(verdict, CheckId::PreflightNeeded)?;
    let list = |key| {
        value(step, key)
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let reasons = list(Key::Reason);
    Some(PreflightWhy {
        // An empty reason list means no preflight is needed.
        needed: !reasons.is_empty(),
        method: value(step, Key::Method).unwrap_or_default().to_owned(),
        names: list(Key::Names),
        reasons,
    })
}

#[cfg(test)]
#[path = "derive_tests.rs"]
mod tests;
