//! Server-side fixes: the header or status change on one answer that gets past the failed check.

use super::lists::{same_header, same_method, with_added};
use super::patch::{entry, AnswerAt, Patch};
use super::{warnings, Planned, Situation};
use crate::header_list::get;
use crate::method::is_cors_safelisted_method;
use crate::render::values::val;
use crate::scenario::{Answer, CredentialsMode};
use crate::trace::{CheckId, Key, Stage};
use crate::verdict::{Fix, FixTarget};

const ACAO: &str = "Access-Control-Allow-Origin";
const ACAC: &str = "Access-Control-Allow-Credentials";
const ACAM: &str = "Access-Control-Allow-Methods";
const ACAH: &str = "Access-Control-Allow-Headers";

/// The fix for a failed check on a server answer, if the failure is one.
pub(super) fn plan(s: &Situation) -> Option<Planned> {
    use CheckId as C;
    let planned = match s.step.check {
        C::AllowOriginMissing | C::PreflightAllowOriginMissing => allow_origin(s, "Add"),
        C::AllowOriginMismatch | C::PreflightAllowOriginMismatch | C::AllowOriginInvalid | C::PreflightAllowOriginInvalid => {
            allow_origin(s, "Change")
        }
        C::AllowOriginMultiple | C::PreflightAllowOriginMultiple => allow_origin(s, "Deduplicate"),
        C::AllowOriginWildcard | C::PreflightAllowOriginWildcard => allow_origin(s, "Replace"),
        C::AllowCredentials | C::PreflightAllowCredentials => set_header(
            s,
            ACAC,
            "true".to_owned(),
            format!("Add `{ACAC}: true` to the {} of {}: a request with credentials needs it.", answer(s), s.url),
        ),
        C::PreflightOkStatus => ok_status(s),
        C::PreflightRedirect => no_redirect(s),
        C::AllowMethodsParse | C::MethodAllowed => allow_method(s),
        C::AllowHeadersParse | C::HeaderAllowed | C::AuthorizationAllowed => allow_headers(s),
        C::AllowPrivateNetwork => set_header(
            s,
            "Access-Control-Allow-Private-Network",
            "true".to_owned(),
            format!("Add `Access-Control-Allow-Private-Network: true` to the preflight response of {}.", s.url),
        ),
        C::CrossOriginResourcePolicy => set_header(
            s,
            "Cross-Origin-Resource-Policy",
            "cross-origin".to_owned(),
            format!(
                "Send `Cross-Origin-Resource-Policy: cross-origin` on {} (or remove the header) so other sites may \
                 load it.",
                s.url
            ),
        ),
        _ => return None,
    };
    Some(planned)
}

/// The answer a fix changes: the preflight's, a redirect's or the response's.
fn target(s: &Situation) -> FixTarget {
    match s.step.stage {
        Stage::Preflight => FixTarget::Preflight,
        Stage::Redirect => FixTarget::Redirect,
        Stage::Request | Stage::Response => FixTarget::Response,
    }
}

fn answer(s: &Situation) -> &'static str {
    match target(s) {
        FixTarget::Preflight => "preflight (OPTIONS) response",
        FixTarget::Redirect => "redirect response",
        FixTarget::Response | FixTarget::Request => "response",
    }
}

fn set_header(s: &Situation, name: &'static str, value: String, summary: String) -> Planned {
    let at = AnswerAt {
        target: target(s),
        url: s.url.clone(),
    };
    let fix = Fix {
        target: at.target,
        url: s.url.clone(),
        header: Some(name.to_owned()),
        value: Some(value.clone()),
        summary,
        warning: None,
    };
    Planned {
        fix,
        patch: Patch::SetHeader {
            answer: at,
            name,
            value,
        },
    }
}

/// `Access-Control-Allow-Origin: <the request's origin>`, worded for what was wrong.
fn allow_origin(s: &Situation, how: &str) -> Planned {
    let origin = match val(s.step, Key::SentOrigin) {
        "" => s.ctx.page_origin.to_owned(),
        sent => sent.to_owned(),
    };
    let value = val(s.step, Key::Value);
    let (answer, url) = (answer(s), &s.url);
    let summary = match how {
        "Add" => format!("Add `{ACAO}: {origin}` to the {answer} of {url}."),
        "Change" => format!("Change `{ACAO}` from `{value}` to exactly `{origin}` on the {answer} of {url}."),
        "Deduplicate" => format!(
            "Send `{ACAO}` once, with the single value `{origin}`, on the {answer} of {url} (it arrives as \
             `{value}`: remove the duplicate, often added by both a proxy and the application)."
        ),
        _ => format!(
            "Replace `{ACAO}: *` with the page's origin `{origin}` on the {answer} of {url}: `*` is refused when \
             credentials are included (or drop `credentials: 'include'` if the request needs no cookies)."
        ),
    };
    let mut planned = set_header(s, ACAO, origin.clone(), summary);
    planned.fix.warning = warnings::for_allowed_origin(&origin, s.scenario.request.credentials);
    planned
}

/// The preflight must answer with an ok status.
fn ok_status(s: &Situation) -> Planned {
    let status = val(s.step, Key::Status);
    let auth = if matches!(status, "401" | "403") {
        " Let OPTIONS requests through the authentication check: preflights never carry cookies or an \
         Authorization header."
    } else {
        ""
    };
    let summary = format!(
        "Answer the OPTIONS preflight at {} with status 204 (any 2xx works) instead of {status}.{auth}",
        s.url
    );
    status_fix(s, summary)
}

/// A preflight must not redirect.
fn no_redirect(s: &Situation) -> Planned {
    let location = val(s.step, Key::Location);
    let summary = format!(
        "Answer the OPTIONS preflight at {} directly with status 204 instead of redirecting to `{location}`, or \
         call `{location}` from the script.",
        s.url
    );
    status_fix(s, summary)
}

fn status_fix(s: &Situation, summary: String) -> Planned {
    let at = AnswerAt {
        target: FixTarget::Preflight,
        url: s.url.clone(),
    };
    let fix = Fix {
        target: FixTarget::Preflight,
        url: s.url.clone(),
        header: None,
        value: Some("204".to_owned()),
        summary,
        warning: None,
    };
    Planned {
        fix,
        patch: Patch::SetStatus {
            answer: at,
            status: 204,
        },
    }
}

/// The header's value on the preflight answer at the failing URL (the response's when there is no
/// separate preflight answer).
fn preflight_header(s: &Situation, name: &str) -> String {
    let Some(entry) = entry(&s.scenario.server, &s.url) else {
        return String::new();
    };
    match entry.preflight.as_ref().unwrap_or(&entry.response) {
        Answer::Http(http) => get(&http.headers, name).unwrap_or_default(),
        Answer::Error(_) => String::new(),
    }
}

/// `Access-Control-Allow-Methods` with the request's method added (exact letters).
fn allow_method(s: &Situation) -> Planned {
    let method = match (val(s.step, Key::Method), s.preflight_value(Key::Method)) {
        ("", "") => s.ctx.method,
        ("", method) | (method, _) => method,
    };
    let current = preflight_header(s, ACAM);
    let needed = if is_cors_safelisted_method(method) {
        vec![]
    } else {
        vec![method]
    };
    let value = with_added(&current, &needed, same_method);
    let summary = if s.step.check == CheckId::AllowMethodsParse {
        format!("Write `{ACAM}` as a comma-separated list of method names: `{value}` (it was `{current}`).")
    } else {
        format!(
            "Add `{method}` to `{ACAM}` on the preflight response of {}: `{value}`.",
            s.url
        )
    };
    set_header(s, ACAM, value, summary)
}

/// `Access-Control-Allow-Headers` with every header the request needs allowed listed by name.
fn allow_headers(s: &Situation) -> Planned {
    let current = preflight_header(s, ACAH);
    let names = match s.step.check {
        CheckId::AllowHeadersParse => s.preflight_value(Key::Names),
        _ => val(s.step, Key::Names),
    };
    let mut needed: Vec<&str> = match s.step.check {
        CheckId::AuthorizationAllowed => vec!["Authorization"],
        _ => names.split(',').map(str::trim).collect(),
    };
    if let Some(header) = s.step.value(Key::Header).filter(|h| !h.is_empty()) {
        needed.push(header);
    }
    // With credentials a `*` is no wildcard, so every name must be listed.
    let literal_star = s.scenario.request.credentials == CredentialsMode::Include;
    let value = with_added(&current, &needed, same_header);
    let current_items = super::lists::items(&current);
    let mut listed: Vec<&str> = Vec::new();
    for name in needed.iter().copied().filter(|n| !n.is_empty()) {
        let covered = current_items.iter().any(|item| same_header(item, name))
            || listed.iter().any(|l| same_header(l, name));
        if !covered {
            listed.push(name);
        }
    }
    let summary = match s.step.check {
        CheckId::AllowHeadersParse => {
            format!("Write `{ACAH}` as a comma-separated list of header names: `{value}` (it was `{current}`).")
        }
        CheckId::AuthorizationAllowed => {
            format!("List `Authorization` by name in `{ACAH}` on the preflight response of {}: `{value}`.", s.url)
        }
        _ if literal_star && current.contains('*') => format!(
            "List the request headers by name in `{ACAH}` on the preflight response of {}: `{value}` (`*` is not a \
             wildcard for requests with credentials).",
            s.url
        ),
        _ => format!("Add {} to `{ACAH}` on the preflight response of {}: `{value}`.", listed.join(", "), s.url),
    };
    set_header(s, ACAH, value, summary)
}
