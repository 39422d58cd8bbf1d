//! The `TypeError` of a WebIDL `ByteString` conversion: the script's method, header name or value holds a
//! code point above U+00FF, so the call throws before any Fetch-standard check. Every text here was
//! observed in Chromium 156, Firefox ESR 153 and WebKitGTK 2.50 (`fetch()` with headers given as a list
//! of pairs, and XMLHttpRequest).

use super::template::fill;
use super::values::val;
use crate::browser::Browser;
use crate::scenario::Api;
use crate::trace::{CheckId, Key, TraceStep};

/// What the failed conversion was converting.
#[derive(Clone, Copy)]
enum Converted {
    Method,
    HeaderName,
    HeaderValue,
}

/// Chromium's tail.
const CHROME_TAIL: &str = "String contains non ISO-8859-1 code point.";

/// Firefox's tail: which character failed, as a JavaScript (UTF-16) index and code unit.
const FIREFOX_TAIL: &str =
    "to ByteString because the character at index {index} has value {unit} which is greater than 255.";

/// The exception text when the failed step's method or header is not a `ByteString`, else `None`.
pub(super) fn byte_string_error(browser: Browser, api: Api, step: &TraceStep) -> Option<String> {
    let reason = val(step, Key::Reason);
    let (converted, text) = match step.check {
        CheckId::MethodToken => (Converted::Method, val(step, Key::Method)),
        CheckId::HeaderSyntax if reason == "value" => {
            (Converted::HeaderValue, val(step, Key::Value))
        }
        CheckId::HeaderSyntax => (Converted::HeaderName, val(step, Key::Header)),
        _ => return None,
    };
    let (index, unit) = text.encode_utf16().enumerate().find(|(_, u)| *u > 0xFF)?;
    let head = match (browser, api, converted) {
        (Browser::Chrome, Api::Fetch, Converted::Method) => {
            "TypeError: Failed to execute 'fetch' on 'Window': Failed to read the 'method' property from 'RequestInit':"
        }
        (Browser::Chrome, Api::Fetch, _) => {
            "TypeError: Failed to execute 'fetch' on 'Window': Failed to read the 'headers' property from 'RequestInit':"
        }
        (Browser::Chrome, Api::Xhr, Converted::Method) => "TypeError: Failed to execute 'open' on 'XMLHttpRequest':",
        (Browser::Chrome, Api::Xhr, _) => "TypeError: Failed to execute 'setRequestHeader' on 'XMLHttpRequest':",
        (Browser::Safari, _, _) => return Some("TypeError: Type error".to_owned()),
        (Browser::Firefox, Api::Fetch, Converted::Method) => "TypeError: Window.fetch: Cannot convert 'method' member of RequestInit",
        (Browser::Firefox, Api::Fetch, _) => {
            "TypeError: Window.fetch: Cannot convert element of element of sequence<sequence<ByteString>> branch of \
             (sequence<sequence<ByteString>> or record<ByteString, ByteString>)"
        }
        (Browser::Firefox, Api::Xhr, Converted::Method) => "TypeError: XMLHttpRequest.open: Cannot convert argument 1",
        (Browser::Firefox, Api::Xhr, Converted::HeaderName) => {
            "TypeError: XMLHttpRequest.setRequestHeader: Cannot convert argument 1"
        }
        (Browser::Firefox, Api::Xhr, Converted::HeaderValue) => {
            "TypeError: XMLHttpRequest.setRequestHeader: Cannot convert argument 2"
        }
        // The standard's profile keeps its neutral request-error texts.
        _ => return None,
    };
    if browser == Browser::Chrome {
        return Some(format!("{head} {CHROME_TAIL}"));
    }
    let (index, unit) = (index.to_string(), unit.to_string());
    let tail = fill(FIREFOX_TAIL, &[("index", &index), ("unit", &unit)]);
    Some(format!("{head} {tail}"))
}
