//! WebIDL `ByteString` conversion of the script's method and headers: a code point above U+00FF throws
//! before any Fetch-standard check (observed in Chromium 156, Firefox ESR 153 and WebKitGTK 2.50).

use super::{HeaderPart, RequestError};
use crate::recorder::{kv, Recorder};
use crate::scenario::Request;
use crate::trace::{CheckId, Key, Stage};

/// Whether WebIDL can convert `text` to a `ByteString` (no code point above U+00FF).
fn is_byte_string(text: &str) -> bool {
    // ASCII, the usual case, is checked a word at a time.
    text.is_ascii() || text.chars().all(|c| u32::from(c) <= 0xFF)
}

/// The part of a header that is not a `ByteString`; both are converted before either is checked.
pub(super) fn non_byte_string_part(name: &str, value: &str) -> Option<HeaderPart> {
    if !is_byte_string(name) {
        Some(HeaderPart::Name)
    } else if !is_byte_string(value) {
        Some(HeaderPart::Value)
    } else {
        None
    }
}

/// The `ByteString` conversion of every header of a `fetch()` init, in order.
pub(super) fn byte_string_headers(
    request: &Request,
    rec: &mut Recorder,
) -> Result<(), RequestError> {
    for (index, (name, value)) in request.headers.iter().enumerate() {
        if let Some(part) = non_byte_string_part(name, value) {
            return Err(header_syntax_fail(rec, index, (name, value), part));
        }
    }
    Ok(())
}

/// The `ByteString` conversion of a `fetch()` init's method (M-1: it is not a method either).
pub(super) fn byte_string_method(
    request: &Request,
    rec: &mut Recorder,
) -> Result<(), RequestError> {
    if is_byte_string(&request.method) {
        return Ok(());
    }
    let values = vec![kv(Key::Method, request.method.as_str())];
    rec.fail(CheckId::MethodToken, Stage::Request, values);
    Err(RequestError::MethodToken)
}

/// Records the header that makes the call throw (H-1, H-2).
pub(super) fn header_syntax_fail(
    rec: &mut Recorder,
    index: usize,
    (name, value): (&str, &str),
    part: HeaderPart,
) -> RequestError {
    let reason = match part {
        HeaderPart::Name => "name",
        HeaderPart::Value => "value",
    };
    let values = vec![
        kv(Key::Header, name),
        kv(Key::Value, value),
        kv(Key::Reason, reason),
    ];
    rec.fail(CheckId::HeaderSyntax, Stage::Request, values);
    RequestError::HeaderSyntax { index, part }
}
