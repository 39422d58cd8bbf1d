//! Safari's console lines (WebKit: Safari, WKWebView, WebKitGTK).
//!
//! Source: WebKit `CrossOriginAccessControl.cpp`, `CrossOriginPreflightChecker.cpp`,
//! `DocumentThreadableLoader.cpp` (`logErrorAndFail` prints the reason as its own line) and
//! `ThreadableLoader::logError` (`{api} cannot load {url} due to access control checks.`), via
//! `docs/reference/browser-messages.md` §3, plus real Safari logs quoted in public repositories for the
//! mixed-content triple and `Failed to load resource:`.
//!
//! Verified in WebKitGTK 2.50 by the conformance suite, which reads the page's console from MiniBrowser's
//! output: the reason lines, `… cannot load … due to access control checks.`, the redirect lines
//! (`Cross-origin redirection to … denied …`, credentials, non-CORS schemes, the 20-redirect limit, redirect
//! mode `error`), `same-origin` and `no-cors` mode refusals and Cross-Origin-Resource-Policy. Not observable
//! there, so unverified: Web Inspector's `Failed to load resource: …` lines (the macOS `NSURLError` texts
//! for network errors) and bad ports.

use super::{is_cross_origin, page_url};
use crate::fetch_state::without_userinfo;
use crate::preflight::webkit_header_spelling;
use crate::render::template::fill;
use crate::render::values::{location_of, url_or, val};
use crate::render::RenderContext;
use crate::scenario::{Api, RequestMode};
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
        | C::PreflightAllowOriginMismatch => {
            "Origin {origin} is not allowed by Access-Control-Allow-Origin. Status code: {status}"
        }
        C::AllowOriginMultiple | C::PreflightAllowOriginMultiple => {
            "Access-Control-Allow-Origin cannot contain more than one origin."
        }
        C::AllowOriginWildcard | C::PreflightAllowOriginWildcard => {
            "Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true."
        }
        C::AllowCredentials | C::PreflightAllowCredentials => {
            "Credentials flag is true, but Access-Control-Allow-Credentials is not \"true\"."
        }
        C::PreflightOkStatus | C::PreflightRedirect => {
            "Preflight response is not successful. Status code: {status}"
        }
        C::AllowMethodsParse => "Header Access-Control-Allow-Methods has an invalid value: {value}",
        C::AllowHeadersParse => "Header Access-Control-Allow-Headers has an invalid value: {value}",
        C::MethodAllowed => "Method {method} is not allowed by Access-Control-Allow-Methods.",
        C::HeaderAllowed | C::AuthorizationAllowed => {
            "Request header field {header} is not allowed by Access-Control-Allow-Headers."
        }
        C::SameOriginMode => {
            "Cross origin requests are not allowed when using same-origin fetch mode."
        }
        C::CorsScheme => "Cross origin requests are only supported for HTTP.",
        C::RedirectCredentials => {
            // WebKit names the redirect without its credentials first (observed in WebKitGTK 2.50).
            "Cross-origin redirection to {location-without-credentials} denied by Cross-Origin Resource Sharing \
             policy: redirection URL {location} has credentials"
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
    // An `ftp:` redirect target is refused as such before the redirect mode and the CORS check of the
    // redirect response (observed in WebKitGTK 2.50).
    if step.stage == Stage::Redirect && is_ftp(url, val(step, Key::Location)) {
        return vec!["FTP URLs are disabled".to_owned(), cannot_load(ctx, url)];
    }
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
        // WebKit stops at 20 itself, before the network layer's own limit (observed in WebKitGTK 2.50).
        CheckId::RedirectLimit => {
            return vec!["Load cannot follow more than 20 redirections".to_owned(), cannot_load(ctx, url)]
        }
        CheckId::CrossOriginResourcePolicy => {
            return vec![
                format!(
                    "Cancelled load to {url} because it violates the resource's Cross-Origin-Resource-Policy \
                     response header."
                ),
                cannot_load(ctx, url),
            ]
        }
        // Refused before any request, without a reason line (observed in WebKitGTK 2.50).
        CheckId::NoCorsRedirectMode => {
            return vec![
                "No-Cors mode requires follow redirect mode".to_owned(),
                "Not allowed to request resource".to_owned(),
                cannot_load(ctx, url),
            ]
        }
        CheckId::SameOriginMode if step.stage != Stage::Redirect => {
            return vec![format!("{} cannot load {url}.", api_name(ctx))]
        }
        CheckId::SameOriginMode => {
            return vec![
                format!(
                    "Unsafe attempt to load URL {url} from origin {}. Domains, protocols and ports must match.",
                    ctx.page_origin
                ),
                cannot_load(ctx, url),
            ]
        }
        CheckId::RedirectMode => {
            return vec![
                format!("Not allowed to follow a redirection while loading {url}"),
                cannot_load(ctx, url),
            ]
        }
        CheckId::RedirectScheme => return redirect_scheme_lines(ctx, trace, step, url),
        _ => {}
    }
    let Some(reason) = reason(step.check) else {
        return Vec::new();
    };
    let text = fill(reason, &vars(ctx, trace, step, url).each());
    // A redirect without a target WebKit can read (no `Location`, an empty one) fails as a response.
    let followed = match val(step, Key::Location) {
        "" => location_of(trace, url),
        location => Some(location),
    };
    let line = match followed {
        Some(location) if step.stage == Stage::Redirect && is_cors_check(step.check) => format!(
            "Cross-origin redirection to {} denied by Cross-Origin Resource Sharing policy: {text}",
            without_credentials(location)
        ),
        _ => text,
    };
    vec![line, cannot_load(ctx, url)]
}

/// Whether `location`, read against `url`, is an `ftp:` URL.
fn is_ftp(url: &str, location: &str) -> bool {
    url::Url::parse(url)
        .and_then(|base| base.join(location))
        .is_ok_and(|target| target.scheme() == "ftp")
}

/// A redirect to a URL that is not HTTP(S) (`ftp:` is disabled outright, see [`failure`]). A request still
/// same origin may not load a local resource; a CORS request that is (or would become) cross-origin fails
/// WebKit's cross-origin redirect check; otherwise the new URL is taken and refused for its scheme, and the
/// `cannot load` line names it (observed in WebKitGTK 2.50 with `ftp:`, `file:`, `data:` and `blob:`
/// targets).
fn redirect_scheme_lines(
    ctx: &RenderContext,
    trace: &[TraceStep],
    step: &TraceStep,
    url: &str,
) -> Vec<String> {
    let location = val(step, Key::Location);
    let target = url::Url::parse(location).ok();
    let to_page_origin = target
        .as_ref()
        .is_some_and(|target| target.origin().ascii_serialization() == ctx.page_origin);
    let scheme = target.as_ref().map_or("", url::Url::scheme);
    // A request still same origin may not load a `file:` URL or a `blob:` URL of another origin at all.
    let local = scheme == "file" || (scheme == "blob" && !to_page_origin);
    if local && !is_cross_origin(trace) {
        return vec![
            format!("Not allowed to load local resource: {location}"),
            cannot_load(ctx, url),
        ];
    }
    if ctx.mode == RequestMode::Cors && (is_cross_origin(trace) || !to_page_origin) {
        return vec![
            format!(
                "Cross-origin redirection to {location} denied by Cross-Origin Resource Sharing policy: not allowed \
                 to follow a cross-origin CORS redirection with non CORS scheme"
            ),
            cannot_load(ctx, url),
        ];
    }
    // The XMLHttpRequest loader words it without the final period (observed in WebKitGTK 2.50).
    let refusal = match ctx.api {
        Api::Fetch => "Redirection to URL with a scheme that is not HTTP(S).",
        Api::Xhr => "Redirection to URL with a scheme that is not HTTP(S)",
    };
    vec![
        refusal.to_owned(),
        cannot_load(ctx, if location.is_empty() { url } else { location }),
    ]
}

fn is_cors_check(check: CheckId) -> bool {
    crate::render::values::is_response_cors_check(check)
}

/// `Fetch API cannot load … due to access control checks.`
fn cannot_load(ctx: &RenderContext, url: &str) -> String {
    // WebKit prints the URL without its user name and password (observed in WebKitGTK 2.50).
    format!(
        "{} cannot load {} due to access control checks.",
        api_name(ctx),
        without_credentials(url)
    )
}

/// How WebKit names the script's API in its `cannot load` lines.
fn api_name(ctx: &RenderContext) -> &'static str {
    match ctx.api {
        Api::Fetch => "Fetch API",
        Api::Xhr => "XMLHttpRequest",
    }
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
    location_without_credentials: String,
}

impl SafariVars {
    fn each(&self) -> [(&str, &str); 7] {
        [
            ("origin", &self.origin),
            ("status", &self.status),
            ("value", &self.value),
            ("method", &self.method),
            ("header", &self.header),
            ("location", &self.location),
            (
                "location-without-credentials",
                &self.location_without_credentials,
            ),
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
        location_without_credentials: without_credentials(location),
        location: location.to_owned(),
    }
}

/// `location` with its user name and password removed (unchanged when it does not parse).
fn without_credentials(location: &str) -> String {
    match url::Url::parse(location) {
        Ok(url) if !url.username().is_empty() || url.password().is_some() => {
            without_userinfo(&url).into()
        }
        _ => location.to_owned(),
    }
}

/// WebKit names the header with the letters the script used (`X-Api-Key`), or its own spelling of a name
/// it knows (`content-TYPE` → `Content-Type`): the engine records the script's as `WrittenHeader`; older traces only have the lower-case name, so the safelist steps that name the
/// header are searched for its spelling.
fn header_as_written<'a>(trace: &'a [TraceStep], step: &'a TraceStep) -> &'a str {
    if let Some(written) = step.value(Key::WrittenHeader).filter(|w| !w.is_empty()) {
        return webkit_header_spelling(written);
    }
    let lower = val(step, Key::Header);
    trace
        .iter()
        .filter(|s| s.check == CheckId::SafelistedHeader)
        .filter_map(|s| s.value(Key::Header))
        .find(|name| name.eq_ignore_ascii_case(lower))
        .unwrap_or(lower)
}
