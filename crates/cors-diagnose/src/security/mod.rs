//! Security review of a CORS policy, from what the server answers to chosen `Origin`s.
//!
//! A server's `Access-Control-Allow-Origin` logic cannot be read from one answer: it shows when the same
//! URL is asked from origins built to trip common mistakes (reflection, `null`, prefix/suffix/substring
//! matching, unescaped regex dots, `http://`, any subdomain). [`probes`] lists them with `curl` commands;
//! [`review`] judges the answers.

mod findings;
mod observe;

use serde::Serialize;

pub use findings::{Finding, Risk, Severity};
pub use observe::{parse_observations, Observation};

/// What CORS does not protect, said plainly.
pub const NOT_PROTECTED: &[&str] = &[
    "CORS only stops a browser page from reading responses. Servers, scripts, curl and mobile apps ignore it: authenticate and authorize every request on the server.",
    "Simple requests (GET, HEAD, and POST with a form or text body) are sent, with cookies, before any CORS check: a page on another site can still trigger state changes. That is CSRF, and it needs its own defence (SameSite cookies, CSRF tokens, checking Origin on writes).",
    "A preflight only happens for non-simple requests; do not rely on it as access control.",
];

/// One origin to ask from, and what it tests.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Probe {
    /// The `Origin` to send.
    pub origin: String,
    /// The mistake an allowed answer reveals.
    pub risk: Risk,
    /// A `curl` command showing the answer's CORS headers.
    pub command: String,
}

/// The origins worth asking from, for a trusted origin and an API URL.
#[must_use]
pub fn probes(trusted: &str, api_url: &str) -> Vec<Probe> {
    let Ok(parsed) = url::Url::parse(trusted) else {
        return Vec::new();
    };
    let host = parsed.host_str().unwrap_or("app.example").to_owned();
    let scheme = parsed.scheme();
    let port = parsed.port().map(|p| format!(":{p}")).unwrap_or_default();
    let parent = match host.split_once('.') {
        Some((_, rest)) if rest.contains('.') => rest.to_owned(),
        _ => host.clone(),
    };
    let mut list = vec![
        ("https://evil.example".to_owned(), Risk::ReflectsAnyOrigin),
        ("null".to_owned(), Risk::TrustsNull),
        (
            format!("{scheme}://{host}{port}.evil.example"),
            Risk::PrefixMatch,
        ),
        (format!("{scheme}://evil{parent}{port}"), Risk::SuffixMatch),
        (
            format!("{scheme}://evil-{host}.evil.example"),
            Risk::SubstringMatch,
        ),
        (
            format!("{scheme}://{}{port}", replace_last_dot(&host)),
            Risk::UnescapedDot,
        ),
    ];
    if host.contains('.') {
        list.push((
            format!("{scheme}://attacker.{parent}{port}"),
            Risk::AllSubdomains,
        ));
    }
    if scheme == "https" {
        list.push((format!("http://{host}{port}"), Risk::InsecureOrigin));
    }
    list.into_iter()
        .map(|(origin, risk)| {
            let command = format!(
                "curl -s -o /dev/null -D - -H {} {} | grep -i -E '^(access-control-allow-|vary)'",
                crate::curl_commands::shell_quote(&format!("Origin: {origin}")),
                crate::curl_commands::shell_quote(api_url)
            );
            Probe {
                origin,
                risk,
                command,
            }
        })
        .collect()
}

/// `app.examplexcom` for `app.example.com`: only a regex with an unescaped dot accepts it.
fn replace_last_dot(host: &str) -> String {
    match host.rfind('.') {
        Some(at) => format!("{}x{}", &host[..at], &host[at + 1..]),
        None => format!("{host}x"),
    }
}

/// Judges what a server answered to each `Origin`. `trusted` is the origin the API is meant for;
/// `api_url` tells whether the API is served over https.
#[must_use]
pub fn review(trusted: &str, api_url: &str, observations: &[Observation]) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    let https_api = api_url.starts_with("https:");
    for observation in observations {
        for risk in findings::risks_of(trusted, https_api, observation) {
            if !out.iter().any(|f| f.risk == risk) {
                out.push(Finding::new(risk, observation));
            }
        }
    }
    cors_rules::short_sort::sort_by_key(&mut out, |f| f.risk);
    out
}

/// The observations a scenario's own answers give: its page's origin against each HTTP answer for the
/// request URL (preflight and response).
#[must_use]
pub fn observations_of(scenario: &cors_rules::Scenario) -> Vec<Observation> {
    let origin = scenario.page.as_deref().map_or("null".to_owned(), |page| {
        url::Url::parse(page).map_or(page.to_owned(), |u| u.origin().ascii_serialization())
    });
    let Some(entry) = scenario
        .server
        .iter()
        .find(|e| e.url == scenario.request.url)
    else {
        return Vec::new();
    };
    [entry.preflight.as_ref(), Some(&entry.response)]
        .into_iter()
        .flatten()
        .filter_map(|answer| match answer {
            cors_rules::scenario::Answer::Http(http) => {
                Some(Observation::from_answer(&origin, http))
            }
            cors_rules::scenario::Answer::Error(_) => None,
        })
        .collect()
}

/// Reviews a scenario's own answers (what one origin can reveal: `*` with credentials, a missing
/// `Vary: Origin`, a trusted `null`).
#[must_use]
pub fn review_scenario(scenario: &cors_rules::Scenario) -> Vec<Finding> {
    let observations = observations_of(scenario);
    let trusted = observations
        .first()
        .map(|o| o.origin.clone())
        .unwrap_or_default();
    review(&trusted, &scenario.request.url, &observations)
}

#[cfg(test)]
mod tests;
