//! The decision: what the browser does with a scenario, as data (a typed trace), before any words.
//! [`crate::evaluate`] renders it; [`crate::fixes`] decides patched copies again.

use crate::fetch_state::{Ending, Fetch};
use crate::main_fetch::main_fetch;
use crate::request::construct_request;
use crate::scenario::{InputError, Scenario};
use crate::tainting::ResponseTainting;
use crate::trace::TraceStep;
use crate::validate::{validate, Parsed, Validated};
use crate::verdict::{Outcome, Readable, ResponseType, WireRequest};

/// The decision, before words: what [`crate::evaluate()`] renders into a [`crate::Verdict`].
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
        Ending::NoEvent => (Outcome::NoEvent, ResponseType::Error, None),
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
