//! Firefox's console messages (`dom/locales/en-US/chrome/security/security.properties`).
//!
//! Firefox prints the same sentence whether the preflight or the response failed the check, so most
//! entries list both checks; the recogniser picks the preflight one when the paste also has the
//! `CORS request did not succeed ... (null)` line that follows every preflight failure.

use cors_rules::{Browser, CheckId as C};

use super::message::{KnownMessage, Layout, Meaning};

const fn ff(code: &'static str, template: &'static str, meaning: Meaning) -> KnownMessage {
    KnownMessage {
        browser: Browser::Firefox,
        code,
        template,
        layout: Layout::Whole,
        meaning,
    }
}

/// What "CORS request did not succeed" stands for: no answer at all, or (observed in Firefox ESR 153) a
/// redirect the fetch refused before any CORS header was read.
const DID_NOT_SUCCEED: &[C] = &[
    C::NetworkError,
    C::PreflightNetworkError,
    C::RedirectLimit,
    C::RedirectCredentials,
    C::RedirectLocation,
    C::RedirectScheme,
];

macro_rules! blocked {
    ($reason:literal) => {
        concat!(
            "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at {url}. (Reason: ",
            $reason
        )
    };
}

/// Firefox's messages, most specific first.
pub static FIREFOX: &[KnownMessage] = &[
    ff("CORSNotSupportingCredentials", "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ‘{url}’. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’).", Meaning::Failure(&[C::AllowOriginWildcard, C::PreflightAllowOriginWildcard])),
    ff("CORSMissingAllowOrigin2", blocked!("CORS header ‘Access-Control-Allow-Origin’ missing). Status code: {status}."), Meaning::Failure(&[C::AllowOriginMissing, C::PreflightAllowOriginMissing])),
    ff("CORSMissingAllowOrigin", blocked!("CORS header ‘Access-Control-Allow-Origin’ missing)."), Meaning::Failure(&[C::AllowOriginMissing, C::PreflightAllowOriginMissing])),
    ff("CORSMultipleAllowOriginNotAllowed", blocked!("Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed)."), Meaning::Failure(&[C::AllowOriginMultiple, C::PreflightAllowOriginMultiple])),
    ff("CORSAllowOriginNotMatchingOrigin", blocked!("CORS header ‘Access-Control-Allow-Origin’ does not match ‘{value}’)."), Meaning::Failure(&[C::AllowOriginMismatch, C::AllowOriginInvalid, C::AllowOriginMultiple, C::PreflightAllowOriginMismatch, C::PreflightAllowOriginInvalid, C::PreflightAllowOriginMultiple])),
    ff("CORSMissingAllowCredentials", blocked!("expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’)."), Meaning::Failure(&[C::AllowCredentials, C::PreflightAllowCredentials])),
    ff("CORSMethodNotFound", blocked!("Did not find method in CORS header ‘Access-Control-Allow-Methods’)."), Meaning::Failure(&[C::MethodAllowed])),
    ff("CORSPreflightDidNotSucceed3", blocked!("CORS preflight response did not succeed). Status code: {status}."), Meaning::Failure(&[C::PreflightOkStatus])),
    ff("CORSPreflightDidNotSucceed", blocked!("CORS preflight channel did not succeed)."), Meaning::Failure(&[C::PreflightOkStatus, C::PreflightNetworkError])),
    ff("CORSInvalidAllowMethod", blocked!("invalid token ‘{value}’ in CORS header ‘Access-Control-Allow-Methods’)."), Meaning::Failure(&[C::AllowMethodsParse])),
    ff("CORSInvalidAllowHeader", blocked!("invalid token ‘{value}’ in CORS header ‘Access-Control-Allow-Headers’)."), Meaning::Failure(&[C::AllowHeadersParse])),
    ff("CORSMissingAllowHeaderFromPreflight2", blocked!("header ‘{header}’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response)."), Meaning::Failure(&[C::HeaderAllowed, C::AuthorizationAllowed])),
    ff("CORSMissingAllowHeaderFromPreflight", blocked!("missing token ‘{header}’ in CORS header ‘Access-Control-Allow-Headers’ from CORS preflight channel)."), Meaning::Failure(&[C::HeaderAllowed, C::AuthorizationAllowed])),
    ff("CORSExternalRedirectNotAllowed", blocked!("CORS request external redirect not allowed)."), Meaning::Failure(&[C::PreflightRedirect])),
    ff("CORSRequestNotHttp", blocked!("CORS request not http)."), Meaning::Failure(&[C::CorsScheme, C::RedirectScheme])),
    ff("CORSDidNotSucceed2", blocked!("CORS request did not succeed). Status code: {status}."), Meaning::Failure(DID_NOT_SUCCEED)),
    ff("CORSDidNotSucceed", blocked!("CORS request did not succeed)."), Meaning::Failure(DID_NOT_SUCCEED)),
    ff("CORSDisabled", blocked!("CORS disabled)."), Meaning::NotCors("This Firefox has CORS switched off (the content.cors.disable preference, often set by an enterprise policy): every cross-origin CORS request is refused whatever the server sends.")),
    ff("CORSOriginHeaderNotAdded", blocked!("CORS header ‘Origin’ cannot be added)."), Meaning::NotCors("The request comes from a context with several origins (typically an extension's content script), so Firefox cannot send one Origin header. The server cannot fix this; the extension must make the request from its background page.")),
    ff("CORSAllowHeaderFromPreflightDeprecation", "Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at {url} soon. (Reason: When the `Access-Control-Allow-Headers` is `*`, the `Authorization` header is not covered. To include the `Authorization` header, it must be explicitly listed in CORS header `Access-Control-Allow-Headers`).", Meaning::Warning(&[C::AuthorizationAllowed])),
    ff("FIREFOX_MIXED_CONTENT", "Blocked loading mixed active content “{url}”", Meaning::Failure(&[C::MixedContent])),
    ff("FIREFOX_SECURITY_ERROR_LOAD_DATA", "Security Error: Content at {page} may not load data from {url}.", Meaning::Failure(&[C::SameOriginMode, C::RedirectScheme])),
    // "Content at" names the URL that redirected, not the page (observed with a redirect to a file: URL).
    ff("FIREFOX_SECURITY_ERROR_LOAD_OR_LINK", "Security Error: Content at {url} may not load or link to {location}.", Meaning::Failure(&[C::RedirectScheme])),
    ff("FIREFOX_CORP_BLOCKED", "The resource at “{url}” was blocked due to its Cross-Origin-Resource-Policy header (or lack thereof).", Meaning::Failure(&[C::CrossOriginResourcePolicy])),
    ff("FIREFOX_CSP", "Content-Security-Policy: The page’s settings blocked the loading of a resource at {url} (“{directive}”).", Meaning::NotCors("The page's own Content-Security-Policy forbids this URL. CORS headers on the server cannot fix it: allow the URL in the page's CSP.")),
    ff("FIREFOX_JS_FETCH_TYPEERROR", "TypeError: NetworkError when attempting to fetch resource.", Meaning::Companion),
];

/// The labels Firefox's Network Monitor shows in a blocked request's "Transferred" column
/// (`devtools/client/netmonitor/src/constants.js`, `BLOCKED_REASON_MESSAGES`), each with the console
/// message it stands for.
pub static NETMONITOR_LABELS: &[(&str, &str)] = &[
    ("CORS disabled", "CORSDisabled"),
    ("CORS Failed", "CORSDidNotSucceed2"),
    ("CORS Origin Header Missing", "CORSOriginHeaderNotAdded"),
    (
        "CORS External Redirect Not Allowed",
        "CORSExternalRedirectNotAllowed",
    ),
    ("CORS Not HTTP", "CORSRequestNotHttp"),
    ("CORS Missing Allow Origin", "CORSMissingAllowOrigin2"),
    (
        "CORS Multiple Origin Not Allowed",
        "CORSMultipleAllowOriginNotAllowed",
    ),
    (
        "CORS Allow Origin Not Matching Origin",
        "CORSAllowOriginNotMatchingOrigin",
    ),
    ("CORS No Allow Credentials", "CORSNotSupportingCredentials"),
    ("CORS Method Not Found", "CORSMethodNotFound"),
    (
        "CORS Missing Allow Credentials",
        "CORSMissingAllowCredentials",
    ),
    (
        "CORS Preflight Did Not Succeed",
        "CORSPreflightDidNotSucceed3",
    ),
    ("CORS Invalid Allow Method", "CORSInvalidAllowMethod"),
    ("CORS Invalid Allow Header", "CORSInvalidAllowHeader"),
    (
        "CORS Missing Allow Header",
        "CORSMissingAllowHeaderFromPreflight2",
    ),
];
