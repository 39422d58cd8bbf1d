//! Safari's console lines (WebKit: Safari, WKWebView, WebKitGTK).
//!
//! Source: WebKit `CrossOriginAccessControl.cpp`, `CrossOriginPreflightChecker.cpp`,
//! `DocumentThreadableLoader.cpp` (`logErrorAndFail` prints the reason as its own line) and
//! `ThreadableLoader::logError` (`{api} cannot load {url} due to access control checks.`), via
//! `docs/reference/browser-messages.md` §3, plus real Safari logs quoted in public repositories for the
//! mixed-content triple and `Failed to load resource:`. Not run here: no WebKit browser is available.
//!
//! Unverified: the redirect lines (`Cross-origin redirection to … denied …`), the network-error
//! descriptions (the macOS `NSURLError` texts), bad ports, too many redirects and
//! Cross-Origin-Resource-Policy.

use super::page_url;
use crate::render::template::fill;
use crate::render::values::{location_of, url_or, val};
use crate::render::RenderContext;
use crate::scenario::Api;
use crate::trace::{CheckId, Key, Stage, StepOutcome, TraceStep};

/// The reason line WebKit prints for a failed check id.
fn reason(check: CheckId) -> Option<&'static str> {
    use CheckId as C;
    let reason = match check {
        C::AllowOriginMissing
        | C::AllowOriginInvalid
        | C::AllowOriginMismatch
        | C::PreflightAllowOriginMissing
        | C::PreflightAllowOriginInvalid
        | C::PreflightAllowOriginMismatch => "Origin {origin} is not allowed by Access-Control-Allow-Origin. Status code: {status}",
        C::AllowOriginMultiple | C::PreflightAllowOriginMultiple => {
            "Access-Control-Allow-Origin cannot contain more than one origin."
        }
        C::AllowOriginWildcard | C::PreflightAllowOriginWildcard => {
            "Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true."
        }
        C::AllowCredentials | C::PreflightAllowCredentials => {
            "Credentials flag is true, but Access-Control-Allow-Credentials is not \"true\"."
        }
        C::PreflightOkStatus | C::PreflightRedirect => "Preflight response is not successful. Status code: {status}",
        C::AllowMethodsParse => "Header Access-Control-Allow-Methods has an invalid value: {value}",
        C::AllowHeadersParse => "Header Access-Control-Allow-Headers has an invalid value: {value}",
        C::MethodAllowed => "Method {method} is not allowed by Access-Control-Allow-Methods.",
        C::HeaderAllowed | C::AuthorizationAllowed => {
            "Request header field {header} is not allowed by Access-Control-Allow-Headers."
        }
        C::SameOriginMode => "Cross origin requests are not allowed when using same-origin fetch mode.",
        C::CorsScheme => "Cross origin requests are only supported for HTTP.",
        C::RedirectCredentials => {
            "Cross-origin redirection to {location} denied by Cross-Origin Resource Sharing policy: redirection URL \
             {location} has credentials"
        }
        C::RedirectScheme => "Redirection to URL with a scheme that is not HTTP(S).",
        _ => return None,
    };
    Some(reason)
}

/// The reason line of a failed check, with its values as `{name}` holes, for [`super::templates`].
pub(super) fn template(check: CheckId) -> Option<String> {
    reason(check).map(str::to_owned)
}

/// A line Safari prints for a fact along the way (`XMLHttpRequest.setRequestHeader` of a forbidden name).
pub(super) fn info(ctx: &RenderContext, step: &TraceStep) -> Option<String> {
    let forbidden = step.check == CheckId::ForbiddenHeader && step.outcome == StepOutcome::Info;
    (forbidden && ctx.api == Api::Xhr).then(|| {
        format!(
            "Refused to set unsafe header \"{}\"",
            val(step, Key::Header)
        )
    })
}

/// The lines Safari prints for the failed step.
pub(super) fn failure(ctx: &RenderContext, trace: &[TraceStep], step: &TraceStep) -> Vec<String> {
    let url = url_or(step, ctx.final_url);
    match step.check {
        CheckId::MixedContent => {
            return vec![
                format!("[blocked] The page at {} was not allowed to display insecure content from {url}.", page_url(ctx, step)),
                "Not allowed to request resource".to_owned(),
                cannot_load(ctx, url),
            ]
        }
        CheckId::NetworkError => return vec![failed_to_load(val(step, Key::ErrorKind))],
        CheckId::PreflightNetworkError => {
            return vec![failed_to_load(val(step, Key::ErrorKind)), cannot_load(ctx, url)];
        }
        CheckId::BadPort => return vec!["Not allowed to use restricted network port".to_owned()],
        CheckId::RedirectLimit => return vec!["Failed to load resource: too many HTTP redirects".to_owned()],
        CheckId::CrossOriginResourcePolicy => {
            return vec![format!(
                "Cancelled load to {url} because it violates the resource's Cross-Origin-Resource-Policy response \
                 header."
            )]
        }
        _ => {}
    }
    let Some(reason) = reason(step.check) else {
        return Vec::new();
    };
    let text = fill(reason, &vars(ctx, trace, step, url).each());
    let line = if step.stage == Stage::Redirect && is_cors_check(step.check) {
        let location = match val(step, Key::Location) {
            "" => location_of(trace, url).unwrap_or(url),
            location => location,
        };
        format!("Cross-origin redirection to {location} denied by Cross-Origin Resource Sharing policy: {text}")
    } else {
        text
    };
    vec![line, cannot_load(ctx, url)]
}

fn is_cors_check(check: CheckId) -> bool {
    crate::render::values::is_response_cors_check(check)
}

/// `Fetch API cannot load … due to access control checks.`
fn cannot_load(ctx: &RenderContext, url: &str) -> String {
    let api = match ctx.api {
        Api::Fetch => "Fetch API",
        Api::Xhr => "XMLHttpRequest",
    };
    format!("{api} cannot load {url} due to access control checks.")
}

/// Web Inspector's network error line, with the macOS `NSURLError` description.
fn failed_to_load(kind: &str) -> String {
    let description = match kind {
        "connection-refused" => "Could not connect to the server.",
        "timeout" => "The request timed out.",
        "dns" => "A server with the specified hostname could not be found.",
        "tls" => "An SSL error has occurred and a secure connection to the server cannot be made.",
        _ => "The network connection was lost.",
    };
    format!("Failed to load resource: {description}")
}

/// The placeholder values of Safari's reason lines.
struct SafariVars {
    origin: String,
    status: String,
    value: String,
    method: String,
    header: String,
    location: String,
}

impl SafariVars {
    fn each(&self) -> [(&str, &str); 6] {
        [
            ("origin", &self.origin),
            ("status", &self.status),
            ("value", &self.value),
            ("method", &self.method),
            ("header", &self.header),
            ("location", &self.location),
        ]
    }
}

fn vars(ctx: &RenderContext, trace: &[TraceStep], step: &TraceStep, url: &str) -> SafariVars {
    let origin = match val(step, Key::SentOrigin) {
        "" => ctx.page_origin,
        sent => sent,
    };
    let location = match val(step, Key::Location) {
        "" => location_of(trace, url).unwrap_or(""),
        location => location,
    };
    SafariVars {
        origin: origin.to_owned(),
        status: val(step, Key::Status).to_owned(),
        value: val(step, Key::Value).to_owned(),
        method: val(step, Key::Method).to_owned(),
        header: header_as_written(trace, step).to_owned(),
        location: location.to_owned(),
    }
}

/// WebKit names the header with the letters the script used (`Content-Type`): the engine records them
/// as `WrittenHeader`; older traces only have the lower-case name, so the safelist steps that name the
/// header are searched for its spelling.
fn header_as_written<'a>(trace: &'a [TraceStep], step: &'a TraceStep) -> &'a str {
    if let Some(written) = step.value(Key::WrittenHeader).filter(|w| !w.is_empty()) {
        return written;
    }
    let lower = val(step, Key::Header);
    trace
        .iter()
        .filter(|s| s.check == CheckId::SafelistedHeader)
        .filter_map(|s| s.value(Key::Header))
        .find(|name| name.eq_ignore_ascii_case(lower))
        .unwrap_or(lower)
}
