//! The scenario: everything the browser needs to decide a cross-origin request.
//!
//! These are the plain serde structs of `docs/reference/scenario-format.md`. The same type is the wizard's state, the Wasm
//! boundary, the CLI input, the share-link payload and the test-case type. Parsing is strict: unknown fields
//! are rejected with an error naming the field.

use serde::{Deserialize, Deserializer, Serialize};

use crate::browser::Browser;

/// A `[name, value]` header line, in the order written.
pub type HeaderPair = (String, String);

/// One cross-origin situation: the page, the request its script makes, and how the servers answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Which browser's behaviour to predict.
    #[serde(default)]
    pub browser: Browser,
    /// The page's origin or full URL; `None` (JSON `null`) is an opaque origin.
    #[serde(deserialize_with = "required_nullable")]
    pub page: Option<String>,
    /// The request the page's script makes.
    pub request: Request,
    /// How the servers answer, one entry per URL.
    pub server: Vec<ServerEntry>,
}

/// The request as the script wrote it (`fetch(url, init)` or `xhr.open(method, url)`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    /// The absolute URL passed to `fetch()` / `xhr.open()`.
    pub url: String,
    /// The method as written; case is kept.
    #[serde(default = "default_method")]
    pub method: String,
    /// Header pairs as the script set them, in order; a name may repeat.
    #[serde(default)]
    pub headers: Vec<HeaderPair>,
    /// The request mode.
    #[serde(default)]
    pub mode: RequestMode,
    /// The credentials mode.
    #[serde(default)]
    pub credentials: CredentialsMode,
    /// The redirect mode.
    #[serde(default)]
    pub redirect: RedirectMode,
    /// Which script API makes the request.
    #[serde(default)]
    pub api: Api,
    /// Set when XHR upload listeners were added before `send()` or the body is a stream.
    #[serde(default)]
    pub preflight_flag: bool,
}

fn default_method() -> String {
    "GET".to_owned()
}

/// A request's mode (<https://fetch.spec.whatwg.org/#concept-request-mode>).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RequestMode {
    /// `cors`: cross-origin responses must pass the CORS check.
    #[default]
    Cors,
    /// `no-cors`: cross-origin responses are opaque.
    NoCors,
    /// `same-origin`: cross-origin URLs are a network error.
    SameOrigin,
}

/// A request's credentials mode (<https://fetch.spec.whatwg.org/#concept-request-credentials-mode>).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CredentialsMode {
    /// `omit`: never send or store cookies.
    Omit,
    /// `same-origin`: cookies only for same-origin requests.
    #[default]
    SameOrigin,
    /// `include`: cookies always (XHR `withCredentials = true`).
    Include,
}

/// A request's redirect mode (<https://fetch.spec.whatwg.org/#concept-request-redirect-mode>).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RedirectMode {
    /// `follow` redirects.
    #[default]
    Follow,
    /// `manual`: hand back an opaque-redirect response.
    Manual,
    /// `error`: any redirect is a network error.
    Error,
}

/// The script API making the request; it changes console wording and a few rules.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Api {
    /// `fetch()`.
    #[default]
    Fetch,
    /// `XMLHttpRequest`.
    Xhr,
}

/// How the server at one URL answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerEntry {
    /// The URL this entry answers (compared after URL parsing).
    pub url: String,
    /// The answer to an `OPTIONS` preflight; absent means "the same as `response`".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preflight: Option<Answer>,
    /// The answer to the request itself.
    #[serde(default)]
    pub response: Answer,
}

/// An HTTP answer, or no answer at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// An HTTP response with its status and header lines.
    Http(HttpAnswer),
    /// No HTTP answer at all.
    Error(NetworkErrorKind),
}

impl Default for Answer {
    fn default() -> Self {
        Answer::Http(HttpAnswer {
            status: 200,
            headers: Vec::new(),
        })
    }
}

/// An HTTP response: status and header lines in order (a name may repeat).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HttpAnswer {
    /// The HTTP status code.
    pub status: u16,
    /// Header lines as `[name, value]` pairs.
    #[serde(default)]
    pub headers: Vec<HeaderPair>,
}

/// Why no HTTP answer came back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NetworkErrorKind {
    /// Nothing listens on that port.
    ConnectionRefused,
    /// The server never answered.
    Timeout,
    /// The host name does not resolve.
    Dns,
    /// The TLS handshake failed (bad certificate, wrong protocol).
    Tls,
}

impl NetworkErrorKind {
    /// The id used in scenarios.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            NetworkErrorKind::ConnectionRefused => "connection-refused",
            NetworkErrorKind::Timeout => "timeout",
            NetworkErrorKind::Dns => "dns",
            NetworkErrorKind::Tls => "tls",
        }
    }
}

/// The wire form of [`Answer`]: `{"status", "headers"}` or `{"error"}`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswerWire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    headers: Option<Vec<HeaderPair>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    error: Option<NetworkErrorKind>,
}

impl Serialize for Answer {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let wire = match self {
            Answer::Http(http) => AnswerWire {
                status: Some(http.status),
                headers: Some(http.headers.clone()),
                error: None,
            },
            Answer::Error(kind) => AnswerWire {
                status: None,
                headers: None,
                error: Some(*kind),
            },
        };
        wire.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = AnswerWire::deserialize(deserializer)?;
        match (wire.error, wire.status, wire.headers) {
            (Some(kind), None, None) => Ok(Answer::Error(kind)),
            (Some(_), _, _) => Err(serde::de::Error::custom(
                "an answer is either {\"error\": …} or {\"status\", \"headers\"}, not both",
            )),
            (None, status, headers) => Ok(Answer::Http(HttpAnswer {
                status: status.unwrap_or(200),
                headers: headers.unwrap_or_default(),
            })),
        }
    }
}

/// A field that must be present but may be `null`.
fn required_nullable<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    Option::<String>::deserialize(deserializer)
}

/// A scenario the engine cannot evaluate: which field, and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputError {
    /// The field's path, e.g. `request.headers[1][0]` or `server[0].response.status`.
    pub field: String,
    /// What is wrong, in plain words.
    pub problem: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}", self.problem)
        } else {
            write!(f, "{}: {}", self.field, self.problem)
        }
    }
}

impl std::error::Error for InputError {}

impl Scenario {
    /// Parses a scenario from JSON text, naming the offending field on error.
    ///
    /// # Errors
    /// An [`InputError`] naming the field (by path) and the problem.
    pub fn from_json(text: &str) -> Result<Scenario, InputError> {
        #[cfg(feature = "field-paths")]
        {
            let de = &mut serde_json::Deserializer::from_str(text);
            serde_path_to_error::deserialize(de)
                .map_err(|err| input_error(&err.path().to_string(), &err.inner().to_string()))
        }
        #[cfg(not(feature = "field-paths"))]
        {
            serde_json::from_str(text).map_err(|err| unplaced_error(&err))
        }
    }

    /// Parses a scenario from a JSON value, naming the offending field on error.
    ///
    /// # Errors
    /// An [`InputError`] naming the field (by path) and the problem.
    pub fn from_value(value: serde_json::Value) -> Result<Scenario, InputError> {
        #[cfg(feature = "field-paths")]
        {
            serde_path_to_error::deserialize(value)
                .map_err(|err| input_error(&err.path().to_string(), &err.inner().to_string()))
        }
        #[cfg(not(feature = "field-paths"))]
        {
            serde_json::from_value(value).map_err(|err| unplaced_error(&err))
        }
    }
}

/// An [`InputError`] without the `field-paths` feature: serde_json's message, no field.
#[cfg(not(feature = "field-paths"))]
fn unplaced_error(err: &serde_json::Error) -> InputError {
    InputError {
        field: String::new(),
        problem: err.to_string(),
    }
}

#[cfg(feature = "field-paths")]
/// An [`InputError`] from a deserialization path and message; a missing field is named in the path
/// (`request.url`), not only in the message.
fn input_error(path: &str, problem: &str) -> InputError {
    let mut field = path.trim_start_matches('.').to_owned();
    if field == "?" {
        field.clear();
    }
    if let Some(name) = problem
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
    {
        if !field.is_empty() {
            field.push('.');
        }
        field.push_str(name);
    }
    InputError {
        field,
        problem: problem.to_owned(),
    }
}
