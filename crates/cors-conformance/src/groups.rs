//! The rule groups of `docs/reference/fetch-cors-rules.md` that generated scenarios exercise.

use serde::{Deserialize, Serialize};

/// A group of Fetch CORS rules, named by the id prefix the rules reference uses (`O-*`, `P-*`, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RuleGroup {
    /// O-*: origins (host, port, default port, opaque `null` pages).
    #[serde(rename = "O")]
    Origins,
    /// M-*: methods (safelisted, lowercase, unusual tokens, forbidden, invalid).
    #[serde(rename = "M")]
    Methods,
    /// H-*: header-list parsing of response headers (`#` lists, duplicates, invalid tokens).
    #[serde(rename = "H")]
    HeaderLists,
    /// F-*: forbidden request headers, silently dropped.
    #[serde(rename = "F")]
    ForbiddenHeaders,
    /// S-*: CORS-safelisted request headers and their value edges.
    #[serde(rename = "S")]
    SafelistedHeaders,
    /// Q-*: request construction errors (`request-error`).
    #[serde(rename = "Q")]
    RequestConstruction,
    /// T-*: main fetch's mode and tainting decisions.
    #[serde(rename = "T")]
    Tainting,
    /// OH-*: the `Origin` header, including redirect taint.
    #[serde(rename = "OH")]
    OriginHeader,
    /// P-*: the CORS preflight.
    #[serde(rename = "P")]
    Preflight,
    /// C-*: preflight cache headers (`Access-Control-Max-Age` shapes).
    #[serde(rename = "C")]
    PreflightCache,
    /// K-*: the CORS check (`Access-Control-Allow-Origin`, `-Credentials`).
    #[serde(rename = "K")]
    CorsCheck,
    /// E-*: response headers exposed to script.
    #[serde(rename = "E")]
    ExposedHeaders,
    /// CR-*: credentials modes.
    #[serde(rename = "CR")]
    Credentials,
    /// R-*: redirects, including redirected preflights.
    #[serde(rename = "R")]
    Redirects,
    /// N-*: `no-cors` mode.
    #[serde(rename = "N")]
    NoCors,
    /// SO-*: `same-origin` mode.
    #[serde(rename = "SO")]
    SameOriginMode,
    /// U-*: the use-CORS-preflight flag (XHR upload listeners).
    #[serde(rename = "U")]
    PreflightFlag,
    /// CORP-*: `Cross-Origin-Resource-Policy` on no-cors responses.
    #[serde(rename = "CORP")]
    Corp,
    /// opaque-origin (sandboxed) pages.
    #[serde(rename = "X")]
    OpaquePages,
    /// The XMLHttpRequest API (as opposed to `fetch()`).
    #[serde(rename = "XHR")]
    Xhr,
}

impl RuleGroup {
    /// Every group the generator must cover.
    pub const ALL: [RuleGroup; 20] = [
        RuleGroup::Origins,
        RuleGroup::Methods,
        RuleGroup::HeaderLists,
        RuleGroup::ForbiddenHeaders,
        RuleGroup::SafelistedHeaders,
        RuleGroup::RequestConstruction,
        RuleGroup::Tainting,
        RuleGroup::OriginHeader,
        RuleGroup::Preflight,
        RuleGroup::PreflightCache,
        RuleGroup::CorsCheck,
        RuleGroup::ExposedHeaders,
        RuleGroup::Credentials,
        RuleGroup::Redirects,
        RuleGroup::NoCors,
        RuleGroup::SameOriginMode,
        RuleGroup::PreflightFlag,
        RuleGroup::Corp,
        RuleGroup::OpaquePages,
        RuleGroup::Xhr,
    ];

    /// The id prefix used in the rules reference.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            RuleGroup::Origins => "O",
            RuleGroup::Methods => "M",
            RuleGroup::HeaderLists => "H",
            RuleGroup::ForbiddenHeaders => "F",
            RuleGroup::SafelistedHeaders => "S",
            RuleGroup::RequestConstruction => "Q",
            RuleGroup::Tainting => "T",
            RuleGroup::OriginHeader => "OH",
            RuleGroup::Preflight => "P",
            RuleGroup::PreflightCache => "C",
            RuleGroup::CorsCheck => "K",
            RuleGroup::ExposedHeaders => "E",
            RuleGroup::Credentials => "CR",
            RuleGroup::Redirects => "R",
            RuleGroup::NoCors => "N",
            RuleGroup::SameOriginMode => "SO",
            RuleGroup::PreflightFlag => "U",
            RuleGroup::Corp => "CORP",
            RuleGroup::OpaquePages => "X",
            RuleGroup::Xhr => "XHR",
        }
    }

    /// A short name for reports.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            RuleGroup::Origins => "origins",
            RuleGroup::Methods => "methods",
            RuleGroup::HeaderLists => "response header lists",
            RuleGroup::ForbiddenHeaders => "forbidden request headers",
            RuleGroup::SafelistedHeaders => "safelisted request headers",
            RuleGroup::RequestConstruction => "request construction",
            RuleGroup::Tainting => "mode and tainting",
            RuleGroup::OriginHeader => "Origin header",
            RuleGroup::Preflight => "preflight",
            RuleGroup::PreflightCache => "Max-Age shapes",
            RuleGroup::CorsCheck => "CORS check",
            RuleGroup::ExposedHeaders => "exposed headers",
            RuleGroup::Credentials => "credentials modes",
            RuleGroup::Redirects => "redirects",
            RuleGroup::NoCors => "no-cors",
            RuleGroup::SameOriginMode => "same-origin mode",
            RuleGroup::PreflightFlag => "use-CORS-preflight flag",
            RuleGroup::Corp => "Cross-Origin-Resource-Policy",
            RuleGroup::OpaquePages => "opaque-origin pages",
            RuleGroup::Xhr => "XMLHttpRequest",
        }
    }
}
