//! Requests on the wire, projected onto what both the engine and an observer of real requests (the lab's
//! log) can speak about: method, URL, whether cookies went along, and the CORS-relevant header lines.
//!
//! The web app's live run and the conformance harness compare the engine's predicted requests with what
//! the lab received through this one projection.

use cors_rules::scenario::HeaderPair;
use cors_rules::verdict::WireRequest;
use serde::{Deserialize, Serialize};

use cors_rules::browser_managed::is_browser_managed_request_header_name;

use crate::api::LogEntry;

/// Headers the comparison always looks at.
const CORS_NAMES: [&str; 3] = [
    "origin",
    "access-control-request-method",
    "access-control-request-headers",
];

// Headers the browser (or its network stack) sends with its own value when the script's is absent or
// dropped (the engine's `browser_managed` list), so "absent" cannot be observed; only "not the
// script's value" can.

/// Headers whose values the lab's log redacts: only their presence is compared.
const REDACTED: [&str; 2] = ["authorization", "cookie"];

/// What a redacted header's value becomes on both sides.
const PRESENT: &str = "(present)";

/// One request on the wire, as compared and shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireView {
    /// The method as sent.
    pub method: String,
    /// The URL requested, in its parsed (canonical) form.
    pub url: String,
    /// Whether cookies went along; `None` where no test cookie could show it. Serialized as
    /// `credentials`, the key the conformance reports and saved disagreements use.
    #[serde(rename = "credentials")]
    pub cookies: Option<bool>,
    /// Relevant header lines: lower-case names, same-name lines joined with `, `, sorted by name.
    pub headers: Vec<HeaderPair>,
}

/// Whether "cookies attached" can be seen on a URL at all: only where a test cookie exists that the
/// browser may send back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CookieVisibility {
    /// A test cookie can come back: the cookie column is compared.
    Visible,
    /// No test cookie can show it: the cookie column is `None`.
    Hidden,
}

impl CookieVisibility {
    /// [`CookieVisibility::Visible`] when `visible` holds.
    #[must_use]
    pub fn when(visible: bool) -> CookieVisibility {
        if visible {
            CookieVisibility::Visible
        } else {
            CookieVisibility::Hidden
        }
    }

    fn show(self, cookies: bool) -> Option<bool> {
        (self == CookieVisibility::Visible).then_some(cookies)
    }
}

/// A request an observer received: what [`observed_view`] projects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ObservedRequest<'a> {
    /// The method as sent.
    pub method: &'a str,
    /// The full URL requested.
    pub url: &'a str,
    /// Whether a `Cookie` header came with it.
    pub cookies: bool,
    /// Every header line in order, names as sent (values of redacted headers may be hidden).
    pub headers: &'a [HeaderPair],
    /// Whether the observer took it for a CORS preflight; `false` when it does not say. A request is a
    /// preflight also when it is an `OPTIONS` with `Access-Control-Request-Method`, whatever this says.
    pub taken_for_preflight: bool,
}

impl<'a> From<&'a LogEntry> for ObservedRequest<'a> {
    fn from(entry: &'a LogEntry) -> ObservedRequest<'a> {
        ObservedRequest {
            method: &entry.method,
            url: &entry.url,
            cookies: entry.cookies,
            headers: &entry.headers,
            taken_for_preflight: entry.preflight,
        }
    }
}

/// Which header names matter for a request: the CORS ones plus every name the script sets (except
/// `Cookie`, which the cookie column covers).
#[derive(Clone, Debug)]
pub struct Relevance {
    script: Vec<HeaderPair>,
    names: Vec<String>,
}

impl Relevance {
    /// The relevance for a script that sets `headers` (the scenario's `request.headers`).
    #[must_use]
    pub fn for_script(headers: &[HeaderPair]) -> Relevance {
        let mut names: Vec<String> = CORS_NAMES.iter().map(|n| (*n).to_owned()).collect();
        for (name, _) in headers {
            let lower = name.to_ascii_lowercase();
            if lower != "cookie" && !names.contains(&lower) {
                names.push(lower);
            }
        }
        Relevance {
            script: headers.to_vec(),
            names,
        }
    }

    fn matters(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    fn is_script_value(&self, name: &str, value: &str) -> bool {
        self.script
            .iter()
            .any(|(n, v)| n.eq_ignore_ascii_case(name) && v.trim_matches([' ', '\t']) == value)
    }
}

/// Lower-case names, same-name lines joined in order, redacted values hidden, sorted by name.
fn combine(headers: &[HeaderPair], keep: impl Fn(&str) -> bool) -> Vec<HeaderPair> {
    let mut combined: Vec<HeaderPair> = Vec::new();
    for (name, value) in headers {
        let lower = name.to_ascii_lowercase();
        if !keep(&lower) {
            continue;
        }
        let value = if REDACTED.contains(&lower.as_str()) {
            PRESENT.to_owned()
        } else {
            value.clone()
        };
        match combined.iter_mut().find(|(n, _)| *n == lower) {
            Some((_, existing)) => {
                existing.push_str(", ");
                existing.push_str(&value);
            }
            None => combined.push((lower, value)),
        }
    }
    cors_rules::short_sort::sort_by(&mut combined, |a, b| a.0.cmp(&b.0));
    combined
}

/// A CORS preflight: `OPTIONS` with an `Access-Control-Request-Method` header.
fn is_preflight(method: &str, headers: &[HeaderPair]) -> bool {
    method == "OPTIONS"
        && headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case("access-control-request-method"))
}

/// A URL in its parsed (canonical) form, or as written when it does not parse.
fn canonical_url(text: &str) -> String {
    url::Url::parse(text).map_or_else(|_| text.to_owned(), String::from)
}

/// The engine's predicted request, projected.
#[must_use]
pub fn predicted_view(
    request: &WireRequest,
    relevance: &Relevance,
    cookies: CookieVisibility,
) -> WireView {
    let preflight = is_preflight(&request.method, &request.headers);
    let headers = combine(&request.headers, |name| {
        relevance.matters(name) && !(preflight && is_browser_managed_request_header_name(name))
    });
    WireView {
        method: request.method.clone(),
        url: canonical_url(&request.url),
        cookies: cookies.show(request.credentials),
        headers,
    }
}

/// What the observer received, projected. A browser-managed header is kept only when the prediction at the
/// same position names it, or when it carries the script's own value (the script's header went through
/// although predicted dropped); on a preflight it is never kept.
#[must_use]
pub fn observed_view(
    observed: &ObservedRequest<'_>,
    predicted: Option<&WireView>,
    relevance: &Relevance,
    cookies: CookieVisibility,
) -> WireView {
    let preflight = observed.taken_for_preflight || is_preflight(observed.method, observed.headers);
    let headers = combine(observed.headers, |name| relevance.matters(name))
        .into_iter()
        .filter(|(name, value)| {
            if !is_browser_managed_request_header_name(name) {
                return true;
            }
            if preflight {
                return false;
            }
            let predicted_names =
                predicted.is_some_and(|view| view.headers.iter().any(|(n, _)| n == name));
            predicted_names || relevance.is_script_value(name, value)
        })
        .collect();
    WireView {
        method: observed.method.to_owned(),
        url: canonical_url(observed.url),
        cookies: cookies.show(observed.cookies),
        headers,
    }
}

#[cfg(test)]
#[path = "wire_tests.rs"]
mod tests;
