//! `Cross-Origin-Resource-Policy` on `no-cors` responses
//! (<https://fetch.spec.whatwg.org/#cross-origin-resource-policy-header>, rules CORP-1…CORP-6).
//! COEP is not modelled (a page without `Cross-Origin-Embedder-Policy`).

use url::Url;

use crate::header_list::get;
use crate::origin::Origin;
use crate::quirks::CorpSameSite;
use crate::scenario::HeaderPair;

/// Why CORP blocks a response.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CorpBlock {
    /// CORP-3: `same-origin` and the response URL is not same origin with the page.
    SameOrigin,
    /// CORP-4: `same-site` and the page is not same site (or http page, https response).
    SameSite,
}

/// <https://fetch.spec.whatwg.org/#cross-origin-resource-policy-internal-check> for a page without COEP.
///
/// # Errors
/// Why the response is blocked.
pub fn cross_origin_resource_policy_check(
    page: &Origin,
    url: &Url,
    headers: &[HeaderPair],
) -> Result<(), CorpBlock> {
    cross_origin_resource_policy_check_in(page, url, headers, CorpSameSite::HostSameSite)
}

/// [`cross_origin_resource_policy_check`] with the browser's notion of `same-site`.
///
/// # Errors
/// Why the response is blocked.
pub fn cross_origin_resource_policy_check_in(
    page: &Origin,
    url: &Url,
    headers: &[HeaderPair],
    same_site: CorpSameSite,
) -> Result<(), CorpBlock> {
    // CORP-2: "Let policy be the result of getting `Cross-Origin-Resource-Policy`"; anything but the three
    // exact tokens is null, which allows.
    let policy = get(headers, "cross-origin-resource-policy");
    let target = Origin::of_url(url);
    match policy.as_deref() {
        // "If policy is `same-origin`, then return blocked" unless same origin.
        Some("same-origin") if !page.is_same_origin(&target) => Err(CorpBlock::SameOrigin),
        // "If policy is `same-site` and ... the origin's scheme is "https" or response's URL's scheme is not
        // "https", then return allowed. Return blocked."
        Some("same-site") => {
            let https_ok = page.scheme() == Some("https") || url.scheme() != "https";
            // Deviation(Chrome): IP-address hosts are never same site, unless same origin.
            let ip_address = |origin: &Origin| match origin {
                Origin::Tuple { host, .. } => {
                    host.starts_with('[') || host.parse::<std::net::Ipv4Addr>().is_ok()
                }
                Origin::Opaque => false,
            };
            let chromium_excluded = same_site == CorpSameSite::NeverForIpAddresses
                && !page.is_same_origin(&target)
                && (ip_address(page) || ip_address(&target));
            if page.is_schemelessly_same_site(&target) && https_ok && !chromium_excluded {
                Ok(())
            } else {
                Err(CorpBlock::SameSite)
            }
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(page: &str, url: &str, value: &str) -> Result<(), CorpBlock> {
        let headers = vec![("Cross-Origin-Resource-Policy".to_owned(), value.to_owned())];
        cross_origin_resource_policy_check(
            &Origin::of_url(&Url::parse(page).unwrap()),
            &Url::parse(url).unwrap(),
            &headers,
        )
    }

    #[test]
    fn same_site_blocks_http_page_reading_https() {
        assert_eq!(
            check(
                "http://a.example.com",
                "https://b.example.com/",
                "same-site"
            ),
            Err(CorpBlock::SameSite)
        );
        assert_eq!(
            check(
                "https://a.example.com",
                "https://b.example.com/",
                "same-site"
            ),
            Ok(())
        );
    }

    #[test]
    fn only_exact_tokens_count() {
        assert_eq!(
            check("https://a.example", "https://b.example/", "SAME-ORIGIN"),
            Ok(())
        );
        assert_eq!(
            check("https://a.example", "https://b.example/", "same-origin"),
            Err(CorpBlock::SameOrigin)
        );
    }
}
