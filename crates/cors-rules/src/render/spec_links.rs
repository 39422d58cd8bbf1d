//! The link into the standard for each check. Anchors checked against whatwg/fetch `fetch.bs` at
//! commit 586cd2a (2026-07-02); Local Network Access and Mixed Content live in their own specs.

use crate::trace::CheckId;

const FETCH: &str = "https://fetch.spec.whatwg.org/";

/// The page of the standard that defines `check`.
pub(crate) fn spec_link(check: CheckId) -> String {
    match anchor(check) {
        Anchor::Fetch(id) => format!("{FETCH}#{id}"),
        Anchor::Elsewhere(url) => url.to_owned(),
    }
}

enum Anchor {
    /// An id in the Fetch standard.
    Fetch(&'static str),
    /// A full URL in another specification.
    Elsewhere(&'static str),
}

fn anchor(check: CheckId) -> Anchor {
    use Anchor::{Elsewhere, Fetch};
    use CheckId as C;
    match check {
        C::MethodToken => Fetch("concept-method"),
        C::ForbiddenMethod => Fetch("forbidden-method"),
        C::MethodNormalize => Fetch("concept-method-normalize"),
        C::UrlCredentials => Fetch("dom-request"),
        C::HeaderSyntax => Fetch("concept-header-value"),
        C::NoCorsMethod => Fetch("dom-request"),
        C::ForbiddenHeader => Fetch("forbidden-request-header"),
        C::NoCorsHeader => Fetch("no-cors-safelisted-request-header"),
        C::SameOrigin => Fetch("main-fetch"),
        C::BadPort => Fetch("port-blocking"),
        C::MixedContent => {
            Elsewhere("https://w3c.github.io/webappsec-mixed-content/#should-block-fetch")
        }
        C::LocalNetworkAccess | C::AllowPrivateNetwork => {
            Elsewhere("https://wicg.github.io/local-network-access/")
        }
        C::DataUrl | C::SameOriginMode | C::NoCorsRedirectMode | C::CorsScheme => {
            Fetch("main-fetch")
        }
        C::SafelistedHeader => Fetch("cors-safelisted-request-header"),
        C::SafelistedTotal => Fetch("cors-unsafe-request-header-names"),
        C::PreflightNeeded => Fetch("cors-preflight-fetch-0"),
        C::PreflightCache | C::MaxAge => Fetch("cors-preflight-cache"),
        C::Credentials => Fetch("concept-request-credentials-mode"),
        C::OriginHeader => Fetch("origin-header"),
        C::PreflightNetworkError | C::PreflightRedirect | C::PreflightOkStatus => {
            Fetch("cors-preflight-fetch-0")
        }
        C::PreflightAllowOriginMissing
        | C::PreflightAllowOriginMultiple
        | C::PreflightAllowOriginInvalid
        | C::PreflightAllowOriginWildcard
        | C::PreflightAllowOriginMismatch
        | C::AllowOriginMissing
        | C::AllowOriginMultiple
        | C::AllowOriginInvalid
        | C::AllowOriginWildcard
        | C::AllowOriginMismatch => Fetch("concept-cors-check"),
        C::PreflightAllowCredentials | C::AllowCredentials => {
            Fetch("cors-protocol-and-credentials")
        }
        C::AllowMethodsParse => Fetch("http-access-control-allow-methods"),
        C::AllowHeadersParse => Fetch("http-access-control-allow-headers"),
        C::MethodAllowed | C::HeaderAllowed => Fetch("cors-preflight-fetch-0"),
        C::AuthorizationAllowed => Fetch("cors-non-wildcard-request-header-name"),
        C::NetworkError => Fetch("concept-network-error"),
        C::HttpStatus => Fetch("ok-status"),
        C::CrossOriginResourcePolicy => Fetch("cross-origin-resource-policy-check"),
        C::ExposeHeaders => Fetch("cors-safelisted-response-header-name"),
        C::ResponseTainting => Fetch("concept-request-response-tainting"),
        C::RedirectTaint => Fetch("concept-request-tainted-origin"),
        C::RedirectMode
        | C::RedirectLocation
        | C::RedirectScheme
        | C::RedirectLimit
        | C::RedirectCredentials
        | C::RedirectMethodRewrite
        | C::RedirectAuthorizationDropped => Fetch("http-redirect-fetch"),
        #[allow(unreachable_patterns)]
        _ => Fetch("http-cors-protocol"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_links_into_a_specification() {
        for &check in CheckId::ALL {
            let link = spec_link(check);
            assert!(link.starts_with("https://"), "{check}: {link}");
        }
    }

    #[test]
    fn the_cors_check_links_to_its_definition() {
        assert_eq!(
            spec_link(CheckId::AllowOriginMismatch),
            "https://fetch.spec.whatwg.org/#concept-cors-check"
        );
        assert_eq!(
            spec_link(CheckId::PreflightOkStatus),
            "https://fetch.spec.whatwg.org/#cors-preflight-fetch-0"
        );
    }
}
