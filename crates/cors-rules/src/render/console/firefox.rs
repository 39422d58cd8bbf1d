//! Firefox's console lines (Gecko).
//!
//! Source: `dom/locales/en-US/chrome/security/security.properties` (the `CORS*` keys) and
//! `nsCORSListenerProxy.cpp`, via `docs/reference/browser-messages.md` §2, cross-checked with real console
//! logs quoted in public repositories; mixed content from `BlockMixedActiveContent`. Quotes are
//! typographic (‘ ’, “ ”), as Firefox prints them.
//!
//! Verified in Firefox ESR 153 by the conformance suite (error-level lines, as WebDriver BiDi delivers
//! them): the CORS lines, the `CORS request did not succeed` line with `Status code: (null).` that
//! follows every preflight failure and every failed redirect hop (twice for a preflight redirect that
//! fails the CORS check), the three lines of a refused preflight redirect, the `same-origin` mode
//! `Security Error` and the Cross-Origin-Resource-Policy line, and a network error (the lab resets the
//! connection before any answer, its stand-in for every kind): one `did not succeed` line for the request,
//! two for a preflight. Unverified: bad ports.

use super::{is_cross_origin, page_url};
use crate::render::template::fill;
use crate::render::values::{is_preflight_cors_check, is_response_cors_check, url_or, val};
use crate::render::RenderContext;
use crate::scenario::{Api, RedirectMode, RequestMode};
use crate::trace::{CheckId, Key, Stage, StepOutcome, TraceStep};

const BLOCKED: &str = "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ";
const DID_NOT_SUCCEED: &str = "CORS request did not succeed). Status code: (null).";

/// The `(Reason: …` tail of the `CORS*` message for a failed check id.
fn reason(check: CheckId) -> Option<&'static str> {
    use CheckId as C;
    let reason = match check {
        C::AllowOriginMissing | C::PreflightAllowOriginMissing => {
            "CORS header ‘Access-Control-Allow-Origin’ missing). Status code: {status}."
        }
        C::AllowOriginMultiple | C::PreflightAllowOriginMultiple => {
            "Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed)."
        }
        C::AllowOriginInvalid | C::PreflightAllowOriginInvalid | C::AllowOriginMismatch | C::PreflightAllowOriginMismatch => {
            "CORS header ‘Access-Control-Allow-Origin’ does not match ‘{value}’)."
        }
        C::AllowCredentials | C::PreflightAllowCredentials => {
            "expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’)."
        }
        C::PreflightOkStatus => "CORS preflight response did not succeed). Status code: {status}.",
        C::AllowMethodsParse => "invalid token ‘{names}’ in CORS header ‘Access-Control-Allow-Methods’).",
        C::AllowHeadersParse => "invalid token ‘{names}’ in CORS header ‘Access-Control-Allow-Headers’).",
        C::MethodAllowed => "Did not find method in CORS header ‘Access-Control-Allow-Methods’).",
        C::HeaderAllowed | C::AuthorizationAllowed => {
            "header ‘{header}’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight \
             response)."
        }
        C::NetworkError | C::PreflightNetworkError => DID_NOT_SUCCEED,
        C::CorsScheme => "CORS request not http).",
        _ => return None,
    };
    Some(reason)
}

/// The `CORS*` line of a failed check, with its values as `{name}` holes, for [`super::templates`].
pub(super) fn template(check: CheckId) -> Option<String> {
    if matches!(
        check,
        CheckId::AllowOriginWildcard | CheckId::PreflightAllowOriginWildcard
    ) {
        return Some(format!(
            "{BLOCKED}‘{{url}}’. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ \
             is ‘*’)."
        ));
    }
    reason(check).map(|reason| format!("{BLOCKED}{{url}}. (Reason: {reason}"))
}

/// The warning Firefox prints when `Authorization` passes only because `Access-Control-Allow-Headers`
/// is `*` (pref `network.cors_preflight.authorization_covered_by_wildcard`; unverified at runtime).
pub(super) fn info(ctx: &RenderContext, step: &TraceStep) -> Option<String> {
    let passed = step.check == CheckId::HeaderAllowed && step.outcome == StepOutcome::Pass;
    let allowed: Vec<&str> = val(step, Key::Allowed).split(',').map(str::trim).collect();
    let sends = val(step, Key::Names)
        .split(',')
        .any(|n| n.trim().eq_ignore_ascii_case("authorization"));
    let by_star = allowed.contains(&"*")
        && !allowed
            .iter()
            .any(|a| a.eq_ignore_ascii_case("authorization"));
    (passed && sends && by_star).then(|| {
        format!(
            "Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at {} \
             soon. (Reason: When the `Access-Control-Allow-Headers` is `*`, the `Authorization` header is not \
             covered. To include the `Authorization` header, it must be explicitly listed in CORS header \
             `Access-Control-Allow-Headers`).",
            ctx.final_url
        )
    })
}

/// The lines Firefox prints for the failed step.
pub(super) fn failure(ctx: &RenderContext, trace: &[TraceStep], step: &TraceStep) -> Vec<String> {
    let url = url_or(step, ctx.final_url);
    match step.check {
        CheckId::MixedContent => return vec![format!("Blocked loading mixed active content “{url}”")],
        CheckId::SameOriginMode => {
            let page = page_url(ctx, step);
            return vec![format!("Security Error: Content at {page} may not load data from {url}.")];
        }
        CheckId::CrossOriginResourcePolicy => {
            return vec![format!(
                "The resource at “{url}” was blocked due to its Cross-Origin-Resource-Policy header (or lack \
                 thereof). See https://developer.mozilla.org/docs/Web/HTTP/Cross-Origin_Resource_Policy_(CORP)#"
            )]
        }
        CheckId::PreflightRedirect => return preflight_redirect_lines(url, step),
        CheckId::RedirectScheme => {
            // Only a CORS request (cross-origin, mode "cors") reports `did not succeed`.
            let cors = ctx.mode == RequestMode::Cors && is_cross_origin(trace);
            let mut lines = Vec::new();
            // A target the CORS listener sees (not refused before it) is reported as not HTTP, naming the
            // target, in mode "cors": `about:`, `ftp:` and unknown schemes even when the request is same
            // origin, `blob:` only when it is not and the page may load the blob, that is when the blob has
            // the page's origin (observed in ESR 153).
            let blob_not_reported = val(step, Key::Scheme) == "blob"
                && (!is_cross_origin(trace) || !has_origin(val(step, Key::Location), ctx.page_origin));
            if ctx.mode == RequestMode::Cors
                && val(step, Key::Reason) != "before-cors-check"
                && !blob_not_reported
            {
                let location = val(step, Key::Location);
                lines.push(format!("{BLOCKED}{location}. (Reason: CORS request not http)."));
            }
            lines.extend(redirect_scheme_lines(ctx, url, step, cors));
            return lines;
        }
        // A redirect necko refuses (too many, credentials in the URL, several `Location` lines) cancels a
        // CORS request: `did not succeed` (observed in Firefox ESR 153).
        CheckId::RedirectLimit | CheckId::RedirectCredentials | CheckId::RedirectLocation => {
            let target = url::Url::parse(val(step, Key::Location)).ok();
            let to_other_origin = target
                .is_some_and(|target| target.origin().ascii_serialization() != ctx.page_origin);
            let cors = ctx.mode == RequestMode::Cors && (is_cross_origin(trace) || to_other_origin);
            return if cors { vec![did_not_succeed(url)] } else { Vec::new() };
        }
        _ => {}
    }
    if matches!(
        step.check,
        CheckId::NetworkError | CheckId::PreflightNetworkError
    ) && !is_cross_origin(trace)
    {
        return Vec::new();
    }
    let location = val(step, Key::Location);
    let mut lines: Vec<String> = failure_line(step.check, url, step).into_iter().collect();
    if lines.is_empty() {
        return lines;
    }
    // The preflight's own channel logs its failure too, a network error included (observed with the
    // connection reset before any answer, in ESR 153).
    let preflight_failed = step.stage == Stage::Preflight;
    // A redirect followed in mode "follow" that fails its CORS check is cancelled: `did not succeed` too.
    let redirect_hop = step.stage == Stage::Redirect
        && is_response_cors_check(step.check)
        && ctx.redirect == RedirectMode::Follow;
    if preflight_failed || redirect_hop {
        lines.push(did_not_succeed(url));
    }
    // A preflight redirect that fails the CORS check is followed by a second such line.
    if is_preflight_cors_check(step.check) && !location.is_empty() {
        lines.push(did_not_succeed(url));
    }
    lines
}

/// The `CORS*` line of a failed check, or `None` when Firefox prints none for it.
fn failure_line(check: CheckId, url: &str, step: &TraceStep) -> Option<String> {
    if matches!(
        check,
        CheckId::AllowOriginWildcard | CheckId::PreflightAllowOriginWildcard
    ) {
        return Some(format!(
            "{BLOCKED}‘{url}’. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ \
             is ‘*’)."
        ));
    }
    reason(check).map(|reason| blocked(url, reason, step))
}

/// The serialized origin of the URL `url`, empty when it does not parse.
fn origin_of(url: &str) -> String {
    url::Url::parse(url).map_or_else(|_| String::new(), |url| url.origin().ascii_serialization())
}

/// Whether the URL `url` (a `blob:` URL's origin is its inner URL's) has the serialized origin `origin`.
fn has_origin(url: &str, origin: &str) -> bool {
    url::Url::parse(url).is_ok_and(|url| url.origin().ascii_serialization() == origin)
}

/// Whether Firefox's console `line` names no URL the page's script requested: only a redirect target that is
/// not HTTP(S) (`… remote resource at about:blank. (Reason: CORS request not http).`), or only the page and
/// such a target (`Security Error: Content at <page> may not load data from blob:….`). `page` is the
/// scenario's page (an origin or a URL; `None` for an opaque origin), printed as the renderers print it (an
/// origin as its root URL). A tool that sorts a page's console lines by the URL they name cannot sort
/// these; the same words with an HTTP(S) target name the request.
#[must_use]
pub fn names_no_request_url(line: &str, page: Option<&str>) -> bool {
    let not_http = |target: &str| !target.starts_with("http");
    if let Some(rest) = line.strip_suffix(". (Reason: CORS request not http).") {
        return rest.rsplit(' ').next().is_some_and(not_http);
    }
    let page_url = page
        .and_then(|page| url::Url::parse(page).ok())
        .map_or_else(|| "null".to_owned(), String::from);
    line.strip_prefix("Security Error: Content at ")
        .and_then(|rest| rest.strip_prefix(page_url.as_str()))
        .and_then(|rest| rest.strip_prefix(" may not "))
        .and_then(|rest| rest.strip_suffix('.'))
        .and_then(|rest| rest.rsplit(' ').next())
        .is_some_and(not_http)
}

/// `… (Reason: CORS request did not succeed). Status code: (null).`
fn did_not_succeed(url: &str) -> String {
    format!("{BLOCKED}{url}. (Reason: {DID_NOT_SUCCEED}")
}

/// A refused preflight redirect: the refusal, the second CORS check of the redirect response (its failure,
/// or the preflight's non-ok status), and `CORS request did not succeed`.
fn preflight_redirect_lines(url: &str, step: &TraceStep) -> Vec<String> {
    // A redirect to `data:` and the like is refused before the CORS listener sees it, and one to a URL
    // with credentials without a line of its own (observed).
    if step.value(Key::Scheme).is_some()
        || step.value(Key::Reason) == Some(CheckId::RedirectCredentials.id())
    {
        return vec![did_not_succeed(url), did_not_succeed(url)];
    }
    let mut lines = vec![blocked(
        url,
        "CORS request external redirect not allowed).",
        step,
    )];
    let second = PREFLIGHT_CORS_CHECKS
        .into_iter()
        .find(|check| check.id() == val(step, Key::Reason));
    if let Some(check) = second {
        lines.extend(failure_line(check, url, step));
    } else if step.value(Key::Reason).is_some() {
        lines.push(blocked(
            url,
            "CORS preflight response did not succeed). Status code: {status}.",
            step,
        ));
    }
    lines.push(did_not_succeed(url));
    lines
}

/// A redirect to a URL that is not HTTP(S): `blob:` and `file:` targets fail a security check, then
/// `CORS request did not succeed` (observed). A `fetch()` refused before the CORS check names the
/// redirecting URL as the content, and would let a `blob:` of that URL's origin through; otherwise (an
/// XHR, or a `blob:` target checked after the CORS check) the page is the content, and a `blob:` of the
/// page's origin goes through (observed in Firefox ESR 153).
fn redirect_scheme_lines(
    ctx: &RenderContext,
    url: &str,
    step: &TraceStep,
    cors: bool,
) -> Vec<String> {
    let location = val(step, Key::Location);
    let mut lines = Vec::new();
    let refused_early = val(step, Key::Reason) == "before-cors-check";
    let (content, content_origin) = if ctx.api == Api::Fetch && refused_early {
        (url.to_owned(), origin_of(url))
    } else {
        (page_url(ctx, step), ctx.page_origin.to_owned())
    };
    let loadable_blob = has_origin(location, &content_origin);
    match val(step, Key::Scheme) {
        "blob" if loadable_blob => {}
        "blob" => lines.push(format!(
            "Security Error: Content at {content} may not load data from {location}."
        )),
        "file" => lines.push(format!(
            "Security Error: Content at {content} may not load or link to {location}."
        )),
        _ => {}
    }
    if cors {
        lines.push(did_not_succeed(url));
    }
    lines
}

/// The check ids a preflight's CORS check can fail with.
const PREFLIGHT_CORS_CHECKS: [CheckId; 6] = [
    CheckId::PreflightAllowOriginMissing,
    CheckId::PreflightAllowOriginMultiple,
    CheckId::PreflightAllowOriginInvalid,
    CheckId::PreflightAllowOriginWildcard,
    CheckId::PreflightAllowOriginMismatch,
    CheckId::PreflightAllowCredentials,
];

fn blocked(url: &str, reason: &str, step: &TraceStep) -> String {
    let status = match val(step, Key::Status) {
        "" => "(null)",
        status => status,
    };
    let vars = [
        ("status", status),
        ("value", val(step, Key::Value)),
        ("names", val(step, Key::Names)),
        ("header", val(step, Key::Header)),
    ];
    format!("{BLOCKED}{url}. (Reason: {}", fill(reason, &vars))
}
