//! Mixed content: an https page may not fetch a URL that is not potentially trustworthy
//! (<https://w3c.github.io/webappsec-mixed-content/>, rules MX-1…MX-5).

use url::{Host, Url};

use crate::origin::Origin;

/// MX-1: does the page restrict mixed content? Modelled as "the page's origin is https" (Chromium
/// `ShouldTreatURLSchemeAsRestrictingMixedContent`); an opaque page is not known to be secure and is not
/// restricted here.
#[must_use]
pub fn restricts_mixed_content(page: &Origin) -> bool {
    matches!(page.scheme(), Some("https" | "wss"))
}

/// MX-3: <https://w3c.github.io/webappsec-secure-contexts/#is-url-trustworthy>: https/wss, data:, and
/// loopback hosts (`127.0.0.0/8`, `::1`, `localhost`, `*.localhost`).
#[must_use]
pub fn is_potentially_trustworthy_url(url: &Url) -> bool {
    match url.scheme() {
        "https" | "wss" | "data" | "about" | "blob" | "file" => true,
        _ => url.host().is_some_and(|host| is_loopback_host(&host)),
    }
}

/// A loopback host: `127.0.0.0/8`, `::1`, `localhost` or a name under `.localhost`.
#[must_use]
pub fn is_loopback_host(host: &Host<&str>) -> bool {
    match host {
        Host::Ipv4(ip) => ip.is_loopback(),
        Host::Ipv6(ip) => ip.is_loopback(),
        Host::Domain(name) => {
            let name = name.trim_end_matches('.');
            name == "localhost" || name.ends_with(".localhost")
        }
    }
}

/// MX-1, MX-4: "Should fetching request be blocked as mixed content?" for a `fetch()`/XHR request
/// (blockable content; nothing is auto-upgraded, MX-2). Only network schemes (`http`, `ws`) can be mixed
/// content; other schemes never reach the network (T-7).
#[must_use]
pub fn is_blocked_as_mixed_content(page: &Origin, url: &Url) -> bool {
    restricts_mixed_content(page)
        && matches!(url.scheme(), "http" | "ws")
        && !is_potentially_trustworthy_url(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocked(page: &str, url: &str) -> bool {
        is_blocked_as_mixed_content(
            &Origin::of_url(&Url::parse(page).unwrap()),
            &Url::parse(url).unwrap(),
        )
    }

    #[test]
    fn https_page_cannot_fetch_plain_http() {
        assert!(blocked("https://app.example", "http://api.example/"));
        assert!(!blocked("http://app.example", "http://api.example/"));
        assert!(!blocked("https://app.example", "https://api.example/"));
    }

    #[test]
    fn loopback_is_potentially_trustworthy() {
        assert!(!blocked("https://app.example", "http://127.0.0.1:8080/"));
        assert!(!blocked("https://app.example", "http://localhost/"));
        assert!(!blocked("https://app.example", "http://api.localhost/"));
        assert!(!blocked("https://app.example", "http://[::1]/"));
        assert!(blocked("https://app.example", "http://192.168.1.1/"));
    }
}
