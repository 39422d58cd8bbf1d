//! The `Range` request header's single-range parser
//! (<https://fetch.spec.whatwg.org/#simple-range-header-value>, rule S-5).

use crate::quirks::RangeNumbers;

/// A parsed single byte range: `bytes=start-end`, either side possibly empty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RangeValue {
    /// The first byte, `None` for a suffix range (`bytes=-500`).
    pub start: Option<u64>,
    /// The last byte, `None` for an open range (`bytes=500-`).
    pub end: Option<u64>,
}

/// <https://fetch.spec.whatwg.org/#simple-range-header-value> with allowWhitespace = false. Numbers are
/// parsed as `u64`; an overflow is a failure (WPT expects `bytes=1<60 zeros>-…` to need a preflight).
#[must_use]
pub fn parse_single_range_header_value(value: &[u8]) -> Option<RangeValue> {
    parse_single_range_header_value_as(value, RangeNumbers::Digits)
}

/// [`parse_single_range_header_value`] with the numbers read as the browser reads them.
#[must_use]
pub fn parse_single_range_header_value_as(
    value: &[u8],
    numbers: RangeNumbers,
) -> Option<RangeValue> {
    // "If data does not start with "bytes", then return failure."
    let rest = value.strip_prefix(b"bytes")?;
    // "If the code point at position within data is not U+003D (=), then return failure."
    let rest = rest.strip_prefix(b"=")?;
    // "Let rangeStart be the result of collecting a sequence of code points that are ASCII digits."
    let (start, rest) = collect_number(rest, numbers)?;
    // "If the code point at position within data is not U+002D (-), then return failure."
    let rest = rest.strip_prefix(b"-")?;
    let (end, rest) = collect_number(rest, numbers)?;
    // "If position is not past the end of data, then return failure."
    if !rest.is_empty() {
        return None;
    }
    match (start, end) {
        // "If rangeEndValue and rangeStartValue are null, then return failure."
        (None, None) => None,
        // "If rangeStartValue and rangeEndValue are numbers, and rangeStartValue is greater than
        // rangeEndValue, then return failure."
        (Some(s), Some(e)) if s > e => None,
        _ => Some(RangeValue { start, end }),
    }
}

/// Collects a number as `numbers` reads it: `Some((None, …))` when there is none, `None` (failure) when it
/// is out of range or a sign has no digits after it.
fn collect_number(input: &[u8], numbers: RangeNumbers) -> Option<(Option<u64>, &[u8])> {
    // Deviation(Safari): one `+` may come before the digits.
    let signed = numbers == RangeNumbers::PlusSign && input.first() == Some(&b'+');
    let (number, rest) = collect_digits(if signed { &input[1..] } else { input })?;
    if signed && number.is_none() {
        return None;
    }
    // Deviation(Chrome): a number must be below `i64::MAX`.
    if numbers == RangeNumbers::BelowI64Max && number.is_some_and(|n| n >= i64::MAX.unsigned_abs())
    {
        return None;
    }
    Some((number, rest))
}

/// Collects ASCII digits: `Ok(None)` when there are none, `None` (failure) on `u64` overflow.
fn collect_digits(input: &[u8]) -> Option<(Option<u64>, &[u8])> {
    let len = input.iter().take_while(|b| b.is_ascii_digit()).count();
    if len == 0 {
        return Some((None, input));
    }
    let mut number: u64 = 0;
    for &digit in &input[..len] {
        number = number
            .checked_mul(10)?
            .checked_add(u64::from(digit - b'0'))?;
    }
    Some((Some(number), &input[len..]))
}

/// `value` with its first five bytes (the unit, when it is `bytes` in some case) in lower case: how
/// Chromium reserializes a `Range` whose unit is not written in lower case.
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

    /// Observed in Chromium 156 and WebKitGTK 2.50 (sent without a preflight or after one).
    #[test]
    fn browsers_read_the_numbers_their_own_way() {
        use RangeNumbers::{BelowI64Max, Digits, PlusSign};
        let parses = |value: &str, numbers| {
            parse_single_range_header_value_as(value.as_bytes(), numbers).is_some()
        };
        for value in ["bytes=+1-", "bytes=+0-+5", "bytes=1-+5", "bytes=+1-2"] {
            assert!(parses(value, PlusSign), "{value}");
            assert!(!parses(value, Digits), "{value}");
        }
        for value in [
            "bytes=++1-",
            "bytes=+-1",
            "bytes=0-+",
            "bytes=+1-0",
            "bytes= 0-1",
        ] {
            assert!(!parses(value, PlusSign), "{value}");
        }
        for value in [
            "bytes=9223372036854775806-",
            "bytes=0-9223372036854775806",
            "bytes=4294967296-",
        ] {
            assert!(parses(value, BelowI64Max), "{value}");
        }
        for value in [
            "bytes=9223372036854775807-",
            "bytes=0-9223372036854775807",
            "bytes=18446744073709551615-",
        ] {
            assert!(!parses(value, BelowI64Max), "{value}");
            assert!(parses(value, Digits), "{value}");
            assert!(parses(value, PlusSign), "{value}");
        }
        assert!(!parses("bytes=18446744073709551616-", PlusSign));
    }

    #[test]
    fn simple_ranges_parse() {
        assert_eq!(
            parse_single_range_header_value(b"bytes=100-200"),
            Some(RangeValue {
                start: Some(100),
                end: Some(200)
            })
        );
        assert_eq!(
            parse_single_range_header_value(b"bytes=200-"),
            Some(RangeValue {
                start: Some(200),
                end: None
            })
        );
        assert_eq!(
            parse_single_range_header_value(b"bytes=-200"),
            Some(RangeValue {
                start: None,
                end: Some(200)
            })
        );
    }

    #[test]
    fn malformed_ranges_fail() {
        for value in [
            &b"bytes=200-100"[..],
            b"bytes=100-200,300-400",
            b"bytes 100-200",
            b"bytes =100-200",
            b"bytes= 100-200",
            b"bytes=100 -200",
            b"bytes=100-200hello",
            b"bytes=abc-def",
            b"MB=100-200",
            b",bytes=100-200",
            b"100-200",
            b"bytes=-",
            b"bytes=100000000000000000000000-1",
        ] {
            assert_eq!(
                parse_single_range_header_value(value),
                None,
                "{}",
                String::from_utf8_lossy(value)
            );
        }
    }
}
