//! Fixes: the smallest changes that make a blocked request work, and notes about the configuration.
//!
//! Each failed check maps to one change, on the server answer that failed (`preflight`, `response` or
//! `redirect`, with its URL) or on the script's request (`request`). A fix can reveal the next failure
//! (a preflight that now passes lets the real request fail on its own response), so the changes are
//! applied to a copy of the scenario and the engine decides it again, up to [`MAX_ROUNDS`] times, until
//! the request works or no further change is known. The inner decisions use
//! [`crate::decide()`], which renders nothing and computes no fixes, so there is no recursion.

mod lists;
mod notes;
mod patch;
mod request;
mod server;
mod warnings;

use std::cell::OnceCell;

use crate::render::{failing_step, RenderContext};
use crate::scenario::Scenario;
use crate::trace::{CheckId, Key, TraceStep};
use crate::validate::Parsed;
use crate::verdict::{Fix, Note};

/// At most this many fix-and-decide rounds.
pub const MAX_ROUNDS: usize = 8;

/// Decides a patched scenario again, returning its trace (`None` when it cannot be evaluated).
pub type Retrace = fn(&Scenario) -> Option<Vec<TraceStep>>;

/// The fixes that make the request work, in the order they are needed, and notes about the
/// configuration (cache lifetime, `Vary: Origin`, things that look like CORS but are not…).
#[must_use]
pub fn fixes(
    scenario: &Scenario,
    ctx: &RenderContext,
    trace: &[TraceStep],
) -> (Vec<Fix>, Vec<Note>) {
    // The patched copies keep the scenario's URLs: they are parsed once, when a fix is first applied.
    let parsed = OnceCell::new();
    let retrace = |patched: &Scenario| {
        let parsed = parsed.get_or_init(|| Parsed::of(scenario));
        crate::decide::decide_with(patched, parsed)
            .ok()
            .map(|decision| decision.trace)
    };
    let fixes = fixes_with(scenario, ctx, trace, retrace);
    let notes = notes::notes(scenario, trace, &fixes);
    (fixes, notes)
}

/// [`fixes`] with the engine call supplied, for tests and for callers that already hold a decider.
#[must_use]
pub fn fixes_with(
    scenario: &Scenario,
    ctx: &RenderContext,
    trace: &[TraceStep],
    retrace: impl Fn(&Scenario) -> Option<Vec<TraceStep>>,
) -> Vec<Fix> {
    let mut fixes: Vec<Fix> = Vec::new();
    // The first round reads the scenario as given; later ones a patched copy and its new trace.
    let mut patched: Option<(Scenario, Vec<TraceStep>)> = None;
    for _ in 0..MAX_ROUNDS {
        let (current, trace) = match &patched {
            Some((scenario, trace)) => (scenario, trace.as_slice()),
            None => (scenario, trace),
        };
        let Some(step) = failing_step(trace) else {
            break;
        };
        let situation = Situation::new(current, ctx, step, trace);
        let Some(planned) = server::plan(&situation).or_else(|| request::plan(&situation)) else {
            break;
        };
        if fixes.contains(&planned.fix) {
            break;
        }
        fixes.push(planned.fix);
        let mut next = match patched.take() {
            Some((scenario, _)) => scenario,
            None => scenario.clone(),
        };
        if !patch::apply(&mut next, &planned.patch) {
            break;
        }
        match retrace(&next) {
            Some(trace) => patched = Some((next, trace)),
            None => break,
        }
    }
    fixes
}

/// A fix and the change it makes to the scenario.
pub(crate) struct Planned {
    fix: Fix,
    patch: patch::Patch,
}

/// What a fix is planned from: the scenario as patched so far, the failed step and its trace.
pub(crate) struct Situation<'a> {
    scenario: &'a Scenario,
    ctx: &'a RenderContext<'a>,
    step: &'a TraceStep,
    trace: &'a [TraceStep],
    /// The URL whose answer failed (or the request URL).
    url: String,
}

impl<'a> Situation<'a> {
    fn new(
        scenario: &'a Scenario,
        ctx: &'a RenderContext<'a>,
        step: &'a TraceStep,
        trace: &'a [TraceStep],
    ) -> Self {
        let url = match step.value(Key::Url) {
            Some(url) if !url.is_empty() => url.to_owned(),
            _ => scenario.request.url.clone(),
        };
        Situation {
            scenario,
            ctx,
            step,
            trace,
            url,
        }
    }

    /// A value of the preflight-needed step (the method and the unsafe header names).
    fn preflight_value(&self, key: Key) -> &'a str {
        self.trace
            .iter()
            .rev()
            .find(|step| step.check == CheckId::PreflightNeeded)
            .and_then(|step| step.value(key))
            .unwrap_or("")
    }
}
