//! Request headers the browser adds on its own.
//!
//! Not a Fetch definition: these are the headers a browser's network stack writes into a request
//! without the script asking (<https://fetch.spec.whatwg.org/#http-network-or-cache-fetch> appends
//! `Accept`, `Accept-Language`, `Accept-Encoding`, `User-Agent`, `Cache-Control`/`Pragma` for some cache
//! modes, `Referer`; the connection layer adds `Host`, `Connection`, `Content-Length`). A capture of
//! the request cannot tell whether the script also set one of them, so tools that read captures
//! (`cors-diagnose`) or compare them (`cors-lab`) treat them as the browser's. One list, here.

/// The browser-managed request-header names, lower case, sorted.
pub const BROWSER_MANAGED_REQUEST_HEADERS: [&str; 14] = [
    "accept",
    "accept-encoding",
    "accept-language",
    "cache-control",
    "connection",
    "content-length",
    "host",
    "if-modified-since",
    "if-none-match",
    "keep-alive",
    "pragma",
    "priority",
    "referer",
    "user-agent",
];

/// Whether the browser writes this request header on its own (name compared ASCII case-insensitively).
#[must_use]
pub fn is_browser_managed_request_header_name(name: &str) -> bool {
    BROWSER_MANAGED_REQUEST_HEADERS
        .iter()
        .any(|managed| managed.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_and_lower_case() {
        let mut sorted = BROWSER_MANAGED_REQUEST_HEADERS;
        sorted.sort_unstable();
        assert_eq!(sorted, BROWSER_MANAGED_REQUEST_HEADERS);
        assert!(BROWSER_MANAGED_REQUEST_HEADERS
            .iter()
            .all(|n| n.bytes().all(|b| !b.is_ascii_uppercase())));
    }

    #[test]
    fn names_match_in_any_case() {
        assert!(is_browser_managed_request_header_name("User-Agent"));
        assert!(!is_browser_managed_request_header_name("X-Api-Key"));
    }
}
