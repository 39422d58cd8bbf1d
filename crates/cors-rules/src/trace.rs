//! The explanation trace as data: which check, where, passed or failed, and the values compared.
//!
//! The engine records [`TraceStep`]s; words (English explanations, each browser's console text) are rendered
//! from them in one place (`render/`). Check ids are stable: they are part of the verdict format and are
//! never renamed.

use serde::{Deserialize, Serialize};

/// Where in the fetch a check happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// Building and starting the request (before anything is sent, or blocked before the network).
    Request,
    /// The `OPTIONS` preflight and its response.
    Preflight,
    /// The response to the request itself.
    Response,
    /// A redirect response on the way.
    Redirect,
}

macro_rules! check_ids {
    ($( $(#[$doc:meta])* $variant:ident => $id:literal, )*) => {
        /// A stable check id. The serialized form (kebab-case string) is part of the verdict format.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[non_exhaustive]
        pub enum CheckId {
            $( $(#[$doc])* #[serde(rename = $id)] $variant, )*
        }

        impl CheckId {
            /// Every check id, in declaration order.
            pub const ALL: &'static [CheckId] = &[$(CheckId::$variant,)*];

            /// The stable string id.
            #[must_use]
            pub fn id(self) -> &'static str {
                match self { $(CheckId::$variant => $id,)* }
            }

            /// Looks a check up by its string id.
            #[must_use]
            pub fn from_id(id: &str) -> Option<CheckId> {
                match id { $($id => Some(CheckId::$variant),)* _ => None }
            }
        }
    };
}

check_ids! {
    // ---- Request construction (outcome `request-error` when failed) ----
    /// M-1: the method is an HTTP token.
    MethodToken => "method-token",
    /// M-3: the method is not CONNECT, TRACE or TRACK.
    ForbiddenMethod => "forbidden-method",
    /// M-4: only DELETE GET HEAD OPTIONS POST PUT are uppercased (informational).
    MethodNormalize => "method-normalize",
    /// a fetch URL must not include a username or password.
    UrlCredentials => "url-credentials",
    /// H-1/H-2: header names are tokens and values carry no NUL, CR or LF.
    HeaderSyntax => "header-syntax",
    /// Q-5/N-1: no-cors allows only GET, HEAD and POST.
    NoCorsMethod => "no-cors-method",
    /// F-1…F-4: forbidden request headers are silently dropped (informational).
    ForbiddenHeader => "forbidden-header",
    /// N-2: no-cors drops headers that are not no-CORS-safelisted (informational).
    NoCorsHeader => "no-cors-header",

    // ---- Main fetch decisions (stage `request`) ----
    /// O-7: is the URL same-origin with the page? (informational)
    SameOrigin => "same-origin",
    /// T-13: bad ports are blocked before anything is sent.
    BadPort => "bad-port",
    /// MX-1: an https page may not fetch a non-potentially-trustworthy http URL.
    MixedContent => "mixed-content",
    /// PN-*: Chrome's Local Network Access rules for public → private/loopback requests.
    LocalNetworkAccess => "local-network-access",
    /// T-3: data: URLs are never CORS-checked (informational).
    DataUrl => "data-url",
    /// T-5: `same-origin` mode refuses cross-origin URLs.
    SameOriginMode => "same-origin-mode",
    /// T-6: `no-cors` requires redirect mode `follow`.
    NoCorsRedirectMode => "no-cors-redirect-mode",
    /// T-7: cross-origin requests only for HTTP(S) URLs.
    CorsScheme => "cors-scheme",
    /// S-*: is one request header CORS-safelisted, and why not (informational).
    SafelistedHeader => "safelisted-header",
    /// S-8: the 1024-byte total of safelisted header values (informational).
    SafelistedTotal => "safelisted-total",
    /// T-8/U-*: is a preflight needed, and why (informational).
    PreflightNeeded => "preflight-needed",
    /// P-1/C-*: a preflight cache hit skipped the preflight (informational).
    PreflightCache => "preflight-cache",
    /// CR-1: are cookies/HTTP auth attached to this request (informational).
    Credentials => "credentials",
    /// OH-*: which `Origin` header is sent (informational).
    OriginHeader => "origin-header",

    // ---- Preflight ----
    /// The preflight got no HTTP answer (connection refused, timeout, DNS, TLS).
    PreflightNetworkError => "preflight-network-error",
    /// P-4: a preflight is never redirected.
    PreflightRedirect => "preflight-redirect",
    /// P-5: the preflight status must be 200–299.
    PreflightOkStatus => "preflight-ok-status",
    /// K-1/K-2 on the preflight: `Access-Control-Allow-Origin` present.
    PreflightAllowOriginMissing => "preflight-allow-origin-missing",
    /// K-1 on the preflight: exactly one value.
    PreflightAllowOriginMultiple => "preflight-allow-origin-multiple",
    /// Chrome kPreflightInvalidAllowOriginValue: the value is not an origin.
    PreflightAllowOriginInvalid => "preflight-allow-origin-invalid",
    /// K-3 on the preflight: `*` with credentials `include`.
    PreflightAllowOriginWildcard => "preflight-allow-origin-wildcard",
    /// K-4 on the preflight: byte-equal to the serialized origin.
    PreflightAllowOriginMismatch => "preflight-allow-origin-mismatch",
    /// K-6 on the preflight: `Access-Control-Allow-Credentials: true` with `include`.
    PreflightAllowCredentials => "preflight-allow-credentials",
    /// P-6: `Access-Control-Allow-Methods` parses.
    AllowMethodsParse => "allow-methods-parse",
    /// P-6: `Access-Control-Allow-Headers` parses.
    AllowHeadersParse => "allow-headers-parse",
    /// P-8: the method is allowed.
    MethodAllowed => "method-allowed",
    /// P-9: `Authorization` is listed explicitly (a `*` does not cover it in the standard).
    AuthorizationAllowed => "authorization-allowed",
    /// P-10: every CORS-unsafe request header is allowed.
    HeaderAllowed => "header-allowed",
    /// P-11/C-10: how long the preflight result is cached (informational).
    MaxAge => "max-age",
    /// PN-2: `Access-Control-Allow-Private-Network: true` on the preflight.
    AllowPrivateNetwork => "allow-private-network",

    // ---- Response (and redirect responses) ----
    /// The request got no HTTP answer (connection refused, timeout, DNS, TLS).
    NetworkError => "network-error",
    /// An HTTP error status (4xx/5xx): not a CORS failure by itself (informational).
    HttpStatus => "http-status",
    /// K-1/K-2: `Access-Control-Allow-Origin` present.
    AllowOriginMissing => "allow-origin-missing",
    /// K-1: exactly one value.
    AllowOriginMultiple => "allow-origin-multiple",
    /// Chrome kInvalidAllowOriginValue: the value is not an origin.
    AllowOriginInvalid => "allow-origin-invalid",
    /// K-3: `*` with credentials `include`.
    AllowOriginWildcard => "allow-origin-wildcard",
    /// K-4: byte-equal to the serialized origin.
    AllowOriginMismatch => "allow-origin-mismatch",
    /// K-6: `Access-Control-Allow-Credentials: true` with `include`.
    AllowCredentials => "allow-credentials",
    /// CORP-*: `Cross-Origin-Resource-Policy` on a no-cors response.
    CrossOriginResourcePolicy => "cross-origin-resource-policy",
    /// E-*: which response headers the script can read (informational).
    ExposeHeaders => "expose-headers",
    /// T-11: the response type the script sees (informational).
    ResponseTainting => "response-tainting",

    // ---- Redirects ----
    /// redirect mode `error` fails, `manual` stops with an opaque-redirect.
    RedirectMode => "redirect-mode",
    /// the `Location` parses as a URL.
    RedirectLocation => "redirect-location",
    /// the location is HTTP(S).
    RedirectScheme => "redirect-scheme",
    /// at most 20 redirects.
    RedirectLimit => "redirect-limit",
    /// no username/password in a cross-origin location.
    RedirectCredentials => "redirect-credentials",
    /// 301/302 POST → GET, 303 → GET (informational).
    RedirectMethodRewrite => "redirect-method-rewrite",
    /// `Authorization` dropped on a cross-origin redirect (informational).
    RedirectAuthorizationDropped => "redirect-authorization-dropped",
    /// OH-2: after a cross-origin hop the `Origin` becomes `null` (informational).
    RedirectTaint => "redirect-taint",
}

impl std::fmt::Display for CheckId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// The name of a value recorded by a check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Key {
    /// The page's serialized origin (`null` for opaque).
    PageOrigin,
    /// The URL's serialized origin.
    UrlOrigin,
    /// The serialized origin sent in the `Origin` header.
    SentOrigin,
    /// The URL being fetched.
    Url,
    /// The URL first requested (before redirects).
    InitialUrl,
    /// The method (as normalized).
    Method,
    /// The method as the script wrote it.
    WrittenMethod,
    /// A header name.
    Header,
    /// A header value (as received or as set).
    Value,
    /// The HTTP status.
    Status,
    /// The allowed list (ACAM/ACAH/ACEH) as parsed.
    Allowed,
    /// Which part differs: `scheme`, `host`, `port` or a combination.
    Differs,
    /// A reason code (e.g. `value-too-long`, `unsafe-byte`, `mime-type`).
    Reason,
    /// A scheme.
    Scheme,
    /// A port.
    Port,
    /// A number of seconds.
    Seconds,
    /// A browser cap in seconds.
    Cap,
    /// A count (redirects, bytes).
    Count,
    /// A network error kind.
    ErrorKind,
    /// A redirect location.
    Location,
    /// The credentials mode.
    CredentialsMode,
    /// The request mode.
    Mode,
    /// A comma-separated list of names (e.g. the CORS-unsafe request-header names).
    Names,
    /// An address space (`public`, `private`, `local`, `loopback`).
    AddressSpace,
    /// The target's address space.
    TargetAddressSpace,
    /// A header name as the script wrote it (WebKit's console keeps the page's case).
    WrittenHeader,
    /// The page's URL as parsed (its origin and `/` when the scenario names only the origin); absent for
    /// an opaque page without a URL.
    PageUrl,
}

impl Key {
    /// The stable kebab-case name, as serialized (`page-origin`, `sent-origin`…), without serde.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Key::PageOrigin => "page-origin",
            Key::UrlOrigin => "url-origin",
            Key::SentOrigin => "sent-origin",
            Key::Url => "url",
            Key::InitialUrl => "initial-url",
            Key::Method => "method",
            Key::WrittenMethod => "written-method",
            Key::Header => "header",
            Key::Value => "value",
            Key::Status => "status",
            Key::Allowed => "allowed",
            Key::Differs => "differs",
            Key::Reason => "reason",
            Key::Scheme => "scheme",
            Key::Port => "port",
            Key::Seconds => "seconds",
            Key::Cap => "cap",
            Key::Count => "count",
            Key::ErrorKind => "error-kind",
            Key::Location => "location",
            Key::CredentialsMode => "credentials-mode",
            Key::Mode => "mode",
            Key::Names => "names",
            Key::AddressSpace => "address-space",
            Key::TargetAddressSpace => "target-address-space",
            Key::WrittenHeader => "written-header",
            Key::PageUrl => "page-url",
        }
    }
}

/// Whether a check passed, failed, or only records a fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StepOutcome {
    /// The check passed.
    Pass,
    /// The check failed; a failed step ends the fetch unless it is informational.
    Fail,
    /// A fact worth explaining (a header dropped, a redirect rewrote the method…).
    Info,
}

/// One check the browser made, as data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraceStep {
    /// Which check.
    pub check: CheckId,
    /// Where in the fetch.
    pub stage: Stage,
    /// Passed, failed or informational.
    pub outcome: StepOutcome,
    /// The values compared, in a stable order.
    pub values: Vec<(Key, String)>,
}

impl TraceStep {
    /// The first value recorded under `key`.
    #[must_use]
    pub fn value(&self, key: Key) -> Option<&str> {
        self.values
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Key;

    #[test]
    fn key_ids_match_their_serialized_names() {
        for key in [
            Key::PageOrigin,
            Key::SentOrigin,
            Key::WrittenHeader,
            Key::TargetAddressSpace,
            Key::Url,
            Key::Cap,
            Key::PageUrl,
        ] {
            assert_eq!(
                serde_json::to_value(key).unwrap(),
                serde_json::Value::String(key.id().to_owned())
            );
        }
    }
}
