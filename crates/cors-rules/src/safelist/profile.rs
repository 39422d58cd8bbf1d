//! The CORS-safelist checks as a browser profile applies them (see `quirks.rs`).

use super::necko::necko_request_content_type;
use super::range::{lower_case_unit, parse_single_range_header_value_as, RangeValue};
use super::{
    content_type_verdict, is_cors_safelisted_request_header, is_no_cors_safelisted_request_header,
    NotSafelisted, SafelistResult, UnsafeNames, TOTAL_LIMIT,
};
use crate::header_list::sorted_lowercase_set;
use crate::quirks::{
    ContentTypeParser, NonAsciiValue, Quirks, RangeNumbers, RangeUnit, SafelistTotal,
};

/// [`super::cors_unsafe_request_header_names`] as the browser applies it: its extra safelisted names,
/// with or without the 1024-byte total, and its `Content-Type` rule.
#[must_use]
pub fn cors_unsafe_request_header_names_in<'a>(
    headers: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    quirks: &Quirks,
) -> UnsafeNames {
    unsafe_names(headers, quirks)
}

/// [`is_no_cors_safelisted_request_header`] as the browser applies it.
///
/// # Errors
/// Why the header may not be set in `no-cors` mode.
pub fn is_no_cors_safelisted_request_header_in(
    name: &str,
    value: &[u8],
    quirks: &Quirks,
) -> Result<(), NotSafelisted> {
    let verdict = in_profile(
        name,
        value,
        is_no_cors_safelisted_request_header(name, value),
        quirks,
    );
    // Deviation(Firefox): a value with a byte outside ASCII is never safelisted.
    if verdict.is_ok() && non_ascii_refused(value, quirks) {
        return Err(NotSafelisted::MimeType);
    }
    verdict
}

/// [`is_cors_safelisted_request_header`] as the browser applies it.
fn is_safelisted_in(name: &str, value: &[u8], quirks: &Quirks) -> Result<(), NotSafelisted> {
    let standard = is_cors_safelisted_request_header(name, value, quirks.extra_safelist);
    match in_profile(name, value, standard, quirks) {
        // Deviation(Firefox): a value with a byte outside ASCII is never safelisted.
        Ok(()) if non_ascii_refused(value, quirks) => Err(NotSafelisted::UnsafeByte),
        verdict => verdict,
    }
}

/// S-5 as the browser applies it: its unit (Deviation(Chrome, Safari): a `Range` unit in any case) and its
/// numbers (`RangeNumbers`).
fn range_in(value: &[u8], quirks: &Quirks) -> Result<(), NotSafelisted> {
    let any_case = matches!(
        quirks.range_unit,
        RangeUnit::AnyCase | RangeUnit::AnyCaseReserialized
    );
    let lowered = if any_case {
        lower_case_unit(value)
    } else {
        value.to_vec()
    };
    match parse_single_range_header_value_as(&lowered, quirks.range_numbers) {
        Some(RangeValue { start: Some(_), .. }) => Ok(()),
        _ => Err(NotSafelisted::RangeSyntax),
    }
}

/// The standard's verdict on a header, with the browser's own reading of a `Range` and of a
/// `Content-Type`.
fn in_profile(
    name: &str,
    value: &[u8],
    standard: Result<(), NotSafelisted>,
    quirks: &Quirks,
) -> Result<(), NotSafelisted> {
    match standard {
        // The standard's `Range` rule passed or failed on the value alone (its length is checked first).
        Ok(()) | Err(NotSafelisted::RangeSyntax) if name.eq_ignore_ascii_case("range") => {
            match range_in(value, quirks) {
                Err(_) if standard.is_ok() && quirks.range_numbers == RangeNumbers::BelowI64Max => {
                    Err(NotSafelisted::RangeNumberTooLarge)
                }
                verdict => verdict,
            }
        }
        // Deviation(Firefox): necko's parse decides wherever the standard's MIME parse does (the length and
        // the unsafe bytes are checked first either way).
        Ok(()) | Err(NotSafelisted::MimeType)
            if quirks.content_type_parser == ContentTypeParser::Necko
                && name.eq_ignore_ascii_case("content-type") =>
        {
            match content_type_verdict(necko_request_content_type(value).as_deref()) {
                Err(_) if standard.is_ok() => Err(NotSafelisted::MimeTypeStrict),
                verdict => verdict,
            }
        }
        verdict => verdict,
    }
}

/// Whether the browser refuses a safelisted value for a byte outside ASCII.
fn non_ascii_refused(value: &[u8], quirks: &Quirks) -> bool {
    quirks.non_ascii_value == NonAsciiValue::NotSafelisted && !value.is_ascii()
}

/// S-8 with the given rules.
pub(super) fn unsafe_names<'a>(
    headers: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    quirks: &Quirks,
) -> UnsafeNames {
    let mut results: Vec<SafelistResult> = Vec::new();
    let mut safelisted_total = 0;
    for (name, value) in headers {
        let verdict = is_safelisted_in(name, value, quirks);
        if verdict.is_ok() {
            safelisted_total += value.len();
        }
        results.push(SafelistResult {
            name: name.to_owned(),
            verdict,
        });
    }
    // "If safelistValueSize is greater than 1024, then for each name of potentiallyUnsafeNames, append
    // name to unsafeNames."
    // Deviation(Firefox): no total.
    if quirks.safelist_total == SafelistTotal::Enforced && safelisted_total > TOTAL_LIMIT {
        for result in results.iter_mut().filter(|r| r.verdict.is_ok()) {
            result.verdict = Err(NotSafelisted::OverTotal);
        }
    }
    let names = sorted_lowercase_set(
        results
            .iter()
            .filter(|r| r.verdict.is_err())
            .map(|r| r.name.as_str()),
    );
    UnsafeNames {
        names,
        headers: results,
        safelisted_total,
    }
}
