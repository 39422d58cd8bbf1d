//! Deviation(Safari): the order in which WebKit checks a request's headers against a preflight's
//! `Access-Control-Allow-Headers`, so which name a failed preflight reports when several are disallowed.
//!
//! WebKit keeps request headers in an `HTTPHeaderMap`: names it knows (`HTTPHeaderNames.in`) in one list,
//! the others in a second, each in the order the script added them, and walks the first list before the
//! second. So `X-A` is reported after `Cache-Control` whatever their order, and among unknown names the
//! first one set wins (observed in WebKitGTK 2.50: `Range`, `DPR`, `Device-Memory` → `DPR`).

/// Request-header names in WebKit's `HTTPHeaderNames.in`, spelled as WebKit prints them; the response-only
/// names of that file are left out, as they never reach a preflight check.
const KNOWN: [&str; 37] = [
    "Accept",
    "Accept-Charset",
    "Accept-Encoding",
    "Accept-Language",
    "Access-Control-Request-Headers",
    "Access-Control-Request-Method",
    "Authorization",
    "Cache-Control",
    "Connection",
    "Content-Disposition",
    "Content-Encoding",
    "Content-Language",
    "Content-Length",
    "Content-Range",
    "Content-Type",
    "Cookie",
    "Cookie2",
    "DNT",
    "Expect",
    "Host",
    "If-Match",
    "If-Modified-Since",
    "If-None-Match",
    "If-Range",
    "If-Unmodified-Since",
    "Keep-Alive",
    "Last-Event-ID",
    "Origin",
    "Ping-From",
    "Ping-To",
    "Pragma",
    "Proxy-Authorization",
    "Purpose",
    "Range",
    "Referer",
    "Upgrade-Insecure-Requests",
    "User-Agent",
];

/// The spelling WebKit gives a known name (`content-TYPE` → `Content-Type`); `None` for the others, which
/// keep the script's spelling.
fn known_spelling(name: &str) -> Option<&'static str> {
    KNOWN
        .iter()
        .copied()
        .find(|known| known.eq_ignore_ascii_case(name))
}

/// Whether WebKit stores `name` among the header names it knows.
fn is_known(name: &str) -> bool {
    known_spelling(name).is_some()
}

/// How WebKit's console names a request header the script set as `written` (observed in WebKitGTK 2.50:
/// `content-TYPE` is reported as `Content-Type`).
pub(crate) fn webkit_header_spelling(written: &str) -> &str {
    known_spelling(written).unwrap_or(written)
}

/// The script's header names (distinct, byte-case-insensitively) in the order WebKit checks them.
pub(crate) fn webkit_header_order<'a>(script: &[&'a str]) -> Vec<&'a str> {
    let mut distinct: Vec<&'a str> = Vec::with_capacity(script.len());
    for name in script {
        if !distinct.iter().any(|d| d.eq_ignore_ascii_case(name)) {
            distinct.push(name);
        }
    }
    let (mut known, unknown): (Vec<&str>, Vec<&str>) =
        distinct.into_iter().partition(|name| is_known(name));
    known.extend(unknown);
    known
}

#[cfg(test)]
mod tests {
    use super::webkit_header_order;

    #[test]
    fn unknown_names_keep_the_order_they_were_set_in() {
        assert_eq!(
            webkit_header_order(&["Range", "DPR", "Device-Memory"]),
            ["Range", "DPR", "Device-Memory"]
        );
        assert_eq!(webkit_header_order(&["X-B", "X-A"]), ["X-B", "X-A"]);
    }

    #[test]
    fn known_names_come_before_the_others() {
        assert_eq!(
            webkit_header_order(&["X-Custom", "Cache-Control", "x-a", "Authorization"]),
            ["Cache-Control", "Authorization", "X-Custom", "x-a"]
        );
    }

    #[test]
    fn known_names_are_spelled_as_webkit_spells_them() {
        assert_eq!(
            super::webkit_header_spelling("content-TYPE"),
            "Content-Type"
        );
        assert_eq!(super::webkit_header_spelling("dnt"), "DNT");
        assert_eq!(super::webkit_header_spelling("x-CUSTOM"), "x-CUSTOM");
    }

    #[test]
    fn a_name_set_twice_counts_once_where_it_was_first_set() {
        assert_eq!(webkit_header_order(&["X-A", "DPR", "x-a"]), ["X-A", "DPR"]);
    }
}
