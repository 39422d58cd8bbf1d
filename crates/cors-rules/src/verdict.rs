//! The verdict: what the browser does with a scenario, and why (`docs/reference/scenario-format.md`, "Verdict").

use serde::{Deserialize, Serialize};

use crate::request_facts::{PreflightNeed, RequestHeader};
use crate::scenario::HeaderPair;
use crate::trace::{CheckId, Key, Stage, StepOutcome};

/// What the browser does with the request, with the explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    /// The end result for the script.
    pub outcome: Outcome,
    /// What `Response.type` would say.
    pub response_type: ResponseType,
    /// Whether the first request is cross-origin to the page.
    pub cross_origin: bool,
    /// Whether any `OPTIONS` preflight goes on the wire.
    pub preflight_sent: bool,
    /// Every request that goes on the wire, in order.
    pub requests: Vec<WireRequest>,
    /// Which check stopped the request; `None` unless blocked or a request error.
    pub failure: Option<Failure>,
    /// What the script can read; `Some` only when allowed.
    pub readable: Option<Readable>,
    /// The exception text the script sees, in the chosen browser's words.
    pub js_error: Option<String>,
    /// Every console line the chosen browser prints for this request.
    pub console: Vec<String>,
    /// The explanation trace: every check made, in order.
    pub steps: Vec<Step>,
    /// Changes that would make the request work.
    pub fixes: Vec<Fix>,
    /// Non-fatal observations: preflight cache lifetime, missing `Vary: Origin`, insecure policies…
    #[serde(default)]
    pub notes: Vec<Note>,
    /// The DevTools Network panel row(s) for the requests, in the chosen browser's words.
    #[serde(default)]
    pub network: Vec<NetworkRow>,
    /// How the browser treats each header the script set, typed (not part of the JSON format: the
    /// same facts are in `steps`).
    #[serde(skip)]
    pub request_headers: Vec<RequestHeader>,
    /// Whether the first request needs a preflight, and why, typed (not part of the JSON format: the
    /// `preflight-needed` step says it in words). `None` when the request ended before that check.
    #[serde(skip)]
    pub preflight_need: Option<PreflightNeed>,
}

/// The end result for the script.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// The script reads the response.
    Allowed,
    /// Network error: `fetch()` rejects, XHR fires `error`.
    Blocked,
    /// `no-cors`: succeeds but the response is unreadable.
    Opaque,
    /// Redirect mode `manual`: an opaque-redirect response.
    #[serde(rename = "opaqueredirect")]
    OpaqueRedirect,
    /// The script's call throws before anything is sent.
    RequestError,
    /// Nothing settles: an XHR fires neither `load` nor `error` (Firefox, a same-origin XHR redirected to
    /// a `blob:` URL). The script waits until its own timeout, if it set one.
    NoEvent,
}

/// What `Response.type` would say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ResponseType {
    /// Same-origin (or data:) response.
    Basic,
    /// Cross-origin response that passed the CORS check.
    Cors,
    /// `no-cors` cross-origin response.
    Opaque,
    /// Redirect mode `manual`.
    #[serde(rename = "opaqueredirect")]
    OpaqueRedirect,
    /// Network error.
    Error,
}

/// One request on the wire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireRequest {
    /// `OPTIONS` for a preflight, else the (normalized) method.
    pub method: String,
    /// The URL requested.
    pub url: String,
    /// Whether cookies / HTTP auth are attached.
    pub credentials: bool,
    /// CORS-relevant headers: `Origin`, `Access-Control-Request-*`, the script's headers actually sent.
    pub headers: Vec<HeaderPair>,
}

/// The check that stopped the request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failure {
    /// Where it failed.
    pub stage: Stage,
    /// The stable check id.
    pub check: CheckId,
    /// The URL being fetched when it failed.
    pub url: String,
}

/// What the script can read of an allowed response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Readable {
    /// The response status.
    pub status: u16,
    /// Lower-case names of the headers the script can read.
    pub headers: Vec<String>,
}

/// One check of the explanation trace, rendered to words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StepWire")]
pub struct Step {
    /// The stable check id.
    pub check: CheckId,
    /// Where in the fetch the check happened.
    pub stage: Stage,
    /// Whether it passed: `false` only for the failed step (informational steps count as passed).
    pub passed: bool,
    /// `pass`, `fail` or `info` (a fact along the way, such as a header dropped or a preflight needed).
    pub outcome: StepOutcome,
    /// One plain-language sentence.
    pub summary: String,
    /// A short explanation.
    pub detail: String,
    /// A link into the Fetch standard.
    pub spec: String,
    /// The values compared, as `[name, value]` pairs.
    #[serde(default)]
    pub values: Vec<(Key, String)>,
}

impl Step {
    /// The first value recorded under `key`.
    #[must_use]
    pub fn value(&self, key: Key) -> Option<&str> {
        self.values
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// The JSON form of [`Step`]: a verdict written before `outcome` existed has only `passed`.
#[derive(Deserialize)]
struct StepWire {
    check: CheckId,
    stage: Stage,
    passed: bool,
    #[serde(default)]
    outcome: Option<StepOutcome>,
    summary: String,
    detail: String,
    spec: String,
    #[serde(default)]
    values: Vec<(Key, String)>,
}

impl From<StepWire> for Step {
    fn from(wire: StepWire) -> Step {
        let outcome = wire.outcome.unwrap_or(if wire.passed {
            StepOutcome::Pass
        } else {
            StepOutcome::Fail
        });
        Step {
            check: wire.check,
            stage: wire.stage,
            passed: wire.passed,
            outcome,
            summary: wire.summary,
            detail: wire.detail,
            spec: wire.spec,
            values: wire.values,
        }
    }
}

/// Which response a fix applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixTarget {
    /// The answer to the `OPTIONS` preflight.
    Preflight,
    /// The answer to the request itself.
    Response,
    /// A redirect response on the way.
    Redirect,
    /// The request as the script makes it (not the server).
    Request,
}

/// One change that would make the request work.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// Which response (or the request) to change.
    pub target: FixTarget,
    /// The URL whose answer changes.
    pub url: String,
    /// The header to set; `None` for a change that is not a header (status, request option).
    pub header: Option<String>,
    /// The value to set; `None` means remove the header.
    pub value: Option<String>,
    /// The change in plain words.
    pub summary: String,
    /// A security warning about this fix, if it is risky.
    pub warning: Option<String>,
}

/// A non-fatal observation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// A stable note id (e.g. `max-age`, `vary-origin-missing`).
    pub id: String,
    /// The observation in plain words.
    pub message: String,
}

/// A DevTools Network panel row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkRow {
    /// The method shown.
    pub method: String,
    /// The URL shown.
    pub url: String,
    /// The status column, e.g. `200`, `CORS error`, `(failed) net::ERR_FAILED`, `204 (preflight)`.
    pub status: String,
    /// The type column, e.g. `fetch`, `xhr`, `preflight`.
    pub kind: String,
}
