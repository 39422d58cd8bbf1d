//! Compares the engine's prediction with what a browser did, one observable at a time.

use std::collections::BTreeSet;

use cors_rules::scenario::{Answer, Api, Scenario};
use cors_rules::Verdict;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::observation::{Observation, ReportKind};
use crate::wire::{
    observed_view, predicted_view, CookieVisibility, ObservedRequest, Relevance, WireView,
};

/// Something a real browser lets the harness observe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Observable {
    /// Allowed, blocked, opaque, opaque redirect or request error.
    Outcome,
    /// `Response.type` (fetch only).
    ResponseType,
    /// The status the script reads.
    Status,
    /// The response header names the script can read (among those the scenario's server sends).
    ReadableHeaders,
    /// The exception text the script sees.
    JsError,
    /// Whether an `OPTIONS` preflight reached the server.
    PreflightSent,
    /// Every request that reached the server: method, URL, cookies, CORS-relevant headers.
    WireRequests,
    /// The console lines printed for the request.
    Console,
}

impl Observable {
    /// Every observable, in report order.
    pub const ALL: [Observable; 8] = [
        Observable::Outcome,
        Observable::ResponseType,
        Observable::Status,
        Observable::ReadableHeaders,
        Observable::JsError,
        Observable::PreflightSent,
        Observable::WireRequests,
        Observable::Console,
    ];

    /// The kebab-case id used in reports and known-deviation entries.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Observable::Outcome => "outcome",
            Observable::ResponseType => "response-type",
            Observable::Status => "status",
            Observable::ReadableHeaders => "readable-headers",
            Observable::JsError => "js-error",
            Observable::PreflightSent => "preflight-sent",
            Observable::WireRequests => "wire-requests",
            Observable::Console => "console",
        }
    }
}

/// The result of comparing one observable.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "kebab-case")]
pub enum Agreement {
    /// Prediction and browser agree.
    Agree,
    /// They differ.
    Disagree {
        /// What the engine predicted.
        predicted: Value,
        /// What the browser did.
        observed: Value,
    },
    /// The browser does not let the harness see this one here.
    NotObserved,
}

/// Everything one comparison needs.
pub struct CompareInput<'a> {
    /// The scenario as the browser ran it (lab terms).
    pub scenario: &'a Scenario,
    /// The engine's prediction for it.
    pub verdict: &'a Verdict,
    /// What the browser did.
    pub observation: &'a Observation,
    /// Whether cookies would be visible on a request to this URL (the harness planted an eligible cookie).
    pub credentials_visible: &'a dyn Fn(&str) -> bool,
    /// Which console lines the browser's capture can see.
    pub console_scope: ConsoleScope,
}

/// Which console lines a browser's capture delivers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConsoleScope {
    /// Every line (Chromium's browser log).
    Everything,
    /// Error-level lines only: Firefox's WebDriver BiDi `log.entryAdded` forwards console-API calls and
    /// script errors, not warnings, so a predicted warning line (`Cross-Origin Request Warning: …`) cannot
    /// be observed and is left out of the comparison.
    ErrorsOnly,
    /// The page's console only: MiniBrowser writes the page's console messages to its output, not Web
    /// Inspector's network lines, so a predicted `Failed to load resource: …` line is left out.
    PageConsole,
}

impl ConsoleScope {
    /// Whether the observed lines are the predicted ones in the order the capture can promise. Firefox
    /// prints a redirect's `Security Error: …` line from the security check and the CORS lines from the
    /// CORS listener, and their relative order varies from run to run (1 of 8 cases in a 10,000-scenario
    /// run of Firefox ESR 153), so there those lines are compared apart from each other's order.
    #[must_use]
    pub fn same_lines(self, predicted: &[&String], observed: &[&String]) -> bool {
        if predicted == observed {
            return true;
        }
        if self != ConsoleScope::ErrorsOnly {
            return false;
        }
        let security = |line: &&&String| line.starts_with("Security Error:");
        let split = |lines: &[&String]| -> (Vec<String>, Vec<String>) {
            let (mut apart, rest): (Vec<&String>, Vec<&String>) = lines.iter().partition(security);
            apart.sort();
            (
                apart.into_iter().cloned().collect(),
                rest.into_iter().cloned().collect(),
            )
        };
        split(predicted) == split(observed)
    }

    /// Whether a predicted line would be delivered by the capture.
    #[must_use]
    pub fn observes(self, line: &str) -> bool {
        match self {
            ConsoleScope::Everything => true,
            ConsoleScope::ErrorsOnly => !line.starts_with("Cross-Origin Request Warning:"),
            ConsoleScope::PageConsole => !line.starts_with("Failed to load resource:"),
        }
    }
}

fn agree_if<T: Serialize + PartialEq>(predicted: &T, observed: &T) -> Agreement {
    if predicted == observed {
        Agreement::Agree
    } else {
        Agreement::Disagree {
            predicted: json!(predicted),
            observed: json!(observed),
        }
    }
}

/// Compares every observable.
#[must_use]
pub fn compare(input: &CompareInput) -> Vec<(Observable, Agreement)> {
    Observable::ALL
        .iter()
        .map(|&observable| (observable, compare_one(input, observable)))
        .collect()
}

fn compare_one(input: &CompareInput, observable: Observable) -> Agreement {
    let verdict = input.verdict;
    let script = &input.observation.script;
    let is_fetch = input.scenario.request.api == Api::Fetch;
    match observable {
        Observable::Outcome => match script.outcome() {
            Some(outcome) => agree_if(&verdict.outcome, &outcome),
            None => Agreement::Disagree {
                predicted: json!(verdict.outcome),
                observed: json!(script.kind),
            },
        },
        Observable::ResponseType => match script.response_type(is_fetch) {
            Some(observed) => agree_if(&verdict.response_type, &observed),
            None => Agreement::NotObserved,
        },
        Observable::Status => {
            let observed = (script.kind == ReportKind::Response
                && script.outcome() == Some(cors_rules::Outcome::Allowed))
            .then_some(script.status)
            .flatten();
            agree_if(
                &verdict.readable.as_ref().map(|readable| readable.status),
                &observed,
            )
        }
        Observable::ReadableHeaders => compare_readable(input),
        Observable::JsError => agree_if(&verdict.js_error, &script.error),
        Observable::PreflightSent => {
            let observed = input.observation.received.iter().any(|received| {
                received.method == "OPTIONS"
                    && received
                        .headers
                        .iter()
                        .any(|(name, _)| name.eq_ignore_ascii_case("access-control-request-method"))
            });
            agree_if(&verdict.preflight_sent, &observed)
        }
        Observable::WireRequests => {
            let (predicted, observed) = wire_views(input);
            agree_if(&predicted, &observed)
        }
        Observable::Console => match &input.observation.console {
            Some(lines) => {
                let scope = input.console_scope;
                let predicted: Vec<&String> = verdict
                    .console
                    .iter()
                    .filter(|line| scope.observes(line))
                    .collect();
                let observed: Vec<&String> = lines.iter().collect();
                if scope.same_lines(&predicted, &observed) {
                    Agreement::Agree
                } else {
                    agree_if(&predicted, &observed)
                }
            }
            None => Agreement::NotObserved,
        },
    }
}

/// Both sides of the wire comparison.
#[must_use]
pub fn wire_views(input: &CompareInput) -> (Vec<WireView>, Vec<WireView>) {
    let relevance = Relevance::for_script(&input.scenario.request.headers);
    let visible = |url: &str| CookieVisibility::when((input.credentials_visible)(url));
    let predicted: Vec<WireView> = input
        .verdict
        .requests
        .iter()
        .map(|request| predicted_view(request, &relevance, visible(&request.url)))
        .collect();
    let observed = input
        .observation
        .received
        .iter()
        .enumerate()
        .map(|(index, received)| {
            observed_view(
                &ObservedRequest::from(received),
                predicted.get(index),
                &relevance,
                visible(&received.url),
            )
        })
        .collect();
    (predicted, observed)
}

/// The readable header names, limited to names the answering server entry sends (the lab's own transport
/// headers such as `Date` or `Content-Length` are not part of the scenario).
fn compare_readable(input: &CompareInput) -> Agreement {
    let declared = declared_response_names(input);
    let keep = |names: &[String]| -> BTreeSet<String> {
        names
            .iter()
            .map(|name| name.to_ascii_lowercase())
            .filter(|name| declared.contains(name))
            .collect()
    };
    let predicted = input
        .verdict
        .readable
        .as_ref()
        .map(|readable| keep(&readable.headers));
    let script = &input.observation.script;
    let observed = (script.outcome() == Some(cors_rules::Outcome::Allowed))
        .then(|| script.headers.as_deref().map(keep).unwrap_or_default());
    agree_if(&predicted, &observed)
}

/// Lower-case header names of the answer to the last non-preflight request the lab received (all
/// entries' answers when nothing was received).
fn declared_response_names(input: &CompareInput) -> BTreeSet<String> {
    let last_url = input
        .observation
        .received
        .iter()
        .rev()
        .find(|r| r.method != "OPTIONS")
        .map(|r| r.url.as_str());
    let same_url = |entry_url: &str| {
        let parse = |text: &str| url::Url::parse(text).ok();
        last_url
            .is_some_and(|last| parse(entry_url).is_some_and(|entry| Some(entry) == parse(last)))
    };
    let entries: Vec<_> = input
        .scenario
        .server
        .iter()
        .filter(|entry| same_url(&entry.url))
        .collect();
    let chosen = if entries.is_empty() {
        input.scenario.server.iter().collect()
    } else {
        entries
    };
    chosen
        .into_iter()
        .filter_map(|entry| match &entry.response {
            Answer::Http(http) => Some(
                http.headers
                    .iter()
                    .map(|(name, _)| name.to_ascii_lowercase()),
            ),
            Answer::Error(_) => None,
        })
        .flatten()
        .collect()
}
