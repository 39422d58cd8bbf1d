//! The exception the script sees, per browser.
//!
//! A blocked fetch rejects with a `TypeError` whose message never says why (identical for CORS and
//! network failures). A blocked XMLHttpRequest throws nothing: its `error` event fires with `status` 0,
//! so the text is `None`. Request errors throw synchronously (XHR) or reject at once (fetch).
//!
//! Verified in Chromium 156: every Chrome text here. Firefox and Safari fetch texts: the Sentry SDK's
//! Playwright tests run in all three engines (`Invalid request method CONNECT.`, `… is an url with
//! embedded credentials.`, `Method is forbidden.`, `URL is not valid or contains user credentials.`,
//! `Invalid header name: '…'`) and WebKit `FetchRequest.cpp`. The conformance suite verified the
//! header name and value errors of all three (fetch and XHR) in Chromium 156, Firefox ESR 153 and
//! WebKitGTK 2.50; the other Firefox and Safari XHR `DOMException` texts are their default messages.

use super::byte_string_error::byte_string_error;
use super::template::fill;
use super::values::val;
use super::{failing_step, RenderContext};
use crate::browser::Browser;
use crate::scenario::Api;
use crate::trace::{CheckId, Key, TraceStep};
use crate::verdict::Outcome;

/// The exception text, or `None` when nothing is thrown.
pub(super) fn text(ctx: &RenderContext, outcome: Outcome, trace: &[TraceStep]) -> Option<String> {
    match (outcome, ctx.api) {
        (Outcome::Blocked, Api::Fetch) => Some(network_error(ctx.browser).to_owned()),
        (Outcome::Blocked, Api::Xhr) => None,
        (Outcome::RequestError, api) => Some(request_error(ctx, api, failing_step(trace))),
        (Outcome::Allowed | Outcome::Opaque | Outcome::OpaqueRedirect | Outcome::NoEvent, _) => {
            None
        }
    }
}

/// The `TypeError` a blocked `fetch()` rejects with.
fn network_error(browser: Browser) -> &'static str {
    match browser {
        Browser::Chrome => "TypeError: Failed to fetch",
        Browser::Firefox => "TypeError: NetworkError when attempting to fetch resource.",
        Browser::Safari => "TypeError: Load failed",
        _ => "TypeError: network error",
    }
}

/// The exception of a request the browser refuses to make.
fn request_error(ctx: &RenderContext, api: Api, step: Option<&TraceStep>) -> String {
    let Some(step) = step else {
        return "TypeError".to_owned();
    };
    if let Some(text) = byte_string_error(ctx.browser, api, step) {
        return text;
    }
    let template = match api {
        Api::Fetch => fetch_template(ctx.browser, step),
        Api::Xhr => xhr_template(ctx.browser, step),
    };
    let header = val(step, Key::Header);
    let lower_header = header.to_ascii_lowercase();
    let method = val(step, Key::Method);
    let value = val(step, Key::Value);
    // Firefox prints its C strings: the method's bytes read as UTF-8 (`PÜT` → `P\u{FFFD}T`), a value up to
    // its first NUL (observed in Firefox ESR 153).
    let method_bytes: Vec<u8> = method
        .chars()
        .filter_map(|c| u8::try_from(c).ok())
        .collect();
    let utf8_method = String::from_utf8_lossy(&method_bytes);
    // A header name's bytes are read the same way (`X-é` → `x-\u{FFFD}`).
    let name_bytes: Vec<u8> = lower_header
        .chars()
        .filter_map(|c| u8::try_from(c).ok())
        .collect();
    let utf8_lower_header = String::from_utf8_lossy(&name_bytes);
    let c_value = value.split('\0').next().unwrap_or_default();
    let vars = [
        ("method", method),
        ("utf8-method", &utf8_method),
        ("url", val(step, Key::Url)),
        ("header", header),
        ("lower-header", lower_header.as_str()),
        ("utf8-lower-header", &utf8_lower_header),
        ("value", value),
        ("c-value", c_value),
    ];
    fill(template, &vars)
}

fn is_name(step: &TraceStep) -> bool {
    val(step, Key::Reason) != "value"
}

fn fetch_template(browser: Browser, step: &TraceStep) -> &'static str {
    use CheckId as C;
    match (browser, step.check) {
        (Browser::Chrome, C::MethodToken) => "TypeError: Failed to execute 'fetch' on 'Window': '{method}' is not a valid HTTP method.",
        (Browser::Chrome, C::ForbiddenMethod) => "TypeError: Failed to execute 'fetch' on 'Window': '{method}' HTTP method is unsupported.",
        (Browser::Chrome, C::NoCorsMethod) => "TypeError: Failed to execute 'fetch' on 'Window': '{method}' is unsupported in no-cors mode.",
        (Browser::Chrome, C::UrlCredentials) => {
            "TypeError: Failed to execute 'fetch' on 'Window': Request cannot be constructed from a URL that includes credentials: {url}"
        }
        (Browser::Chrome, C::HeaderSyntax) if is_name(step) => "TypeError: Failed to execute 'fetch' on 'Window': Invalid name",
        (Browser::Chrome, C::HeaderSyntax) => "TypeError: Failed to execute 'fetch' on 'Window': Invalid value",
        (Browser::Firefox, C::MethodToken | C::ForbiddenMethod | C::NoCorsMethod) => "TypeError: Window.fetch: Invalid request method {utf8-method}.",
        (Browser::Firefox, C::UrlCredentials) => "TypeError: Window.fetch: {url} is an url with embedded credentials.",
        (Browser::Firefox, C::HeaderSyntax) if is_name(step) => "TypeError: Window.fetch: {utf8-lower-header} is an invalid header name.",
        (Browser::Firefox, C::HeaderSyntax) => "TypeError: Window.fetch: {c-value} is an invalid header value.",
        (Browser::Safari, C::MethodToken) => "TypeError: Method is not a valid HTTP token.",
        (Browser::Safari, C::ForbiddenMethod) => "TypeError: Method is forbidden.",
        (Browser::Safari, C::NoCorsMethod) => "TypeError: Method must be GET, POST or HEAD in no-cors mode.",
        (Browser::Safari, C::UrlCredentials) => "TypeError: URL is not valid or contains user credentials.",
        (Browser::Safari, C::HeaderSyntax) if is_name(step) => "TypeError: Invalid header name: '{header}'",
        (Browser::Safari, C::HeaderSyntax) => "TypeError: Header '{header}' has invalid value: '{value}'",
        (_, C::MethodToken) => "TypeError: '{method}' is not a valid method",
        (_, C::ForbiddenMethod) => "TypeError: '{method}' is a forbidden method",
        (_, C::NoCorsMethod) => "TypeError: '{method}' is not a CORS-safelisted method, as no-cors mode requires",
        (_, C::UrlCredentials) => "TypeError: the URL includes credentials",
        (_, C::HeaderSyntax) if is_name(step) => "TypeError: '{header}' is not a valid header name",
        (_, C::HeaderSyntax) => "TypeError: the value of '{header}' is not a valid header value",
        _ => "TypeError",
    }
}

fn xhr_template(browser: Browser, step: &TraceStep) -> &'static str {
    use CheckId as C;
    match (browser, step.check) {
        (Browser::Chrome, C::MethodToken) => "SyntaxError: Failed to execute 'open' on 'XMLHttpRequest': '{method}' is not a valid HTTP method.",
        (Browser::Chrome, C::ForbiddenMethod) => "SecurityError: Failed to execute 'open' on 'XMLHttpRequest': '{method}' HTTP method is unsupported.",
        (Browser::Chrome, C::HeaderSyntax) if is_name(step) => {
            "SyntaxError: Failed to execute 'setRequestHeader' on 'XMLHttpRequest': '{header}' is not a valid HTTP header field name."
        }
        (Browser::Chrome, C::HeaderSyntax) => {
            "SyntaxError: Failed to execute 'setRequestHeader' on 'XMLHttpRequest': '{value}' is not a valid HTTP header field value."
        }
        (Browser::Firefox, C::MethodToken) => "SyntaxError: An invalid or illegal string was specified",
        // Observed in Firefox ESR 153: an invalid value is reported as an invalid name too.
        (Browser::Firefox, C::HeaderSyntax) => "SyntaxError: Invalid header name.",
        (Browser::Firefox | Browser::Safari, C::ForbiddenMethod) => "SecurityError: The operation is insecure.",
        (Browser::Safari, C::MethodToken | C::HeaderSyntax) => "SyntaxError: The string did not match the expected pattern.",
        (_, C::MethodToken | C::HeaderSyntax) => "SyntaxError",
        (_, C::ForbiddenMethod) => "SecurityError",
        // XMLHttpRequest has no no-cors mode and accepts credentials in the URL: these cannot throw.
        _ => "TypeError",
    }
}
