//! Redirects (<https://fetch.spec.whatwg.org/#http-redirect-fetch>, rules R-1…R-19, OH-1, OH-2, T-10).
//!
//! Not modelled: R-9 and R-19 (stream bodies cannot be resent: the scenario has no body), fragment
//! inheritance (fragments never reach the wire). A 3xx without `Location` is handed back as an ordinary
//! response in redirect mode "follow"; modes "error" and "manual" act on its status alone (an opaque
//! redirect for "manual": observed in Chromium 156, Firefox ESR 153 and WebKitGTK 2.50).

use url::Url;

use crate::fetch_state::{DeferredFailure, Ending, Fetch, Halt, Step};
use crate::forbidden::is_request_body_header_name;
use crate::header_list::{get, trim_tab_or_space};
use crate::origin::Origin;
use crate::quirks::{
    BodyHeadersAfterRewrite, EmptyLocation, LocationDecoding, ManualRedirectToFtp,
    NoCorsRedirectTaint, Quirks, RedirectToCredentials, RedirectedDelete, RepeatedLocation,
    XhrRedirectToBlob, REDIRECT_LIMIT,
};
use crate::recorder::kv;
use crate::request::AuthorHeader;
use crate::scenario::{Api, HeaderPair, HttpAnswer, RedirectMode, RequestMode};
use crate::tainting::ResponseTainting;
use crate::trace::{CheckId, Key, Stage};

/// <https://fetch.spec.whatwg.org/#redirect-status> (R-1): 301, 302, 303, 307 or 308.
#[must_use]
pub fn is_redirect_status(status: u16) -> bool {
    matches!(status, 301 | 302 | 303 | 307 | 308)
}

/// The `Location` header value, if any.
#[must_use]
pub fn location_value(headers: &[HeaderPair]) -> Option<String> {
    get(headers, "location")
}

/// What the `Location` lines of a redirect response say, as a browser reads them (R-4).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum LocationLines {
    /// No `Location`: the response is no redirect in mode "follow".
    Absent,
    /// The value to resolve.
    Value(String),
    /// Lines that disagree: a network error (the value is the lines combined).
    Conflicting(String),
}

/// The `Location` of a response as the browser reads it.
pub(crate) fn read_location(headers: &[HeaderPair], quirks: &Quirks) -> LocationLines {
    let Some(combined) = location_value(headers) else {
        return LocationLines::Absent;
    };
    // Deviation(Chrome, Firefox): identical lines count once, different lines are an error.
    if quirks.repeated_location == RepeatedLocation::DistinctAreAnError {
        let mut lines = headers
            .iter()
            .filter(|(name, _)| name.eq_ignore_ascii_case("location"))
            .map(|(_, value)| trim_tab_or_space(value));
        let first = lines.next().unwrap_or_default();
        if lines.any(|line| line != first) {
            return LocationLines::Conflicting(combined);
        }
        return non_empty(first.to_owned(), quirks);
    }
    non_empty(combined, quirks)
}

/// Deviation(Chrome): an empty `Location` is no redirect.
fn non_empty(value: String, quirks: &Quirks) -> LocationLines {
    if value.is_empty() && quirks.empty_location == EmptyLocation::Ignored {
        LocationLines::Absent
    } else {
        LocationLines::Value(value)
    }
}

/// R-5: the URL a `Location` value names from `base`, as the browser reads the header (and prints it in
/// its console); `None` is failure.
pub(crate) fn location_as_read(base: &Url, location: &str, quirks: &Quirks) -> Option<Url> {
    // Deviation(Safari): an empty `Location` fails.
    if location.is_empty() && quirks.empty_location == EmptyLocation::NetworkError {
        return None;
    }
    match quirks.location_decoding {
        LocationDecoding::Utf8 => base.join(location).ok(),
        // Deviation(Firefox): C0 controls, spaces and DEL are percent-encoded first.
        LocationDecoding::Utf8ControlsEscaped => base.join(&escape_controls(location)).ok(),
        // Deviation(Safari): every byte is a Latin-1 character.
        LocationDecoding::Latin1Normalized => {
            let latin1: String = location.bytes().map(char::from).collect();
            base.join(&latin1).ok()
        }
    }
}

/// R-5: the URL a `Location` value leads to from `base`, as the browser requests it; `None` is failure.
pub(crate) fn location_url(base: &Url, location: &str, quirks: &Quirks) -> Option<Url> {
    let url = location_as_read(base, location, quirks)?;
    match quirks.location_decoding {
        LocationDecoding::Utf8 | LocationDecoding::Utf8ControlsEscaped => Some(url),
        // Deviation(Safari): unreserved escapes are decoded before the request goes out.
        LocationDecoding::Latin1Normalized => {
            let mut url = url;
            let path = decode_unreserved(url.path());
            url.set_path(&path);
            if let Some(query) = url.query().map(decode_unreserved) {
                url.set_query(Some(&query));
            }
            Some(url)
        }
    }
}

/// `text` with each C0 control, space and DEL written as a percent-escape (`%0B`), as necko's
/// `NS_EscapeURL(…, esc_OnlyNonASCII | esc_Spaces)` writes them; other characters stay.
fn escape_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c <= ' ' || c == '\u{7f}' {
            out.push_str(&format!("%{:02X}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` with each percent-escape of an unreserved character (`A-Z a-z 0-9 - . _ ~`) decoded.
fn decode_unreserved(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        let decoded = bytes
            .get(i + 1..i + 3)
            .filter(|_| bytes[i] == b'%')
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok())
            .filter(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'));
        if let Some(byte) = decoded {
            out.push(char::from(byte));
            i += 3;
        } else {
            out.push(char::from(bytes[i]));
            i += 1;
        }
    }
    out
}

/// <https://url.spec.whatwg.org/#include-credentials>: a non-empty username or a password.
#[must_use]
pub fn includes_credentials(url: &Url) -> bool {
    !url.username().is_empty() || url.password().is_some()
}

/// R-10: "If one of the following is true: internalResponse's status is 301 or 302 and request's method is
/// `POST`; internalResponse's status is 303 and request's method is not `GET` or `HEAD`, then set
/// request's method to `GET` and request's body to null."
#[must_use]
pub fn rewritten_method(status: u16, method: &str) -> Option<&'static str> {
    let rewrite = (matches!(status, 301 | 302) && method == "POST")
        || (status == 303 && method != "GET" && method != "HEAD");
    rewrite.then_some("GET")
}

/// HTTP fetch's redirect step and <https://fetch.spec.whatwg.org/#http-redirect-fetch>: the next URL, or
/// the end of the fetch. The CORS check of the redirect response has already passed (K-7).
pub(crate) fn follow_redirect(
    fetch: &mut Fetch<'_>,
    response: &HttpAnswer,
    location: &str,
) -> Step<Url> {
    let url = fetch.current_url.clone();
    let status = response.status.to_string();
    let stage = Stage::Redirect;
    let mode_values = |mode: &str| {
        vec![
            kv(Key::Url, url.as_str()),
            kv(Key::Status, status.as_str()),
            kv(Key::Location, location),
            kv(Key::Value, mode),
        ]
    };
    // Deviation(Chrome): in mode "error" (`fetch()` only), a `Location` with credentials fails as such first.
    if fetch.request.redirect == RedirectMode::Error
        && fetch.quirks.redirect_to_credentials == RedirectToCredentials::AnyFromFetch
    {
        if let Some(next) = url.join(location).ok().filter(includes_credentials) {
            let values = vec![kv(Key::Url, url.as_str()), kv(Key::Location, next.as_str())];
            return fetch.network_error(CheckId::RedirectCredentials, stage, values);
        }
    }
    match fetch.request.redirect {
        // R-2: "error": "Set response to a network error."
        RedirectMode::Error => {
            return fetch.network_error(CheckId::RedirectMode, stage, mode_values("error"))
        }
        // R-3: "manual": "Set response to an opaque-redirect filtered response whose internal response is
        // actualResponse."
        RedirectMode::Manual => {
            // Deviation(Safari): a redirect to `ftp:` fails even in "manual" mode.
            if fetch.quirks.manual_redirect_to_ftp == ManualRedirectToFtp::NetworkError {
                if let Some(next) = url.join(location).ok().filter(|n| n.scheme() == "ftp") {
                    return scheme_error(fetch, &next, "");
                }
            }
            fetch
                .rec
                .info(CheckId::RedirectMode, stage, mode_values("manual"));
            let values = vec![
                kv(Key::Value, "opaqueredirect"),
                kv(Key::Url, url.as_str()),
                kv(Key::Status, status.as_str()),
            ];
            fetch
                .rec
                .info(CheckId::ResponseTainting, Stage::Response, values);
            return Err(Halt::Ended(Ending::OpaqueRedirect));
        }
        // "follow": the redirect is followed (the steps below may still fail it).
        RedirectMode::Follow => {
            fetch
                .rec
                .pass(CheckId::RedirectMode, stage, mode_values("follow"));
        }
    }
    // R-5: "Let locationURL be actualResponse's location URL given request's current URL's fragment. If
    // locationURL is failure, then return a network error."
    let Some(mut next) = location_url(&url, location, fetch.quirks) else {
        let reason = if location.is_empty() { "empty" } else { "" };
        let values = vec![
            kv(Key::Url, url.as_str()),
            kv(Key::Location, location),
            kv(Key::Reason, reason),
        ];
        return fetch.network_error(CheckId::RedirectLocation, stage, values);
    };
    next.set_fragment(None);
    // R-6: "If locationURL's scheme is not an HTTP(S) scheme, then return a network error."
    if !matches!(next.scheme(), "http" | "https") {
        if never_settles(fetch, &next) {
            let values = scheme_values(fetch, &next, "no-event");
            fetch.rec.fail(CheckId::RedirectScheme, stage, values);
            return Err(Halt::Ended(Ending::NoEvent));
        }
        return scheme_error(fetch, &next, "");
    }
    // R-7: "If request's redirect count is 20, then return a network error."
    if fetch.redirect_count >= REDIRECT_LIMIT {
        return fetch.network_error(
            CheckId::RedirectLimit,
            stage,
            vec![
                kv(Key::Count, fetch.redirect_count.to_string()),
                kv(Key::Url, url.as_str()),
            ],
        );
    }
    fetch.redirect_count += 1;
    check_location_credentials(fetch, &next)?;
    rewrite_request(fetch, response.status, &next);
    update_taint(fetch, &next);
    Ok(next)
}

/// Deviation(Firefox): an XHR that is still same origin, redirected to a `blob:` URL of the page's
/// origin, never settles (a `blob:` URL of another origin fails; observed in Firefox ESR 153).
fn never_settles(fetch: &Fetch<'_>, next: &Url) -> bool {
    fetch.quirks.xhr_redirect_to_blob == XhrRedirectToBlob::NeverSettles
        && fetch.request.api == Api::Xhr
        && next.scheme() == "blob"
        && fetch.tainting == ResponseTainting::Basic
        && fetch.input.page.is_same_origin(&Origin::of_url(next))
}

/// R-6: the network error of a redirect to a URL that is not HTTP(S); `reason` tells a refusal apart
/// (`before-cors-check`) or is empty.
fn scheme_error<T>(fetch: &mut Fetch<'_>, next: &Url, reason: &str) -> Step<T> {
    let values = scheme_values(fetch, next, reason);
    fetch.network_error(CheckId::RedirectScheme, Stage::Redirect, values)
}

/// The values of a `redirect-scheme` step: where the redirect was, where it pointed, the scheme, and the
/// reason when there is one.
fn scheme_values(fetch: &Fetch<'_>, next: &Url, reason: &str) -> Vec<(Key, String)> {
    let mut values = vec![
        kv(Key::Url, fetch.current_url.as_str()),
        kv(Key::Location, next.as_str()),
        kv(Key::Scheme, next.scheme()),
    ];
    if !reason.is_empty() {
        values.push(kv(Key::Reason, reason));
    }
    values
}

/// The redirect targets Firefox refuses before the CORS check of the redirect response.
const FIREFOX_EARLY_SCHEMES: [&str; 6] = ["blob", "data", "file", "javascript", "ws", "wss"];

/// Whether Firefox refuses a redirect to `scheme` before any CORS check.
pub(crate) fn is_refused_before_cors_check(scheme: &str) -> bool {
    FIREFOX_EARLY_SCHEMES.contains(&scheme)
}

/// Deviation(Firefox): R-6 for `data:`, `blob:`, `file:`, `javascript:`, `ws:` and `wss:` targets runs
/// before the CORS check of the redirect response (K-7), except for a `blob:` target the security check
/// lets through, which is refused after it (see [`blob_checked_first`]).
pub(crate) fn refuse_early_scheme(fetch: &mut Fetch<'_>, location: &str) -> Step<()> {
    match fetch.current_url.join(location) {
        Ok(next)
            if blob_checked_first(
                fetch.request.api,
                &fetch.input.page,
                &fetch.current_url,
                &next,
            ) =>
        {
            Ok(())
        }
        Ok(next) if is_refused_before_cors_check(next.scheme()) => {
            scheme_error(fetch, &next, "before-cors-check")
        }
        _ => Ok(()),
    }
}

/// Whether Firefox CORS-checks a redirect from `from` to the `blob:` URL `next` before refusing it: an
/// XHR's when the blob has the page's origin, a `fetch()`'s when it has `from`'s origin (no `Security
/// Error` line then; observed in Firefox ESR 153, for 301, 302, 303, 307 and 308, any credentials mode).
pub(crate) fn blob_checked_first(api: Api, page: &Origin, from: &Url, next: &Url) -> bool {
    let blob = Origin::of_url(next);
    next.scheme() == "blob"
        && match api {
            Api::Xhr => page.is_same_origin(&blob),
            Api::Fetch => Origin::of_url(from).is_same_origin(&blob),
        }
}

/// R-8: "If request's mode is "cors", locationURL includes credentials, and request's origin is not same
/// origin with locationURL's origin", or "request's response tainting is "cors" and locationURL includes
/// credentials, then return a network error."
fn check_location_credentials(fetch: &mut Fetch<'_>, next: &Url) -> Step<()> {
    if !includes_credentials(next) {
        return Ok(());
    }
    let cross_origin = !fetch.input.page.is_same_origin(&Origin::of_url(next));
    let cors_mode = fetch.request.mode == RequestMode::Cors;
    // Deviation(Chrome): any `fetch()` redirect to such a URL fails; an XHR follows the standard.
    let always = fetch.quirks.redirect_to_credentials == RedirectToCredentials::AnyFromFetch
        && fetch.request.api == Api::Fetch;
    if always || (cors_mode && cross_origin) || fetch.tainting == ResponseTainting::Cors {
        let values = vec![
            kv(Key::Url, fetch.current_url.as_str()),
            kv(Key::Location, next.as_str()),
        ];
        // Deviation(Safari): a request still same origin fails after the new URL's preflight.
        if fetch.quirks.redirect_to_credentials
            == RedirectToCredentials::AfterPreflightFromSameOrigin
            && fetch.tainting == ResponseTainting::Basic
        {
            fetch.failure_after_preflight = Some(DeferredFailure::RedirectCredentials(values));
            return Ok(());
        }
        return fetch.network_error(CheckId::RedirectCredentials, Stage::Redirect, values);
    }
    Ok(())
}

/// R-10 (method rewrite, request-body headers removed) and R-11 (`Authorization` dropped cross-origin).
fn rewrite_request(fetch: &mut Fetch<'_>, status: u16, next: &Url) {
    let cross_origin_hop =
        !Origin::of_url(&fetch.current_url).is_same_origin(&Origin::of_url(next));
    // Deviation(Safari): a `DELETE` redirected to another origin becomes a `GET` too.
    let delete_to_get = fetch.quirks.redirected_delete == RedirectedDelete::GetAcrossOrigins
        && cross_origin_hop
        && fetch.method == "DELETE";
    let rewritten = rewritten_method(status, &fetch.method).or(delete_to_get.then_some("GET"));
    // Deviation(Firefox, Safari): headers left off after a method rewrite come back.
    if let Some(held) = fetch.held_headers.take() {
        restore_held_headers(fetch, held, next);
    }
    if let Some(method) = rewritten {
        let hold = fetch.quirks.body_headers_after_rewrite != BodyHeadersAfterRewrite::Removed
            && fetch
                .headers
                .iter()
                .any(|h| is_request_body_header_name(&h.name));
        if hold {
            fetch.held_headers = Some(fetch.headers.clone());
        }
        let values = vec![
            kv(Key::Status, status.to_string()),
            kv(Key::WrittenMethod, fetch.method.as_str()),
            kv(Key::Method, method),
        ];
        fetch
            .rec
            .info(CheckId::RedirectMethodRewrite, Stage::Redirect, values);
        fetch.method = method.to_owned();
        // "For each headerName of request-body-header name, delete headerName from request's header list."
        fetch
            .headers
            .retain(|h| !is_request_body_header_name(&h.name));
    }
    // "If request's current URL's origin is not same origin with locationURL's origin, then for each
    // headerName of CORS non-wildcard request-header name, delete headerName from request's header list."
    if cross_origin_hop
        && fetch
            .headers
            .iter()
            .any(|h| h.name.eq_ignore_ascii_case("authorization"))
    {
        fetch
            .headers
            .retain(|h| !h.name.eq_ignore_ascii_case("authorization"));
        let values = vec![
            kv(Key::Url, fetch.current_url.as_str()),
            kv(Key::Location, next.as_str()),
        ];
        fetch.rec.info(
            CheckId::RedirectAuthorizationDropped,
            Stage::Redirect,
            values,
        );
    }
}

/// Deviation(Firefox, Safari): the headers a method rewrite left off one request are sent again; Safari
/// brings back only `Content-Type` on a redirect that stays same origin with the page.
fn restore_held_headers(fetch: &mut Fetch<'_>, held: Vec<AuthorHeader>, next: &Url) {
    let partial = fetch.quirks.body_headers_after_rewrite
        == BodyHeadersAfterRewrite::BackOnNextRedirectListedInPreflight
        && fetch.tainting == ResponseTainting::Basic
        && fetch.input.page.is_same_origin_with_url(next);
    fetch.headers = if partial {
        held.into_iter()
            .filter(|h| {
                !is_request_body_header_name(&h.name) || h.name.eq_ignore_ascii_case("content-type")
            })
            .collect()
    } else {
        held
    };
}

/// OH-1: "if url's origin is not same origin with lastURL's origin and request's origin is not same origin
/// with lastURL's origin", the request becomes redirect-tainted and its origin serializes as `null`.
fn update_taint(fetch: &mut Fetch<'_>, next: &Url) {
    if fetch.origin_tainted {
        return;
    }
    let last = Origin::of_url(&fetch.current_url);
    // Deviation(Chrome): in `no-cors` mode any hop to another origin taints, from the page's origin too.
    let from_anywhere = fetch.quirks.no_cors_redirect_taint
        == NoCorsRedirectTaint::AnyCrossOriginHop
        && fetch.request.mode == RequestMode::NoCors;
    let leaves = !Origin::of_url(next).is_same_origin(&last);
    if leaves && (from_anywhere || !fetch.input.page.is_same_origin(&last)) {
        fetch.origin_tainted = true;
        let values = vec![
            kv(Key::Url, fetch.current_url.as_str()),
            kv(Key::Location, next.as_str()),
            kv(Key::SentOrigin, "null"),
        ];
        fetch
            .rec
            .info(CheckId::RedirectTaint, Stage::Redirect, values);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Observed in Chromium 156, Firefox ESR 153 and WebKitGTK 2.50.
    #[test]
    fn firefox_keeps_a_location_s_controls_as_escapes() {
        let base = Url::parse("http://api.example/r").unwrap();
        let read = |browser, location: &str| {
            location_url(&base, location, crate::quirks::quirks(browser)).map(|url| url.to_string())
        };
        for (location, standard, firefox) in [
            ("/y\u{b}", "http://api.example/y", "http://api.example/y%0B"),
            ("/y\u{1}", "http://api.example/y", "http://api.example/y%01"),
            (
                "/ne\txt",
                "http://api.example/next",
                "http://api.example/ne%09xt",
            ),
            (
                "\u{c}/y",
                "http://api.example/y",
                "http://api.example/%0C/y",
            ),
            (
                "/y\u{1}z",
                "http://api.example/y%01z",
                "http://api.example/y%01z",
            ),
            (
                "/y\u{7f}",
                "http://api.example/y%7F",
                "http://api.example/y%7F",
            ),
        ] {
            for browser in [
                crate::Browser::Chrome,
                crate::Browser::Safari,
                crate::Browser::Spec,
            ] {
                assert_eq!(
                    read(browser, location).as_deref(),
                    Some(standard),
                    "{location:?}"
                );
            }
            assert_eq!(
                read(crate::Browser::Firefox, location).as_deref(),
                Some(firefox),
                "{location:?}"
            );
        }
    }

    #[test]
    fn only_post_is_rewritten_by_301_and_302() {
        assert_eq!(rewritten_method(301, "POST"), Some("GET"));
        assert_eq!(rewritten_method(302, "PUT"), None);
        assert_eq!(rewritten_method(303, "TESTING"), Some("GET"));
        assert_eq!(rewritten_method(303, "HEAD"), None);
        assert_eq!(rewritten_method(307, "POST"), None);
    }

    #[test]
    fn empty_userinfo_is_not_credentials() {
        assert!(!includes_credentials(&Url::parse("http://@host/").unwrap()));
        assert!(includes_credentials(&Url::parse("http://u@host/").unwrap()));
        assert!(includes_credentials(
            &Url::parse("http://:p@host/").unwrap()
        ));
    }
}
