//! Builds the [`Verdict`]: the decision ([`crate::decide`]), the fixes, and the words from the
//! renderers. The one function that composes them: nothing it calls calls back into it.

use crate::decide::{decide, Decision};
use crate::fixes;
use crate::render::{self, RenderContext};
use crate::request_facts::{preflight_need, request_headers};
use crate::scenario::{InputError, Scenario};
use crate::trace::StepOutcome;
use crate::verdict::{Failure, Outcome, Verdict};

/// Evaluates a scenario: the decision plus its explanation in the chosen browser's words.
///
/// # Errors
/// An [`InputError`] naming the field when the scenario cannot be evaluated.
pub fn evaluate(scenario: &Scenario) -> Result<Verdict, InputError> {
    Ok(verdict_of(scenario, decide(scenario)?))
}

/// The verdict for a decision: its words, console text, JS error, Network rows and fixes.
fn verdict_of(scenario: &Scenario, decision: Decision) -> Verdict {
    let failure = failure_of(&decision);
    let request = &scenario.request;
    let ctx = RenderContext {
        browser: scenario.browser,
        api: request.api,
        page_origin: &decision.page_origin,
        initial_url: &decision.initial_url,
        final_url: &decision.final_url,
        method: &decision.method,
        credentials: request.credentials,
        mode: request.mode,
        redirect: request.redirect,
    };
    let trace = &decision.trace;
    let mut verdict = Verdict {
        outcome: decision.outcome,
        response_type: decision.response_type,
        cross_origin: decision.cross_origin,
        preflight_sent: decision.requests.iter().any(|r| r.method == "OPTIONS"),
        failure,
        readable: decision.readable,
        js_error: None,
        console: Vec::new(),
        steps: Vec::new(),
        fixes: Vec::new(),
        notes: Vec::new(),
        network: Vec::new(),
        requests: Vec::new(),
        request_headers: request_headers(trace),
        preflight_need: preflight_need(trace),
    };
    (verdict.fixes, verdict.notes) = fixes::fixes(scenario, &ctx, trace);
    verdict.js_error = render::js_error(&ctx, decision.outcome, trace);
    verdict.console = render::console(&ctx, trace, decision.outcome);
    verdict.network = render::network_rows(&ctx, &decision.requests, trace, decision.outcome);
    verdict.steps = render::steps_owned(&ctx, decision.trace);
    verdict.requests = decision.requests;
    verdict
}

/// `failure`: the last failed step, when the outcome is `blocked` or `request-error`.
fn failure_of(decision: &Decision) -> Option<Failure> {
    if !matches!(
        decision.outcome,
        Outcome::Blocked | Outcome::RequestError | Outcome::NoEvent
    ) {
        return None;
    }
    let step = decision
        .trace
        .iter()
        .rev()
        .find(|s| s.outcome == StepOutcome::Fail)?;
    Some(Failure {
        stage: step.stage,
        check: step.check,
        url: step
            .value(crate::Key::Url)
            .map_or_else(|| decision.final_url.clone(), str::to_owned),
    })
}
