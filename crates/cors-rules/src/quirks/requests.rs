//! The kinds of browser departures about the request, its headers and its preflight checks (the
//! rows of the table in `quirks.rs`).

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
    /// one, and an empty value empties the line so far (observed in Firefox ESR 153).
    LastSingletonWins,
}

/// Which header a failed preflight names when several request headers are not allowed (P-10).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DisallowedHeaderNamed {
    /// The standard (the sorted CORS-unsafe names, in order), Firefox (verified).
    FirstSorted,
    /// Chrome: the first in the order Blink's header map hands the headers on, a hash order
    /// (`preflight/blink_header_map.rs`; observed in Chromium 156).
    FirstInBlinkHeaderMap,
    /// Safari: names WebKit knows first, then the others, each in the order the script set them
    /// (`preflight/webkit_header_map.rs`; observed in WebKitGTK 2.50).
    FirstInWebKitHeaderMap,
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

/// The parser that reads a `Content-Type` value's type for S-4.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContentTypeParser {
    /// The standard, Chrome, Safari: MIME Sniffing's parser, whose parameters never fail the parse
    /// (`text/plain;charset=a,b` and `text/plain;;` are safelisted).
    MimeSniff,
    /// Firefox: necko's strict `NS_ParseRequestContentType` (`safelist::necko_request_content_type`): a
    /// comma fails it, the type ends at whitespace (`text/plain x;a=b` is `text/plain`), and a value ending
    /// in a second `;` fails it (`text/plain;a=b;`). A value it fails needs a preflight in `cors` mode and
    /// is dropped in `no-cors` mode, also as the combined value of a repeated `Content-Type` (observed in
    /// Firefox ESR 153).
    Necko,
}

/// The unit of a `Range` request header and the form it goes out in (S-5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeUnit {
    /// The standard, Firefox: only a lower-case `bytes` unit is safelisted; the value is sent as written.
    LowerCaseOnly,
    /// Safari: the unit in any case is safelisted (`Bytes=0-`); the value is sent as written (observed in
    /// WebKitGTK 2.50).
    AnyCase,
    /// Chromium 148 and early 156 builds: the unit in any case is safelisted, and the network stack sends
    /// a `GET`'s parsed range again as `bytes=start-end` (`Bytes=0-` went out as `bytes=0-`).
    AnyCaseReserialized,
    /// Chrome (Chromium 156.0.8078.129): only a lower-case `bytes` unit is safelisted, so `Bytes=0-` needs
    /// a preflight, after which the network stack still sends a `GET`'s parsed range as `bytes=start-end`.
    LowerCaseOnlyReserialized,
}

/// How the numbers of a `Range` request header are read (S-5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeNumbers {
    /// The standard, Firefox: ASCII digits only, as large as `u64` holds (a larger number is a failure,
    /// as WPT expects).
    Digits,
    /// Chrome: ASCII digits only, each number below 9,223,372,036,854,775,807 (`i64::MAX` itself needs a
    /// preflight; observed in Chromium 156).
    BelowI64Max,
    /// Safari: one `+` may come before a number's digits (`bytes=+1-`, `bytes=1-+5` are safelisted; WTF's
    /// `parseInteger`), as large as `u64` holds (observed in WebKitGTK 2.50).
    PlusSign,
}

/// Whether an XHR upload listener forces a preflight on a request without a body (U-1…U-3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UploadListenerWithoutBody {
    /// The standard, Firefox, Safari: the listener sets the use-CORS-preflight flag whatever the method.
    Preflights,
    /// Chrome: a `GET` or `HEAD` sends no body, so the listener sets no flag (observed in Chromium 156).
    Ignored,
}

/// How a request header value reaches the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WireValueEncoding {
    /// The standard: isomorphic-encoded, one byte per character (`é` as `0xE9`), as the header list holds
    /// it.
    Isomorphic,
    /// Chrome, Firefox: isomorphic-encoded, spaces and tabs around the value trimmed (an XHR's combined
    /// `a, ` goes out as `a,`; observed in Chromium 148 and Firefox ESR 140).
    IsomorphicTrimmed,
    /// Safari: UTF-8 (`é` as `0xC3 0xA9`), spaces and tabs around trimmed (observed in WebKitGTK 2.50).
    Utf8Trimmed,
}

/// A safelisted header's value with a byte outside ASCII (S-2, S-4), e.g. `Accept: é` or
/// `Content-Type: text/plain;charset=é`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NonAsciiValue {
    /// The standard, Chrome, Safari: checked as any other byte (allowed in `Accept` and in a MIME type's
    /// parameter value).
    MimeParsed,
    /// Firefox: never safelisted (observed in Firefox ESR 140).
    NotSafelisted,
}
