//! Chrome's console lines (Chromium: Chrome, Edge, Brave, Opera, Electron).
//!
//! Verified: every template here was printed by Chromium 156.0.8078.79 (headless, WebDriver
//! `goog:loggingPrefs`) for a page at `http://localhost:8801` fetching from `127.0.0.1` with `fetch()`
//! and `XMLHttpRequest`, except where a line says `unverified`. Sources for the wording:
//! `services/network/public/cpp/cors/cors_error_string.cc` (the CORS tails), Blink
//! `FetchManager` (`Fetch API cannot load …`), `MixedContentChecker`, and
//! `docs/reference/browser-messages.md` §1.
//!
//! Observed facts the tables encode:
//! * every `Access to … blocked by CORS policy` line is followed by `Failed to load resource:
//!   net::ERR_FAILED`; renderer-side lines (`Fetch API cannot load …`, `Mixed Content: …`, `Unsafe
//!   attempt …`) are not;
//! * network errors print only `Failed to load resource: net::ERR_…`, with no CORS line, for the
//!   preflight too;
//! * the URL is the one whose response failed, with `(redirected from '<first URL>')` after a redirect;
//!   `from origin` is always the page's origin, even when `Origin: null` was sent;
//! * header values are escaped: every byte outside printable ASCII becomes `\u00XX` (a tab is
//!   `\u0009`, UTF-8 `é` is `\u00C3\u00A9`);
//! * `ACAH: *` covering `Authorization` prints no warning in the console.

use super::page_url;
use crate::render::template::fill;
use crate::render::values::{url_or, val};
use crate::render::RenderContext;
use crate::scenario::{Api, RedirectMode};
use crate::trace::{CheckId, Key, Stage, StepOutcome, TraceStep};

const ACCESS: &str =
    "Access to {kind} at '{url}' from origin '{origin}' has been blocked by CORS policy: ";
const ACCESS_REDIRECTED: &str =
    "Access to {kind} at '{url}' (redirected from '{initial}') from origin '{origin}' has been blocked by CORS policy: ";
const PREFLIGHT_INFIX: &str = "Response to preflight request doesn't pass access control check: ";
const ERR_FAILED: &str = "Failed to load resource: net::ERR_FAILED";
const VALID_VALUE: &str = " Have the server send the header with a valid value.";
const WITH_CREDENTIALS: &str =
    " The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute.";

/// Which initiator-dependent sentence ends a CORS line.
#[derive(Clone, Copy)]
enum Suffix {
    None,
    /// fetch only: multiple, invalid and mismatched `Access-Control-Allow-Origin`.
    ValidValueForFetch,
    /// XMLHttpRequest only: the wildcard and credentials errors.
    WithCredentialsForXhr,
}

/// One `network::mojom::CorsError` tail: its text, whether it takes the preflight infix, its suffix.
struct Tail(&'static str, bool, Suffix);

/// The CORS-error tail for a failed check id, keyed by check id.
fn cors_tail(check: CheckId) -> Option<Tail> {
    use CheckId as C;
    use Suffix::{None as Plain, ValidValueForFetch as Valid, WithCredentialsForXhr as Xhr};
    const MISSING: &str =
        "No 'Access-Control-Allow-Origin' header is present on the requested resource.";
    const MULTIPLE: &str =
        "The 'Access-Control-Allow-Origin' header contains multiple values '{value}', but only one is allowed.";
    const INVALID: &str =
        "The 'Access-Control-Allow-Origin' header contains the invalid value '{value}'.";
    const MISMATCH: &str =
        "The 'Access-Control-Allow-Origin' header has a value '{value}' that is not equal to the supplied origin.";
    const WILDCARD: &str =
        "The value of the 'Access-Control-Allow-Origin' header in the response must not be the \
                            wildcard '*' when the request's credentials mode is 'include'.";
    const CREDENTIALS: &str = "The value of the 'Access-Control-Allow-Credentials' header in the response is \
                               '{value}' which must be 'true' when the request's credentials mode is 'include'.";
    const HEADER: &str = "Request header field {header} is not allowed by Access-Control-Allow-Headers in preflight \
                          response.";
    let tail = match check {
        C::AllowOriginMissing => Tail(MISSING, false, Plain),
        C::AllowOriginMultiple => Tail(MULTIPLE, false, Valid),
        C::AllowOriginInvalid => Tail(INVALID, false, Valid),
        C::AllowOriginMismatch => Tail(MISMATCH, false, Valid),
        C::AllowOriginWildcard => Tail(WILDCARD, false, Xhr),
        C::AllowCredentials => Tail(CREDENTIALS, false, Xhr),
        C::PreflightAllowOriginMissing => Tail(MISSING, true, Plain),
        C::PreflightAllowOriginMultiple => Tail(MULTIPLE, true, Valid),
        C::PreflightAllowOriginInvalid => Tail(INVALID, true, Valid),
        C::PreflightAllowOriginMismatch => Tail(MISMATCH, true, Valid),
        C::PreflightAllowOriginWildcard => Tail(WILDCARD, true, Xhr),
        C::PreflightAllowCredentials => Tail(CREDENTIALS, true, Xhr),
        C::PreflightOkStatus => Tail("It does not have HTTP ok status.", true, Plain),
        C::PreflightRedirect => Tail("Redirect is not allowed for a preflight request.", true, Plain),
        C::AllowMethodsParse => Tail(
            "Cannot parse Access-Control-Allow-Methods response header field in preflight response.",
            false,
            Plain,
        ),
        C::AllowHeadersParse => Tail(
            "Cannot parse Access-Control-Allow-Headers response header field in preflight response.",
            false,
            Plain,
        ),
        C::MethodAllowed => Tail(
            "Method {method} is not allowed by Access-Control-Allow-Methods in preflight response.",
            false,
            Plain,
        ),
        C::HeaderAllowed | C::AuthorizationAllowed => Tail(HEADER, false, Plain),
        // Observed: the network service leaves the location out, so Chrome prints `''`.
        C::RedirectCredentials => Tail(
            "Redirect location '' contains a username and password, which is disallowed for cross-origin requests.",
            false,
            Plain,
        ),
        C::LocalNetworkAccess => Tail(
            "Permission was denied for this request to access the `{space}` address space.",
            false,
            Plain,
        ),
        // Observed for XMLHttpRequest to a custom scheme (Chromium 156 list of CORS-enabled schemes).
        C::CorsScheme => Tail(
            "Cross origin requests are only supported for protocol schemes: chrome, \
             chrome-experimental-site-token-provider, chrome-extension, chrome-untrusted, data, http, https, \
             isolated-app.",
            false,
            Plain,
        ),
        // Unverified (historical): Private Network Access preflights were removed from Chromium in 2026.
        C::AllowPrivateNetwork => Tail(
            "No 'Access-Control-Allow-Private-Network' header was present in the preflight response for this \
             private network request targeting the `{space}` address space.",
            true,
            Plain,
        ),
        _ => return None,
    };
    Some(tail)
}

/// The CORS line of a failed check as `fetch()` prints it, with its values as `{name}` holes, for
/// [`super::templates`].
pub(super) fn template(check: CheckId) -> Option<String> {
    let tail = cors_tail(check)?;
    let infix = if tail.1 { PREFLIGHT_INFIX } else { "" };
    let suffix = match tail.2 {
        Suffix::ValidValueForFetch => VALID_VALUE,
        Suffix::None | Suffix::WithCredentialsForXhr => "",
    };
    Some(format!("{ACCESS}{infix}{}{suffix}", tail.0))
}

/// A line Chrome prints for a fact along the way.
pub(super) fn info(ctx: &RenderContext, step: &TraceStep) -> Option<String> {
    let forbidden = step.check == CheckId::ForbiddenHeader && step.outcome == StepOutcome::Info;
    (forbidden && ctx.api == Api::Xhr).then(|| {
        format!(
            "Refused to set unsafe header \"{}\"",
            val(step, Key::Header)
        )
    })
}

/// The lines Chrome prints for the failed step.
pub(super) fn failure(ctx: &RenderContext, trace: &[TraceStep], step: &TraceStep) -> Vec<String> {
    // A same-origin request redirected to a same-origin URL with credentials fails silently (observed in
    // Chromium 148 and 156).
    // In redirect mode "error" only `ERR_FAILED` is printed.
    if step.check == CheckId::RedirectCredentials
        && !super::is_cross_origin(trace)
        && is_same_origin_with_page(ctx, val(step, Key::Location))
    {
        return match ctx.redirect {
            RedirectMode::Error => vec![ERR_FAILED.to_owned()],
            _ => Vec::new(),
        };
    }
    if let Some(line) = renderer_line(ctx, step) {
        return vec![line];
    }
    if let Some(line) = redirect_scheme_line(ctx, step) {
        return vec![line];
    }
    if step.check == CheckId::RedirectMode {
        return error_mode_line(step).into_iter().collect();
    }
    if let Some(code) = net_error(step) {
        return vec![format!("Failed to load resource: net::{code}")];
    }
    match cors_tail(step.check) {
        Some(tail) => vec![cors_line(ctx, step, &tail), ERR_FAILED.to_owned()],
        None => Vec::new(),
    }
}

/// Whether `url` is same origin with the page.
fn is_same_origin_with_page(ctx: &RenderContext, url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|url| url.origin().ascii_serialization() == ctx.page_origin)
}

/// Redirect targets Chromium's network stack refuses as unsafe (`ERR_UNSAFE_REDIRECT`), in every mode but
/// "manual" (observed in Chromium 156).
const UNSAFE_REDIRECT_SCHEMES: [&str; 5] = ["about", "blob", "data", "file", "filesystem"];

/// Chrome's line when redirect mode "error" meets a redirect: the unsafe-redirect error for an unsafe
/// target, `ERR_FAILED` for an HTTP(S) one, nothing for a scheme it has no handler for (observed).
fn error_mode_line(step: &TraceStep) -> Option<String> {
    let location = val(step, Key::Location);
    let scheme = match url::Url::parse(location) {
        Ok(target) => target.scheme().to_owned(),
        Err(_) => "http".to_owned(),
    };
    let code = match scheme.as_str() {
        "http" | "https" => "ERR_FAILED",
        other if UNSAFE_REDIRECT_SCHEMES.contains(&other) => "ERR_UNSAFE_REDIRECT",
        _ => return None,
    };
    Some(format!("Failed to load resource: net::{code}"))
}

/// Observed: Chromium follows a redirect to a scheme it has no handler for (`ftp:`, `ws:`, `foo:`…) and
/// its CORS loader refuses it, naming the target, with no `Failed to load resource` line; `data:`,
/// `about:`, `blob:`, `file:` and `filesystem:` targets are refused as unsafe redirects instead.
fn redirect_scheme_line(ctx: &RenderContext, step: &TraceStep) -> Option<String> {
    let scheme = val(step, Key::Scheme);
    let unsafe_target = scheme.is_empty() || UNSAFE_REDIRECT_SCHEMES.contains(&scheme);
    if step.check != CheckId::RedirectScheme || unsafe_target {
        return None;
    }
    let tail = cors_tail(CheckId::CorsScheme)?;
    let kind = match ctx.api {
        Api::Fetch => "fetch",
        Api::Xhr => "XMLHttpRequest",
    };
    Some(format!(
        "Access to {kind} at '{}' (redirected from '{}') from origin '{}' has been blocked by CORS policy: {}",
        val(step, Key::Location),
        ctx.initial_url,
        ctx.page_origin,
        tail.0
    ))
}

/// `Access to … has been blocked by CORS policy: …`.
fn cors_line(ctx: &RenderContext, step: &TraceStep, tail: &Tail) -> String {
    let url = url_or(step, ctx.final_url);
    let prefix = if url == ctx.initial_url || ctx.initial_url.is_empty() {
        ACCESS
    } else {
        ACCESS_REDIRECTED
    };
    let suffix = match (tail.2, ctx.api) {
        (Suffix::ValidValueForFetch, Api::Fetch) => VALID_VALUE,
        (Suffix::WithCredentialsForXhr, Api::Xhr) => WITH_CREDENTIALS,
        _ => "",
    };
    let infix = if tail.1 { PREFLIGHT_INFIX } else { "" };
    let template = format!("{prefix}{infix}{}{suffix}", tail.0);
    let kind = match ctx.api {
        Api::Fetch => "fetch",
        Api::Xhr => "XMLHttpRequest",
    };
    let value = escape(val(step, Key::Value));
    let space = match val(step, Key::TargetAddressSpace) {
        "" => val(step, Key::AddressSpace),
        target => target,
    };
    let vars = [
        ("kind", kind),
        ("url", url),
        ("initial", ctx.initial_url),
        ("origin", ctx.page_origin),
        ("value", value.as_str()),
        ("method", val(step, Key::Method)),
        ("header", val(step, Key::Header)),
        ("space", space),
    ];
    fill(&template, &vars)
}

/// Lines Blink prints itself, before the network service is involved (fetch only for the mode checks).
fn renderer_line(ctx: &RenderContext, step: &TraceStep) -> Option<String> {
    let url = url_or(step, ctx.initial_url);
    let line = match (step.check, ctx.api) {
        (CheckId::SameOriginMode, _) if step.stage == Stage::Redirect => format!(
            // Observed in Chromium 156: this line ends with a newline character.
            "Unsafe attempt to load URL {url} from frame with URL {}. Domains, protocols and ports must match.\n",
            page_url(ctx, step)
        ),
        (CheckId::SameOriginMode, _) => format!(
            "Fetch API cannot load {url}. Request mode is \"same-origin\" but the URL's origin is not same as the \
             request origin {}.",
            ctx.page_origin
        ),
        (CheckId::NoCorsRedirectMode, _) => {
            format!("Fetch API cannot load {url}. Request mode is \"no-cors\" but the redirect mode is not \"follow\".")
        }
        (CheckId::CorsScheme, Api::Fetch) => {
            let scheme = val(step, Key::Scheme).trim_end_matches(':');
            format!("Fetch API cannot load {url}. URL scheme \"{scheme}\" is not supported.")
        }
        (CheckId::MixedContent, api) => {
            let what = match api {
                Api::Fetch => "resource",
                Api::Xhr => "XMLHttpRequest endpoint",
            };
            format!(
                "Mixed Content: The page at '{}' was loaded over HTTPS, but requested an insecure {what} '{url}'. \
                 This request has been blocked; the content must be served over HTTPS.",
                page_url(ctx, step)
            )
        }
        _ => return None,
    };
    Some(line)
}

/// The `net::` error of a failure that is not a CORS error, if it is one.
fn net_error(step: &TraceStep) -> Option<&'static str> {
    use CheckId as C;
    let code = match step.check {
        C::NetworkError | C::PreflightNetworkError => match val(step, Key::ErrorKind) {
            "connection-refused" => "ERR_CONNECTION_REFUSED",
            "dns" => "ERR_NAME_NOT_RESOLVED",
            "tls" => "ERR_CERT_AUTHORITY_INVALID",
            // Unverified: a connect timeout.
            "timeout" => "ERR_CONNECTION_TIMED_OUT",
            _ => "ERR_FAILED",
        },
        C::BadPort => "ERR_UNSAFE_PORT",
        C::RedirectScheme => "ERR_UNSAFE_REDIRECT",
        C::RedirectLimit => "ERR_TOO_MANY_REDIRECTS",
        C::RedirectMode => "ERR_FAILED",
        C::RedirectLocation if val(step, Key::Reason) == "multiple" => {
            "ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION"
        }
        // Unverified: a Location that does not parse.
        C::RedirectLocation => "ERR_INVALID_REDIRECT",
        C::CrossOriginResourcePolicy => match val(step, Key::Value) {
            // Unverified: the same-site variant.
            "same-site" => "ERR_BLOCKED_BY_RESPONSE.NotSameSite",
            _ => "ERR_BLOCKED_BY_RESPONSE.NotSameOrigin",
        },
        _ => return None,
    };
    Some(code)
}

/// Chrome's escaping of header values in console messages: bytes outside printable ASCII as `\u00XX`.
pub(crate) fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if (0x20..0x7f).contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("\\u{byte:04X}"));
        }
    }
    out
}
