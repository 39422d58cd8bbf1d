//! Computed explanations: why two origins differ, what a reason code means, what a network error is.

use crate::render::values::{is_error_status, val};
use crate::render::RenderContext;
use crate::scenario::CredentialsMode;
use crate::trace::{CheckId, Key, TraceStep};

/// The extra sentence for a step (`{hint}`), or empty.
pub(super) fn hint(ctx: &RenderContext, step: &TraceStep) -> String {
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

/// What a reason code recorded by the safelist, forbidden-header and header-syntax checks means.
pub(super) fn reason_text(step: &TraceStep) -> &'static str {
    match val(step, Key::Reason) {
        "name" if step.check == CheckId::HeaderSyntax => "name",
        "value" if step.check == CheckId::HeaderSyntax => "value",
        "name" => "this header name is not on the safelist",
        "value-too-long" => "its value is longer than 128 bytes",
        "unsafe-byte" => "its value contains a character such as `\"`, `(`, `:`, `<`, `@`, `{` or a control character",
        "mime-type" => {
            "only `application/x-www-form-urlencoded`, `multipart/form-data` and `text/plain` are safelisted \
             Content-Type values; `application/json` is not"
        }
        "language-chars" => "language values may only use letters, digits, spaces and `*,-.;=`",
        "range-syntax" => "only a single `bytes=start-` or `bytes=start-end` range is safelisted",
        "over-total" => "the safelisted header values together exceed 1024 bytes",
        "forbidden-name" => "the browser sets this header itself",
        "proxy-prefix" => "names starting with `Proxy-` are reserved for the browser",
        "sec-prefix" => "names starting with `Sec-` are reserved for the browser",
        "method-override" => "it would switch the method to CONNECT, TRACE or TRACK",
        _ => "",
    }
}

/// Which part of two origins differs, from the `Differs` value.
pub(super) fn differs_text(differs: &str) -> String {
    if differs == "opaque-page" {
        return "the page has an opaque origin (`null`), for example a sandboxed iframe or a file: page, which is \
                cross-origin to everything"
            .to_owned();
    }
    let parts: Vec<&str> = differs
        .split(',')
        .filter_map(|part| match part.trim() {
            "scheme" => Some("scheme (http vs https)"),
            "host" => Some("host name"),
            "port" => Some("port"),
            _ => None,
        })
        .collect();
    if parts.is_empty() {
        return "scheme, host or port".to_owned();
    }
    format!("the {}", parts.join(" and the "))
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

/// Why a preflight is needed, from the `Reason` codes of the preflight-needed step.
pub(super) fn preflight_why(step: &TraceStep) -> String {
    if step.check != CheckId::PreflightNeeded {
        return String::new();
    }
    let method = val(step, Key::Method);
    let names = val(step, Key::Names).replace(',', ", ");
    let reasons: Vec<String> = val(step, Key::Reason)
        .split(',')
        .filter_map(|reason| match reason.trim() {
            "method" => Some(format!("`{method}` is not GET, HEAD or POST")),
            "headers" => Some(format!(
                "the header(s) {names} need the server's permission"
            )),
            "flag" => {
                Some("the request forces one (upload listeners or a streamed body)".to_owned())
            }
            _ => None,
        })
        .collect();
    if reasons.is_empty() {
        "the request is not a simple one".to_owned()
    } else {
        reasons.join(", and ")
    }
}

/// The extra sentence for an error status, which is often the real problem behind a "CORS error".
pub(super) fn status_note(status: &str) -> String {
    if is_error_status(status) {
        format!(
            "Note the status {status}: error pages are often produced by code that skips the CORS middleware, so the \
             missing header may only be a symptom. Fix the {status} too, and add the CORS headers to error responses."
        )
    } else {
        String::new()
    }
}

/// What the preflight cache lifetime means.
pub(super) fn max_age_text(step: &TraceStep) -> String {
    let cap = match val(step, Key::Cap) {
        "" => String::new(),
        cap => format!(" This browser keeps it at most {cap} seconds."),
    };
    match val(step, Key::Value) {
        "" => {
            format!("No Access-Control-Max-Age was sent, so the default of 5 seconds applies.{cap}")
        }
        raw => format!("The server sent `Access-Control-Max-Age: {raw}`.{cap}"),
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
