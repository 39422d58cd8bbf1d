//! Where browsers depart from the Fetch standard, or from each other: ONE table.
//!
//! Every browser difference the engine models is a field of [`Quirks`], looked up by profile with
//! [`quirks`]. The checks ask the table; they never test which browser they are in. Each row names its
//! evidence (see `fetch-cors-rules.md` §24 and `browser-messages.md`).
//!
//! | quirk | spec | Chrome | Firefox | Safari |
//! |---|---|---|---|---|
//! | `ACAH: *` covers `Authorization` (P-9) | no | yes | yes | yes |
//! | Max-Age cap (C-10) | none | 7200 s | 86400 s | 600 s |
//! | negative Max-Age (P-11) | failure → 5 s | 0 s (no cache) | failure → 5 s | failure → 5 s |
//! | preflight: status vs `ACAO` first | `ACAO` first | `ACAO` first | `ACAO` first | status first |
//! | preflight: `ACAM`/`ACAH` parse vs method check | both parsed first | both parsed first | `ACAM`, method, `ACAH`, headers | both parsed first |
//! | how a bad `ACAO` is classified | lines | space/comma, URL-invalid | lines | comma |
//! | extra CORS-safelisted request headers (S-16) | none | client hints | none | none |
//! | Local Network Access (PN-*) | no | yes | no | no |
//! | a script-set `User-Agent` (F-7) | sent, CORS-unsafe | dropped (forbidden) | sent | sent |
//! | preflight flag, no `ACAM` (P-7) | request's method allowed | must be listed | must be listed | must be listed |
//! | several disallowed headers: the one named (P-10) | first sorted | first in Blink's header map | first sorted | first sorted |
//! | the 1024-byte safelisted total (S-8) | enforced | enforced | not implemented | enforced |
//! | `Access-Control-Request-Headers` (P-3) | sorted set | sorted set | sorted, a repeated name repeated | sorted set |
//! | the preflight after a cross-origin redirect (OH-2, R-16) | request's origin (`null`) | request's origin | page's origin; no ACAO check when same origin | request's origin |
//! | a redirected preflight (P-4) | refused | refused | CORS-checked, then refused | refused |
//! | redirect mode "error", a 3xx without `Location` (R-2) | network error | the response | network error | the response |
//! | a redirect to `data:`, `blob:`, `file:`, `javascript:`, `ws(s):` (R-6) | after the CORS check | after | before the CORS check | after |
//! | a `DELETE` redirected to another origin (R-10) | stays `DELETE` | stays | stays | becomes `GET` |
//! | `Origin` after a redirect rewrote the method (OH-3, OH-4) | per request | per request | per request | kept once sent |
//! | CORP `same-site` between IP-address hosts (CORP-4) | same site when equal | never same site | same site when equal | same site when equal |
//! | redirect mode "manual", a redirect to `ftp:` (R-3) | opaque redirect | opaque redirect | opaque redirect | network error |
//! | a redirect after a preflighted hop (T-8) | preflight only if this hop needs one | same as spec | always, names recomputed | always, the first preflight's names |
//! | a `Content-Type` value with a comma (S-4) | MIME-parsed | MIME-parsed | never safelisted | MIME-parsed |
//! | the CORS check of a redirect, credentials mode `same-origin` (K-7) | no credentials | no credentials | no credentials | with credentials when the fetch began same origin |
//! | `no-cors` redirected to another origin from the page's (OH-1) | not tainted | `Origin: null` | not tainted | not tainted |
//! | a header name set twice (S-4, S-8) | lines checked apart | combined, then checked | lines checked apart; a singleton's last line sent | combined, then checked |

use crate::browser::Browser;

/// Whether `Access-Control-Allow-Headers: *` (without credentials) covers `Authorization` (P-9, S-9).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WildcardAuthorization {
    /// The standard: `Authorization` must be listed by name.
    MustBeListed,
    /// Chrome, Firefox and Safari: `*` covers it too (verified in Chromium 156, Firefox ESR 153 and
    /// WebKitGTK 2.50).
    CoveredByWildcard,
}

/// How a negative `Access-Control-Max-Age` is read (P-11).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NegativeMaxAge {
    /// Not `delta-seconds`, so a parse failure: the 5-second default.
    Failure,
    /// Chromium `ParseAccessControlMaxAge`: 0, the result is not cached.
    NoCache,
}

/// Which comes first when a preflight response is checked (P-5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreflightCheckOrder {
    /// The CORS check (`ACAO`, `ACAC`), then the ok status: Chromium `CheckPreflightAccess`, Firefox
    /// `nsCORSListenerProxy` (a 405 without `ACAO` reports the missing `ACAO`).
    AllowOriginFirst,
    /// WebKit: the status first (`Preflight response is not successful. Status code: 405`).
    StatusFirst,
}

/// When `Access-Control-Allow-Methods` / `-Headers` are parsed relative to the method check (P-6…P-10).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreflightListOrder {
    /// The standard, Chromium `PreflightResult::Create`, WebKit: parse both lists, then check.
    ParseBothFirst,
    /// Firefox: parse `ACAM` and check the method, then parse `ACAH` and check the headers.
    MethodsThenHeaders,
}

/// How a failing `Access-Control-Allow-Origin` is classified into check ids (K-1…K-4, K-8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AllowOriginDiagnosis {
    /// The standard: several header lines are "multiple", anything else that differs is a mismatch.
    Spec,
    /// Chromium `CheckAccess`: a value containing a space or comma is "multiple values"; a value that is
    /// not `null` and does not parse as a URL is an "invalid value"; else a mismatch.
    Chromium,
    /// Firefox: more than one header line is reported first, even before a missing value.
    Gecko,
    /// WebKit: a value containing a comma is "more than one origin"; else a mismatch.
    WebKit,
}

/// Extra request headers a browser treats as CORS-safelisted (S-16).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExtraSafelist {
    /// Only the standard's list.
    None,
    /// Chromium `IsCorsSafelistedHeader`: `intervention`, `device-memory`, `dpr`, `downlink`, `width`,
    /// `viewport-width`, `rtt`, `ect`, `save-data` (value-validated).
    ChromiumClientHints,
}

/// Whether the browser enforces Local Network Access (PN-1…PN-5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocalNetworkAccess {
    /// Not implemented (Firefox, Safari, the Fetch standard).
    NotImplemented,
    /// Chrome 142+: a public page reaching a local or loopback address needs a permission.
    Enforced,
}

/// What happens to a `User-Agent` header the script sets (F-7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UserAgentHeader {
    /// The standard since 2015, Firefox, Safari: an ordinary header, CORS-unsafe, so it needs a preflight.
    Settable,
    /// Chrome: dropped like a forbidden request-header (fetch drops it silently, XHR logs `Refused to set
    /// unsafe header "User-Agent"`); it is neither sent nor listed in `Access-Control-Request-Headers`
    /// (observed in Chromium 156).
    Forbidden,
}

/// Which methods a preflight allows when the use-CORS-preflight flag is set and the response has no
/// `Access-Control-Allow-Methods` (P-7, U-4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlagWithoutAllowMethods {
    /// The standard: the request's own method.
    AllowsRequestMethod,
    /// Chrome, Firefox, Safari: none, so a method that is not CORS-safelisted must be listed (an XHR `PUT`
    /// with an upload listener is blocked: observed in Chromium 156, Firefox ESR 153 and WebKitGTK 2.50).
    MustBeListed,
}

/// How a request header name the script sets more than once (`fetch()` keeps one line per value) is
/// checked and sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RepeatedRequestHeaders {
    /// The standard: each line is its own header for the CORS-safelist checks and on the wire.
    KeptApart,
    /// Chrome, Safari: the values are combined (`a, b`) before the CORS-safelist checks, so two safelisted
    /// `Content-Type` values make one that is not a MIME type (observed in Chromium 156, WebKitGTK 2.50).
    CombinedFirst,
    /// Firefox: each line is checked on its own, but on the wire a later value of a singleton header
    /// (`Content-Type`, `Authorization`, `User-Agent`…: necko `IsSingletonHeader`) replaces the earlier
    /// one (observed in Firefox ESR 153).
    LastSingletonWins,
}

/// Which header a failed preflight names when several request headers are not allowed (P-10).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DisallowedHeaderNamed {
    /// The standard (the sorted CORS-unsafe names, in order), Firefox (verified), Safari (its console is
    /// not observed).
    FirstSorted,
    /// Chrome: the first in the order Blink's header map hands the headers on, a hash order
    /// (`preflight/blink_header_map.rs`; observed in Chromium 156).
    FirstInBlinkHeaderMap,
}

/// Whether the safelisted request-header values may total at most 1024 bytes (S-8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SafelistTotal {
    /// The standard, Chrome, Safari: over 1024 bytes, every safelisted name becomes CORS-unsafe.
    Enforced,
    /// Firefox: no total (`InternalHeaders::GetUnsafeHeaders` checks each header alone; nine 120-byte
    /// `Accept` values go out without a preflight in Firefox ESR 153).
    NotImplemented,
}

/// How `Access-Control-Request-Headers` lists the CORS-unsafe names (P-3, H-8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequestHeadersList {
    /// The standard, Chrome, Safari: lower-cased, deduplicated, sorted.
    SortedSet,
    /// Firefox: lower-cased and sorted, one name per header line, so a repeated name is listed again
    /// (`x-empty,x-empty`, observed in Firefox ESR 153).
    SortedWithRepeats,
}

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

/// Whether a `Content-Type` value containing a comma can be CORS-safelisted (S-4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContentTypeComma {
    /// The standard, Chrome, Safari: the value is MIME-parsed (`text/plain;charset=a,b` is safelisted).
    MimeParsed,
    /// Firefox: never (`NS_ParseRequestContentType` refuses lists), so it needs a preflight in `cors` mode
    /// and is dropped in `no-cors` mode, also as the combined value of a repeated `Content-Type` (observed in
    /// Firefox ESR 153).
    NotSafelisted,
}

/// With credentials mode `same-origin`, whether the CORS check of a redirect response counts credentials
/// (K-3, K-6, K-7).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RedirectCheckCredentials {
    /// The standard, Chrome, Firefox: as the request (no credentials once the tainting is `cors`).
    AsTheRequest,
    /// Safari: when the fetch began at a URL same origin with the page, every redirect response is checked
    /// as with credentials: the exact origin and `Access-Control-Allow-Credentials: true` (`*` fails); the
    /// final response is checked as the standard says (observed in WebKitGTK 2.50).
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

/// Every browser departure, as one row per profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quirks {
    /// P-9 and `*`.
    pub wildcard_authorization: WildcardAuthorization,
    /// C-10: the cap on a preflight cache entry's lifetime, in seconds (`None`: no cap).
    pub max_age_cap: Option<u64>,
    /// P-11 for negative values.
    pub negative_max_age: NegativeMaxAge,
    /// P-5 check order.
    pub preflight_check_order: PreflightCheckOrder,
    /// P-6…P-10 order.
    pub preflight_list_order: PreflightListOrder,
    /// K-* classification.
    pub allow_origin_diagnosis: AllowOriginDiagnosis,
    /// S-16.
    pub extra_safelist: ExtraSafelist,
    /// PN-*.
    pub local_network_access: LocalNetworkAccess,
    /// F-7.
    pub user_agent_header: UserAgentHeader,
    /// P-7.
    pub flag_without_allow_methods: FlagWithoutAllowMethods,
    /// S-4, S-8 with a repeated name.
    pub repeated_request_headers: RepeatedRequestHeaders,
    /// P-10 with several disallowed headers.
    pub disallowed_header_named: DisallowedHeaderNamed,
    /// S-8's total.
    pub safelist_total: SafelistTotal,
    /// P-3.
    pub request_headers_list: RequestHeadersList,
    /// OH-2, R-16 for preflights.
    pub preflight_origin: PreflightOrigin,
    /// P-4.
    pub preflight_redirect: PreflightRedirect,
    /// R-2 without `Location`.
    pub error_mode_without_location: ErrorModeWithoutLocation,
    /// R-6 and K-7.
    pub non_http_redirect: NonHttpRedirect,
    /// R-10 for `DELETE`.
    pub redirected_delete: RedirectedDelete,
    /// OH-3, OH-4 on redirects.
    pub origin_on_redirect: OriginOnRedirect,
    /// CORP-4.
    pub corp_same_site: CorpSameSite,
    /// R-3 to `ftp:`.
    pub manual_redirect_to_ftp: ManualRedirectToFtp,
    /// T-8 after a redirect.
    pub preflight_after_redirect: PreflightAfterRedirect,
    /// S-4 with a comma.
    pub content_type_comma: ContentTypeComma,
    /// K-7 on redirects with credentials mode `same-origin`.
    pub redirect_check_credentials: RedirectCheckCredentials,
    /// OH-1 in `no-cors` mode.
    pub no_cors_redirect_taint: NoCorsRedirectTaint,
}

/// C-10: the preflight cache lifetime when `Access-Control-Max-Age` is absent or invalid (all browsers).
pub const DEFAULT_MAX_AGE: u64 = 5;

/// the redirect limit (Chromium `kMaxRedirects`, Firefox `network.http.redirection-limit`).
pub const REDIRECT_LIMIT: u32 = 20;

const SPEC: Quirks = Quirks {
    wildcard_authorization: WildcardAuthorization::MustBeListed,
    max_age_cap: None,
    negative_max_age: NegativeMaxAge::Failure,
    preflight_check_order: PreflightCheckOrder::AllowOriginFirst,
    preflight_list_order: PreflightListOrder::ParseBothFirst,
    allow_origin_diagnosis: AllowOriginDiagnosis::Spec,
    extra_safelist: ExtraSafelist::None,
    local_network_access: LocalNetworkAccess::NotImplemented,
    user_agent_header: UserAgentHeader::Settable,
    flag_without_allow_methods: FlagWithoutAllowMethods::AllowsRequestMethod,
    repeated_request_headers: RepeatedRequestHeaders::KeptApart,
    disallowed_header_named: DisallowedHeaderNamed::FirstSorted,
    safelist_total: SafelistTotal::Enforced,
    request_headers_list: RequestHeadersList::SortedSet,
    preflight_origin: PreflightOrigin::RequestOrigin,
    preflight_redirect: PreflightRedirect::Refused,
    error_mode_without_location: ErrorModeWithoutLocation::NetworkError,
    non_http_redirect: NonHttpRedirect::AfterCorsCheck,
    redirected_delete: RedirectedDelete::KeepsMethod,
    origin_on_redirect: OriginOnRedirect::PerRequest,
    corp_same_site: CorpSameSite::HostSameSite,
    manual_redirect_to_ftp: ManualRedirectToFtp::OpaqueRedirect,
    preflight_after_redirect: PreflightAfterRedirect::Recomputed,
    content_type_comma: ContentTypeComma::MimeParsed,
    redirect_check_credentials: RedirectCheckCredentials::AsTheRequest,
    no_cors_redirect_taint: NoCorsRedirectTaint::SpecTaint,
};

const CHROME: Quirks = Quirks {
    wildcard_authorization: WildcardAuthorization::CoveredByWildcard,
    max_age_cap: Some(7200),
    negative_max_age: NegativeMaxAge::NoCache,
    allow_origin_diagnosis: AllowOriginDiagnosis::Chromium,
    extra_safelist: ExtraSafelist::ChromiumClientHints,
    local_network_access: LocalNetworkAccess::Enforced,
    // Deviation(Chrome): a script-set `User-Agent` is dropped as if it were forbidden.
    user_agent_header: UserAgentHeader::Forbidden,
    // Deviation(Chrome): P-7 is not implemented.
    flag_without_allow_methods: FlagWithoutAllowMethods::MustBeListed,
    // Deviation(Chrome): repeated request headers are combined before the safelist checks.
    repeated_request_headers: RepeatedRequestHeaders::CombinedFirst,
    // Deviation(Chrome): of several disallowed headers, the first in Blink's hash order is named.
    disallowed_header_named: DisallowedHeaderNamed::FirstInBlinkHeaderMap,
    // Deviation(Chrome): in redirect mode "error", a 3xx without `Location` is handed to the script.
    error_mode_without_location: ErrorModeWithoutLocation::Response,
    // Deviation(Chrome): CORP `same-site` never holds between IP-address hosts of different origins.
    corp_same_site: CorpSameSite::NeverForIpAddresses,
    // Deviation(Chrome): a `no-cors` request is tainted by any redirect to another origin.
    no_cors_redirect_taint: NoCorsRedirectTaint::AnyCrossOriginHop,
    ..SPEC
};

const FIREFOX: Quirks = Quirks {
    wildcard_authorization: WildcardAuthorization::CoveredByWildcard,
    max_age_cap: Some(86_400),
    preflight_list_order: PreflightListOrder::MethodsThenHeaders,
    allow_origin_diagnosis: AllowOriginDiagnosis::Gecko,
    // Deviation(Firefox): P-7 is not implemented.
    flag_without_allow_methods: FlagWithoutAllowMethods::MustBeListed,
    // Deviation(Firefox): a singleton request header keeps only its last value on the wire.
    repeated_request_headers: RepeatedRequestHeaders::LastSingletonWins,
    // Deviation(Firefox): no 1024-byte total for safelisted values.
    safelist_total: SafelistTotal::NotImplemented,
    // Deviation(Firefox): `Access-Control-Request-Headers` repeats a repeated name.
    request_headers_list: RequestHeadersList::SortedWithRepeats,
    // Deviation(Firefox): a preflight after a redirect carries the page's origin.
    preflight_origin: PreflightOrigin::PageOrigin,
    // Deviation(Firefox): a redirected preflight is CORS-checked before it is refused.
    preflight_redirect: PreflightRedirect::CorsCheckedFirst,
    // Deviation(Firefox): some non-HTTP(S) redirect targets fail before the CORS check.
    non_http_redirect: NonHttpRedirect::SomeSchemesFirst,
    // Deviation(Firefox): a preflighted request is preflighted again after every redirect.
    preflight_after_redirect: PreflightAfterRedirect::Kept,
    // Deviation(Firefox): a `Content-Type` with a comma is never safelisted.
    content_type_comma: ContentTypeComma::NotSafelisted,
    ..SPEC
};

const SAFARI: Quirks = Quirks {
    wildcard_authorization: WildcardAuthorization::CoveredByWildcard,
    max_age_cap: Some(600),
    preflight_check_order: PreflightCheckOrder::StatusFirst,
    allow_origin_diagnosis: AllowOriginDiagnosis::WebKit,
    // Deviation(Safari): P-7 is not implemented.
    flag_without_allow_methods: FlagWithoutAllowMethods::MustBeListed,
    // Deviation(Safari): repeated request headers are combined before the safelist checks.
    repeated_request_headers: RepeatedRequestHeaders::CombinedFirst,
    // Deviation(Safari): in redirect mode "error", a 3xx without `Location` is handed to the script.
    error_mode_without_location: ErrorModeWithoutLocation::Response,
    // Deviation(Safari): a `DELETE` redirected to another origin becomes a `GET`.
    redirected_delete: RedirectedDelete::GetAcrossOrigins,
    // Deviation(Safari): `Origin` stays on redirected requests once sent.
    origin_on_redirect: OriginOnRedirect::KeptOnceSent,
    // Deviation(Safari): in redirect mode "manual", a redirect to `ftp:` is a network error.
    manual_redirect_to_ftp: ManualRedirectToFtp::NetworkError,
    // Deviation(Safari): a preflighted request is preflighted again after every redirect, listing the first
    // preflight's header names.
    preflight_after_redirect: PreflightAfterRedirect::KeptWithFirstNames,
    // Deviation(Safari): after a same-origin start, redirects are CORS-checked as if with credentials.
    redirect_check_credentials: RedirectCheckCredentials::WithCredentialsAfterSameOriginStart,
    ..SPEC
};

/// The quirks row of a browser profile.
#[must_use]
pub fn quirks(browser: Browser) -> &'static Quirks {
    match browser {
        Browser::Chrome => &CHROME,
        Browser::Firefox => &FIREFOX,
        Browser::Safari => &SAFARI,
        Browser::Spec => &SPEC,
    }
}
