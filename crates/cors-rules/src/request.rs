//! Request construction: what `fetch()` / `new Request()` / `xhr.open()` and `setRequestHeader()` throw
//! or silently drop before anything is sent (<https://fetch.spec.whatwg.org/#dom-request>, rules Q-1…Q-10,
//! M-1…M-4, F-4, N-1, N-2).

use url::Url;

mod byte_string;
mod repeated;
mod wire_form;

use byte_string::{
    byte_string_headers, byte_string_method, header_syntax_fail, non_byte_string_part,
};
pub(crate) use repeated::{combine_repeated, has_repeated_names, wire_lines};
pub(crate) use wire_form::wire_form;

use crate::forbidden::forbidden_request_header_in;
use crate::header_list::{
    is_header_value, is_token, isomorphic_decode, isomorphic_encode, normalize_header_value,
};
use crate::method::{is_cors_safelisted_method, is_forbidden_method, is_method, normalize_method};
use crate::quirks::Quirks;
use crate::recorder::{kv, Recorder};
use crate::safelist::is_no_cors_safelisted_request_header_in;
use crate::scenario::{Api, Request, RequestMode};
use crate::trace::{CheckId, Key, Stage};

/// A header the script set that the browser keeps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuthorHeader {
    /// The name as written.
    pub name: String,
    /// The value: normalized, isomorphic-encoded.
    pub value: Vec<u8>,
}

impl AuthorHeader {
    /// The value as the `[name, value]` text of the scenario format.
    #[must_use]
    pub fn value_text(&self) -> String {
        isomorphic_decode(&self.value)
    }
}

/// The request after construction: normalized method and the headers actually kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConstructedRequest {
    /// The normalized method (M-4).
    pub method: String,
    /// The headers that survive the guard, in order.
    pub headers: Vec<AuthorHeader>,
}

/// Which part of a header is invalid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderPart {
    /// The name is not a token (H-1).
    Name,
    /// The value contains NUL, CR or LF, or a code point above U+00FF (H-2).
    Value,
}

/// Why the script's call throws (outcome `request-error`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RequestError {
    /// a fetch URL with a username or password.
    UrlCredentials,
    /// M-1: the method is not a token.
    MethodToken,
    /// M-3: CONNECT, TRACE or TRACK.
    ForbiddenMethod,
    /// `no-cors` with a method other than GET, HEAD or POST.
    NoCorsMethod,
    /// H-1/H-2: an invalid header name or value.
    HeaderSyntax {
        /// Index in `request.headers`.
        index: usize,
        /// Name or value.
        part: HeaderPart,
    },
}

/// Constructs the request as the chosen API does, recording each step; errors are the `TypeError` (fetch)
/// or `SyntaxError`/`SecurityError` (XHR) the call throws.
///
/// # Errors
/// The [`RequestError`] that makes the call throw.
pub(crate) fn construct_request(
    request: &Request,
    url: &Url,
    quirks: &Quirks,
    rec: &mut Recorder,
) -> Result<ConstructedRequest, RequestError> {
    let stage = Stage::Request;
    // WebIDL: `fetch()` converts its init to `ByteString`s (`headers`, then `method`) before the Request
    // constructor runs, so a code point above U+00FF anywhere there throws first (observed in all three).
    if request.api == Api::Fetch {
        byte_string_headers(request, rec)?;
        byte_string_method(request, rec)?;
    }
    // "If parsedURL includes credentials, then throw a TypeError." (XHR accepts them.)
    if request.api == Api::Fetch && (!url.username().is_empty() || url.password().is_some()) {
        rec.fail(
            CheckId::UrlCredentials,
            stage,
            vec![kv(Key::Url, url.as_str())],
        );
        return Err(RequestError::UrlCredentials);
    }
    let method = construct_method(request, rec)?;
    let headers = fill_headers(request, quirks, rec)?;
    Ok(ConstructedRequest { method, headers })
}

/// M-1, M-3, M-4, Q-5.
fn construct_method(request: &Request, rec: &mut Recorder) -> Result<String, RequestError> {
    let stage = Stage::Request;
    let written = request.method.as_str();
    // "If method is not a method or method is a forbidden method, then throw a TypeError."
    if !is_method(written) {
        rec.fail(CheckId::MethodToken, stage, vec![kv(Key::Method, written)]);
        return Err(RequestError::MethodToken);
    }
    if is_forbidden_method(written.as_bytes()) {
        rec.fail(
            CheckId::ForbiddenMethod,
            stage,
            vec![kv(Key::Method, written)],
        );
        return Err(RequestError::ForbiddenMethod);
    }
    // "Normalize method."
    let method = normalize_method(written);
    if method != written {
        rec.info(
            CheckId::MethodNormalize,
            stage,
            vec![
                kv(Key::WrittenMethod, written),
                kv(Key::Method, method.as_str()),
            ],
        );
    }
    // "If this's request's mode is "no-cors", then: if this's request's method is not a CORS-safelisted
    // method, then throw a TypeError."
    if request.mode == RequestMode::NoCors && !is_cors_safelisted_method(&method) {
        rec.fail(CheckId::NoCorsMethod, stage, vec![kv(Key::Method, written)]);
        return Err(RequestError::NoCorsMethod);
    }
    Ok(method)
}

/// <https://fetch.spec.whatwg.org/#concept-headers-fill> with guard `request` or `request-no-cors`
/// (fetch), or XHR `setRequestHeader()` (which combines repeated names into one header).
fn fill_headers(
    request: &Request,
    quirks: &Quirks,
    rec: &mut Recorder,
) -> Result<Vec<AuthorHeader>, RequestError> {
    let stage = Stage::Request;
    let mut kept: Vec<AuthorHeader> = Vec::new();
    for (index, (name, value)) in request.headers.iter().enumerate() {
        let syntax_fail =
            |rec: &mut Recorder, part| header_syntax_fail(rec, index, (name, value), part);
        // XHR `setRequestHeader()` converts both arguments to `ByteString`s before checking either.
        if let Some(part) = non_byte_string_part(name, value) {
            return Err(syntax_fail(rec, part));
        }
        // "Normalize value. If name is not a header name or value is not a header value, then throw."
        if !is_token(name.as_bytes()) {
            return Err(syntax_fail(rec, HeaderPart::Name));
        }
        let Some(encoded) = isomorphic_encode(value) else {
            return Err(syntax_fail(rec, HeaderPart::Value));
        };
        let normalized = match normalize_header_value(&encoded) {
            same if same.len() == encoded.len() => encoded,
            trimmed => trimmed.to_vec(),
        };
        if !is_header_value(&normalized) {
            return Err(syntax_fail(rec, HeaderPart::Value));
        }
        // "If headers's guard is "request" and (name, value) is a forbidden request-header, then return."
        if let Some(reason) = forbidden_request_header_in(name, &normalized, quirks) {
            let values = vec![
                kv(Key::Header, name.as_str()),
                kv(Key::Value, isomorphic_decode(&normalized)),
                kv(Key::Reason, reason.id()),
            ];
            rec.info(CheckId::ForbiddenHeader, stage, values);
            continue;
        }
        if request.api == Api::Fetch && request.mode == RequestMode::NoCors {
            // "Let temporaryValue be the result of getting name from headers's header list. If temporaryValue
            // is null, set temporaryValue to value. Otherwise, set temporaryValue to temporaryValue, followed
            // by 0x2C 0x20, followed by value. If (name, temporaryValue) is not a no-CORS-safelisted
            // request-header, then return."
            let candidate = combined_with(&kept, name, &normalized);
            if let Err(reason) = is_no_cors_safelisted_request_header_in(name, &candidate, quirks) {
                let values = vec![
                    kv(Key::Header, name.as_str()),
                    kv(Key::Value, isomorphic_decode(&normalized)),
                    kv(Key::Reason, reason.id()),
                ];
                rec.info(CheckId::NoCorsHeader, stage, values);
                continue;
            }
        }
        append_header(&mut kept, request.api, name, normalized);
    }
    Ok(kept)
}

/// The combined value `name` would have after appending `value`.
fn combined_with(kept: &[AuthorHeader], name: &str, value: &[u8]) -> Vec<u8> {
    let mut combined: Vec<u8> = Vec::new();
    for header in kept.iter().filter(|h| h.name.eq_ignore_ascii_case(name)) {
        combined.extend_from_slice(&header.value);
        combined.extend_from_slice(b", ");
    }
    combined.extend_from_slice(value);
    combined
}

/// fetch appends a new header line; XHR `setRequestHeader` combines with an existing one.
fn append_header(kept: &mut Vec<AuthorHeader>, api: Api, name: &str, value: Vec<u8>) {
    if api == Api::Xhr {
        if let Some(existing) = kept.iter_mut().find(|h| h.name.eq_ignore_ascii_case(name)) {
            existing.value.extend_from_slice(b", ");
            existing.value.extend_from_slice(&value);
            return;
        }
    }
    kept.push(AuthorHeader {
        name: name.to_owned(),
        value,
    });
}
