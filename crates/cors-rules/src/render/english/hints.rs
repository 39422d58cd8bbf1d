//! Computed explanations: why two origins differ, what a reason code means, what a network error is.

use crate::render::labels;
use crate::render::values::{is_error_status, val};
use crate::render::RenderContext;
use crate::scenario::CredentialsMode;
use crate::trace::{CheckId, Key, TraceStep};

/// Appends the extra sentence for a step (`{hint}`), if it has one.
pub(super) fn hint(ctx: &RenderContext, step: &TraceStep, out: &mut String) {
    out.push_str(&hint_text(ctx, step));
}

/// The extra sentence for a step, or empty (computed only for the few failures that have one).
fn hint_text(ctx: &RenderContext, step: &TraceStep) -> String {
    use CheckId as C;
    let sent = match val(step, Key::SentOrigin) {
        "" => ctx.page_origin,
        sent => sent,
    };
    match step.check {
        C::AllowOriginMismatch
        | C::PreflightAllowOriginMismatch
        | C::AllowOriginInvalid
        | C::PreflightAllowOriginInvalid => origin_mismatch(sent, val(step, Key::Value)),
        C::AllowCredentials | C::PreflightAllowCredentials => {
            credentials_value(val(step, Key::Value))
        }
        C::MethodAllowed => method_hint(ctx, step),
        C::HeaderAllowed => wildcard_hint(ctx, val(step, Key::Allowed)),
        _ => String::new(),
    }
}

/// Why `value` (an `Access-Control-Allow-Origin`) does not equal the serialized origin `sent`.
pub(crate) fn origin_mismatch(sent: &str, value: &str) -> String {
    let value = value.trim();
    if sent == "null" {
        return "The request's origin is `null` (an opaque page such as a sandboxed iframe or a file: page, or a \
                redirect through another origin): only `*` without credentials, or exactly `null`, can match."
            .to_owned();
    }
    if value == "null" {
        return format!(
            "`null` matches only pages with an opaque origin; this page's origin is `{sent}`."
        );
    }
    if value.trim_end_matches('/') == sent {
        return format!(
            "The server answered `{value}` but the page's origin is `{sent}`: origins never have a trailing slash, \
             and the comparison is byte for byte."
        );
    }
    if value.eq_ignore_ascii_case(sent) {
        return format!("Only the letter case differs, and the comparison is case-sensitive: send exactly `{sent}`.");
    }
    let parsed = url::Url::parse(value)
        .ok()
        .filter(|u| u.has_host() && u.scheme() != "file");
    match (parsed, url::Url::parse(sent)) {
        (Some(allowed), Ok(page)) => url_difference(&allowed, &page, value, sent),
        _ => format!(
            "`{value}` is not an origin at all: an origin is written `scheme://host` with an optional `:port`, \
             for this page `{sent}`."
        ),
    }
}

fn url_difference(allowed: &url::Url, page: &url::Url, value: &str, sent: &str) -> String {
    let serialized = allowed.origin().ascii_serialization();
    if serialized == sent {
        return format!(
            "`{value}` names the right site but is not written as a bare origin: drop any path, query or default \
             port and send exactly `{sent}`."
        );
    }
    if allowed.scheme() != page.scheme() {
        return format!(
            "The scheme differs: the page is served over `{}` but the server allows `{}`.",
            page.scheme(),
            allowed.scheme()
        );
    }
    if allowed.host_str() != page.host_str() {
        return format!(
            "The server allows another host. If it must allow several sites, it should compare the request's \
             Origin with an allow-list and echo the one that matches: here `{sent}`."
        );
    }
    format!("The port differs: the server allows `{serialized}`, the page is `{sent}`.")
}

fn credentials_value(value: &str) -> String {
    match value {
        "" => "The header is missing.".to_owned(),
        v if v.trim().eq_ignore_ascii_case("true") => {
            format!("`{v}` is not `true`: the value is compared exactly, in lower case, with nothing around it.")
        }
        v => format!("`{v}` is not `true`."),
    }
}

fn method_hint(ctx: &RenderContext, step: &TraceStep) -> String {
    let method = val(step, Key::Method);
    let allowed: Vec<&str> = val(step, Key::Allowed).split(',').map(str::trim).collect();
    if let Some(other) = allowed
        .iter()
        .find(|m| m.eq_ignore_ascii_case(method) && **m != method)
    {
        return format!(
            "The list has `{other}` but the request sends `{method}`: methods are compared with their exact letters \
             (only DELETE, GET, HEAD, OPTIONS, POST and PUT are upper-cased by the browser)."
        );
    }
    wildcard_hint(ctx, val(step, Key::Allowed))
}

fn wildcard_hint(ctx: &RenderContext, allowed: &str) -> String {
    let has_star = allowed.split(',').any(|item| item.trim() == "*");
    if has_star && ctx.credentials == CredentialsMode::Include {
        return "`*` is a wildcard only for requests without credentials; with credentials it means a name that is \
                literally `*`, so every name must be listed."
            .to_owned();
    }
    String::new()
}

/// What a reason code recorded by the safelist, forbidden-header and header-syntax checks means, in
/// the words of [`crate::render::labels`].
pub(super) fn reason_text(step: &TraceStep) -> &'static str {
    let code = val(step, Key::Reason);
    if step.check == CheckId::HeaderSyntax {
        return match code {
            "name" => "name",
            "value" => "value",
            _ => "",
        };
    }
    crate::request_facts::not_safelisted_by_id(code)
        .map(labels::not_safelisted_words)
        .or_else(|| crate::request_facts::forbidden_by_id(code).map(labels::forbidden_words))
        .unwrap_or("")
}

/// Appends which part of two origins differs, from the `Differs` value.
pub(super) fn differs_text(differs: &str, out: &mut String) {
    if differs == "opaque-page" {
        out.push_str(
            "the page has an opaque origin (`null`), for example a sandboxed iframe or a file: page, which is \
             cross-origin to everything",
        );
        return;
    }
    let start = out.len();
    for part in differs.split(',') {
        let text = match part.trim() {
            "scheme" => "scheme (http vs https)",
            "host" => "host name",
            "port" => "port",
            _ => continue,
        };
        out.push_str(if out.len() == start {
            "the "
        } else {
            " and the "
        });
        out.push_str(text);
    }
    if out.len() == start {
        out.push_str("scheme, host or port");
    }
}

/// A short and a longer text for a network error kind.
pub(super) fn network_error(kind: &str) -> (&'static str, &'static str) {
    match kind {
        "connection-refused" => (
            "connection refused",
            "nothing is listening on that host and port",
        ),
        "timeout" => ("timed out", "the server did not answer in time"),
        "dns" => (
            "the host name does not resolve",
            "DNS has no address for that host name",
        ),
        "tls" => (
            "the TLS handshake failed",
            "the HTTPS certificate is not trusted, or the server does not speak HTTPS on that port",
        ),
        _ => (
            "no answer",
            "the connection failed before any HTTP response",
        ),
    }
}

/// Appends why a preflight is needed, from the `Reason` codes of the preflight-needed step.
pub(super) fn preflight_why(step: &TraceStep, out: &mut String) {
    if step.check != CheckId::PreflightNeeded {
        return;
    }
    let start = out.len();
    for reason in val(step, Key::Reason).split(',') {
        let reason = reason.trim();
        if !matches!(reason, "method" | "headers" | "flag" | "redirect") {
            continue;
        }
        if out.len() != start {
            out.push_str(", and ");
        }
        match reason {
            "method" => {
                out.push('`');
                out.push_str(val(step, Key::Method));
                out.push_str("` is not GET, HEAD or POST");
            }
            "headers" => {
                out.push_str("the header(s) ");
                for (i, name) in val(step, Key::Names).split(',').enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(name);
                }
                out.push_str(" need the server's permission");
            }
            "redirect" => out.push_str(
                "this browser preflights every hop after a redirect once the first request needed one",
            ),
            _ => out.push_str("the request forces one (upload listeners or a streamed body)"),
        }
    }
    if out.len() == start {
        out.push_str("the request is not a simple one");
    }
}

/// Appends the extra sentence for an error status, which is often the real problem behind a "CORS
/// error".
pub(super) fn status_note(status: &str, out: &mut String) {
    if is_error_status(status) {
        out.push_str("Note the status ");
        out.push_str(status);
        out.push_str(
            ": error pages are often produced by code that skips the CORS middleware, so the missing header may \
             only be a symptom. Fix the ",
        );
        out.push_str(status);
        out.push_str(" too, and add the CORS headers to error responses.");
    }
}

/// Appends what the preflight cache lifetime means.
pub(super) fn max_age_text(step: &TraceStep, out: &mut String) {
    match val(step, Key::Value) {
        "" => {
            out.push_str("No Access-Control-Max-Age was sent, so the default of 5 seconds applies.")
        }
        raw => {
            out.push_str("The server sent `Access-Control-Max-Age: ");
            out.push_str(raw);
            out.push_str("`.");
        }
    }
    match val(step, Key::Cap) {
        "" => {}
        cap => {
            out.push_str(" This browser keeps it at most ");
            out.push_str(cap);
            out.push_str(" seconds.");
        }
    }
}

/// What a response tainting means for the script.
pub(super) fn tainting_text(tainting: &str) -> &'static str {
    match tainting {
        "basic" => "Same-origin: the script reads the status, the body and every header except Set-Cookie.",
        "cors" => "Cross-origin and allowed: the script reads the status, the body and the exposed headers.",
        "opaque" => {
            "An opaque response: the request was sent, but the script sees status 0, no headers and no body. This is \
             what `mode: 'no-cors'` gives; to read the response use mode `cors` and have the server send CORS headers."
        }
        "opaqueredirect" => {
            "The redirect was not followed (`redirect: 'manual'`): the script sees an opaque-redirect response with \
             status 0 and cannot read where it points."
        }
        _ => "The response type decides what the script may read: everything, the CORS-safe parts, or nothing.",
    }
}
