//! The kinds of browser departures about redirects, the origin they leave and what is checked on them
//! (the rows of the table in `quirks.rs`).

/// Which origin a preflight carries and is checked against (OH-2, R-16).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreflightOrigin {
    /// The standard, Chrome, Safari: the request's serialized origin, `null` once a redirect tainted it.
    RequestOrigin,
    /// Firefox: the page's origin, even after a tainting redirect (the request itself then carries
    /// `null`), and no `Access-Control-Allow-Origin` check when the URL is same origin with the page
    /// (`nsCORSListenerProxy` on the new preflight channel; observed in Firefox ESR 153).
    PageOrigin,
}

/// What a preflight answered with a redirect does before failing (P-4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreflightRedirect {
    /// The standard, Chrome, Safari: it fails at once.
    Refused,
    /// Firefox: the redirect response passes through the CORS check first (a failure there is what is
    /// reported); then the redirect is refused, and the response is checked again with the origin the
    /// redirect would give the request (observed in Firefox ESR 153).
    CorsCheckedFirst,
}

/// What redirect mode "error" does with a redirect status that has no `Location`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorModeWithoutLocation {
    /// The standard, Firefox: the redirect status alone makes it a network error.
    NetworkError,
    /// Chrome, Safari: without `Location` it is no redirect; the script gets the response (observed in
    /// Chromium 156 and WebKitGTK 2.50).
    Response,
}

/// When a redirect to a URL that is not HTTP(S) fails relative to the CORS check of the redirect
/// response (K-7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NonHttpRedirect {
    /// The standard, Chrome, Safari: the redirect response is CORS-checked first.
    AfterCorsCheck,
    /// Firefox: a redirect to `data:`, `blob:`, `file:`, `javascript:`, `ws:` or `wss:` fails before the
    /// CORS check (other schemes after it; observed in Firefox ESR 153).
    SomeSchemesFirst,
}

/// What an XHR still same origin does when redirected to a `blob:` URL of the page's origin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum XhrRedirectToBlob {
    /// The standard, Chrome, Safari: a network error (`error` fires).
    Fails,
    /// Firefox: the request never settles, neither `load` nor `error` fires (observed in Firefox ESR 153;
    /// ESR 140 fired `error`).
    NeverSettles,
}

/// What a redirect to another origin does to a `DELETE`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RedirectedDelete {
    /// The standard, Chrome, Firefox: only 301/302 `POST` and 303 non-`GET`/`HEAD` become `GET`.
    KeepsMethod,
    /// Safari: WebKit's libsoup network backend (`shouldRedirectAsGET`) also turns a `DELETE` redirected to
    /// another origin into a `GET`, whatever the status (observed for 301, 307 and 308 in WebKitGTK 2.50;
    /// Apple's network backend may differ).
    GetAcrossOrigins,
}

/// Whether a redirected request keeps an `Origin` header the standard would no longer send (OH-3, OH-4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OriginOnRedirect {
    /// The standard, Chrome, Firefox: each request gets the header its own method and tainting call for.
    PerRequest,
    /// Safari: a redirect to the same origin keeps the previous request's `Origin`, so the `GET` after a
    /// `POST` → 302 or `PUT` → 303 still carries it; a redirect to another origin drops it as the standard
    /// does (observed in WebKitGTK 2.50, every mode).
    KeptOnceSent,
}

/// Which hosts `Cross-Origin-Resource-Policy: same-site` counts as same site (CORP-4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CorpSameSite {
    /// The standard, Firefox, Safari: equal hosts, or the same registrable domain.
    HostSameSite,
    /// Chrome: an IP-address page or response URL is never same site with another origin (Chromium
    /// `ShouldAllowSameSite`; `127.0.0.1:A` reading `127.0.0.1:B` is blocked, observed in Chromium 156).
    NeverForIpAddresses,
}

/// What redirect mode "manual" does with a redirect to an `ftp:` URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ManualRedirectToFtp {
    /// The standard, Chrome, Firefox: an opaque-redirect response, as for any other target.
    OpaqueRedirect,
    /// Safari: a network error (`TypeError: Load failed`; other non-HTTP(S) targets give an opaque
    /// redirect; observed in WebKitGTK 2.50).
    NetworkError,
}

/// Whether a request that needed a preflight needs one again after a redirect (T-8, R-16).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreflightAfterRedirect {
    /// The standard, Chrome: each hop decides anew (a `PUT` turned into a `GET` by a 303 goes without).
    Recomputed,
    /// Firefox: every later hop is preflighted too, for its current method and CORS-unsafe names
    /// (observed in Firefox ESR 153).
    Kept,
    /// Safari: every later hop is preflighted too, for its current method but with the first preflight's
    /// `Access-Control-Request-Headers`, even for headers the redirect removed (observed in WebKitGTK
    /// 2.50).
    KeptWithFirstNames,
}

/// With credentials mode `same-origin`, whether the CORS check of a redirect response counts credentials
/// (K-3, K-6, K-7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RedirectCheckCredentials {
    /// The standard, Chrome, Firefox: as the request (no credentials once the tainting is `cors`).
    AsTheRequest,
    /// Safari: when the fetch began at a URL same origin with the page and no preflight was made on the
    /// way, every redirect response is checked as with credentials: the exact origin and
    /// `Access-Control-Allow-Credentials: true` (`*` fails); the final response is checked as the standard
    /// says (observed in WebKitGTK 2.50).
    WithCredentialsAfterSameOriginStart,
}

/// Which redirects make a `no-cors` request's origin `null` (OH-1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoCorsRedirectTaint {
    /// The standard: a hop to another origin, unless it leaves the page's own origin.
    SpecTaint,
    /// Chrome: any hop to another origin (the network stack's redirect rule sets `Origin: null`), so a
    /// `POST` redirected away from the page's origin carries `Origin: null` (observed in Chromium 156).
    AnyCrossOriginHop,
}

/// What a redirect whose `Location` is empty does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmptyLocation {
    /// The standard: the empty reference resolves to the current URL, which is requested again until the
    /// redirect limit.
    Followed,
    /// Chrome: no redirect; the 3xx response is handed to the script (observed in Chromium 156).
    Ignored,
    /// Safari: a network error after the one request (observed in WebKitGTK 2.50).
    NetworkError,
}

/// What a redirect with several `Location` lines does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RepeatedLocation {
    /// The standard, Safari: the lines are combined (`a, b`) and the combined value is parsed.
    Combined,
    /// Chrome, Firefox: identical lines count once; different lines are a network error, in every redirect
    /// mode (observed in Chromium 156 and Firefox ESR 153).
    DistinctAreAnError,
}

/// Which redirects to a URL with a username or password fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RedirectToCredentials {
    /// The standard, Firefox, Safari: cross-origin in `cors` mode, or with `cors` tainting.
    CrossOriginOrCors,
    /// Chrome: as the standard, and also from the same origin every `fetch()` redirect to such a URL; an
    /// XHR follows the standard (observed in Chromium 156: a same-origin XHR follows a redirect to a
    /// same-origin URL with a username, a password or both).
    AnyFromFetch,
    /// Safari: as the standard, but a request still same origin goes on to the preflight of the new URL
    /// (when one is needed) and fails only then (observed in WebKitGTK 2.50).
    AfterPreflightFromSameOrigin,
}

/// How the bytes of a `Location` value become a URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocationDecoding {
    /// The standard, Chrome: read as UTF-8, parsed with the URL parser (which strips C0 controls and spaces
    /// around the URL and removes tabs from it).
    Utf8,
    /// Firefox: read as UTF-8, but its C0 controls (a tab included), spaces and DEL percent-encoded before
    /// the URL parser sees them (`NS_EscapeURL` in `nsHttpChannel::AsyncProcessRedirection`), so none is
    /// stripped or removed: `/y` followed by a vertical tab leads to `/y%0B`, and a control before an
    /// absolute URL makes it a relative path (observed in Firefox ESR 153).
    Utf8ControlsEscaped,
    /// Safari: each byte read as a Latin-1 character (`é` sent as UTF-8 becomes `%C3%83%C2%A9`), and
    /// percent-escapes of unreserved characters in the path and query decoded (`%41` becomes `A`; libsoup's
    /// normalization, observed in WebKitGTK 2.50).
    Latin1Normalized,
}

/// What becomes of the request-body headers a method-changing redirect removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyHeadersAfterRewrite {
    /// The standard, Chrome: removed for good.
    Removed,
    /// Firefox: left off that one request only (which is still preflighted if the request needed a
    /// preflight when it was made) and sent again from the next redirect on: the fetch sets the script's
    /// headers again on every redirect (observed in Firefox ESR 140).
    BackOnNextRedirect,
    /// Safari: left off that one request only, though its preflight still lists them, and sent again from
    /// the next redirect on; a redirect that stays same origin with the page brings back `Content-Type`
    /// only (observed in WebKitGTK 2.50).
    BackOnNextRedirectListedInPreflight,
}
