//! How the browser's network stack writes the author's header lines: the bytes that reach the server.

use crate::header_list::isomorphic_decode;
use crate::quirks::{Quirks, RangeUnit, WireValueEncoding};
use crate::safelist::parse_single_range_header_value;

/// The header lines as the browser sends them, given the lines the request holds (values as text, one
/// character per byte).
pub(crate) fn wire_form(
    lines: Vec<(String, String)>,
    method: &str,
    quirks: &Quirks,
) -> Vec<(String, String)> {
    lines
        .into_iter()
        .map(|(name, value)| {
            let value =
                reserialized_range(&name, &value, method, quirks.range_unit).unwrap_or(value);
            let value = match quirks.wire_value_encoding {
                WireValueEncoding::Isomorphic => value,
                // Deviation(Chrome): spaces and tabs around the value are trimmed.
                WireValueEncoding::IsomorphicTrimmed => value.trim_matches([' ', '\t']).to_owned(),
                // Deviation(Safari): each character goes out as its UTF-8 bytes, the value trimmed.
                WireValueEncoding::Utf8Trimmed => {
                    let value = value.trim_matches([' ', '\t']);
                    if value.is_ascii() {
                        value.to_owned()
                    } else {
                        isomorphic_decode(value.as_bytes())
                    }
                }
            };
            (name, value)
        })
        .collect()
}

/// Deviation(Chrome): on a `GET`, a `Range` value the network stack parses as one byte range (the unit in
/// any case, spaces around, empty list elements skipped) is sent again as `bytes=start-end`.
fn reserialized_range(name: &str, value: &str, method: &str, unit: RangeUnit) -> Option<String> {
    if !matches!(
        unit,
        RangeUnit::AnyCaseReserialized | RangeUnit::LowerCaseOnlyReserialized
    ) || method != "GET"
        || !name.eq_ignore_ascii_case("range")
    {
        return None;
    }
    let compact: String = value.chars().filter(|c| !matches!(c, ' ' | '\t')).collect();
    let (unit, ranges) = compact.split_once('=')?;
    if !unit.eq_ignore_ascii_case("bytes") {
        return None;
    }
    let mut ranges = ranges.split(',').filter(|r| !r.is_empty());
    let (first, None) = (ranges.next()?, ranges.next()) else {
        return None;
    };
    let range = parse_single_range_header_value(format!("bytes={first}").as_bytes())?;
    let start = range.start.map(|n| n.to_string()).unwrap_or_default();
    let end = range.end.map(|n| n.to_string()).unwrap_or_default();
    Some(format!("bytes={start}-{end}"))
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
        let sent = wire_form(line("Range", "Bytes=0-"), "GET", quirks(Browser::Chrome));
        assert_eq!(sent, line("Range", "bytes=0-"));
    }

    #[test]
    fn chrome_sends_a_range_on_a_post_as_written() {
        let sent = wire_form(line("Range", "Bytes=0-"), "POST", quirks(Browser::Chrome));
        assert_eq!(sent, line("Range", "Bytes=0-"));
    }

    #[test]
    fn firefox_sends_a_range_as_written() {
        let sent = wire_form(line("Range", "Bytes=0-"), "GET", quirks(Browser::Firefox));
        assert_eq!(sent, line("Range", "Bytes=0-"));
    }

    #[test]
    fn safari_sends_a_latin1_character_as_utf8() {
        let sent = wire_form(line("X-A", "é"), "GET", quirks(Browser::Safari));
        assert_eq!(sent, line("X-A", "Ã©"));
    }
}
