//! Human titles: what a recognised message says, in a few plain words, for headings and page titles.
//!
//! The browsers' own names (`kPreflightMissingAllowOriginHeader`, `CORSMissingAllowOrigin2`) and the
//! engine's check ids stay in data fields; people read these.

use cors_rules::CheckId;

use super::catalog::{KnownMessage, Meaning};

/// The title of a failed check.
#[must_use]
pub fn check_title(check: CheckId) -> &'static str {
    use CheckId as C;
    match check {
        C::AllowOriginMissing => "The response has no Access-Control-Allow-Origin header",
        C::PreflightAllowOriginMissing => {
            "The preflight response has no Access-Control-Allow-Origin header"
        }
        C::AllowOriginMultiple => "Access-Control-Allow-Origin has more than one value",
        C::PreflightAllowOriginMultiple => {
            "The preflight's Access-Control-Allow-Origin has more than one value"
        }
        C::AllowOriginInvalid => "Access-Control-Allow-Origin is not a valid origin",
        C::PreflightAllowOriginInvalid => {
            "The preflight's Access-Control-Allow-Origin is not a valid origin"
        }
        C::AllowOriginWildcard => "Access-Control-Allow-Origin: * does not allow credentials",
        C::PreflightAllowOriginWildcard => {
            "The preflight's Access-Control-Allow-Origin: * does not allow credentials"
        }
        C::AllowOriginMismatch => "Access-Control-Allow-Origin names another origin",
        C::PreflightAllowOriginMismatch => {
            "The preflight's Access-Control-Allow-Origin names another origin"
        }
        C::AllowCredentials => "Access-Control-Allow-Credentials is not true",
        C::PreflightAllowCredentials => {
            "The preflight's Access-Control-Allow-Credentials is not true"
        }
        C::PreflightOkStatus => "The preflight got an error status",
        C::PreflightRedirect => "The preflight was redirected",
        C::PreflightNetworkError => "The preflight got no answer",
        C::NetworkError => "The request got no answer",
        C::AllowMethodsParse => "Access-Control-Allow-Methods cannot be parsed",
        C::AllowHeadersParse => "Access-Control-Allow-Headers cannot be parsed",
        C::MethodAllowed => "The method is not in Access-Control-Allow-Methods",
        C::HeaderAllowed => "A request header is not in Access-Control-Allow-Headers",
        C::AuthorizationAllowed => "Authorization is not in Access-Control-Allow-Headers",
        C::RedirectCredentials => "A redirect points to a URL with a user name and password",
        C::RedirectScheme => "A redirect points to a URL that is not HTTP(S)",
        C::RedirectMode => "The request may not follow redirects",
        C::RedirectLimit => "Too many redirects",
        C::SameOriginMode => "A same-origin request went to another origin",
        C::NoCorsRedirectMode => "A no-cors request must follow redirects",
        C::CorsScheme => "Cross-origin requests work over HTTP(S) only",
        C::MixedContent => "An HTTPS page requested an http: URL (mixed content)",
        C::LocalNetworkAccess => "A public page reached into the local network",
        C::AllowPrivateNetwork => "The preflight did not allow the private network request",
        C::BadPort => "The port is one browsers refuse",
        C::CrossOriginResourcePolicy => {
            "The response's Cross-Origin-Resource-Policy refuses the page"
        }
        _ => "The browser blocked the request",
    }
}

/// The title of a known message: its check's, or for lines that are not a CORS failure, what they are.
#[must_use]
pub fn message_title(message: &KnownMessage) -> &'static str {
    if let Some(title) = special_title(message.code) {
        return title;
    }
    match message.meaning {
        Meaning::Failure(checks) | Meaning::Warning(checks) => checks
            .first()
            .map_or("The browser blocked the request", |c| check_title(*c)),
        Meaning::NotCors(_) => "Blocked by something other than CORS",
        Meaning::Companion => "The script's side of a blocked request",
    }
}

/// Titles for messages whose check alone does not say it well.
fn special_title(code: &str) -> Option<&'static str> {
    Some(match code {
        "CHROMIUM_JS_FETCH_TYPEERROR"
        | "FIREFOX_JS_FETCH_TYPEERROR"
        | "WEBKIT_JS_FETCH_TYPEERROR" => "fetch() rejected: the script's side of a blocked request",
        "CHROMIUM_JS_SYNC_XHR" => "A synchronous XMLHttpRequest failed",
        "WEBKIT_CANNOT_LOAD_FETCH"
        | "WEBKIT_CANNOT_LOAD_XHR"
        | "WEBKIT_CANNOT_LOAD_EVENTSOURCE"
        | "WEBKIT_CANNOT_LOAD_OTHER" => "Safari's “due to access control checks” line",
        "CHROMIUM_RENDERER_CSP_CONNECT_SRC"
        | "CHROMIUM_CSP_CONNECT_SRC_VIOLATION"
        | "FIREFOX_CSP" => "The page's Content-Security-Policy blocked the request",
        "CORSDisabled" => "CORS is switched off in this Firefox",
        "CHROMIUM_UNSAFE_HEADER" => "The browser refused to set a forbidden header",
        "WEBKIT_NOT_ALLOWED_TO_REQUEST" => "Safari's “Not allowed to request resource” line",
        "FIREFOX_SECURITY_ERROR_LOAD_DATA" => "The page may not load data from that URL",
        "FIREFOX_SECURITY_ERROR_LOAD_OR_LINK" => "A redirect points to a URL the page may not load",
        "CHROMIUM_UNSAFE_ATTEMPT_TO_LOAD" => {
            "A same-origin request was redirected to another origin"
        }
        "CORSOriginHeaderNotAdded" => "Firefox could not add the Origin header",
        "CORSAllowHeaderFromPreflightDeprecation" => {
            "Warning: Access-Control-Allow-Headers: * will stop covering Authorization"
        }
        "kInvalidResponse" => "The preflight got no valid answer",
        "kDisallowedByMode" => "A same-origin request was redirected to another origin",
        "CORSDidNotSucceed" | "CORSDidNotSucceed2" => {
            "The CORS request did not succeed (no answer, or a failed preflight)"
        }
        "CORSRequestNotHttp" => "The request or its redirect is not HTTP(S)",
        "CORSAllowOriginNotMatchingOrigin" => {
            "Access-Control-Allow-Origin does not match the origin"
        }
        "WEBKIT_ORIGIN_NOT_ALLOWED" | "WEBKIT_ORIGIN_NOT_ALLOWED_OLD" => {
            "The origin is not allowed by Access-Control-Allow-Origin"
        }
        "WEBKIT_REDIRECT_DENIED" => "A cross-origin redirect was refused",
        "WEBKIT_PREFLIGHT_NOT_SUCCESSFUL" | "WEBKIT_PREFLIGHT_NOT_SUCCESSFUL_OLD" => {
            "The preflight response is not successful"
        }
        "WEBKIT_PREFLIGHT_BLOCKED" | "WEBKIT_PREFLIGHT_RESPONSE_BLOCKED" => {
            "The preflight was blocked before reaching the server's answer"
        }
        "kPreflightMissingAllowExternal" | "kPreflightInvalidAllowExternal" => {
            "The preflight did not allow the external request (retired)"
        }
        "kPreflightMissingPrivateNetworkAccessId" | "kPreflightMissingPrivateNetworkAccessName" => {
            "The preflight lacks a Private-Network-Access header (retired)"
        }
        "kPrivateNetworkAccessPermissionUnavailable" => {
            "No permission prompt for the local network"
        }
        "kInsecureLocalNetwork" => "An insecure page reached into the local network",
        "kInvalidLocalNetworkAccess" | "kUnexpectedPrivateNetworkAccess" => {
            "The resource is in another address space than expected"
        }
        "kLocalNetworkAccessPermissionDenied" => "Local network access was denied",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::console::catalog;

    #[test]
    fn every_message_has_a_title_without_internal_names() {
        for message in catalog::all() {
            let title = message_title(message);
            assert!(!title.is_empty(), "{}", message.code);
            assert!(!title.contains(message.code), "{}", message.code);
            for check in message.checks() {
                assert!(!title.contains(check.id()), "{}: {title}", message.code);
            }
        }
    }
}
