//! The CORS-safelist checks as a browser profile applies them (see `quirks.rs`).

use super::{
    is_cors_safelisted_request_header, is_no_cors_safelisted_request_header, NotSafelisted,
    SafelistResult, UnsafeNames, TOTAL_LIMIT,
};
use crate::header_list::sorted_lowercase_set;
use crate::quirks::{ContentTypeComma, ExtraSafelist, Quirks, SafelistTotal};

/// [`super::cors_unsafe_request_header_names`] as the browser applies it: its extra safelisted names,
/// with or without the 1024-byte total, and its `Content-Type` rule.
#[must_use]
pub fn cors_unsafe_request_header_names_in<'a>(
    headers: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    quirks: &Quirks,
) -> UnsafeNames {
    unsafe_names(
        headers,
        quirks.extra_safelist,
        quirks.safelist_total,
        quirks.content_type_comma,
    )
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
    is_no_cors_safelisted_request_header(name, value)?;
    // Deviation(Firefox): a `Content-Type` with a comma is never safelisted.
    if comma_refused(name, value, quirks.content_type_comma) {
        return Err(NotSafelisted::MimeType);
    }
    Ok(())
}

/// Whether the browser refuses this `Content-Type` value for its comma.
fn comma_refused(name: &str, value: &[u8], comma: ContentTypeComma) -> bool {
    comma == ContentTypeComma::NotSafelisted
        && name.eq_ignore_ascii_case("content-type")
        && value.contains(&b',')
}

/// S-8 with the given rules.
pub(super) fn unsafe_names<'a>(
    headers: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    extra: ExtraSafelist,
    total: SafelistTotal,
    comma: ContentTypeComma,
) -> UnsafeNames {
    let mut results: Vec<SafelistResult> = Vec::new();
    let mut safelisted_total = 0;
    for (name, value) in headers {
        let verdict = is_cors_safelisted_request_header(name, value, extra).and_then(|()| {
            // Deviation(Firefox): a `Content-Type` with a comma is never safelisted.
            if comma_refused(name, value, comma) {
                Err(NotSafelisted::MimeType)
            } else {
                Ok(())
            }
        });
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
    if total == SafelistTotal::Enforced && safelisted_total > TOTAL_LIMIT {
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
