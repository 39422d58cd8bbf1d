//! Methods (<https://fetch.spec.whatwg.org/#methods>, rules M-1…M-6).

use crate::header_list::is_token;

/// <https://fetch.spec.whatwg.org/#concept-method> (M-1): a method is a `token`.
#[must_use]
pub fn is_method(method: &str) -> bool {
    is_token(method.as_bytes())
}

/// <https://fetch.spec.whatwg.org/#forbidden-method> (M-3): `CONNECT`, `TRACE` or `TRACK`,
/// byte-case-insensitively.
#[must_use]
pub fn is_forbidden_method(method: &[u8]) -> bool {
    [&b"CONNECT"[..], b"TRACE", b"TRACK"]
        .iter()
        .any(|m| m.eq_ignore_ascii_case(method))
}

/// <https://fetch.spec.whatwg.org/#cors-safelisted-method> (M-2): `GET`, `HEAD` or `POST`, byte-exact.
#[must_use]
pub fn is_cors_safelisted_method(method: &str) -> bool {
    matches!(method, "GET" | "HEAD" | "POST")
}

/// <https://fetch.spec.whatwg.org/#concept-method-normalize> (M-4): "byte-uppercase it if it is a
/// byte-case-insensitive match for `DELETE`, `GET`, `HEAD`, `OPTIONS`, `POST`, or `PUT`"; anything else
/// keeps its case (`patch` stays `patch`).
#[must_use]
pub fn normalize_method(method: &str) -> String {
    const NORMALIZED: [&str; 6] = ["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"];
    match NORMALIZED.iter().find(|m| m.eq_ignore_ascii_case(method)) {
        Some(upper) => (*upper).to_owned(),
        None => method.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_six_methods_are_uppercased() {
        assert_eq!(normalize_method("get"), "GET");
        assert_eq!(normalize_method("dElEtE"), "DELETE");
        assert_eq!(normalize_method("patch"), "patch");
        assert_eq!(normalize_method("patcH"), "patcH");
        assert_eq!(normalize_method("chicken"), "chicken");
    }

    #[test]
    fn forbidden_methods_match_case_insensitively() {
        assert!(is_forbidden_method(b"connect"));
        assert!(is_forbidden_method(b"TrAcK"));
        assert!(!is_forbidden_method(b"TRACES"));
    }

    #[test]
    fn methods_are_tokens() {
        assert!(is_method("PATCH"));
        assert!(is_method("'x'"));
        assert!(!is_method("GET POST"));
        assert!(!is_method(""));
        assert!(!is_method("GÉT"));
    }
}
