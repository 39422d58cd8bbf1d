//! Asking the server as the browser would, with the engine deciding every request.
//!
//! The client never decides what to send. The scenario starts with a stand-in answer ("no answer") for
//! the request URL; the engine decides the scenario and lists the requests the browser puts on the wire,
//! stopping at the first one whose answer is still a stand-in. That request is sent exactly as listed
//! (method, URL, `Origin`, `Access-Control-Request-*`, the script's headers that survive), its real
//! answer replaces the stand-in, and the engine decides again: the preflight only when the browser would
//! send one, the request itself only when the preflight passed, each redirect hop only when the browser
//! follows it. Once every listed request has its real answer the scenario is the record of the exchange,
//! and judging it is an ordinary evaluation.
//!
//! Several browsers share one scenario: a request another browser already sent to the same URL (a
//! preflight, or the request itself) is not sent again.

use std::collections::HashSet;

use cors_rules::redirect::{is_redirect_status, location_value};
use cors_rules::scenario::{Answer, HttpAnswer, NetworkErrorKind, ServerEntry};
use cors_rules::verdict::WireRequest;
use cors_rules::{decide, Browser, InputError, Scenario};
use url::Url;

use crate::client::{Client, Unreachable};

/// More requests than one browser's fetch makes (20 redirects, each with a preflight, and the last request).
const MAX_REQUESTS: usize = 48;

/// Which answer of a server entry a request gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Slot {
    /// The answer to an `OPTIONS` preflight.
    Preflight,
    /// The answer to the request itself.
    Response,
}

impl Slot {
    /// A preflight is an `OPTIONS` request carrying `Access-Control-Request-Method`.
    fn of(request: &WireRequest) -> Slot {
        let preflight = request.method == "OPTIONS"
            && request
                .headers
                .iter()
                .any(|(name, _)| name.eq_ignore_ascii_case("access-control-request-method"));
        if preflight {
            Slot::Preflight
        } else {
            Slot::Response
        }
    }
}

/// What a probe found out.
pub struct Probed {
    /// The scenario with the real answers.
    pub scenario: Scenario,
    /// The requests that got no HTTP answer.
    pub unreachable: Vec<Unreachable>,
}

/// The stand-in for an answer not asked for yet: no answer, so the engine stops there.
const STAND_IN: Answer = Answer::Error(NetworkErrorKind::ConnectionRefused);

/// Sends what each of `browsers` sends for `scenario` (whose `server` list is ignored) and records the
/// answers.
///
/// # Errors
/// An [`InputError`] when the engine cannot evaluate the request (then nothing more is sent).
pub fn probe(
    client: &Client,
    scenario: &Scenario,
    browsers: &[Browser],
) -> Result<Probed, InputError> {
    // Entries are matched to requests by URL text, so the request URL is written as the parser serializes it.
    let url = Url::parse(&scenario.request.url)
        .map_or_else(|_| scenario.request.url.clone(), String::from);
    let mut recording = Recording {
        scenario: Scenario {
            server: vec![stand_in(url)],
            ..scenario.clone()
        },
        recorded: HashSet::new(),
        unreachable: Vec::new(),
    };
    for &browser in browsers {
        let mut sent = 0;
        while sent < MAX_REQUESTS {
            let mut asked = recording.scenario.clone();
            asked.browser = browser;
            let decision = decide(&asked)?;
            let next = decision
                .requests
                .into_iter()
                .find(|request| !recording.has(request));
            let Some(request) = next else {
                break;
            };
            let answer = client.send(&request);
            recording.record(&request, answer);
            sent += 1;
        }
    }
    Ok(recording.finish(scenario.browser))
}

/// The scenario being filled in.
struct Recording {
    scenario: Scenario,
    /// `(url, slot)` pairs with a real answer (or a real failure to answer).
    recorded: HashSet<(String, Slot)>,
    unreachable: Vec<Unreachable>,
}

impl Recording {
    fn has(&self, request: &WireRequest) -> bool {
        self.recorded
            .contains(&(request.url.clone(), Slot::of(request)))
    }

    /// Puts the answer to `request` in its slot; a redirect's target gets a stand-in entry.
    fn record(&mut self, request: &WireRequest, answer: Result<HttpAnswer, Unreachable>) {
        let slot = Slot::of(request);
        let answer = match answer {
            Ok(http) => {
                if slot == Slot::Response {
                    self.expect_redirect_target(&request.url, &http);
                }
                Answer::Http(http)
            }
            Err(unreachable) => {
                let kind = unreachable.kind;
                self.unreachable.push(unreachable);
                Answer::Error(kind)
            }
        };
        let entry = self.entry(&request.url);
        match slot {
            Slot::Preflight => entry.preflight = Some(answer),
            Slot::Response => entry.response = answer,
        }
        self.recorded.insert((request.url.clone(), slot));
    }

    /// The entry answering `url`, created with stand-ins when missing.
    fn entry(&mut self, url: &str) -> &mut ServerEntry {
        let position = match self.scenario.server.iter().position(|e| e.url == url) {
            Some(position) => position,
            None => {
                self.scenario.server.push(stand_in(url.to_owned()));
                self.scenario.server.len() - 1
            }
        };
        &mut self.scenario.server[position]
    }

    /// A redirect's `Location`, resolved against the URL it came from, gets a stand-in entry so the engine
    /// can follow it (or refuse to) and list the next request.
    fn expect_redirect_target(&mut self, from: &str, answer: &HttpAnswer) {
        if !is_redirect_status(answer.status) {
            return;
        }
        let target = location_value(&answer.headers)
            .and_then(|location| Url::parse(from).ok()?.join(&location).ok())
            .map(String::from);
        if let Some(target) = target {
            self.entry(&target);
        }
    }

    /// Stand-ins that were never asked for are removed: an entry no request reached disappears, and an
    /// entry whose preflight was never sent has none ("answers `OPTIONS` like the request").
    fn finish(mut self, browser: Browser) -> Probed {
        let recorded = &self.recorded;
        self.scenario.server.retain_mut(|entry| {
            let preflight = recorded.contains(&(entry.url.clone(), Slot::Preflight));
            let response = recorded.contains(&(entry.url.clone(), Slot::Response));
            if !preflight {
                entry.preflight = None;
            }
            if !response && preflight {
                // Only the preflight was sent: the request itself never went out. Its answer is kept as the
                // preflight's so a replay in another browser does not invent a failure.
                if let Some(answer) = entry.preflight.take() {
                    entry.response = answer;
                }
            }
            preflight || response
        });
        self.scenario.browser = browser;
        Probed {
            scenario: self.scenario,
            unreachable: self.unreachable,
        }
    }
}

/// An entry for `url` whose answers are still stand-ins.
fn stand_in(url: String) -> ServerEntry {
    ServerEntry {
        url,
        preflight: Some(STAND_IN),
        response: STAND_IN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(method: &str, url: &str, headers: &[(&str, &str)]) -> WireRequest {
        WireRequest {
            method: method.to_owned(),
            url: url.to_owned(),
            credentials: false,
            headers: headers
                .iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
                .collect(),
        }
    }

    fn recording(url: &str) -> Recording {
        let scenario = Scenario::from_json(&format!(
            r#"{{"page": "https://app.example", "request": {{"url": "{url}", "method": "PUT"}}, "server": []}}"#
        ))
        .expect("a scenario");
        Recording {
            scenario: Scenario {
                server: vec![stand_in(url.to_owned())],
                ..scenario
            },
            recorded: HashSet::new(),
            unreachable: Vec::new(),
        }
    }

    fn answer(status: u16, headers: &[(&str, &str)]) -> Result<HttpAnswer, Unreachable> {
        Ok(HttpAnswer {
            status,
            headers: headers
                .iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
                .collect(),
        })
    }

    #[test]
    fn an_options_request_is_a_preflight_only_with_access_control_request_method() {
        let preflight = request(
            "OPTIONS",
            "https://a/",
            &[("access-control-request-method", "PUT")],
        );
        assert_eq!(Slot::of(&preflight), Slot::Preflight);
        assert_eq!(
            Slot::of(&request("OPTIONS", "https://a/", &[])),
            Slot::Response
        );
    }

    #[test]
    fn a_preflight_that_was_the_only_request_becomes_the_entrys_one_answer() {
        let url = "https://api.example/x";
        let mut recording = recording(url);
        let preflight = request("OPTIONS", url, &[("Access-Control-Request-Method", "PUT")]);
        recording.record(&preflight, answer(405, &[("Allow", "GET")]));
        let probed = recording.finish(Browser::Firefox);
        let entry = &probed.scenario.server[0];
        assert_eq!(entry.preflight, None);
        assert_eq!(
            entry.response,
            answer(405, &[("Allow", "GET")]).map(Answer::Http).unwrap()
        );
        assert_eq!(probed.scenario.browser, Browser::Firefox);
    }

    #[test]
    fn a_redirect_target_never_asked_for_leaves_no_entry() {
        let url = "https://api.example/x";
        let mut recording = recording(url);
        recording.record(
            &request("GET", url, &[]),
            answer(302, &[("Location", "/elsewhere")]),
        );
        assert_eq!(
            recording.scenario.server.len(),
            2,
            "the target gets a stand-in"
        );
        assert_eq!(
            recording.scenario.server[1].url,
            "https://api.example/elsewhere"
        );
        let probed = recording.finish(Browser::Chrome);
        assert_eq!(probed.scenario.server.len(), 1);
        assert_eq!(probed.scenario.server[0].preflight, None);
    }

    #[test]
    fn no_answer_is_recorded_as_its_kind_and_reported() {
        let url = "https://api.example/x";
        let mut recording = recording(url);
        let failure = Unreachable {
            kind: NetworkErrorKind::Tls,
            url: url.to_owned(),
            detail: "bad certificate".to_owned(),
        };
        recording.record(&request("GET", url, &[]), Err(failure.clone()));
        let probed = recording.finish(Browser::Chrome);
        assert_eq!(
            probed.scenario.server[0].response,
            Answer::Error(NetworkErrorKind::Tls)
        );
        assert_eq!(probed.unreachable, vec![failure]);
    }
}
