//! How the browser's network stack writes the author's header lines: the bytes that reach the server.

use crate::header_list::isomorphic_decode;
use crate::quirks::{Quirks, RangeUnit, WireValueEncoding};
use crate::safelist::parse_single_range_header_value;

/// The header lines as the browser sends them, given the lines the request holds (values as text, one
/// character per byte).
pub(crate) fn wire_form(lines: Vec<(String, String)>, quirks: &Quirks) -> Vec<(String, String)> {
    lines
        .into_iter()
        .map(|(name, value)| {
            let value = reserialized_range(&name, &value, quirks.range_unit).unwrap_or(value);
            let value = match quirks.wire_value_encoding {
                WireValueEncoding::Isomorphic => value,
                // Deviation(Safari): each character goes out as its UTF-8 bytes.
                WireValueEncoding::Utf8 if value.is_ascii() => value,
                WireValueEncoding::Utf8 => isomorphic_decode(value.as_bytes()),
            };
            (name, value)
        })
        .collect()
}

/// Deviation(Chrome): a `Range` value that parses, its unit in any case, is sent again as
/// `bytes=start-end`.
fn reserialized_range(name: &str, value: &str, unit: RangeUnit) -> Option<String> {
    if unit != RangeUnit::AnyCaseReserialized || !name.eq_ignore_ascii_case("range") {
        return None;
    }
    let range = parse_single_range_header_value(&lower_case_unit(value.as_bytes()))?;
    let start = range.start.map(|n| n.to_string()).unwrap_or_default();
    let end = range.end.map(|n| n.to_string()).unwrap_or_default();
    Some(format!("bytes={start}-{end}"))
}

/// `value` with its first five bytes (the unit, when it is `bytes` in some case) in lower case.
pub(crate) fn lower_case_unit(value: &[u8]) -> Vec<u8> {
    let mut lowered = value.to_vec();
    if lowered.len() >= 5 && lowered[..5].eq_ignore_ascii_case(b"bytes") {
        lowered[..5].copy_from_slice(b"bytes");
    }
    lowered
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quirks::quirks;
    use crate::Browser;

    fn line(name: &str, value: &str) -> Vec<(String, String)> {
        vec![(name.to_owned(), value.to_owned())]
    }

    #[test]
    fn chrome_sends_a_range_with_a_capital_unit_in_lower_case() {
        let sent = wire_form(line("Range", "Bytes=0-"), quirks(Browser::Chrome));
        assert_eq!(sent, line("Range", "bytes=0-"));
    }

    #[test]
    fn firefox_sends_a_range_as_written() {
        let sent = wire_form(line("Range", "Bytes=0-"), quirks(Browser::Firefox));
        assert_eq!(sent, line("Range", "Bytes=0-"));
    }

    #[test]
    fn safari_sends_a_latin1_character_as_utf8() {
        let sent = wire_form(line("X-A", "é"), quirks(Browser::Safari));
        assert_eq!(sent, line("X-A", "Ã©"));
    }
}
