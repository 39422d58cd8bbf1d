//! Host names in their ASCII form, converted by the browser's own URL parser.
//!
//! In the browser build the `url` crate carries no Unicode tables (`crates/idna-adapter`): a host such
//! as `bücher.example` reaches the engine as `xn--bcher-kva.example`, which is also how every browser
//! serializes it in the `Origin` header and in its console. The page's `URL` constructor does the
//! conversion, so the engine still judges everything else. Native builds (the app's unit tests) keep
//! Unicode support in `url` and change nothing here.

use std::borrow::Cow;

use cors_rules::scenario::Answer;
use cors_rules::Scenario;

/// The scenario with every URL it holds (page origin, request URL, server entries, `Location`
/// values) in ASCII form; borrowed unchanged when all of it is ASCII already.
#[must_use]
pub fn in_ascii(scenario: &Scenario) -> Cow<'_, Scenario> {
    if is_all_ascii(scenario) {
        return Cow::Borrowed(scenario);
    }
    let mut owned = scenario.clone();
    if let Some(page) = owned.page.as_mut() {
        *page = ascii_origin(page);
    }
    owned.request.url = ascii_url(&owned.request.url);
    for entry in &mut owned.server {
        entry.url = ascii_url(&entry.url);
        for answer in entry.preflight.iter_mut().chain([&mut entry.response]) {
            let Answer::Http(http) = answer else { continue };
            for (name, value) in &mut http.headers {
                if name.eq_ignore_ascii_case("location") {
                    *value = ascii_url(value);
                }
            }
        }
    }
    Cow::Owned(owned)
}

fn is_all_ascii(scenario: &Scenario) -> bool {
    scenario.page.as_deref().is_none_or(str::is_ascii)
        && scenario.request.url.is_ascii()
        && scenario.server.iter().all(|entry| {
            entry.url.is_ascii()
                && entry
                    .preflight
                    .iter()
                    .chain([&entry.response])
                    .all(|answer| match answer {
                        Answer::Http(http) => {
                            http.headers.iter().all(|(_, value)| value.is_ascii())
                        }
                        Answer::Error(_) => true,
                    })
        })
}

/// Parses a URL the way the engine would, after [`ascii_url`]: what the app lays out or compares
/// (origin parts, server entries, live-run targets) must agree with what the engine saw.
#[must_use]
pub fn parse_url(text: &str) -> Option<url::Url> {
    url::Url::parse(&ascii_url(text)).ok()
}

/// An absolute URL as the browser serializes it; anything the browser cannot parse (a relative
/// `Location`, a typo) unchanged, for the engine to resolve or report.
#[must_use]
pub fn ascii_url(text: &str) -> String {
    browser_url(text).map_or_else(|| text.to_owned(), |url| url.href())
}

/// A page origin in ASCII form. Anything more than an origin (a path, even `/`) stays in, so the
/// engine still says what it says about it.
fn ascii_origin(text: &str) -> String {
    match browser_url(text) {
        Some(url) if is_bare_origin(text, &url) => url.origin(),
        Some(url) => url.href(),
        None => text.to_owned(),
    }
}

#[cfg(target_arch = "wasm32")]
fn is_bare_origin(text: &str, url: &web_sys::Url) -> bool {
    url.pathname() == "/"
        && url.search().is_empty()
        && url.hash().is_empty()
        && !text.trim_end().ends_with('/')
}

#[cfg(not(target_arch = "wasm32"))]
fn is_bare_origin(_text: &str, _url: &web_sys::Url) -> bool {
    false
}

#[cfg(target_arch = "wasm32")]
fn browser_url(text: &str) -> Option<web_sys::Url> {
    if text.is_ascii() {
        return None;
    }
    web_sys::Url::new(text.trim()).ok()
}

#[cfg(not(target_arch = "wasm32"))]
fn browser_url(_text: &str) -> Option<web_sys::Url> {
    None
}
