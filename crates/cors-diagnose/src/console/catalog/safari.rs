//! Safari's (WebKit's) console messages (`CrossOriginAccessControl.cpp`, `DocumentThreadableLoader.cpp`).
//!
//! WebKit prints the reason on its own line, then `{api} cannot load {url} due to access control checks.`;
//! the URL comes from that second line. One sentence (`Origin … is not allowed by
//! Access-Control-Allow-Origin.`) covers a missing, invalid or mismatched value, at the preflight or the
//! response.

use cors_rules::{Browser, CheckId as C};

use super::message::{KnownMessage, Layout, Meaning};

const fn sf(code: &'static str, template: &'static str, meaning: Meaning) -> KnownMessage {
    KnownMessage {
        browser: Browser::Safari,
        code,
        template,
        layout: Layout::Whole,
        meaning,
    }
}

/// A message that must be the whole line (see [`Layout::WholeLine`]).
const fn sf_line(code: &'static str, template: &'static str, meaning: Meaning) -> KnownMessage {
    KnownMessage {
        layout: Layout::WholeLine,
        ..sf(code, template, meaning)
    }
}

const ORIGIN_CHECKS: &[C] = &[
    C::AllowOriginMissing,
    C::AllowOriginMismatch,
    C::AllowOriginInvalid,
    C::PreflightAllowOriginMissing,
    C::PreflightAllowOriginMismatch,
    C::PreflightAllowOriginInvalid,
];

/// What `Refused to set unsafe header` means (Chrome and Safari print the same words; the Chromium
/// entry stands for both).
pub(super) const UNSAFE_HEADER: &str = "Chrome and Safari print this when the script tried to set a header only the browser may set (`Cookie`, \
    `Host`, `Origin`, `Referer`, a `Sec-` or `Proxy-` header…). The browser dropped it and sent the request without \
    it; that alone blocks nothing. Let the browser send it, or send the value in a header of your own.";

/// Safari's messages, most specific first.
pub static SAFARI: &[KnownMessage] = &[
    sf("WEBKIT_REDIRECT_DENIED", "Cross-origin redirection to {url} denied by Cross-Origin Resource Sharing policy: {reason}", Meaning::Failure(&[C::AllowOriginMissing, C::RedirectCredentials, C::RedirectScheme])),
    sf("WEBKIT_REDIRECT_CREDENTIALS", "redirection URL {location} has credentials", Meaning::Failure(&[C::RedirectCredentials])),
    sf("WEBKIT_REDIRECT_NON_CORS_SCHEME", "not allowed to follow a cross-origin CORS redirection with non CORS scheme", Meaning::Failure(&[C::RedirectScheme])),
    sf("WEBKIT_ORIGIN_NOT_ALLOWED", "Origin {origin} is not allowed by Access-Control-Allow-Origin. Status code: {status}", Meaning::Failure(ORIGIN_CHECKS)),
    sf("WEBKIT_ORIGIN_NOT_ALLOWED_OLD", "Origin {origin} is not allowed by Access-Control-Allow-Origin.", Meaning::Failure(ORIGIN_CHECKS)),
    sf("WEBKIT_WILDCARD_WITH_CREDENTIALS", "Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.", Meaning::Failure(&[C::AllowOriginWildcard, C::PreflightAllowOriginWildcard])),
    sf("WEBKIT_MULTIPLE_ORIGINS", "Access-Control-Allow-Origin cannot contain more than one origin.", Meaning::Failure(&[C::AllowOriginMultiple, C::PreflightAllowOriginMultiple])),
    sf("WEBKIT_CREDENTIALS_NOT_TRUE", "Credentials flag is true, but Access-Control-Allow-Credentials is not \"true\".", Meaning::Failure(&[C::AllowCredentials, C::PreflightAllowCredentials])),
    sf("WEBKIT_PREFLIGHT_NOT_SUCCESSFUL", "Preflight response is not successful. Status code: {status}", Meaning::Failure(&[C::PreflightOkStatus, C::PreflightRedirect])),
    sf("WEBKIT_PREFLIGHT_NOT_SUCCESSFUL_OLD", "Preflight response is not successful", Meaning::Failure(&[C::PreflightOkStatus, C::PreflightRedirect])),
    sf("WEBKIT_PREFLIGHT_INVALID_ALLOW_METHODS", "Header Access-Control-Allow-Methods has an invalid value: {value}", Meaning::Failure(&[C::AllowMethodsParse])),
    sf("WEBKIT_PREFLIGHT_INVALID_ALLOW_HEADERS", "Header Access-Control-Allow-Headers has an invalid value: {value}", Meaning::Failure(&[C::AllowHeadersParse])),
    sf("WEBKIT_METHOD_NOT_ALLOWED", "Method {method} is not allowed by Access-Control-Allow-Methods.", Meaning::Failure(&[C::MethodAllowed])),
    sf("WEBKIT_HEADER_NOT_ALLOWED", "Request header field {header} is not allowed by Access-Control-Allow-Headers.", Meaning::Failure(&[C::HeaderAllowed, C::AuthorizationAllowed])),
    sf("WEBKIT_PREFLIGHT_BLOCKED", "CORS-preflight request was blocked", Meaning::Failure(&[C::PreflightNetworkError])),
    sf("WEBKIT_PREFLIGHT_RESPONSE_BLOCKED", "Preflight response was blocked", Meaning::Failure(&[C::PreflightNetworkError])),
    sf("WEBKIT_SAME_ORIGIN_MODE", "Cross origin requests are not allowed when using same-origin fetch mode.", Meaning::Failure(&[C::SameOriginMode])),
    sf("WEBKIT_NON_HTTP", "Cross origin requests are only supported for HTTP.", Meaning::Failure(&[C::CorsScheme])),
    sf("WEBKIT_REDIRECT_BAD_SCHEME", "Redirection to URL with a scheme that is not HTTP(S).", Meaning::Failure(&[C::RedirectScheme])),
    sf("WEBKIT_MIXED_CONTENT_DISPLAY", "[blocked] The page at {page} was not allowed to display insecure content from {url}.", Meaning::Failure(&[C::MixedContent])),
    sf("WEBKIT_CORP_CANCELLED", "Cancelled load to {url} because it violates the resource's Cross-Origin-Resource-Policy response header.", Meaning::Failure(&[C::CrossOriginResourcePolicy])),
    sf("WEBKIT_RESTRICTED_PORT", "Not allowed to use restricted network port", Meaning::Failure(&[C::BadPort])),
    sf("WEBKIT_TOO_MANY_REDIRECTS", "Failed to load resource: too many HTTP redirects", Meaning::Failure(&[C::RedirectLimit])),
    sf("WEBKIT_REDIRECT_LIMIT", "Load cannot follow more than {count} redirections", Meaning::Failure(&[C::RedirectLimit])),
    sf("WEBKIT_REDIRECT_MODE_ERROR", "Not allowed to follow a redirection while loading {url}", Meaning::Failure(&[C::RedirectMode])),
    sf("WEBKIT_NO_CORS_REDIRECT_MODE", "No-Cors mode requires follow redirect mode", Meaning::Failure(&[C::NoCorsRedirectMode])),
    sf("WEBKIT_UNSAFE_ATTEMPT_TO_LOAD", "Unsafe attempt to load URL {location} from origin {origin}. Domains, protocols and ports must match.", Meaning::Failure(&[C::SameOriginMode])),
    // Printed for any redirect to an ftp: URL, before the redirect's other checks (observed: with a missing
    // `Access-Control-Allow-Origin` on the redirect, or `redirect: 'error'`).
    sf("WEBKIT_FTP_DISABLED", "FTP URLs are disabled", Meaning::Failure(&[C::RedirectScheme, C::CorsScheme, C::RedirectMode, C::AllowOriginMissing])),
    sf("WEBKIT_NOT_ALLOWED_TO_REQUEST", "Not allowed to request resource", Meaning::Companion),
    sf("WEBKIT_MIXED_CONTENT", "[blocked] The page at {page} requested insecure content from {url}. This content was blocked and must be served over HTTPS.", Meaning::Failure(&[C::MixedContent])),
    sf("WEBKIT_CANNOT_LOAD_FETCH", "Fetch API cannot load {url} due to access control checks.", Meaning::Companion),
    sf("WEBKIT_CANNOT_LOAD_XHR", "XMLHttpRequest cannot load {url} due to access control checks.", Meaning::Companion),
    sf("WEBKIT_CANNOT_LOAD_EVENTSOURCE", "EventSource cannot load {url} due to access control checks.", Meaning::Companion),
    sf("WEBKIT_CANNOT_LOAD_OTHER", "Cannot load {url} due to access control checks.", Meaning::Companion),
    sf("WEBKIT_JS_FETCH_TYPEERROR", "TypeError: Load failed", Meaning::Companion),
    sf_line("WEBKIT_SAME_ORIGIN_MODE_BARE", "Fetch API cannot load {url}.", Meaning::Failure(&[C::SameOriginMode])),
];
