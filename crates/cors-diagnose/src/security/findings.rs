//! The mistakes, the attack each one enables, and the safe alternative.

use serde::Serialize;

use super::observe::Observation;

/// A CORS policy mistake.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Risk {
    /// Any origin is echoed back.
    ReflectsAnyOrigin,
    /// `Origin: null` is trusted.
    TrustsNull,
    /// Origins that merely start with the trusted one are accepted.
    PrefixMatch,
    /// Origins that merely end with the trusted host are accepted.
    SuffixMatch,
    /// Origins that merely contain the trusted host are accepted.
    SubstringMatch,
    /// A regular expression with unescaped dots accepts look-alike hosts.
    UnescapedDot,
    /// The plain-http version of the trusted origin is accepted by an https API.
    InsecureOrigin,
    /// Every subdomain of the site is trusted.
    AllSubdomains,
    /// `*` is combined with `Access-Control-Allow-Credentials: true`.
    WildcardWithCredentials,
    /// The echoed origin comes without `Vary: Origin`.
    MissingVary,
}

/// How bad a mistake is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Any website can read authenticated responses.
    High,
    /// An attacker needs a foothold (a subdomain, the network path, a sandboxed page).
    Medium,
    /// Caching or hygiene problem.
    Low,
}

/// One finding: what was seen, what it allows, what to do instead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The mistake.
    pub risk: Risk,
    /// How bad it is (worse when credentials are allowed).
    pub severity: Severity,
    /// The answer that shows it.
    pub evidence: String,
    /// The concrete attack it enables.
    pub attack: String,
    /// The safe alternative.
    pub fix: String,
}

const EXACT: &str = "Compare the Origin header for exact equality against a list of full origins (scheme://host:port), and send Vary: Origin.";

fn texts(risk: Risk) -> (&'static str, &'static str) {
    match risk {
        Risk::ReflectsAnyOrigin => ("Any website the victim visits can call the API from the victim's browser and read the answers (with their cookies, when credentials are allowed): account data, CSRF tokens, API keys.", EXACT),
        Risk::TrustsNull => ("Sandboxed iframes (<iframe sandbox=\"allow-scripts\">), data: URLs and some redirects send Origin: null, so any site can forge it and read the answers.", "Never allow 'null'. Serve local files over http://localhost during development instead."),
        Risk::PrefixMatch => ("The attacker registers a domain that starts with the trusted origin (https://app.example.com.evil.example) and reads the answers from pages there.", EXACT),
        Risk::SuffixMatch => ("The attacker registers a domain that ends with the trusted name (evilexample.com for example.com) and reads the answers from pages there.", "If subdomains are really needed, match the host as exactly the domain or ending with '.' + domain, after parsing the origin; better, list the origins."),
        Risk::SubstringMatch => ("Any domain containing the trusted name is accepted; the attacker registers one and reads the answers.", EXACT),
        Risk::UnescapedDot => ("An unescaped '.' in a regular expression matches any character: the attacker registers a look-alike such as appxexample.com and reads the answers.", "Escape dots and anchor the pattern (^https://app\\.example\\.com$), or better, compare against a list of origins."),
        Risk::InsecureOrigin => ("Anyone on the network path (public Wi-Fi) can inject script into the plain-http page, which the API trusts: the attacker reads the https API's answers, cookies included.", "Allow only https:// origins for an https API."),
        Risk::AllSubdomains => ("An XSS or a taken-over subdomain (a forgotten DNS record pointing to a released cloud resource) anywhere under the domain can read the API's answers.", "List the subdomains that need access instead of trusting them all."),
        Risk::WildcardWithCredentials => ("Browsers refuse '*' with credentials, so the request fails; the usual 'fix' is to echo any Origin, which lets every site read authenticated answers.", "Send the exact allowed origin (from an allow-list) with Access-Control-Allow-Credentials: true, and Vary: Origin."),
        Risk::MissingVary => ("A cache (CDN, proxy, the browser's own) can hand the answer made for one origin to another: requests then fail at random, or a cached 'allowed' answer is served to an origin that should be refused.", "Send Vary: Origin on every response whose CORS headers depend on the Origin, error responses included."),
    }
}

impl Finding {
    pub(super) fn new(risk: Risk, observation: &Observation) -> Finding {
        let (attack, fix) = texts(risk);
        let base = match risk {
            Risk::MissingVary | Risk::AllSubdomains | Risk::InsecureOrigin => Severity::Medium,
            Risk::TrustsNull | Risk::UnescapedDot | Risk::SuffixMatch => Severity::Medium,
            _ => Severity::High,
        };
        let severity = match (risk, observation.allow_credentials) {
            (Risk::MissingVary, _) => Severity::Low,
            (_, true) => Severity::High,
            _ => base,
        };
        Finding {
            risk,
            severity,
            evidence: observation.describe(),
            attack: attack.to_owned(),
            fix: fix.to_owned(),
        }
    }
}

fn host_of(origin: &str) -> Option<(String, String)> {
    let url = url::Url::parse(origin).ok()?;
    Some((url.scheme().to_owned(), url.host_str()?.to_owned()))
}

fn differs_only_at_dots(candidate: &str, trusted: &str) -> bool {
    candidate.len() == trusted.len()
        && candidate != trusted
        && candidate
            .bytes()
            .zip(trusted.bytes())
            .all(|(c, t)| c == t || t == b'.')
}

/// The mistakes one answer reveals.
pub(super) fn risks_of(trusted: &str, https_api: bool, observation: &Observation) -> Vec<Risk> {
    let origin = observation.origin.as_str();
    let Some(allowed) = observation.allow_origin.as_deref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if allowed == "*" {
        if observation.allow_credentials {
            out.push(Risk::WildcardWithCredentials);
        }
        return out;
    }
    if allowed != origin {
        return out;
    }
    if !observation.vary_origin {
        out.push(Risk::MissingVary);
    }
    if origin == "null" {
        out.push(Risk::TrustsNull);
        return out;
    }
    if origin == trusted {
        return out;
    }
    out.push(classify(origin, trusted, https_api));
    out
}

fn classify(origin: &str, trusted: &str, https_api: bool) -> Risk {
    if origin == "null" {
        return Risk::TrustsNull;
    }
    if origin.starts_with(trusted) {
        return Risk::PrefixMatch;
    }
    let (Some((scheme, host)), Some((trusted_scheme, trusted_host))) =
        (host_of(origin), host_of(trusted))
    else {
        return Risk::ReflectsAnyOrigin;
    };
    if host == trusted_host && scheme == "http" && (trusted_scheme == "https" || https_api) {
        return Risk::InsecureOrigin;
    }
    let parent = trusted_host
        .split_once('.')
        .map_or(trusted_host.as_str(), |(_, p)| p);
    let parent = if parent.contains('.') {
        parent
    } else {
        trusted_host.as_str()
    };
    if host.ends_with(&format!(".{parent}")) || host.ends_with(&format!(".{trusted_host}")) {
        return Risk::AllSubdomains;
    }
    if differs_only_at_dots(&host, &trusted_host) {
        return Risk::UnescapedDot;
    }
    if host.ends_with(&trusted_host) || host.ends_with(parent) {
        return Risk::SuffixMatch;
    }
    if host.contains(&trusted_host) {
        return Risk::SubstringMatch;
    }
    Risk::ReflectsAnyOrigin
}
