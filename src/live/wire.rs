//! Requests on the wire, projected onto what both the engine and the lab's log speak about: method, URL,
//! whether cookies went along, and the CORS-relevant header lines.

use cors_lab::api::LogEntry;
use cors_rules::scenario::HeaderPair;
use cors_rules::verdict::WireRequest;

/// Headers the comparison always looks at.
const CORS_NAMES: [&str; 3] = [
    "origin",
    "access-control-request-method",
    "access-control-request-headers",
];

/// Headers the browser sends with its own value when the script's is absent or dropped, so only "not the
/// script's value" can be observed, never "absent".
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

/// Headers whose values the lab redacts in its log: only their presence is compared.
const REDACTED: [&str; 2] = ["authorization", "cookie"];

/// One request on the wire, as compared and shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WireRow {
    /// The method as sent.
    pub method: String,
    /// The URL requested.
    pub url: String,
    /// Whether cookies went along; `None` where no test cookie could show it.
    pub cookies: Option<bool>,
    /// Relevant header lines: lower-case names, same-name lines joined with `, `, sorted by name.
    pub headers: Vec<HeaderPair>,
}

/// Which header names matter for a request: the CORS ones plus every name the script sets.
#[derive(Clone, Debug)]
pub struct Relevance {
    script: Vec<HeaderPair>,
    names: Vec<String>,
}

impl Relevance {
    /// The relevance for a script that sets `headers`.
    #[must_use]
    pub fn for_script(headers: &[HeaderPair]) -> Relevance {
        let mut names: Vec<String> = CORS_NAMES.iter().map(|n| (*n).to_owned()).collect();
        for (name, _) in headers {
            let lower = name.trim().to_ascii_lowercase();
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
        self.script.iter().any(|(n, v)| {
            n.trim().eq_ignore_ascii_case(name) && v.trim_matches([' ', '\t']) == value
        })
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

/// A URL in its parsed (canonical) form, or as written when it does not parse.
fn canonical_url(text: &str) -> String {
    url::Url::parse(text).map_or_else(|_| text.to_owned(), |url| url.to_string())
}

/// The engine's predicted request, projected. `cookies_visible` says whether a test cookie exists for the
/// URL, so that "cookies attached" can be seen at all.
#[must_use]
pub fn predicted_row(
    request: &WireRequest,
    relevance: &Relevance,
    cookies_visible: bool,
) -> WireRow {
    let preflight = is_preflight(&request.method, &request.headers);
    let headers = combine(&request.headers, |name| {
        relevance.matters(name) && !(preflight && BROWSER_MANAGED.contains(&name))
    });
    WireRow {
        method: request.method.clone(),
        url: canonical_url(&request.url),
        cookies: cookies_visible.then_some(request.credentials),
        headers,
    }
}

/// What the lab logged, projected. A browser-managed header is kept only when the prediction at the same
/// position names it, or when it carries the script's own value (the script's header went through).
#[must_use]
pub fn observed_row(
    entry: &LogEntry,
    predicted: Option<&WireRow>,
    relevance: &Relevance,
    cookies_visible: bool,
) -> WireRow {
    let preflight = entry.preflight || is_preflight(&entry.method, &entry.headers);
    let headers = combine(&entry.headers, |name| relevance.matters(name))
        .into_iter()
        .filter(|(name, value)| {
            if !BROWSER_MANAGED.contains(&name.as_str()) {
                return true;
            }
            if preflight {
                return false;
            }
            let predicted_names =
                predicted.is_some_and(|row| row.headers.iter().any(|(n, _)| n == name));
            predicted_names || relevance.is_script_value(name, value)
        })
        .collect();
    WireRow {
        method: entry.method.clone(),
        url: canonical_url(&entry.url),
        cookies: cookies_visible.then_some(entry.cookies),
        headers,
    }
}

#[cfg(test)]
#[path = "wire_tests.rs"]
mod tests;
