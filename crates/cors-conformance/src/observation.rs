//! What a real browser did with one case: what the script saw, what the lab received, what the console
//! printed.

use cors_rules::{Outcome, ResponseType};
use serde::{Deserialize, Serialize};

/// What the harness page's script reported for one request (the JSON `runner.js` returns).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScriptReport {
    /// The case id.
    pub id: String,
    /// How the call ended.
    pub kind: ReportKind,
    /// `Response.type` (fetch only).
    #[serde(default, rename = "type")]
    pub response_type: Option<String>,
    /// The response status, when a response was delivered.
    #[serde(default)]
    pub status: Option<u16>,
    /// Names of the headers the script could read (lower case, as the browser lists them).
    #[serde(default)]
    pub headers: Option<Vec<String>>,
    /// The exception text (`String(error)`), if any.
    #[serde(default)]
    pub error: Option<String>,
}

/// How a script's call ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReportKind {
    /// `fetch()` resolved, or XHR fired `load`.
    Response,
    /// `fetch()` rejected after the request was constructed, or XHR fired `error`.
    Rejected,
    /// Constructing the request threw (`new Request` or `xhr.open`/`setRequestHeader`).
    RequestError,
    /// Nothing happened within the harness's time limit.
    Timeout,
    /// The harness itself failed (the case could not be run).
    HarnessError,
}

/// One request the lab received, in the terms the comparison needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Received {
    /// The method as sent.
    pub method: String,
    /// The full URL requested.
    pub url: String,
    /// Whether a `Cookie` header came with it.
    pub cookies: bool,
    /// Every header line as sent (names as sent).
    pub headers: Vec<(String, String)>,
}

/// Everything observed for one case in one browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Observation {
    /// What the script saw.
    pub script: ScriptReport,
    /// What the lab received, in order.
    pub received: Vec<Received>,
    /// The console lines attributed to this case; `None` when the browser's console is not captured.
    pub console: Option<Vec<String>>,
}

impl ScriptReport {
    /// The outcome the script saw; `None` for harness errors.
    #[must_use]
    pub fn outcome(&self) -> Option<Outcome> {
        match self.kind {
            ReportKind::Response => Some(match self.response_type.as_deref() {
                Some("opaque") => Outcome::Opaque,
                Some("opaqueredirect") => Outcome::OpaqueRedirect,
                _ => Outcome::Allowed,
            }),
            ReportKind::Rejected => Some(Outcome::Blocked),
            ReportKind::RequestError => Some(Outcome::RequestError),
            // Nothing settled within the harness's time limit: what the engine calls no event.
            ReportKind::Timeout => Some(Outcome::NoEvent),
            ReportKind::HarnessError => None,
        }
    }

    /// `Response.type` as the script saw it; `None` when not observable (XHR has no `type`).
    #[must_use]
    pub fn response_type(&self, api_is_fetch: bool) -> Option<ResponseType> {
        if !api_is_fetch {
            return None;
        }
        match self.kind {
            ReportKind::Response => match self.response_type.as_deref()? {
                "basic" => Some(ResponseType::Basic),
                "cors" => Some(ResponseType::Cors),
                "opaque" => Some(ResponseType::Opaque),
                "opaqueredirect" => Some(ResponseType::OpaqueRedirect),
                _ => Some(ResponseType::Error),
            },
            ReportKind::Rejected | ReportKind::RequestError => Some(ResponseType::Error),
            ReportKind::Timeout | ReportKind::HarnessError => None,
        }
    }
}
