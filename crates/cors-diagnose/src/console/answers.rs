//! Server answers that make one check fail and every other check pass.

use cors_rules::scenario::{
    Answer, CredentialsMode, HeaderPair, HttpAnswer, NetworkErrorKind, Request,
};
use cors_rules::CheckId;

use super::facts::Facts;

/// What the answers must agree with: the origin the server sees and the request it answers.
pub(crate) struct Want<'a> {
    /// The value a correct `Access-Control-Allow-Origin` carries (`null` after a tainting redirect).
    pub origin: &'a str,
    /// Whether the request is credentialed.
    pub include: bool,
    /// The method as written.
    pub method: &'a str,
    /// The request's header names.
    pub headers: Vec<String>,
    /// The URL answered (for redirect locations).
    pub url: &'a str,
}

fn h(name: &str, value: &str) -> HeaderPair {
    (name.to_owned(), value.to_owned())
}

fn http(status: u16, headers: Vec<HeaderPair>) -> Answer {
    Answer::Http(HttpAnswer { status, headers })
}

/// `Access-Control-Allow-Origin` (and `-Credentials` when credentialed) as a correct server sends them.
pub(crate) fn cors_headers(want: &Want) -> Vec<HeaderPair> {
    let mut out = vec![h("Access-Control-Allow-Origin", want.origin)];
    if want.include {
        out.push(h("Access-Control-Allow-Credentials", "true"));
    }
    out.push(h("Vary", "Origin"));
    out
}

/// A preflight answer that passes every check.
pub(crate) fn good_preflight(want: &Want) -> Vec<HeaderPair> {
    let mut out = cors_headers(want);
    out.push(h("Access-Control-Allow-Methods", want.method));
    if !want.headers.is_empty() {
        out.push(h("Access-Control-Allow-Headers", &want.headers.join(", ")));
    }
    out
}

/// The headers of an answer whose `Access-Control-Allow-Origin`/`-Credentials` check fails as `check` says.
fn broken_origin_headers(check: CheckId, want: &Want, facts: &Facts) -> Vec<HeaderPair> {
    let value = facts.value.as_deref();
    let mut out = match check {
        CheckId::AllowOriginMissing => return Vec::new(),
        CheckId::AllowOriginWildcard => vec![h("Access-Control-Allow-Origin", "*")],
        CheckId::AllowOriginMultiple => match value {
            Some(v) if v.contains(',') => v
                .split(',')
                .map(|item| h("Access-Control-Allow-Origin", item.trim()))
                .collect(),
            Some(v) => vec![h("Access-Control-Allow-Origin", v)],
            None => vec![
                h("Access-Control-Allow-Origin", want.origin),
                h("Access-Control-Allow-Origin", want.origin),
            ],
        },
        CheckId::AllowOriginInvalid | CheckId::AllowOriginMismatch => {
            let fallback = if check == CheckId::AllowOriginInvalid {
                "app.example"
            } else {
                "https://other.example"
            };
            vec![h("Access-Control-Allow-Origin", value.unwrap_or(fallback))]
        }
        _ => vec![h("Access-Control-Allow-Origin", want.origin)],
    };
    if check == CheckId::AllowCredentials {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            out.push(h("Access-Control-Allow-Credentials", v));
        }
    } else if want.include {
        out.push(h("Access-Control-Allow-Credentials", "true"));
    }
    out
}

/// The response-stage check a preflight check mirrors (`preflight-allow-origin-missing` → `allow-origin-missing`).
fn response_twin(check: CheckId) -> Option<CheckId> {
    Some(match check {
        CheckId::PreflightAllowOriginMissing => CheckId::AllowOriginMissing,
        CheckId::PreflightAllowOriginMultiple => CheckId::AllowOriginMultiple,
        CheckId::PreflightAllowOriginInvalid => CheckId::AllowOriginInvalid,
        CheckId::PreflightAllowOriginWildcard => CheckId::AllowOriginWildcard,
        CheckId::PreflightAllowOriginMismatch => CheckId::AllowOriginMismatch,
        CheckId::PreflightAllowCredentials => CheckId::AllowCredentials,
        _ => return None,
    })
}

/// The preflight answer for a failing preflight check.
pub(crate) fn broken_preflight(check: CheckId, want: &Want, facts: &Facts) -> Answer {
    if let Some(twin) = response_twin(check) {
        let mut headers = broken_origin_headers(twin, want, facts);
        headers.push(h("Access-Control-Allow-Methods", want.method));
        if !want.headers.is_empty() {
            headers.push(h("Access-Control-Allow-Headers", &want.headers.join(", ")));
        }
        return http(facts.status.unwrap_or(204), headers);
    }
    let mut headers = good_preflight(want);
    let mut set = |name: &str, value: Option<&str>| {
        headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        if let Some(value) = value {
            headers.push(h(name, value));
        }
    };
    let value = facts.value.as_deref();
    match check {
        CheckId::PreflightNetworkError => {
            return Answer::Error(
                facts
                    .network_error
                    .unwrap_or(NetworkErrorKind::ConnectionRefused),
            )
        }
        CheckId::PreflightOkStatus => {
            let status = facts
                .status
                .filter(|s| !(200..300).contains(s))
                .unwrap_or(401);
            return http(status, headers);
        }
        CheckId::PreflightRedirect => {
            let status = facts
                .status
                .filter(|s| (300..400).contains(s))
                .unwrap_or(301);
            set(
                "Location",
                Some(&format!("{}/", want.url.trim_end_matches('/'))),
            );
            return http(status, headers);
        }
        CheckId::AllowMethodsParse => set(
            "Access-Control-Allow-Methods",
            Some(value.unwrap_or("GET POST")),
        ),
        CheckId::AllowHeadersParse => set(
            "Access-Control-Allow-Headers",
            Some(value.unwrap_or("Content-Type X-Custom")),
        ),
        CheckId::MethodAllowed => set("Access-Control-Allow-Methods", Some("GET, POST")),
        CheckId::HeaderAllowed => set("Access-Control-Allow-Headers", None),
        CheckId::AuthorizationAllowed => set("Access-Control-Allow-Headers", Some("*")),
        _ => {}
    }
    http(204, headers)
}

/// The response for a failing response check (or a passing one for every other check).
pub(crate) fn broken_response(check: CheckId, want: &Want, facts: &Facts) -> Answer {
    let status = facts.status.unwrap_or(200);
    match check {
        CheckId::NetworkError => Answer::Error(
            facts
                .network_error
                .unwrap_or(NetworkErrorKind::ConnectionRefused),
        ),
        CheckId::AllowOriginMissing
        | CheckId::AllowOriginMultiple
        | CheckId::AllowOriginInvalid
        | CheckId::AllowOriginMismatch
        | CheckId::AllowOriginWildcard
        | CheckId::AllowCredentials => http(status, broken_origin_headers(check, want, facts)),
        CheckId::CrossOriginResourcePolicy => {
            let mut headers = cors_headers(want);
            headers.push(h("Cross-Origin-Resource-Policy", "same-origin"));
            http(status, headers)
        }
        // Two `Location` lines that differ: the browser cannot tell where to go.
        CheckId::RedirectLocation => {
            let mut headers = cors_headers(want);
            let base = want.url.trim_end_matches('/');
            headers.push(h("Location", &format!("{base}/a")));
            headers.push(h("Location", &format!("{base}/b")));
            http(302, headers)
        }
        // A redirect to itself: the browser gives up after 20.
        CheckId::RedirectLimit => {
            let mut headers = cors_headers(want);
            headers.push(h("Location", want.url));
            http(302, headers)
        }
        _ => http(status, cors_headers(want)),
    }
}

/// What the server must allow for `request` from `origin` to `url`.
pub(crate) fn want<'a>(origin: &'a str, request: &'a Request, url: &'a str) -> Want<'a> {
    Want {
        origin,
        include: request.credentials == CredentialsMode::Include,
        method: &request.method,
        headers: request
            .headers
            .iter()
            .map(|(n, _)| n.to_ascii_lowercase())
            .collect(),
        url,
    }
}
