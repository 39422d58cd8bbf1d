//! What a capture (headers, curl output, HAR) holds: requests seen on the wire and the answers to them.

use cors_rules::scenario::{Answer, HeaderPair, HttpAnswer, NetworkErrorKind};
use serde::Serialize;

use crate::report::LineNote;

/// A request as it went on the wire.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SeenRequest {
    /// The method on the wire (`OPTIONS` for a preflight).
    pub method: String,
    /// The absolute URL, when the capture tells.
    pub url: Option<String>,
    /// The request's header lines.
    pub headers: Vec<HeaderPair>,
}

/// One request and what came back.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Exchange {
    /// The request, when the capture shows it.
    pub request: Option<SeenRequest>,
    /// The HTTP answer, when there was one.
    pub answer: Option<HttpAnswer>,
    /// Why there was no HTTP answer, when the capture says.
    pub network_error: Option<NetworkErrorKind>,
}

/// A parsed capture: its exchanges in order, and how each input line was read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Capture {
    /// The exchanges, in the order they appear.
    pub exchanges: Vec<Exchange>,
    /// Each non-empty line (for HAR: each entry), understood or ignored.
    pub lines: Vec<LineNote>,
}

/// The first value of a header, by case-insensitive name.
#[must_use]
pub fn header<'a>(headers: &'a [HeaderPair], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

impl Exchange {
    /// Whether the request is a CORS preflight (`OPTIONS` with `Access-Control-Request-Method`).
    #[must_use]
    pub fn is_preflight(&self) -> bool {
        self.request.as_ref().is_some_and(|r| {
            r.method.eq_ignore_ascii_case("OPTIONS")
                && header(&r.headers, "access-control-request-method").is_some()
        })
    }

    /// Whether the answer looks like an answer to a preflight (it carries `Access-Control-Allow-Methods`,
    /// `-Headers` or `-Max-Age`), for captures without the request.
    #[must_use]
    pub fn answer_looks_like_preflight(&self) -> bool {
        self.answer.as_ref().is_some_and(|a| {
            [
                "access-control-allow-methods",
                "access-control-allow-headers",
                "access-control-max-age",
            ]
            .iter()
            .any(|name| header(&a.headers, name).is_some())
        })
    }
}

/// Whether a header name is an HTTP token (RFC 9110 `tchar`s).
#[must_use]
pub fn is_token(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// Splits `Name: value`; `None` when the line is not a header line.
#[must_use]
pub fn split_header(line: &str) -> Option<HeaderPair> {
    let (name, value) = line.split_once(':')?;
    let name = name.trim_end();
    is_token(name).then(|| (name.to_owned(), value.trim().to_owned()))
}

/// Reads an HTTP status line (`HTTP/1.1 204 No Content`, `HTTP/2 200`).
///
/// `Some(Err(_))` for a line that starts like one but has no valid status code.
#[must_use]
pub fn status_line(line: &str) -> Option<Result<u16, String>> {
    let rest = line.strip_prefix("HTTP/")?;
    let mut words = rest.split_whitespace();
    let _version = words.next();
    let code = words.next().unwrap_or("");
    Some(match code.parse::<u16>() {
        Ok(status) if (100..=999).contains(&status) => Ok(status),
        _ => Err(format!(
            "the status line has no valid status code (found '{code}')"
        )),
    })
}

/// What the server answered in `exchange`, as a scenario's answer: its HTTP response, or the network
/// error in its place.
pub(super) fn answer_of(exchange: &Exchange) -> Option<Answer> {
    match (&exchange.answer, exchange.network_error) {
        (Some(answer), _) => Some(Answer::Http(answer.clone())),
        (None, Some(kind)) => Some(Answer::Error(kind)),
        (None, None) => None,
    }
}
