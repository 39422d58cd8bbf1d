//! How the browser's network stack writes the author's header lines: the bytes that reach the server.

use crate::header_list::isomorphic_decode;
use crate::quirks::{Quirks, RangeUnit, WireValueEncoding};

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
                WireValueEncoding::IsomorphicTrimmed => trim_lws(&value).to_owned(),
                // Deviation(Safari): each character goes out as its UTF-8 bytes, the value trimmed.
                WireValueEncoding::Utf8Trimmed => {
                    let value = trim_lws(&value);
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

/// Deviation(Chrome): on a `GET`, a `Range` value the network stack parses as one byte range is sent again
/// as `bytes=start-end` (`net::HttpUtil::ParseRangeHeader` and `HttpByteRange::GetHeaderValue`): the unit
/// in any case, spaces and tabs around each part, empty list elements skipped, each number read by
/// `base::StringToInt64` (a sign allowed, so `bytes=+1-007` goes out as `bytes=1-7`, observed in
/// Chromium 156).
fn reserialized_range(name: &str, value: &str, method: &str, unit: RangeUnit) -> Option<String> {
    if !matches!(
        unit,
        RangeUnit::AnyCaseReserialized | RangeUnit::LowerCaseOnlyReserialized
    ) || method != "GET"
        || !name.eq_ignore_ascii_case("range")
    {
        return None;
    }
    let (unit, set) = value.split_once('=')?;
    if !trim_lws(unit).eq_ignore_ascii_case("bytes") {
        return None;
    }
    let mut specs = set.split(',').map(trim_lws).filter(|spec| !spec.is_empty());
    let (spec, None) = (specs.next()?, specs.next()) else {
        return None;
    };
    let (first, last) = spec.split_once('-')?;
    let number = |part: &str| -> Option<Option<i64>> {
        let part = trim_lws(part);
        if part.is_empty() {
            Some(None)
        } else {
            part.parse::<i64>().ok().map(Some)
        }
    };
    match (number(first)?, number(last)?) {
        // `HttpByteRange::IsValid`: a suffix length above zero…
        (None, Some(suffix)) if suffix > 0 => Some(format!("bytes=-{suffix}")),
        // …or a first position from zero, with no last position (-1 means none) or one not before it.
        (Some(first), None | Some(-1)) if first >= 0 => Some(format!("bytes={first}-")),
        (Some(first), Some(last)) if first >= 0 && last >= first => {
            Some(format!("bytes={first}-{last}"))
        }
        _ => None,
    }
}

/// `part` without the spaces and tabs around it (Chromium's `HttpUtil::TrimLWS`; WebKit trims the same).
fn trim_lws(part: &str) -> &str {
    part.trim_matches([' ', '\t'])
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

    /// Observed in Chromium 156 after a preflight that allowed `Range`.
    #[test]
    fn chrome_sends_a_get_range_as_its_network_stack_reads_it() {
        for (written, sent) in [
            ("bytes=+1-007", "bytes=1-7"),
            ("bytes= 1 - 2 ", "bytes=1-2"),
            ("bytes=5--1", "bytes=5-"),
            ("bytes=,1-2,", "bytes=1-2"),
            ("Bytes = 3-", "bytes=3-"),
            ("bytes=-5", "bytes=-5"),
            ("bytes=1 0-", "bytes=1 0-"),
            ("bytes=-0", "bytes=-0"),
            ("bytes=5--2", "bytes=5--2"),
            ("bytes=1-2,3-4", "bytes=1-2,3-4"),
            ("bytes=0-9223372036854775808", "bytes=0-9223372036854775808"),
        ] {
            let wire = wire_form(line("Range", written), "GET", quirks(Browser::Chrome));
            assert_eq!(wire, line("Range", sent), "{written:?}");
        }
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
