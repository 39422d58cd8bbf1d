//! The English explanation of each check: a one-sentence summary and a short detail, per check id and
//! outcome, written for a developer who is confused by a CORS error.
//!
//! The tables are split by where the check happens: `request.rs` (building the request),
//! `main_fetch.rs` (the browser's decisions before sending), `preflight.rs`, `response.rs`,
//! `redirect.rs`. Texts use `{name}` placeholders: the recorded values by key name (`{url}`,
//! `{sent-origin}`, `{value}`…) and the computed ones of `vars.rs` (`{hint}`, `{answer}`…).
//! To correct a text, edit it in its table; the unit tests show each one rendered.

mod hints;
mod main_fetch;
mod preflight;
mod redirect;
mod request;
mod response;
mod vars;

use super::spec_links::spec_link;
use super::template::fill_into;
use super::RenderContext;
use crate::trace::{Key, StepOutcome, TraceStep};
use crate::verdict::Step;

/// The words of one check outcome, as templates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Words {
    /// One plain-language sentence.
    pub(crate) summary: &'static str,
    /// Why the browser does this and what the values mean.
    pub(crate) detail: &'static str,
}

/// Shorthand for the tables.
pub(crate) const fn w(summary: &'static str, detail: &'static str) -> Words {
    Words { summary, detail }
}

/// Used only if a check id has no words yet (a new id added by the engine).
const FALLBACK: Words = w(
    "The browser checked `{check}`.",
    "This check has no explanation yet; the values it compared are listed below.",
);

/// Renders one trace step in English.
pub(crate) fn step(ctx: &RenderContext, step: &TraceStep) -> Step {
    words_of(ctx, step, step.values.clone())
}

/// [`step`] for a step that is no longer needed: its recorded values move into the rendered step.
pub(crate) fn step_owned(ctx: &RenderContext, step: TraceStep) -> Step {
    let mut rendered = words_of(ctx, &step, Vec::new());
    rendered.values = step.values;
    rendered
}

/// The rendered step with `values` as its `[name, value]` pairs.
fn words_of(ctx: &RenderContext, step: &TraceStep, values: Vec<(Key, String)>) -> Step {
    let words = words(step);
    Step {
        check: step.check,
        stage: step.stage,
        passed: step.outcome != StepOutcome::Fail,
        outcome: step.outcome,
        summary: render(ctx, step, words.summary),
        detail: render(ctx, step, words.detail),
        spec: spec_link(step.check).to_owned(),
        values,
    }
}

/// One template filled with the step's values, tidied.
///
/// The templates have no double spaces and no space at either end (a unit test checks every one), so
/// only a value can leave something to tidy: an empty one, or one with spaces at its ends or inside.
fn render(ctx: &RenderContext, step: &TraceStep, template: &str) -> String {
    let mut out = String::with_capacity(template.len() + 128);
    let mut clean = true;
    fill_into(&mut out, template, |name, out| {
        let start = out.len();
        vars::write(ctx, step, name, out);
        clean = clean && is_tidy_value(&out[start..]);
    });
    if clean {
        out
    } else {
        tidy(out)
    }
}

/// A value that cannot leave a double space or an untrimmed end behind: not empty, visible ASCII at
/// both ends (a value ending in anything else is left to [`tidy`]), no two spaces in a row.
fn is_tidy_value(value: &str) -> bool {
    let bytes = value.as_bytes();
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    first.is_ascii_graphic()
        && last.is_ascii_graphic()
        && !bytes.windows(2).any(|pair| pair == b"  ")
}

/// The words for a step: the first table that knows the check.
pub(crate) fn words(step: &TraceStep) -> Words {
    request::words(step)
        .or_else(|| main_fetch::words(step))
        .or_else(|| preflight::words(step))
        .or_else(|| response::words(step))
        .or_else(|| redirect::words(step))
        .unwrap_or(FALLBACK)
}

/// Collapses the double spaces an empty optional placeholder leaves behind, and trims the ends.
fn tidy(text: String) -> String {
    let trimmed = text.trim();
    if trimmed.len() == text.len() && !text.contains("  ") {
        return text;
    }
    let mut out = String::with_capacity(trimmed.len());
    let mut rest = trimmed;
    // Spaces are ASCII, so cutting at them keeps every slice on a character boundary.
    while let Some(at) = rest.find("  ") {
        out.push_str(&rest[..=at]);
        rest = rest[at..].trim_start_matches(' ');
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
