//! Notes: observations that are not the failure itself. Things users confuse with CORS, the preflight
//! cache lifetime, `Vary: Origin`, and allowances that only work by browser leniency.

use super::patch::entry;
use crate::header_list::get;
use crate::render::failing_step;
use crate::render::values::{is_error_status, val};
use crate::scenario::{Answer, Scenario};
use crate::trace::{CheckId, Key, StepOutcome, TraceStep};
use crate::verdict::{Fix, FixTarget, Note};

/// Every note for this scenario, its trace and the fixes planned for it.
pub(super) fn notes(scenario: &Scenario, trace: &[TraceStep], fixes: &[Fix]) -> Vec<Note> {
    let mut notes: Vec<Note> = Vec::new();
    notes.extend(not_cors(trace));
    notes.extend(trace.iter().filter_map(from_step));
    notes.extend(vary_origin(scenario, trace, fixes));
    notes.dedup();
    notes
}

fn note(id: &str, message: String) -> Note {
    Note {
        id: id.to_owned(),
        message,
    }
}

/// The four things most often mistaken for CORS errors, named when they are the real cause.
fn not_cors(trace: &[TraceStep]) -> Option<Note> {
    let step = failing_step(trace)?;
    let url = val(step, Key::Url);
    match step.check {
        CheckId::NetworkError | CheckId::PreflightNetworkError => Some(note(
            "not-cors-network-error",
            format!(
                "This is not a CORS problem: the browser never got an HTTP answer from {url} ({}). JavaScript reports \
                 it with the same TypeError as a CORS error; check that the server runs and is reachable.",
                val(step, Key::ErrorKind)
            ),
        )),
        CheckId::MixedContent => Some(note(
            "not-cors-mixed-content",
            format!(
                "This is mixed content, not CORS: an HTTPS page may not load {url} over plain HTTP. No CORS header \
                 changes that; serve the API over HTTPS."
            ),
        )),
        CheckId::LocalNetworkAccess => Some(note(
            "not-cors-local-network",
            "This is Chrome's Local Network Access protection, not CORS: a public page needs the user's permission \
             to reach the local network or this computer. Firefox and Safari do not block this request."
                .to_owned(),
        )),
        CheckId::AllowOriginMissing | CheckId::PreflightAllowOriginMissing if is_error_status(val(step, Key::Status)) => {
            let status = val(step, Key::Status);
            Some(note(
                "not-cors-http-error",
                format!(
                    "The server answered {status}. Error responses often come without CORS headers because they skip \
                     the CORS middleware, so the CORS error hides the real problem: find out why the server answers \
                     {status}, and add the CORS headers to error responses too."
                ),
            ))
        }
        _ => None,
    }
}

/// Notes read from one traced fact.
fn from_step(step: &TraceStep) -> Option<Note> {
    match (step.check, step.outcome) {
        (CheckId::MaxAge, _) => max_age(step),
        (CheckId::AuthorizationAllowed | CheckId::HeaderAllowed, StepOutcome::Pass) => authorization_wildcard(step),
        (CheckId::ResponseTainting, _) if val(step, Key::Value) == "opaque" => Some(note(
            "opaque-response",
            "With `mode: 'no-cors'` the request succeeds but the script cannot read the response (status 0, no \
             headers, no body). If the script needs the data, use mode `cors` and have the server send CORS headers."
                .to_owned(),
        )),
        (CheckId::RedirectTaint, _) => Some(note(
            "origin-null-after-redirect",
            "After a redirect through another origin the browser sends `Origin: null`. Rather than allowing `null`, \
             call the final URL directly."
                .to_owned(),
        )),
        (CheckId::AllowOriginMismatch, StepOutcome::Pass) if val(step, Key::Value) == "null" => Some(note(
            "trusts-null-origin",
            format!(
                "{} allows the origin `null`, which every sandboxed iframe and local file has: any website can \
                 read this response.",
                val(step, Key::Url)
            ),
        )),
        _ => None,
    }
}

/// How long the preflight answer is cached, when the server asks for more than the browser allows or
/// says nothing.
fn max_age(step: &TraceStep) -> Option<Note> {
    let raw = val(step, Key::Value);
    let cap = val(step, Key::Cap);
    if raw.is_empty() {
        return Some(note(
            "max-age",
            "No Access-Control-Max-Age: browsers reuse the preflight answer for 5 seconds only, so most requests \
             pay for an extra OPTIONS round trip. Send for example `Access-Control-Max-Age: 600`."
                .to_owned(),
        ));
    }
    let (asked, limit) = (raw.trim().parse::<u64>().ok()?, cap.parse::<u64>().ok()?);
    (asked > limit).then(|| {
        note(
            "max-age",
            format!(
                "Access-Control-Max-Age asks for {asked} seconds, but this browser keeps a preflight answer at most \
                 {limit} seconds (Chrome 7200, Firefox 86400, Safari 600)."
            ),
        )
    })
}

/// `Authorization` allowed only through `Access-Control-Allow-Headers: *` (browsers record this on the
/// header check; the standard's profile fails the authorization check instead).
fn authorization_wildcard(step: &TraceStep) -> Option<Note> {
    let sends_authorization = step.check == CheckId::AuthorizationAllowed
        || val(step, Key::Names)
            .split(',')
            .any(|name| name.trim().eq_ignore_ascii_case("authorization"));
    if !sends_authorization {
        return None;
    }
    let allowed = val(step, Key::Allowed);
    let items: Vec<&str> = allowed.split(',').map(str::trim).collect();
    let by_star = items.contains(&"*")
        && !items
            .iter()
            .any(|i| i.eq_ignore_ascii_case("authorization"));
    by_star.then(|| {
        note(
            "authorization-wildcard",
            "Authorization is allowed only through `Access-Control-Allow-Headers: *`. Browsers accept that today, \
             but the Fetch standard does not (`*` never covers Authorization) and they are moving to it: list \
             `Authorization` by name."
                .to_owned(),
        )
    })
}

/// A response that names one origin must say it varies by origin, or a shared cache may hand one
/// origin's answer to another.
fn vary_origin(scenario: &Scenario, trace: &[TraceStep], fixes: &[Fix]) -> Vec<Note> {
    let mut urls: Vec<String> = trace
        .iter()
        .filter(|s| s.check == CheckId::AllowOriginMismatch && s.outcome == StepOutcome::Pass)
        .filter(|s| !matches!(val(s, Key::Value), "*" | "null" | ""))
        .map(|s| val(s, Key::Url).to_owned())
        .collect();
    urls.extend(
        fixes
            .iter()
            .filter(|f| f.target != FixTarget::Preflight)
            .filter(|f| f.header.as_deref() == Some("Access-Control-Allow-Origin"))
            .map(|f| f.url.clone()),
    );
    urls.dedup();
    urls.into_iter()
        .filter(|url| !varies_by_origin(scenario, url))
        .map(|url| {
            note(
                "vary-origin-missing",
                format!(
                    "{url} answers with one specific origin in Access-Control-Allow-Origin: also send `Vary: Origin`, \
                     or a cache may serve this answer to a page on another origin."
                ),
            )
        })
        .collect()
}

fn varies_by_origin(scenario: &Scenario, url: &str) -> bool {
    let Some(Answer::Http(http)) = entry(&scenario.server, url).map(|e| &e.response) else {
        return false;
    };
    get(&http.headers, "vary").is_some_and(|vary| {
        vary.split(',')
            .any(|item| item.trim().eq_ignore_ascii_case("origin") || item.trim() == "*")
    })
}
