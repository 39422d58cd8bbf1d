//! Chromium's console messages (Chrome, Edge, Brave, Opera, Electron).

use cors_rules::{Browser, CheckId as C};

use super::message::{KnownMessage, Layout, Meaning};

const fn tail(code: &'static str, template: &'static str, meaning: Meaning) -> KnownMessage {
    KnownMessage {
        browser: Browser::Chrome,
        code,
        template,
        layout: Layout::ChromeTail,
        meaning,
    }
}

const fn whole(code: &'static str, template: &'static str, meaning: Meaning) -> KnownMessage {
    KnownMessage {
        browser: Browser::Chrome,
        code,
        template,
        layout: Layout::Whole,
        meaning,
    }
}

macro_rules! pf {
    ($rest:literal) => {
        concat!(
            "Response to preflight request doesn't pass access control check: ",
            $rest
        )
    };
}

/// Chromium's messages. Preflight variants come first: their tails are longer and more specific.
pub static CHROME: &[KnownMessage] = &[
    tail("kPreflightInvalidStatus", pf!("It does not have HTTP ok status."), Meaning::Failure(&[C::PreflightOkStatus])),
    tail("kPreflightDisallowedRedirect", pf!("Redirect is not allowed for a preflight request."), Meaning::Failure(&[C::PreflightRedirect])),
    tail("kPreflightWildcardOriginNotAllowed", pf!("The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'."), Meaning::Failure(&[C::PreflightAllowOriginWildcard])),
    tail("kPreflightMissingAllowOriginHeader", pf!("No 'Access-Control-Allow-Origin' header is present on the requested resource."), Meaning::Failure(&[C::PreflightAllowOriginMissing])),
    tail("kPreflightMultipleAllowOriginValues", pf!("The 'Access-Control-Allow-Origin' header contains multiple values '{value}', but only one is allowed."), Meaning::Failure(&[C::PreflightAllowOriginMultiple])),
    tail("kPreflightInvalidAllowOriginValue", pf!("The 'Access-Control-Allow-Origin' header contains the invalid value '{value}'."), Meaning::Failure(&[C::PreflightAllowOriginInvalid])),
    tail("kPreflightAllowOriginMismatch", pf!("The 'Access-Control-Allow-Origin' header has a value '{value}' that is not equal to the supplied origin."), Meaning::Failure(&[C::PreflightAllowOriginMismatch])),
    tail("kPreflightInvalidAllowCredentials", pf!("The value of the 'Access-Control-Allow-Credentials' header in the response is '{value}' which must be 'true' when the request's credentials mode is 'include'."), Meaning::Failure(&[C::PreflightAllowCredentials])),
    tail("kPreflightMissingAllowPrivateNetwork", pf!("No 'Access-Control-Allow-Private-Network' header was present in the preflight response for this private network request targeting the `{target_address_space}` address space."), Meaning::Failure(&[C::AllowPrivateNetwork])),
    tail("kPreflightInvalidAllowPrivateNetwork", pf!("The 'Access-Control-Allow-Private-Network' header in the preflight response for this private network request targeting the `{target_address_space}` address space had a value of '{value}',  not 'true'."), Meaning::Failure(&[C::AllowPrivateNetwork])),
    tail("kPreflightMissingAllowExternal", pf!("No 'Access-Control-Allow-External' header was present in the preflight response for this external request (This is an experimental header which is defined in 'https://wicg.github.io/cors-rfc1918/')."), Meaning::Failure(&[C::AllowPrivateNetwork])),
    tail("kPreflightInvalidAllowExternal", pf!("The 'Access-Control-Allow-External' header in the preflight response for this external request had a value of '{value}',  not 'true' (This is an experimental header which is defined in 'https://wicg.github.io/cors-rfc1918/')."), Meaning::Failure(&[C::AllowPrivateNetwork])),
    tail("kWildcardOriginNotAllowed", "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.", Meaning::Failure(&[C::AllowOriginWildcard])),
    tail("kMissingAllowOriginHeader", "No 'Access-Control-Allow-Origin' header is present on the requested resource.", Meaning::Failure(&[C::AllowOriginMissing])),
    tail("kMultipleAllowOriginValues", "The 'Access-Control-Allow-Origin' header contains multiple values '{value}', but only one is allowed.", Meaning::Failure(&[C::AllowOriginMultiple])),
    tail("kInvalidAllowOriginValue", "The 'Access-Control-Allow-Origin' header contains the invalid value '{value}'.", Meaning::Failure(&[C::AllowOriginInvalid])),
    tail("kAllowOriginMismatch", "The 'Access-Control-Allow-Origin' header has a value '{value}' that is not equal to the supplied origin.", Meaning::Failure(&[C::AllowOriginMismatch])),
    tail("kInvalidAllowCredentials", "The value of the 'Access-Control-Allow-Credentials' header in the response is '{value}' which must be 'true' when the request's credentials mode is 'include'.", Meaning::Failure(&[C::AllowCredentials])),
    tail("kInvalidAllowMethodsPreflightResponse", "Cannot parse Access-Control-Allow-Methods response header field in preflight response.", Meaning::Failure(&[C::AllowMethodsParse])),
    tail("kInvalidAllowHeadersPreflightResponse", "Cannot parse Access-Control-Allow-Headers response header field in preflight response.", Meaning::Failure(&[C::AllowHeadersParse])),
    tail("kMethodDisallowedByPreflightResponse", "Method {method} is not allowed by Access-Control-Allow-Methods in preflight response.", Meaning::Failure(&[C::MethodAllowed])),
    tail("kHeaderDisallowedByPreflightResponse", "Request header field {header} is not allowed by Access-Control-Allow-Headers in preflight response.", Meaning::Failure(&[C::HeaderAllowed, C::AuthorizationAllowed])),
    tail("kDisallowedByMode", "Cross origin requests are not allowed by request mode.", Meaning::Failure(&[C::SameOriginMode])),
    tail("kInvalidResponse", "The response is invalid.", Meaning::Failure(&[C::PreflightNetworkError])),
    tail("kCorsDisabledScheme", "Cross origin requests are only supported for protocol schemes: {schemes}.", Meaning::Failure(&[C::CorsScheme, C::RedirectScheme])),
    tail("kRedirectContainsCredentials", "Redirect location '{location}' contains a username and password, which is disallowed for cross-origin requests.", Meaning::Failure(&[C::RedirectCredentials])),
    tail("kInsecureLocalNetwork", "The request client is not a secure context and the resource is in more-private address space `{address_space}`.", Meaning::Failure(&[C::LocalNetworkAccess])),
    tail("kInvalidLocalNetworkAccess", "Request had a target IP address space of `{target_address_space}` yet the resource is in address space `{address_space}`.", Meaning::Failure(&[C::LocalNetworkAccess])),
    tail("kLocalNetworkAccessPermissionDenied", "Permission was denied for this request to access the `{address_space}` address space.", Meaning::Failure(&[C::LocalNetworkAccess])),
    tail("kUnexpectedPrivateNetworkAccess", "Request had no target IP address space, yet the resource is in address space `{address_space}`.", Meaning::Failure(&[C::LocalNetworkAccess])),
    tail("kPreflightMissingPrivateNetworkAccessId", "No 'Private-Network-Access-Id' header was present in the preflight response for this private network request targeting the `{target_address_space}` address space.", Meaning::Failure(&[C::AllowPrivateNetwork])),
    tail("kPreflightMissingPrivateNetworkAccessName", "No 'Private-Network-Access-Name' header was present in the preflight response for this private network request targeting the `{target_address_space}` address space.", Meaning::Failure(&[C::AllowPrivateNetwork])),
    tail("kPrivateNetworkAccessPermissionUnavailable", "Unable to ask for permission to access the `{target_address_space}` IP address space.", Meaning::Failure(&[C::LocalNetworkAccess])),
    whole("CHROMIUM_UNSAFE_ATTEMPT_TO_LOAD", "Unsafe attempt to load URL {location} from frame with URL {page}. Domains, protocols and ports must match.", Meaning::Failure(&[C::SameOriginMode])),
    whole("CHROMIUM_UNSAFE_HEADER", "Refused to set unsafe header \"{header}\"", Meaning::NotCors(super::safari::UNSAFE_HEADER)),
    whole("CHROMIUM_RENDERER_SAME_ORIGIN_MODE", "Fetch API cannot load {url}. Request mode is \"same-origin\" but the URL's origin is not same as the request origin {origin}.", Meaning::Failure(&[C::SameOriginMode])),
    whole("CHROMIUM_RENDERER_SCHEME_NOT_SUPPORTED", "Fetch API cannot load {url}. URL scheme \"{scheme}\" is not supported.", Meaning::Failure(&[C::CorsScheme])),
    whole("CHROMIUM_RENDERER_NO_CORS_REDIRECT_MODE", "Fetch API cannot load {url}. Request mode is \"no-cors\" but the redirect mode is not \"follow\".", Meaning::Failure(&[C::NoCorsRedirectMode])),
    whole("CHROMIUM_RENDERER_CSP_CONNECT_SRC", "Fetch API cannot load {url}. Refused to connect because it violates the document's Content Security Policy.", Meaning::NotCors("The page's own Content-Security-Policy (connect-src) forbids this URL. The request never left the browser; CORS headers on the server cannot fix it: allow the URL in the page's CSP.")),
    whole("CHROMIUM_CSP_CONNECT_SRC_VIOLATION", "Refused to connect to '{url}' because it violates the following Content Security Policy directive: {directive}", Meaning::NotCors("The page's own Content-Security-Policy forbids this URL. CORS headers on the server cannot fix it: allow the URL in the page's CSP.")),
    whole("CHROMIUM_MIXED_CONTENT", "Mixed Content: The page at '{page}' was loaded over HTTPS, but requested an insecure resource '{url}'. This request has been blocked; the content must be served over HTTPS.", Meaning::Failure(&[C::MixedContent])),
    whole("CHROMIUM_MIXED_CONTENT_XHR", "Mixed Content: The page at '{page}' was loaded over HTTPS, but requested an insecure XMLHttpRequest endpoint '{url}'. This request has been blocked; the content must be served over HTTPS.", Meaning::Failure(&[C::MixedContent])),
    // DevTools' Issues panel: one title for a group of checks (chrome-devtools-frontend, `CorsIssue`).
    whole("CHROMIUM_ISSUE_INVALID_HEADERS", "Ensure CORS response header values are valid", Meaning::Failure(&[C::AllowOriginMissing, C::PreflightAllowOriginMissing, C::AllowOriginMultiple, C::PreflightAllowOriginMultiple, C::AllowOriginInvalid, C::PreflightAllowOriginInvalid, C::AllowMethodsParse, C::AllowHeadersParse])),
    whole("CHROMIUM_ISSUE_WILDCARD_ORIGIN", "Ensure credentialed requests aren’t sent to CORS resources with origin wildcards", Meaning::Failure(&[C::AllowOriginWildcard, C::PreflightAllowOriginWildcard])),
    whole("CHROMIUM_ISSUE_PREFLIGHT_INVALID", "Ensure preflight responses are valid", Meaning::Failure(&[C::PreflightOkStatus, C::PreflightRedirect, C::PreflightNetworkError])),
    whole("CHROMIUM_ISSUE_ORIGIN_MISMATCH", "Ensure CORS requesting origin matches resource’s allowed origin", Meaning::Failure(&[C::AllowOriginMismatch, C::PreflightAllowOriginMismatch])),
    whole("CHROMIUM_ISSUE_CREDENTIALS_REQUIRED", "Ensure CORS requests include credentials only when allowed", Meaning::Failure(&[C::AllowCredentials, C::PreflightAllowCredentials])),
    whole("CHROMIUM_ISSUE_METHOD_DISALLOWED", "Ensure CORS request uses allowed method", Meaning::Failure(&[C::MethodAllowed])),
    whole("CHROMIUM_ISSUE_HEADER_DISALLOWED", "Ensure CORS request includes only allowed headers", Meaning::Failure(&[C::HeaderAllowed, C::AuthorizationAllowed])),
    whole("CHROMIUM_ISSUE_REDIRECT_CREDENTIALS", "Ensure CORS requests aren’t redirected to URLs containing credentials", Meaning::Failure(&[C::RedirectCredentials])),
    whole("CHROMIUM_ISSUE_DISALLOWED_BY_MODE", "Ensure only same-origin resources are read with same-origin request mode", Meaning::Failure(&[C::SameOriginMode])),
    whole("CHROMIUM_ISSUE_DISABLED_SCHEME", "Ensure CORS requests are made on supported schemes", Meaning::Failure(&[C::CorsScheme])),
    whole("CHROMIUM_ISSUE_NO_CORS_REDIRECT", "Ensure no-cors requests configure redirect mode follow", Meaning::Failure(&[C::NoCorsRedirectMode])),
    whole("CHROMIUM_ISSUE_LOCAL_NETWORK", "Ensure that local network requests are compatible with restrictions", Meaning::Failure(&[C::LocalNetworkAccess])),
    whole("CHROMIUM_JS_FETCH_TYPEERROR", "TypeError: Failed to fetch", Meaning::Companion),
    whole("CHROMIUM_JS_SYNC_XHR", "NetworkError: Failed to execute 'send' on 'XMLHttpRequest': Failed to load '{url}'.", Meaning::Companion),
];

/// Endings Chromium appends to some messages; they change nothing about the failure.
pub const CHROME_SUFFIXES: &[&str] = &[
    " Have the server send the header with a valid value, or, if an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.",
    " If an opaque response serves your needs, set the request's mode to 'no-cors' to fetch the resource with CORS disabled.",
    " Have the server send the header with a valid value.",
    XHR_SUFFIX,
];

/// The ending Chromium appends for XMLHttpRequest credential errors.
pub const XHR_SUFFIX: &str =
    " The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute.";
