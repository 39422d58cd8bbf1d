//! Header lists and the header ABNF
//! (<https://fetch.spec.whatwg.org/#terminology-headers>, rules H-1…H-8).
//!
//! Request header values are byte sequences (the script's strings, isomorphic-encoded); response header
//! values arrive as text and are compared as UTF-8 bytes.

use std::borrow::Cow;

pub use crate::ascii_case::same_name;
use crate::scenario::HeaderPair;

/// <https://fetch.spec.whatwg.org/#header-name> (H-1): is `b` an RFC 9110 `tchar`?
#[must_use]
pub fn is_tchar(b: u8) -> bool {
    TCHAR[usize::from(b)]
}

/// The `tchar` bytes, as a table: token checks run over every header name.
const TCHAR: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(
            b as u8,
            b'0'..=b'9'
                | b'A'..=b'Z'
                | b'a'..=b'z'
                | b'!'
                | b'#'
                | b'$'
                | b'%'
                | b'&'
                | b'\''
                | b'*'
                | b'+'
                | b'-'
                | b'.'
                | b'^'
                | b'_'
                | b'`'
                | b'|'
                | b'~'
        );
        b += 1;
    }
    table
};

/// H-1: a `token` is one or more `tchar`s.
#[must_use]
pub fn is_token(bytes: &[u8]) -> bool {
    !bytes.is_empty() && bytes.iter().all(|&b| is_tchar(b))
}

/// <https://fetch.spec.whatwg.org/#http-tab-or-space>: 0x09 or 0x20.
#[must_use]
pub fn is_http_tab_or_space(b: u8) -> bool {
    b == b'\t' || b == b' '
}

/// <https://fetch.spec.whatwg.org/#http-whitespace-byte>: 0x09, 0x0A, 0x0D or 0x20.
#[must_use]
pub fn is_http_whitespace(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\r' | b' ')
}

/// <https://fetch.spec.whatwg.org/#concept-header-value-normalize> (H-3): "remove any leading and
/// trailing HTTP whitespace bytes".
#[must_use]
pub fn normalize_header_value(value: &[u8]) -> &[u8] {
    let start = value
        .iter()
        .position(|&b| !is_http_whitespace(b))
        .unwrap_or(value.len());
    let end = value
        .iter()
        .rposition(|&b| !is_http_whitespace(b))
        .map_or(start, |i| i + 1);
    &value[start..end]
}

/// Trims HTTP tab or space from both ends of a string (as HTTP parsing does for field values).
#[must_use]
pub fn trim_tab_or_space(value: &str) -> &str {
    value.trim_matches(|c| c == ' ' || c == '\t')
}

/// <https://fetch.spec.whatwg.org/#header-value> (H-2): no leading or trailing tab/space, no 0x00, 0x0A
/// or 0x0D.
#[must_use]
pub fn is_header_value(value: &[u8]) -> bool {
    let edges_ok = match (value.first(), value.last()) {
        (Some(&first), Some(&last)) => !is_http_tab_or_space(first) && !is_http_tab_or_space(last),
        _ => true,
    };
    edges_ok && !value.iter().any(|&b| matches!(b, 0x00 | b'\n' | b'\r'))
}

/// <https://fetch.spec.whatwg.org/#concept-header-list-get> (H-4): every value of `name`
/// (byte-case-insensitive) joined with `", "`, or `None` when there is none.
#[must_use]
pub fn get(list: &[HeaderPair], name: &str) -> Option<String> {
    get_combined(list, name).map(Cow::into_owned)
}

/// [`get`] without a copy when the header has a single line (the usual case).
#[must_use]
pub fn get_combined<'a>(list: &'a [HeaderPair], name: &str) -> Option<Cow<'a, str>> {
    let mut lines = list
        .iter()
        .filter(|(n, _)| same_name(n, name))
        // Field values arrive without surrounding tab or space (HTTP parsing strips them).
        .map(|(_, value)| trim_tab_or_space(value));
    let first = lines.next()?;
    let Some(second) = lines.next() else {
        return Some(Cow::Borrowed(first));
    };
    let mut combined = String::with_capacity(first.len() + second.len() + 2);
    combined.push_str(first);
    for value in std::iter::once(second).chain(lines) {
        combined.push_str(", ");
        combined.push_str(value);
    }
    Some(Cow::Owned(combined))
}

/// How many header lines named `name` (byte-case-insensitive) the list has.
#[must_use]
pub fn line_count(list: &[HeaderPair], name: &str) -> usize {
    list.iter().filter(|(n, _)| same_name(n, name)).count()
}

/// Deviation(Firefox): necko's value of a response header: its lines merged with `", "`, an empty line
/// adding nothing (`nsHttpHeaderArray::MergeHeader`; observed in Firefox ESR 153), or `None` when there is
/// no line.
#[must_use]
pub fn get_merged_non_empty(list: &[HeaderPair], name: &str) -> Option<String> {
    let mut merged: Option<String> = None;
    for (_, value) in list.iter().filter(|(n, _)| same_name(n, name)) {
        let value = trim_tab_or_space(value);
        match merged.as_mut() {
            None => merged = Some(value.to_owned()),
            Some(so_far) if so_far.is_empty() => value.clone_into(so_far),
            Some(_) if value.is_empty() => {}
            Some(so_far) => {
                so_far.push_str(", ");
                so_far.push_str(value);
            }
        }
    }
    merged
}

/// How many lines are named exactly `name`, byte for byte (Firefox looks some headers up this way).
#[must_use]
pub fn canonical_lines(list: &[HeaderPair], name: &str) -> usize {
    list.iter().filter(|(n, _)| n == name).count()
}

/// Whether the list has a header named `name`.
#[must_use]
pub fn contains(list: &[HeaderPair], name: &str) -> bool {
    list.iter().any(|(n, _)| same_name(n, name))
}

/// The result of [`extract_header_list_values`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Extracted<T> {
    /// The header is absent ("null").
    Absent,
    /// One header line did not parse; `element` is the first offending element.
    Failure {
        /// The first list element that is not valid.
        element: String,
    },
    /// Every line parsed; the values of all lines, in order.
    Values(Vec<T>),
}

/// <https://fetch.spec.whatwg.org/#extract-header-list-values> (H-6): parse **each** header line named
/// `name` with `parse`; any failure makes the whole result a failure.
pub fn extract_header_list_values<'a, T>(
    list: &'a [HeaderPair],
    name: &str,
    parse: impl Fn(&'a str) -> Result<Vec<T>, String>,
) -> Extracted<T> {
    let mut values = Vec::new();
    let mut seen = false;
    for (_, value) in list.iter().filter(|(n, _)| same_name(n, name)) {
        seen = true;
        match parse(value) {
            Ok(parsed) => values.extend(parsed),
            Err(element) => return Extracted::Failure { element },
        }
    }
    if seen {
        Extracted::Values(values)
    } else {
        Extracted::Absent
    }
}

/// [`extract_header_list_values`] with [`parse_token_list`] (H-6, H-7), each element copied once.
#[must_use]
pub fn extract_token_list_values(list: &[HeaderPair], name: &str) -> Extracted<String> {
    let mut values = Vec::new();
    let mut seen = false;
    for (_, value) in list.iter().filter(|(n, _)| same_name(n, name)) {
        seen = true;
        for element in token_list_elements(value) {
            match element {
                Ok(element) => values.push(element.to_owned()),
                Err(element) => {
                    return Extracted::Failure {
                        element: element.to_owned(),
                    }
                }
            }
        }
    }
    if seen {
        Extracted::Values(values)
    } else {
        Extracted::Absent
    }
}

/// H-7: the RFC 9110 `#token` list: empty elements and OWS around commas are accepted; any non-token
/// element makes the whole line fail (the error is that element).
///
/// # Errors
/// The first element that is not a token.
pub fn parse_token_list(value: &str) -> Result<Vec<&str>, String> {
    token_list_elements(value)
        .map(|element| element.map_err(str::to_owned))
        .collect()
}

/// The non-empty elements of a `#token` list, each `Err` when it is not a token.
fn token_list_elements(value: &str) -> impl Iterator<Item = Result<&str, &str>> {
    value
        .split(',')
        .map(trim_tab_or_space)
        .filter(|element| !element.is_empty())
        .map(|element| {
            if is_token(element.as_bytes()) {
                Ok(element)
            } else {
                Err(element)
            }
        })
}

/// <https://fetch.spec.whatwg.org/#convert-header-names-to-a-sorted-lowercase-set> (H-8): byte-lowercase,
/// deduplicate, sort by byte value.
#[must_use]
pub fn sorted_lowercase_set<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut set: Vec<String> = names.into_iter().map(str::to_ascii_lowercase).collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// Isomorphic decoding: each byte becomes the code point of the same value.
#[must_use]
pub fn isomorphic_decode(bytes: &[u8]) -> String {
    // ASCII decodes to itself.
    match std::str::from_utf8(bytes) {
        Ok(text) if text.is_ascii() => text.to_owned(),
        _ => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// Isomorphic encoding of a script string: `None` when a code point is above U+00FF (the string is not a
/// `ByteString`, so WebIDL conversion throws).
#[must_use]
pub fn isomorphic_encode(text: &str) -> Option<Vec<u8>> {
    if text.is_ascii() {
        return Some(text.as_bytes().to_vec());
    }
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<HeaderPair> {
        list.iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn get_combines_duplicate_lines_with_comma_space() {
        let list = pairs(&[("ACAO", "a"), ("x", "y"), ("acao", "b")]);
        assert_eq!(get(&list, "AcAo").as_deref(), Some("a, b"));
        assert_eq!(get(&list, "missing"), None);
    }

    #[test]
    fn token_list_accepts_empty_elements_and_whitespace() {
        assert_eq!(
            parse_token_list(",y-lol,x-print, ,,,y-print").unwrap(),
            vec!["y-lol", "x-print", "y-print"]
        );
        assert_eq!(parse_token_list("x-a ,x-b").unwrap(), vec!["x-a", "x-b"]);
        assert_eq!(parse_token_list("'bb-8'").unwrap(), vec!["'bb-8'"]);
        assert_eq!(parse_token_list("").unwrap(), Vec::<&str>::new());
    }

    #[test]
    fn token_list_rejects_non_token_elements() {
        assert_eq!(parse_token_list("a, no no").unwrap_err(), "no no");
        assert_eq!(parse_token_list("\"bb-8\"").unwrap_err(), "\"bb-8\"");
        assert_eq!(parse_token_list("bb-8\u{b}").unwrap_err(), "bb-8\u{b}");
    }

    #[test]
    fn sorted_set_puts_hyphen_before_digits() {
        assert_eq!(
            sorted_lowercase_set(["X-Test-Header1", "x-test-header-a", "X-TEST-HEADER-A"]),
            vec!["x-test-header-a", "x-test-header1"]
        );
    }

    #[test]
    fn normalize_strips_only_http_whitespace() {
        assert_eq!(normalize_header_value(b"\r\n\t x \t"), b"x");
        assert_eq!(normalize_header_value(b"\x0bx\x0c"), b"\x0bx\x0c");
        assert_eq!(normalize_header_value(b"   "), b"");
    }

    #[test]
    fn header_value_rejects_nul_cr_lf() {
        assert!(is_header_value(b"a b"));
        assert!(!is_header_value(b"a\0b"));
        assert!(!is_header_value(b"a\nb"));
        assert!(!is_header_value(b" a"));
    }

    #[test]
    fn isomorphic_encode_refuses_code_points_above_ff() {
        assert_eq!(isomorphic_encode("é"), Some(vec![0xE9]));
        assert_eq!(isomorphic_encode("€"), None);
    }
}
