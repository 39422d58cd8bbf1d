//! Builds the [`Verdict`]: the decision from main fetch, the words from the renderers.

use crate::fixes;
use crate::main_fetch::{main_fetch, Ending, Fetch};
use crate::render::{self, RenderContext};
use crate::request::construct_request;
use crate::scenario::{InputError, Scenario};
use crate::tainting::ResponseTainting;
use crate::trace::{StepOutcome, TraceStep};
use crate::validate::{validate, Parsed, Validated};
use crate::verdict::{Failure, Outcome, Readable, ResponseType, Verdict, WireRequest};

/// The decision, before words: what [`evaluate`] renders into a [`Verdict`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// The end result.
    pub outcome: Outcome,
    /// `Response.type`.
    pub response_type: ResponseType,
    /// Whether the first request is cross-origin to the page.
    pub cross_origin: bool,
    /// Every request on the wire.
    pub requests: Vec<WireRequest>,
    /// What the script can read.
    pub readable: Option<Readable>,
    /// The trace, in the browser's order.
    pub trace: Vec<TraceStep>,
    /// The normalized method of the last request (empty when construction failed first).
    pub method: String,
    /// The URL being fetched when the fetch ended.
    pub final_url: String,
    /// The page's serialized origin.
    pub page_origin: String,
    /// The request URL as parsed.
    pub initial_url: String,
}

/// Decides a scenario without rendering words: the engine's pure core.
///
/// # Errors
/// An [`InputError`] naming the field when the scenario cannot be evaluated.
pub fn decide(scenario: &Scenario) -> Result<Decision, InputError> {
    decide_with(scenario, &Parsed::default())
}

/// [`decide`] with the scenario's URLs already `parsed` (by an earlier decision of the same evaluation).
pub(crate) fn decide_with(scenario: &Scenario, parsed: &Parsed) -> Result<Decision, InputError> {
    let input = validate(scenario, parsed)?;
    let mut fetch = Fetch::new(&input, &scenario.request, scenario.browser);
    let quirks = fetch.quirks;
    let ending = match construct_request(&scenario.request, &input.url, quirks, &mut fetch.rec) {
        Err(_) => Ending::RequestError,
        Ok(constructed) => {
            fetch.method = constructed.method;
            fetch.headers = constructed.headers;
            main_fetch(&mut fetch)?
        }
    };
    let (outcome, response_type, readable) = match ending {
        Ending::RequestError => (Outcome::RequestError, ResponseType::Error, None),
        Ending::NetworkError => (Outcome::Blocked, ResponseType::Error, None),
        Ending::OpaqueRedirect => (Outcome::OpaqueRedirect, ResponseType::OpaqueRedirect, None),
        Ending::DataUrl => (
            Outcome::Allowed,
            ResponseType::Basic,
            Some(Readable {
                status: 200,
                headers: vec!["content-type".to_owned()],
            }),
        ),
        Ending::Response {
            tainting: ResponseTainting::Opaque,
            ..
        } => (Outcome::Opaque, ResponseType::Opaque, None),
        Ending::Response {
            tainting,
            status,
            readable,
        } => (
            Outcome::Allowed,
            tainting.response_type(),
            Some(Readable {
                status,
                headers: readable,
            }),
        ),
    };
    let Fetch {
        requests,
        rec,
        method,
        current_url,
        ..
    } = fetch;
    let cross_origin = !input.page.is_same_origin_with_url(&input.url);
    let Validated {
        page_serialized,
        url,
        ..
    } = input;
    Ok(Decision {
        outcome,
        response_type,
        cross_origin,
        requests,
        readable,
        trace: rec.steps,
        method,
        final_url: current_url.into(),
        page_origin: page_serialized,
        initial_url: url.into(),
    })
}

/// Evaluates a scenario: the decision plus its explanation in the chosen browser's words.
///
/// # Errors
/// An [`InputError`] naming the field when the scenario cannot be evaluated.
pub fn evaluate(scenario: &Scenario) -> Result<Verdict, InputError> {
    Ok(verdict_of(scenario, decide(scenario)?, Details::Rendered))
}

/// Evaluates a scenario like [`evaluate`], without the details a result page shows further down:
/// `console`, `js_error`, `fixes`, `notes` and `network` are left empty; everything else (outcome,
/// failure, what is readable, the requests, the English steps) is exactly [`evaluate`]'s. For a
/// program that shows those details later and can then leave their renderers out (the web app's
/// first load).
///
/// # Errors
/// An [`InputError`] naming the field when the scenario cannot be evaluated.
pub fn evaluate_essentials(scenario: &Scenario) -> Result<Verdict, InputError> {
    Ok(verdict_of(scenario, decide(scenario)?, Details::Omitted))
}

/// Whether a verdict carries the result's details (console text, JS error, fixes, Network rows).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Details {
    Rendered,
    Omitted,
}

/// The verdict for a decision, with or without the result's details.
fn verdict_of(scenario: &Scenario, decision: Decision, details: Details) -> Verdict {
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
    };
    if details == Details::Rendered {
        (verdict.fixes, verdict.notes) = fixes::fixes(scenario, &ctx, trace);
        verdict.js_error = render::js_error(&ctx, decision.outcome, trace);
        verdict.console = render::console(&ctx, trace, decision.outcome);
        verdict.network = render::network_rows(&ctx, &decision.requests, trace, decision.outcome);
    }
    verdict.steps = render::steps_owned(&ctx, decision.trace);
    verdict.requests = decision.requests;
    verdict
}

/// `failure`: the last failed step, when the outcome is `blocked` or `request-error`.
fn failure_of(decision: &Decision) -> Option<Failure> {
    if !matches!(decision.outcome, Outcome::Blocked | Outcome::RequestError) {
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
