//! Where browsers depart from the Fetch standard, or from each other: ONE table.
//!
//! Every browser difference the engine models is a field of [`Quirks`], looked up by profile with
//! [`quirks`]. The checks ask the table; they never test which browser they are in. Each row names its
//! evidence (see `docs/reference/fetch-cors-rules.md` §24 and `docs/reference/browser-messages.md`).
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
//! | several disallowed headers: the one named (P-10) | first sorted | first in Blink's header map | first sorted | known names first, then as set |
//! | the 1024-byte safelisted total (S-8) | enforced | enforced | not implemented | enforced |
//! | `Access-Control-Request-Headers` (P-3) | sorted set | sorted set | sorted, a repeated name repeated | sorted set |
//! | the preflight after a cross-origin redirect (OH-2, R-16) | request's origin (`null`) | request's origin | page's origin; no ACAO check when same origin | request's origin |
//! | a redirected preflight (P-4) | refused | refused | CORS-checked, then refused (without a line of its own to a URL with credentials) | refused |
//! | redirect mode "error", a 3xx without `Location` (R-2) | network error | the response | network error | the response |
//! | a redirect to `data:`, `blob:`, `file:`, `javascript:`, `ws(s):` (R-6) | after the CORS check | after | before the CORS check, but after it to a `blob:` of the page's origin (XHR) or of the redirecting URL's (`fetch()`) | after; `ftp:` refused as such before the redirect mode and the CORS check |
//! | a same-origin XHR redirected to `blob:` (R-6) | network error | network error | no event, never settles | network error |
//! | a `DELETE` redirected to another origin (R-10) | stays `DELETE` | stays | stays | becomes `GET` |
//! | `Origin` on a redirect to the same origin (OH-3, OH-4) | per request | per request | per request | kept from the previous request |
//! | CORP `same-site` between IP-address hosts (CORP-4) | same site when equal | never same site | same site when equal | same site when equal |
//! | redirect mode "manual", a redirect to `ftp:` (R-3) | opaque redirect | opaque redirect | opaque redirect | network error |
//! | a redirect after a preflighted hop (T-8) | preflight only if this hop needs one | same as spec | always, names recomputed | always, the first preflight's names |
//! | the parser of a `Content-Type` value (S-4) | MIME Sniffing | MIME Sniffing | necko: a comma or a final second `;` fails, the type ends at whitespace | MIME Sniffing |
//! | the CORS check of a redirect, credentials mode `same-origin` (K-7) | no credentials | no credentials | no credentials | with credentials when the fetch began same origin |
//! | `no-cors` redirected to another origin from the page's (OH-1) | not tainted | `Origin: null` | not tainted | not tainted |
//! | a header name set twice (S-4, S-8) | lines checked apart | combined, then checked | lines checked apart; a singleton's last line sent, an empty value empties the line | combined, then checked |
//! | a safelisted value with a byte outside ASCII (S-2, S-4) | as other bytes | as other bytes | never safelisted | as other bytes |
//! | `Range` unit not lower case (S-5) | unsafe | unsafe, a `GET` sends `bytes=…` (156.0.8078.129; 148 safelisted it) | unsafe | safelisted |
//! | `Range` numbers (S-5) | digits, up to `u64` | below `i64::MAX` | digits, up to `u64` | a `+` may lead, up to `u64` |
//! | XHR upload listener, `GET`/`HEAD` (U-1) | preflight | no preflight | preflight | preflight |
//! | request header value on the wire | one byte per character | same, spaces and tabs around trimmed | same, trimmed | UTF-8, trimmed |
//! | empty `Location` (R-5) | followed (a loop) | no redirect | followed (a loop) | network error |
//! | several `Location` lines (R-4) | combined | identical: one; different: network error | identical: one; different: network error | combined |
//! | redirect to a URL with credentials (R-8) | cross-origin or `cors` tainting | also any from `fetch()` (an XHR as spec) | as spec | as spec; from a same-origin request after the new URL's preflight |
//! | request-body headers after a method rewrite (R-10) | removed | removed | back from the next redirect | listed in the preflight, back from the next redirect (`Content-Type` only while same origin) |
//! | `Location` bytes (R-5) | UTF-8 | UTF-8 | UTF-8, controls and spaces percent-encoded first (none stripped) | Latin-1, unreserved escapes decoded |

use crate::browser::Browser;

mod redirects;
mod requests;

pub use redirects::*;
pub use requests::*;

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
    /// R-6 for an XHR's `blob:` target.
    pub xhr_redirect_to_blob: XhrRedirectToBlob,
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
    /// S-4: how a `Content-Type` value is parsed.
    pub content_type_parser: ContentTypeParser,
    /// K-7 on redirects with credentials mode `same-origin`.
    pub redirect_check_credentials: RedirectCheckCredentials,
    /// OH-1 in `no-cors` mode.
    pub no_cors_redirect_taint: NoCorsRedirectTaint,
    /// S-2, S-4 with a byte outside ASCII.
    pub non_ascii_value: NonAsciiValue,
    /// S-5's unit and wire form.
    pub range_unit: RangeUnit,
    /// S-5: how the numbers of a `Range` value are read.
    pub range_numbers: RangeNumbers,
    /// U-1…U-3 without a body.
    pub upload_listener_without_body: UploadListenerWithoutBody,
    /// Non-ASCII request header values on the wire.
    pub wire_value_encoding: WireValueEncoding,
    /// with an empty `Location`.
    pub empty_location: EmptyLocation,
    /// R-4 with several `Location` lines.
    pub repeated_location: RepeatedLocation,
    ///
    pub redirect_to_credentials: RedirectToCredentials,
    /// R-5's reading of `Location` bytes.
    pub location_decoding: LocationDecoding,
    /// R-10's removed request-body headers.
    pub body_headers_after_rewrite: BodyHeadersAfterRewrite,
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
    xhr_redirect_to_blob: XhrRedirectToBlob::Fails,
    redirected_delete: RedirectedDelete::KeepsMethod,
    origin_on_redirect: OriginOnRedirect::PerRequest,
    corp_same_site: CorpSameSite::HostSameSite,
    manual_redirect_to_ftp: ManualRedirectToFtp::OpaqueRedirect,
    preflight_after_redirect: PreflightAfterRedirect::Recomputed,
    content_type_parser: ContentTypeParser::MimeSniff,
    redirect_check_credentials: RedirectCheckCredentials::AsTheRequest,
    no_cors_redirect_taint: NoCorsRedirectTaint::SpecTaint,
    non_ascii_value: NonAsciiValue::MimeParsed,
    range_unit: RangeUnit::LowerCaseOnly,
    range_numbers: RangeNumbers::Digits,
    upload_listener_without_body: UploadListenerWithoutBody::Preflights,
    wire_value_encoding: WireValueEncoding::Isomorphic,
    empty_location: EmptyLocation::Followed,
    repeated_location: RepeatedLocation::Combined,
    redirect_to_credentials: RedirectToCredentials::CrossOriginOrCors,
    location_decoding: LocationDecoding::Utf8,
    body_headers_after_rewrite: BodyHeadersAfterRewrite::Removed,
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
    // Deviation(Chrome): a `GET`'s `Range` goes out as `bytes=…`, whatever the unit's case.
    range_unit: RangeUnit::LowerCaseOnlyReserialized,
    // Deviation(Chrome): a number must be below `i64::MAX`.
    range_numbers: RangeNumbers::BelowI64Max,
    // Deviation(Chrome): request header values go out with surrounding spaces and tabs trimmed.
    wire_value_encoding: WireValueEncoding::IsomorphicTrimmed,
    // Deviation(Chrome): an upload listener on a `GET` or `HEAD` XHR forces no preflight.
    upload_listener_without_body: UploadListenerWithoutBody::Ignored,
    // Deviation(Chrome): an empty `Location` is no redirect.
    empty_location: EmptyLocation::Ignored,
    // Deviation(Chrome): different `Location` lines are a network error, identical ones count once.
    repeated_location: RepeatedLocation::DistinctAreAnError,
    // Deviation(Chrome): any `fetch()` redirect to a URL with credentials fails; an XHR follows the
    // standard.
    redirect_to_credentials: RedirectToCredentials::AnyFromFetch,
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
    // Deviation(Firefox): request header values go out with surrounding spaces and tabs trimmed.
    wire_value_encoding: WireValueEncoding::IsomorphicTrimmed,
    // Deviation(Firefox): a preflight after a redirect carries the page's origin.
    preflight_origin: PreflightOrigin::PageOrigin,
    // Deviation(Firefox): a redirected preflight is CORS-checked before it is refused.
    preflight_redirect: PreflightRedirect::CorsCheckedFirst,
    // Deviation(Firefox): some non-HTTP(S) redirect targets fail before the CORS check.
    non_http_redirect: NonHttpRedirect::SomeSchemesFirst,
    // Deviation(Firefox): a same-origin XHR redirected to a `blob:` URL never settles.
    xhr_redirect_to_blob: XhrRedirectToBlob::NeverSettles,
    // Deviation(Firefox): a preflighted request is preflighted again after every redirect.
    preflight_after_redirect: PreflightAfterRedirect::Kept,
    // Deviation(Firefox): a `Content-Type` is parsed by necko.
    content_type_parser: ContentTypeParser::Necko,
    // Deviation(Firefox): a value with a byte outside ASCII is never safelisted.
    non_ascii_value: NonAsciiValue::NotSafelisted,
    // Deviation(Firefox): different `Location` lines are a network error, identical ones count once.
    repeated_location: RepeatedLocation::DistinctAreAnError,
    // Deviation(Firefox): request-body headers removed by a method rewrite come back.
    body_headers_after_rewrite: BodyHeadersAfterRewrite::BackOnNextRedirect,
    // Deviation(Firefox): controls and spaces in a `Location` are percent-encoded before it is parsed.
    location_decoding: LocationDecoding::Utf8ControlsEscaped,
    ..SPEC
};

const SAFARI: Quirks = Quirks {
    wildcard_authorization: WildcardAuthorization::CoveredByWildcard,
    max_age_cap: Some(600),
    preflight_check_order: PreflightCheckOrder::StatusFirst,
    allow_origin_diagnosis: AllowOriginDiagnosis::WebKit,
    // Deviation(Safari): of several disallowed headers, the first in WebKit's header map is named.
    disallowed_header_named: DisallowedHeaderNamed::FirstInWebKitHeaderMap,
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
    // Deviation(Safari): a `Range` unit in any case is safelisted.
    range_unit: RangeUnit::AnyCase,
    // Deviation(Safari): a `+` may come before a number.
    range_numbers: RangeNumbers::PlusSign,
    // Deviation(Safari): non-ASCII request header values go out as UTF-8.
    wire_value_encoding: WireValueEncoding::Utf8Trimmed,
    // Deviation(Safari): an empty `Location` is a network error.
    empty_location: EmptyLocation::NetworkError,
    // Deviation(Safari): from a same-origin request, a redirect to a URL with credentials fails after the
    // new URL's preflight.
    redirect_to_credentials: RedirectToCredentials::AfterPreflightFromSameOrigin,
    // Deviation(Safari): `Location` bytes are read as Latin-1 and unreserved escapes decoded.
    location_decoding: LocationDecoding::Latin1Normalized,
    // Deviation(Safari): request-body headers removed by a method rewrite come back.
    body_headers_after_rewrite: BodyHeadersAfterRewrite::BackOnNextRedirectListedInPreflight,
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
