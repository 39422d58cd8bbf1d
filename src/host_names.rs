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
    owned.request.url = ascii_url(&owned.request.url).into_owned();
    for entry in &mut owned.server {
        entry.url = ascii_url(&entry.url).into_owned();
        for answer in entry.preflight.iter_mut().chain([&mut entry.response]) {
            let Answer::Http(http) = answer else { continue };
            for (name, value) in &mut http.headers {
                if name.eq_ignore_ascii_case("location") {
                    *value = ascii_url(value).into_owned();
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

/// Parses a URL the way the engine would, with its host name in ASCII form: what the app lays out or
/// compares (origin parts, server entries, live-run targets) must agree with what the engine saw.
#[must_use]
pub fn parse_url(text: &str) -> Option<url::Url> {
    url::Url::parse(&ascii_url(text)).ok()
}

/// An absolute URL as the browser serializes it; ASCII text, and anything the browser cannot parse (a
/// relative `Location`, a typo), borrowed unchanged for the engine to resolve or report.
fn ascii_url(text: &str) -> Cow<'_, str> {
    browser::href(text).map_or(Cow::Borrowed(text), Cow::Owned)
}

/// A page origin in ASCII form. Anything more than an origin (a path, even `/`) stays in, so the
/// engine still says what it says about it.
fn ascii_origin(text: &str) -> String {
    browser::origin_or_href(text).unwrap_or_else(|| text.to_owned())
}

/// The page's `URL` parser; only non-ASCII text is handed to it.
#[cfg(target_arch = "wasm32")]
mod browser {
    fn parse(text: &str) -> Option<web_sys::Url> {
        if text.is_ascii() {
            return None;
        }
        web_sys::Url::new(text.trim()).ok()
    }

    pub fn href(text: &str) -> Option<String> {
        parse(text).map(|url| url.href())
    }

    pub fn origin_or_href(text: &str) -> Option<String> {
        let url = parse(text)?;
        let bare_origin = url.pathname() == "/"
            && url.search().is_empty()
            && url.hash().is_empty()
            && !text.trim_end().ends_with('/');
        Some(if bare_origin {
            url.origin()
        } else {
            url.href()
        })
    }
}

/// Native builds: `url` has its Unicode tables, nothing to convert.
#[cfg(not(target_arch = "wasm32"))]
mod browser {
    pub fn href(_text: &str) -> Option<String> {
        None
    }

    pub fn origin_or_href(_text: &str) -> Option<String> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(page: &str, url: &str, location: &str) -> Scenario {
        let json = serde_json::json!({
            "page": page,
            "request": {"url": url},
            "server": [{"url": url, "response": {"status": 302, "headers": [["Location", location]]}}]
        });
        Scenario::from_json(&json.to_string()).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn an_ascii_scenario_is_handed_over_as_it_is_without_a_copy() {
        let s = scenario("https://app.example", "https://api.example/x", "/y");
        assert!(matches!(in_ascii(&s), Cow::Borrowed(_)));
    }

    #[test]
    fn a_unicode_location_value_makes_a_copy_natively_unchanged() {
        let s = scenario(
            "https://app.example",
            "https://api.example/x",
            "https://bücher.example/",
        );
        assert!(matches!(in_ascii(&s), Cow::Owned(ref owned) if *owned == s));
    }
}
