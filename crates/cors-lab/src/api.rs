//! The lab's HTTP API as plain serde types: what `POST /api/scenarios`, `GET /api/scenarios/{id}/log` and
//! `GET /api/health` send and receive. The server, the web app and the conformance harness share them; they
//! build without the `server` feature (and for wasm32).

use cors_rules::Scenario;
use serde::{Deserialize, Serialize};

/// The body of `POST /api/scenarios`.
///
/// The server also accepts a bare scenario object as the body; `page_origin` then defaults to the request's
/// `Origin` header, or to the app origin when there is none.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegisterRequest {
    /// The scenario, in `docs/reference/scenario-format.md` terms.
    pub scenario: Scenario,
    /// The origin of the real page that will run the request (`"null"` for an opaque origin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_origin: Option<String>,
}

/// The answer to a registration (`201 Created`) and to `GET /api/scenarios/{id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registered {
    /// The scenario's id; its URLs live under `/s/{id}/` on the lab's origins.
    pub id: String,
    /// The real page origin the scenario was translated for (`"null"` for an opaque origin).
    pub page_origin: String,
    /// The scenario translated into lab terms: the real page, lab URLs, header values rewritten.
    pub scenario: Scenario,
    /// `[scenario_url, lab_url]` pairs: the request URL, every server entry URL and every redirect target.
    pub urls: Vec<(String, String)>,
    /// Where the lab run cannot match the scenario exactly.
    pub notes: Vec<Note>,
}

/// A known difference between a scenario and its lab translation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// A stable id.
    pub id: NoteId,
    /// The same, in plain words.
    pub message: String,
}

/// The stable ids of [`Note`]s.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum NoteId {
    /// The lab speaks plain `http`; `https` scenario origins become `http` lab origins.
    SchemeFlattened,
    /// Not enough lab origins to keep every same-site / cross-site relation of the scenario.
    SiteRelationChanged,
    /// The scenario's page is (or is not) an opaque origin, but the real page is not (or is).
    OpaquePageMismatch,
    /// A `dns` or `tls` failure cannot be produced on loopback; the lab resets the connection instead.
    NetworkErrorEmulated,
}

/// One request the lab received for a scenario: "what your server saw".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    /// Position in the scenario's log, from 1; gaps mean older entries were dropped.
    pub seq: u64,
    /// The request method, as sent.
    pub method: String,
    /// The full lab URL requested.
    pub url: String,
    /// The `Origin` header, if any.
    pub origin: Option<String>,
    /// The `Access-Control-Request-Method` header, if any.
    pub access_control_request_method: Option<String>,
    /// The `Access-Control-Request-Headers` header, if any.
    pub access_control_request_headers: Option<String>,
    /// Whether a `Cookie` header came with the request.
    pub cookies: bool,
    /// Every header line in order, names as sent; `Cookie` and `Authorization` values are redacted.
    pub headers: Vec<(String, String)>,
    /// Whether the lab took the request for a CORS preflight (`OPTIONS` with `Access-Control-Request-Method`).
    pub preflight: bool,
    /// What the lab answered.
    pub answer: LoggedAnswer,
}

/// What the lab did with a logged request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum LoggedAnswer {
    /// The entry's `preflight` answer (or its `response` when the entry has no `preflight`).
    Preflight,
    /// The entry's `response` answer.
    Response,
    /// No answer: the connection was reset (`connection-refused`, `dns`, `tls`).
    ConnectionReset,
    /// No answer: the connection was held, then reset (`timeout`).
    Timeout,
    /// No server entry has this URL: `404` with a fixed text body.
    NoEntry,
}

/// The answer to `GET /api/health`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    /// Always `true`.
    pub ok: bool,
    /// The lab's version.
    pub version: String,
    /// The origins the lab answers on.
    pub origins: LabOrigins,
}

/// The origins a running lab answers on, as ASCII-serialised origins (`http://127.0.0.1:8081`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabOrigins {
    /// The app's origins (the app listener), first the one to open.
    pub app: Vec<String>,
    /// The scenario listeners' origins.
    pub scenario: Vec<String>,
}

impl LabOrigins {
    /// Every lab origin: the app's, then the scenario listeners'.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        self.app
            .iter()
            .chain(self.scenario.iter())
            .map(String::as_str)
    }
}

/// Every error answer of the API: `{"error": "...", "field": "..."}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    /// What is wrong, in plain words.
    pub error: String,
    /// The offending field's path in the request body (e.g. `scenario.server[0].response.status`), if any.
    pub field: Option<String>,
}
