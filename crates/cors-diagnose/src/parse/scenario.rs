//! From a capture to a scenario: the page (from `Origin`), the script's request, and the server's answers.

use cors_rules::browser_managed::is_browser_managed_request_header_name;
use cors_rules::forbidden::forbidden_request_header;
use cors_rules::scenario::{Answer, CredentialsMode, HeaderPair, HttpAnswer, Request, ServerEntry};
use cors_rules::{Browser, Scenario};
use serde::Serialize;

use super::exchange::{answer_of, header, Capture, Exchange};
use super::redirects::{chain_start, redirect_targets};
use crate::assumption::{AssumedField, Assumption};
use crate::console::{ASSUMED_PAGE, ASSUMED_URL};

/// Which answer of the scenario pasted response headers (without their request) fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Slot {
    /// The answer to the `OPTIONS` preflight.
    Preflight,
    /// The answer to the request itself.
    Response,
}

/// A scenario built from a capture, and what had to be assumed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Built {
    /// The scenario.
    pub scenario: Scenario,
    /// What the capture did not say and was assumed.
    pub assumptions: Vec<Assumption>,
}

/// Headers the browser adds or manages itself; the script did not set them: the forbidden request
/// headers (a script cannot set those), the engine's browser-managed ones, and `Accept` with the
/// browser's default value (any other `Accept` value is the script's).
fn set_by_browser(name: &str, value: &str) -> bool {
    if name.eq_ignore_ascii_case("accept") {
        return value.trim() == "*/*";
    }
    forbidden_request_header(name, value.as_bytes()).is_some()
        || is_browser_managed_request_header_name(name)
}

/// Builds a scenario from a capture. `base` supplies what the capture lacks (the wizard's current
/// scenario); `slot` says which answer a request-less header paste fills (guessed when `None`).
#[must_use]
pub fn scenario_from_capture(
    capture: &Capture,
    base: Option<&Scenario>,
    slot: Option<Slot>,
) -> Built {
    let mut assumptions = Vec::new();
    let main = main_exchange(capture);
    let url = main
        .and_then(|e| e.request.as_ref()?.url.clone())
        .or_else(|| preflight_of(capture, None).and_then(|e| e.request.as_ref()?.url.clone()))
        .or_else(|| base.map(|b| b.request.url.clone()))
        .unwrap_or_else(|| {
            assumptions.push(Assumption::new(
                AssumedField::Url,
                ASSUMED_URL,
                "the capture does not show the URL",
            ));
            ASSUMED_URL.to_owned()
        });
    let preflight = preflight_of(capture, Some(&url));
    let page = page_of(capture, base, &mut assumptions);
    let request = request_of(main, preflight, base, &url, &mut assumptions);
    let mut entry = base
        .and_then(|b| b.server.iter().find(|s| s.url == url).cloned())
        .unwrap_or(ServerEntry {
            url: url.clone(),
            preflight: None,
            response: Answer::default(),
        });
    let request_less: Vec<&Exchange> = capture
        .exchanges
        .iter()
        .filter(|e| e.request.is_none())
        .collect();
    if main.is_none() && preflight.is_none() {
        for exchange in request_less {
            let slot = slot.unwrap_or(if exchange.answer_looks_like_preflight() {
                Slot::Preflight
            } else {
                Slot::Response
            });
            if let Some(answer) = answer_of(exchange) {
                match slot {
                    Slot::Preflight => entry.preflight = Some(answer),
                    Slot::Response => entry.response = answer,
                }
            }
        }
    } else {
        fill_entry(&mut entry, main, preflight, &mut assumptions);
    }
    let mut server = vec![entry];
    server.extend(redirect_targets(capture, &url));
    let browser = base.map_or(Browser::Chrome, |b| b.browser);
    Built {
        scenario: Scenario {
            browser,
            page,
            request,
            server,
        },
        assumptions,
    }
}

/// The request the diagnosis is about: the last cross-origin, non-preflight request (a failed one first).
fn main_exchange(capture: &Capture) -> Option<&Exchange> {
    let candidates: Vec<&Exchange> = capture
        .exchanges
        .iter()
        .filter(|e| e.request.is_some() && !e.is_preflight())
        .collect();
    let cross = |e: &&Exchange| {
        e.request
            .as_ref()
            .is_some_and(|r| header(&r.headers, "origin").is_some())
    };
    let failed = |e: &&Exchange| {
        e.answer
            .as_ref()
            .is_none_or(|a| header(&a.headers, "access-control-allow-origin").is_none())
    };
    let found = candidates
        .iter()
        .rev()
        .find(|e| cross(e) && failed(e))
        .or_else(|| candidates.iter().rev().find(|e| cross(e)))
        .or_else(|| candidates.last())
        .copied()?;
    Some(chain_start(&candidates, found))
}

fn preflight_of<'a>(capture: &'a Capture, url: Option<&str>) -> Option<&'a Exchange> {
    capture
        .exchanges
        .iter()
        .rev()
        .filter(|e| e.is_preflight())
        .find(|e| url.is_none() || e.request.as_ref().and_then(|r| r.url.as_deref()) == url)
}

fn page_of(
    capture: &Capture,
    base: Option<&Scenario>,
    assumptions: &mut Vec<Assumption>,
) -> Option<String> {
    let origin = capture
        .exchanges
        .iter()
        .rev()
        .find_map(|e| header(&e.request.as_ref()?.headers, "origin"));
    match origin {
        Some("null") => None,
        Some(origin) => Some(origin.to_owned()),
        None => base.map(|b| b.page.clone()).unwrap_or_else(|| {
            assumptions.push(Assumption::new(
                AssumedField::PageOrigin,
                ASSUMED_PAGE,
                "the capture has no Origin header",
            ));
            Some(ASSUMED_PAGE.to_owned())
        }),
    }
}

fn request_of(
    main: Option<&Exchange>,
    preflight: Option<&Exchange>,
    base: Option<&Scenario>,
    url: &str,
    assumptions: &mut Vec<Assumption>,
) -> Request {
    let mut request = base.map(|b| b.request.clone()).unwrap_or_else(|| Request {
        url: url.to_owned(),
        method: "GET".to_owned(),
        headers: Vec::new(),
        mode: Default::default(),
        credentials: Default::default(),
        redirect: Default::default(),
        api: Default::default(),
        preflight_flag: false,
    });
    request.url = url.to_owned();
    if let Some(seen) = main.and_then(|e| e.request.as_ref()) {
        request.method.clone_from(&seen.method);
        request.headers = seen
            .headers
            .iter()
            .filter(|(n, v)| !set_by_browser(n, v))
            .cloned()
            .collect();
        if header(&seen.headers, "cookie").is_some() {
            request.credentials = CredentialsMode::Include;
            assumptions.push(Assumption::new(
                AssumedField::Credentials,
                "include",
                "the request carried cookies",
            ));
        }
    } else if let Some(seen) = preflight.and_then(|e| e.request.as_ref()) {
        request.method = header(&seen.headers, "access-control-request-method")
            .unwrap_or("GET")
            .to_owned();
        request.headers = requested_headers(&seen.headers);
        if !request.headers.is_empty() {
            assumptions.push(Assumption::new(
                AssumedField::HeaderValues,
                "placeholders",
                "the preflight names the request's headers, not their values",
            ));
        }
    }
    request
}

/// The headers a preflight announces in `Access-Control-Request-Headers`, with placeholder values.
fn requested_headers(headers: &[HeaderPair]) -> Vec<HeaderPair> {
    let Some(list) = header(headers, "access-control-request-headers") else {
        return Vec::new();
    };
    list.split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|name| {
            let value = if name.eq_ignore_ascii_case("content-type") {
                "application/json"
            } else {
                "1"
            };
            (name.to_owned(), value.to_owned())
        })
        .collect()
}

fn fill_entry(
    entry: &mut ServerEntry,
    main: Option<&Exchange>,
    preflight: Option<&Exchange>,
    assumptions: &mut Vec<Assumption>,
) {
    if let Some(answer) = preflight.and_then(answer_of) {
        entry.preflight = Some(answer);
    }
    match main.and_then(answer_of) {
        Some(answer) => entry.response = answer,
        None => {
            let from = preflight.and_then(|e| e.answer.as_ref());
            let headers: Vec<HeaderPair> = from
                .map(|a| {
                    a.headers
                        .iter()
                        .filter(|(n, _)| is_cors_response_header(n))
                        .cloned()
                        .collect()
                })
                .unwrap_or_default();
            let assumed = if from.is_some() {
                "200 with the preflight's Access-Control-Allow-Origin/-Credentials"
            } else {
                "200 without CORS headers"
            };
            assumptions.push(Assumption::new(
                AssumedField::Response,
                assumed,
                "the capture has no answer to the request itself",
            ));
            entry.response = Answer::Http(HttpAnswer {
                status: 200,
                headers,
            });
        }
    }
}

fn is_cors_response_header(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    matches!(
        name.as_str(),
        "access-control-allow-origin" | "access-control-allow-credentials" | "vary"
    )
}
