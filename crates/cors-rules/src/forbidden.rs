//! Forbidden request-headers and response-header names
//! (<https://fetch.spec.whatwg.org/#forbidden-request-header>, rules F-1…F-8).

use crate::method::is_forbidden_method;
use crate::quirks::{Quirks, UserAgentHeader};

/// Why a request header is forbidden (F-1…F-3); the browser then drops it silently (F-4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ForbiddenReason {
    /// F-1: the name is on the forbidden list (`Cookie`, `Host`, `Origin`, …).
    ForbiddenName,
    /// F-2: the name starts with `Proxy-`.
    ProxyPrefix,
    /// F-2: the name starts with `Sec-`.
    SecPrefix,
    /// F-3: a method-override header naming a forbidden method.
    MethodOverride,
}

impl ForbiddenReason {
    /// The reason code recorded in the trace.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            ForbiddenReason::ForbiddenName => "forbidden-name",
            ForbiddenReason::ProxyPrefix => "proxy-prefix",
            ForbiddenReason::SecPrefix => "sec-prefix",
            ForbiddenReason::MethodOverride => "method-override",
        }
    }
}

/// F-1: the forbidden request-header names, lower-case.
const FORBIDDEN_NAMES: [&str; 21] = [
    "accept-charset",
    "accept-encoding",
    "access-control-request-headers",
    "access-control-request-method",
    "connection",
    "content-length",
    "cookie",
    "cookie2",
    "date",
    "dnt",
    "expect",
    "host",
    "keep-alive",
    "origin",
    "referer",
    "set-cookie",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "via",
];

/// F-3: the method-override header names.
const METHOD_OVERRIDE_NAMES: [&str; 3] = [
    "x-http-method",
    "x-http-method-override",
    "x-method-override",
];

/// <https://fetch.spec.whatwg.org/#forbidden-request-header> (F-1…F-3): why `(name, value)` is a forbidden
/// request-header, or `None` when it may be set.
#[must_use]
pub fn forbidden_request_header(name: &str, value: &[u8]) -> Option<ForbiddenReason> {
    let lower = name.to_ascii_lowercase();
    if FORBIDDEN_NAMES.contains(&lower.as_str()) {
        return Some(ForbiddenReason::ForbiddenName);
    }
    // "If name when byte-lowercased starts with `proxy-` or `sec-`, then return true."
    if lower.starts_with("proxy-") {
        return Some(ForbiddenReason::ProxyPrefix);
    }
    if lower.starts_with("sec-") {
        return Some(ForbiddenReason::SecPrefix);
    }
    // "If name is a byte-case-insensitive match for one of `X-HTTP-Method`, `X-HTTP-Method-Override`, or
    // `X-Method-Override`, then: let parsedValues be the result of getting, decoding, and splitting
    // value; for each method of parsedValues: if the isomorphic encoding of method is a forbidden method,
    // then return true."
    if METHOD_OVERRIDE_NAMES.contains(&lower.as_str())
        && get_decode_split(value)
            .iter()
            .any(|m| m.chars().all(|c| u32::from(c) <= 0xFF) && is_forbidden_method(m.as_bytes()))
    {
        return Some(ForbiddenReason::MethodOverride);
    }
    None
}

/// [`forbidden_request_header`] as the chosen browser applies it: the standard's list plus the names the
/// browser forbids on its own (F-7).
#[must_use]
pub fn forbidden_request_header_in(
    name: &str,
    value: &[u8],
    quirks: &Quirks,
) -> Option<ForbiddenReason> {
    // Deviation(Chrome): `User-Agent` is dropped like a forbidden name.
    if quirks.user_agent_header == UserAgentHeader::Forbidden
        && name.eq_ignore_ascii_case("user-agent")
    {
        return Some(ForbiddenReason::ForbiddenName);
    }
    forbidden_request_header(name, value)
}

/// <https://fetch.spec.whatwg.org/#forbidden-response-header-name> (F-5): `Set-Cookie`, `Set-Cookie2`.
#[must_use]
pub fn is_forbidden_response_header_name(name: &str) -> bool {
    name.eq_ignore_ascii_case("set-cookie") || name.eq_ignore_ascii_case("set-cookie2")
}

/// <https://fetch.spec.whatwg.org/#request-body-header-name> (F-6).
#[must_use]
pub fn is_request_body_header_name(name: &str) -> bool {
    [
        "content-encoding",
        "content-language",
        "content-location",
        "content-type",
    ]
    .iter()
    .any(|n| n.eq_ignore_ascii_case(name))
}

/// <https://fetch.spec.whatwg.org/#header-value-get-decode-and-split> (H-5): split the isomorphic-decoded
/// value on `,` outside quoted strings, trimming tab/space around each element.
#[must_use]
pub fn get_decode_split(value: &[u8]) -> Vec<String> {
    let input: Vec<char> = value.iter().map(|&b| char::from(b)).collect();
    let mut position = 0;
    let mut values = Vec::new();
    let mut temporary = String::new();
    loop {
        // "Append the result of collecting a sequence of code points that are not U+0022 (") or U+002C (,)"
        while position < input.len() && input[position] != '"' && input[position] != ',' {
            temporary.push(input[position]);
            position += 1;
        }
        // "If position is not past the end of input and the code point at position is U+0022 (")"
        if position < input.len() && input[position] == '"' {
            let start = position;
            position = collect_http_quoted_string(&input, position);
            temporary.extend(&input[start..position]);
            if position < input.len() {
                continue;
            }
        }
        // "Remove all HTTP tab or space from the start and end of temporaryValue."
        values.push(temporary.trim_matches(|c| c == ' ' || c == '\t').to_owned());
        temporary.clear();
        if position >= input.len() {
            return values;
        }
        // "Assert: the code point at position within input is U+002C (,). Advance position by 1."
        position += 1;
    }
}

/// <https://fetch.spec.whatwg.org/#collect-an-http-quoted-string> without the extract-value flag:
/// returns the position after the quoted string (the caller keeps the raw code points).
fn collect_http_quoted_string(input: &[char], mut position: usize) -> usize {
    position += 1; // the opening U+0022
    loop {
        while position < input.len() && input[position] != '"' && input[position] != '\\' {
            position += 1;
        }
        if position >= input.len() {
            return position;
        }
        let quote_or_backslash = input[position];
        position += 1;
        if quote_or_backslash == '\\' {
            if position >= input.len() {
                return position;
            }
            position += 1;
        } else {
            return position;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_decode_split_keeps_quoted_commas_together() {
        assert_eq!(get_decode_split(b"\",TRACE\","), vec!["\",TRACE\"", ""]);
        assert_eq!(get_decode_split(b"GET,track "), vec!["GET", "track"]);
        assert_eq!(
            get_decode_split(b"a\"b\\\"c\"d, e"),
            vec!["a\"b\\\"c\"d", "e"]
        );
        assert_eq!(get_decode_split(b""), vec![""]);
    }

    #[test]
    fn prefixes_are_forbidden_only_with_the_hyphen() {
        assert_eq!(
            forbidden_request_header("Proxy-", b"x"),
            Some(ForbiddenReason::ProxyPrefix)
        );
        assert_eq!(
            forbidden_request_header("Sec-", b"x"),
            Some(ForbiddenReason::SecPrefix)
        );
        assert_eq!(forbidden_request_header("proxya", b"x"), None);
        assert_eq!(forbidden_request_header("secb", b"x"), None);
    }

    #[test]
    fn method_override_is_forbidden_only_for_forbidden_methods() {
        for value in [&b"trace,"[..], b"GET,track ", b" connect"] {
            assert_eq!(
                forbidden_request_header("X-HTTP-Method-Override", value),
                Some(ForbiddenReason::MethodOverride)
            );
        }
        for value in [&b"GETTRACE"[..], b"GET", b"\",TRACE\","] {
            assert_eq!(forbidden_request_header("X-Method-Override", value), None);
        }
    }
}
