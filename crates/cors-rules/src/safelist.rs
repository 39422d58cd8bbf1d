//! CORS-safelisted request-headers and the CORS-unsafe request-header names
//! (<https://fetch.spec.whatwg.org/#cors-safelisted-request-header>, rules S-1…S-17).

mod mime;
mod necko;
mod profile;
mod range;

pub use mime::parse_mime_type_essence;
pub use necko::necko_request_content_type;
pub use profile::{cors_unsafe_request_header_names_in, is_no_cors_safelisted_request_header_in};
pub use range::{parse_single_range_header_value, RangeValue};

use crate::browser::Browser;
use crate::quirks::{quirks, ExtraSafelist, Quirks};

/// S-1: a safelisted value is at most 128 bytes.
pub const VALUE_LIMIT: usize = 128;

/// S-8: safelisted values may total at most 1024 bytes.
pub const TOTAL_LIMIT: usize = 1024;

/// Why a request header is not CORS-safelisted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NotSafelisted {
    /// S-7: the name is not on the list.
    Name,
    /// S-1: the value is longer than 128 bytes.
    ValueTooLong,
    /// S-6: the value contains a CORS-unsafe request-header byte.
    UnsafeByte,
    /// S-4: the `Content-Type` essence is not one of the three, or does not parse.
    MimeType,
    /// S-4, Firefox: the standard's parser reads one of the three types, but necko's stricter parse finds
    /// none (a comma, or a final `;` after another).
    MimeTypeStrict,
    /// S-5, Chrome: a single range, but a number at or above `i64::MAX`.
    RangeNumberTooLarge,
    /// S-3: a byte outside the language character set.
    LanguageChars,
    /// S-5: not a single, non-suffix byte range.
    RangeSyntax,
    /// S-8: safelisted, but the safelisted values total more than 1024 bytes.
    OverTotal,
}

impl NotSafelisted {
    /// The reason code recorded in the trace.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            NotSafelisted::Name => "name",
            NotSafelisted::ValueTooLong => "value-too-long",
            NotSafelisted::UnsafeByte => "unsafe-byte",
            NotSafelisted::MimeType => "mime-type",
            NotSafelisted::MimeTypeStrict => "mime-type-strict",
            NotSafelisted::RangeNumberTooLarge => "range-number-too-large",
            NotSafelisted::LanguageChars => "language-chars",
            NotSafelisted::RangeSyntax => "range-syntax",
            NotSafelisted::OverTotal => "over-total",
        }
    }
}

/// <https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte> (S-6).
#[must_use]
pub fn is_cors_unsafe_request_header_byte(b: u8) -> bool {
    (b < 0x20 && b != 0x09)
        || matches!(
            b,
            b'"' | b'('
                | b')'
                | b':'
                | b'<'
                | b'>'
                | b'?'
                | b'@'
                | b'['
                | b'\\'
                | b']'
                | b'{'
                | b'}'
                | 0x7F
        )
}

/// S-3: the bytes allowed in `Accept-Language` and `Content-Language`.
fn is_language_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b' ' | b'*' | b',' | b'-' | b'.' | b';' | b'=')
}

/// <https://fetch.spec.whatwg.org/#cors-safelisted-request-header> (S-1…S-7, S-16).
///
/// # Errors
/// Why the header is not safelisted.
pub fn is_cors_safelisted_request_header(
    name: &str,
    value: &[u8],
    extra: ExtraSafelist,
) -> Result<(), NotSafelisted> {
    // "If value's length is greater than 128, then return false."
    if value.len() > VALUE_LIMIT {
        return Err(NotSafelisted::ValueTooLong);
    }
    let mut buffer = [0u8; LONGEST_NAME];
    let lower = lower_case_name(name, &mut buffer);
    let ok = |passes: bool, reason| if passes { Ok(()) } else { Err(reason) };
    match lower {
        // "`accept`: If value contains a CORS-unsafe request-header byte, then return false."
        "accept" => ok(
            !value.iter().any(|&b| is_cors_unsafe_request_header_byte(b)),
            NotSafelisted::UnsafeByte,
        ),
        // "`accept-language`, `content-language`: If value contains a byte that is not in the range 0x30
        // (0) to 0x39 (9), inclusive, … then return false."
        "accept-language" | "content-language" => ok(
            value.iter().all(|&b| is_language_byte(b)),
            NotSafelisted::LanguageChars,
        ),
        "content-type" => is_safelisted_content_type(value),
        // "`range`: Let rangeValue be the result of parsing a single range header value given value and
        // false. If rangeValue is failure, then return false. If rangeValue[0] is null, then return false."
        "range" => ok(
            matches!(
                parse_single_range_header_value(value),
                Some(RangeValue { start: Some(_), .. })
            ),
            NotSafelisted::RangeSyntax,
        ),
        _ => chromium_client_hint(lower, value, extra),
    }
}

/// The longest name any safelist rule names (`accept-language`, `content-language`).
const LONGEST_NAME: usize = 16;

/// `name` in lower case, written into `buffer`; a longer name, which no rule names, becomes `""`.
fn lower_case_name<'b>(name: &str, buffer: &'b mut [u8; LONGEST_NAME]) -> &'b str {
    let Some(slot) = buffer.get_mut(..name.len()) else {
        return "";
    };
    slot.copy_from_slice(name.as_bytes());
    slot.make_ascii_lowercase();
    std::str::from_utf8(slot).unwrap_or("")
}

/// S-4: the `Content-Type` rule.
fn is_safelisted_content_type(value: &[u8]) -> Result<(), NotSafelisted> {
    // "If value contains a CORS-unsafe request-header byte, then return false."
    if value.iter().any(|&b| is_cors_unsafe_request_header_byte(b)) {
        return Err(NotSafelisted::UnsafeByte);
    }
    // "Let mimeType be the result of parsing the result of isomorphic decoding value. If mimeType is
    // failure, then return false. If mimeType's essence is not "application/x-www-form-urlencoded",
    // "multipart/form-data", or "text/plain", then return false."
    content_type_verdict(parse_mime_type_essence(value).as_deref())
}

/// S-4's last step: whether the parsed type (`None`: the parse failed) is one of the three a
/// `Content-Type` may name without a preflight.
fn content_type_verdict(essence: Option<&str>) -> Result<(), NotSafelisted> {
    match essence {
        Some("application/x-www-form-urlencoded" | "multipart/form-data" | "text/plain") => Ok(()),
        _ => Err(NotSafelisted::MimeType),
    }
}

/// S-16, Deviation(Chrome): Chromium's `IsCorsSafelistedHeader` also safelists some client hints.
fn chromium_client_hint(
    lower: &str,
    value: &[u8],
    extra: ExtraSafelist,
) -> Result<(), NotSafelisted> {
    if extra == ExtraSafelist::None {
        return Err(NotSafelisted::Name);
    }
    let digits = |v: &[u8]| !v.is_empty() && v.iter().all(u8::is_ascii_digit);
    let decimal = |v: &[u8]| match v.iter().position(|&b| b == b'.') {
        Some(dot) => digits(&v[..dot]) && digits(&v[dot + 1..]),
        None => digits(v),
    };
    let passes = match lower {
        "intervention" => true,
        "device-memory" | "dpr" | "downlink" => decimal(value),
        "width" | "viewport-width" | "rtt" => digits(value),
        "ect" => [&b"unknown"[..], b"offline", b"slow-2g", b"2g", b"3g", b"4g"].contains(&value),
        "save-data" => value.eq_ignore_ascii_case(b"on"),
        _ => return Err(NotSafelisted::Name),
    };
    if passes {
        Ok(())
    } else {
        Err(NotSafelisted::UnsafeByte)
    }
}

/// One header's safelisting verdict, as [`cors_unsafe_request_header_names`] saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SafelistResult {
    /// The name as written.
    pub name: String,
    /// `Ok` when safelisted (and under the total), else why not.
    pub verdict: Result<(), NotSafelisted>,
}

/// The CORS-unsafe request-header names with the per-header reasons.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnsafeNames {
    /// Sorted, lower-case, deduplicated (H-8).
    pub names: Vec<String>,
    /// Each header in order, with its verdict.
    pub headers: Vec<SafelistResult>,
    /// The sum of the safelisted values' lengths.
    pub safelisted_total: usize,
}

/// <https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names> (S-8).
#[must_use]
pub fn cors_unsafe_request_header_names<'a>(
    headers: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    extra: ExtraSafelist,
) -> UnsafeNames {
    let rules = Quirks {
        extra_safelist: extra,
        ..*quirks(Browser::Spec)
    };
    profile::unsafe_names(headers, &rules)
}

/// <https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header-name> (S-11).
#[must_use]
pub fn is_no_cors_safelisted_request_header_name(name: &str) -> bool {
    [
        "accept",
        "accept-language",
        "content-language",
        "content-type",
    ]
    .iter()
    .any(|n| n.eq_ignore_ascii_case(name))
}

/// <https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header> (S-12).
///
/// # Errors
/// Why the header may not be set in `no-cors` mode.
pub fn is_no_cors_safelisted_request_header(name: &str, value: &[u8]) -> Result<(), NotSafelisted> {
    if !is_no_cors_safelisted_request_header_name(name) {
        return Err(NotSafelisted::Name);
    }
    is_cors_safelisted_request_header(name, value, ExtraSafelist::None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn total_over_1024_makes_safelisted_names_unsafe() {
        let long = vec![b'a'; 128];
        let headers: Vec<(&str, &[u8])> = (0..9).map(|_| ("Accept", long.as_slice())).collect();
        let result = cors_unsafe_request_header_names(headers, ExtraSafelist::None);
        assert_eq!(result.names, vec!["accept"]);
        assert_eq!(result.safelisted_total, 9 * 128);
    }

    #[test]
    fn exactly_1024_bytes_stays_safelisted() {
        let long = vec![b'a'; 128];
        let headers: Vec<(&str, &[u8])> = (0..8).map(|_| ("Accept", long.as_slice())).collect();
        assert!(
            cors_unsafe_request_header_names(headers, ExtraSafelist::None)
                .names
                .is_empty()
        );
    }

    #[test]
    fn client_hints_are_safelisted_only_in_chromium() {
        assert_eq!(
            is_cors_safelisted_request_header("DPR", b"2.5", ExtraSafelist::None),
            Err(NotSafelisted::Name)
        );
        assert_eq!(
            is_cors_safelisted_request_header("DPR", b"2.5", ExtraSafelist::ChromiumClientHints),
            Ok(())
        );
        assert!(
            is_cors_safelisted_request_header("dpr", b"", ExtraSafelist::ChromiumClientHints)
                .is_err()
        );
        assert!(is_cors_safelisted_request_header(
            "width",
            b"1.5",
            ExtraSafelist::ChromiumClientHints
        )
        .is_err());
    }
}
