//! The wire requests, projected onto what both the engine and the lab can speak about: method, URL,
//! whether cookies went along, and the CORS-relevant header lines.

use cors_rules::scenario::{HeaderPair, Scenario};
use cors_rules::verdict::WireRequest;
use serde::{Deserialize, Serialize};

use crate::observation::Received;

/// Headers the engine always speaks about.
const CORS_NAMES: [&str; 3] = [
    "origin",
    "access-control-request-method",
    "access-control-request-headers",
];

/// Headers the browser (or its network stack) sends with its own value when the script's is absent or
/// dropped, so "absent" cannot be observed; only "not the script's value" can.
const BROWSER_MANAGED: [&str; 11] = [
    "accept",
    "accept-language",
    "accept-encoding",
    "connection",
    "host",
    "user-agent",
    "referer",
    "content-length",
    "keep-alive",
    "cache-control",
    "pragma",
];

/// Headers whose values the lab redacts: only their presence can be compared.
const REDACTED: [&str; 1] = ["authorization"];

/// One request on the wire, as compared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireView {
    /// The method.
    pub method: String,
    /// The URL.
    pub url: String,
    /// Whether cookies went along; `None` where the harness cannot observe it.
    pub credentials: Option<bool>,
    /// Relevant header lines, lower-case names, same-name lines combined with `, `, sorted by name.
    pub headers: Vec<HeaderPair>,
}

/// Which headers of which request the comparison looks at.
#[derive(Clone, Debug)]
pub struct Relevance {
    script: Vec<HeaderPair>,
    names: Vec<String>,
}

impl Relevance {
    /// The CORS names plus every name the scenario's script sets (except `Cookie`, which the credentials
    /// column covers).
    #[must_use]
    pub fn for_scenario(scenario: &Scenario) -> Relevance {
        let mut names: Vec<String> = CORS_NAMES.iter().map(|name| (*name).to_owned()).collect();
        for (name, _) in &scenario.request.headers {
            let lower = name.to_ascii_lowercase();
            if lower != "cookie" && !names.contains(&lower) {
                names.push(lower);
            }
        }
        Relevance {
            script: scenario.request.headers.clone(),
            names,
        }
    }

    fn script_values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.script
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim_matches([' ', '\t']))
    }
}

/// Lower-case names, same-name lines combined in order, `Authorization` values hidden, sorted by name.
fn combine(headers: &[HeaderPair], keep: impl Fn(&str) -> bool) -> Vec<HeaderPair> {
    let mut combined: Vec<HeaderPair> = Vec::new();
    for (name, value) in headers {
        let lower = name.to_ascii_lowercase();
        if !keep(&lower) {
            continue;
        }
        let value = if REDACTED.contains(&lower.as_str()) {
            "(present)".to_owned()
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
    combined.sort_by(|a, b| a.0.cmp(&b.0));
    combined
}

fn is_preflight(method: &str, headers: &[HeaderPair]) -> bool {
    method == "OPTIONS"
        && headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case("access-control-request-method"))
}

/// The engine's predicted request, projected.
#[must_use]
pub fn predicted_view(
    request: &WireRequest,
    relevance: &Relevance,
    credentials_visible: bool,
) -> WireView {
    let preflight = is_preflight(&request.method, &request.headers);
    let headers = combine(&request.headers, |name| {
        relevance.names.iter().any(|n| n == name) && !(preflight && BROWSER_MANAGED.contains(&name))
    });
    WireView {
        method: request.method.clone(),
        url: request.url.clone(),
        credentials: credentials_visible.then_some(request.credentials),
        headers,
    }
}

/// What the lab received, projected. A browser-managed header is kept only when the prediction names it,
/// or when it carries the script's own value (the script's header went through although predicted dropped).
#[must_use]
pub fn observed_view(
    received: &Received,
    predicted: Option<&WireView>,
    relevance: &Relevance,
    credentials_visible: bool,
) -> WireView {
    let preflight = is_preflight(&received.method, &received.headers);
    let all = combine(&received.headers, |name| {
        relevance.names.iter().any(|n| n == name)
    });
    let headers = all
        .into_iter()
        .filter(|(name, value)| {
            if !BROWSER_MANAGED.contains(&name.as_str()) {
                return true;
            }
            if preflight {
                return false;
            }
            let predicted_names =
                predicted.is_some_and(|view| view.headers.iter().any(|(n, _)| n == name));
            predicted_names || relevance.script_values(name).any(|script| script == value)
        })
        .collect();
    WireView {
        method: received.method.clone(),
        url: received.url.clone(),
        credentials: credentials_visible.then_some(received.cookies),
        headers,
    }
}
