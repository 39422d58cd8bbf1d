//! The link into the standard for each check. Anchors checked against whatwg/fetch `fetch.bs` at
//! commit 586cd2a (2026-07-02); Local Network Access and Mixed Content live in their own specs.

use crate::trace::CheckId;

/// A link to an anchor of the Fetch standard, as a constant.
macro_rules! fetch {
    ($id:literal) => {
        concat!("https://fetch.spec.whatwg.org/#", $id)
    };
}

/// The page of the standard that defines `check`.
pub(crate) fn spec_link(check: CheckId) -> &'static str {
    use CheckId as C;
    match check {
        C::MethodToken => fetch!("concept-method"),
        C::ForbiddenMethod => fetch!("forbidden-method"),
        C::MethodNormalize => fetch!("concept-method-normalize"),
        C::UrlCredentials => fetch!("dom-request"),
        C::HeaderSyntax => fetch!("concept-header-value"),
        C::NoCorsMethod => fetch!("dom-request"),
        C::ForbiddenHeader => fetch!("forbidden-request-header"),
        C::NoCorsHeader => fetch!("no-cors-safelisted-request-header"),
        C::SameOrigin => fetch!("main-fetch"),
        C::BadPort => fetch!("port-blocking"),
        C::MixedContent => "https://w3c.github.io/webappsec-mixed-content/#should-block-fetch",
        C::LocalNetworkAccess | C::AllowPrivateNetwork => {
            "https://wicg.github.io/local-network-access/"
        }
        C::DataUrl | C::SameOriginMode | C::NoCorsRedirectMode | C::CorsScheme => {
            fetch!("main-fetch")
        }
        C::SafelistedHeader => fetch!("cors-safelisted-request-header"),
        C::SafelistedTotal => fetch!("cors-unsafe-request-header-names"),
        C::PreflightNeeded => fetch!("cors-preflight-fetch-0"),
        C::PreflightCache | C::MaxAge => fetch!("cors-preflight-cache"),
        C::Credentials => fetch!("concept-request-credentials-mode"),
        C::OriginHeader => fetch!("origin-header"),
        C::PreflightNetworkError | C::PreflightRedirect | C::PreflightOkStatus => {
            fetch!("cors-preflight-fetch-0")
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
        | C::AllowOriginMismatch => fetch!("concept-cors-check"),
        C::PreflightAllowCredentials | C::AllowCredentials => {
            fetch!("cors-protocol-and-credentials")
        }
        C::AllowMethodsParse => fetch!("http-access-control-allow-methods"),
        C::AllowHeadersParse => fetch!("http-access-control-allow-headers"),
        C::MethodAllowed | C::HeaderAllowed => fetch!("cors-preflight-fetch-0"),
        C::AuthorizationAllowed => fetch!("cors-non-wildcard-request-header-name"),
        C::NetworkError => fetch!("concept-network-error"),
        C::HttpStatus => fetch!("ok-status"),
        C::CrossOriginResourcePolicy => fetch!("cross-origin-resource-policy-check"),
        C::ExposeHeaders => fetch!("cors-safelisted-response-header-name"),
        C::ResponseTainting => fetch!("concept-request-response-tainting"),
        C::RedirectTaint => fetch!("concept-request-tainted-origin"),
        C::RedirectMode
        | C::RedirectLocation
        | C::RedirectScheme
        | C::RedirectLimit
        | C::RedirectCredentials
        | C::RedirectMethodRewrite
        | C::RedirectAuthorizationDropped => fetch!("http-redirect-fetch"),
        #[allow(unreachable_patterns)]
        _ => fetch!("http-cors-protocol"),
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
