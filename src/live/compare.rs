//! Prediction against observation: one row per field the page (and the lab's log) can see, each marked
//! agree, disagree, or not observable. Plain data in, plain data out; the panel only renders the rows.

use cors_lab::api::{LogEntry, LoggedAnswer};
use cors_lab::wire::{
    observed_view, predicted_view, CookieVisibility, ObservedRequest, Relevance, WireView,
};
use cors_rules::scenario::{Answer, Api, Scenario};
use cors_rules::{Outcome, ResponseType, Verdict};

use super::observe::Observed;
use crate::host_names::parse_url;

/// A field compared between the prediction and the real browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// Allowed, blocked, opaque, opaque redirect or request error.
    Outcome,
    /// `Response.type`.
    ResponseType,
    /// The status the script reads.
    Status,
    /// The response header names the script can read (among those the scenario's server sends).
    ReadableHeaders,
    /// Whether an `OPTIONS` preflight reached the server.
    PreflightSent,
    /// Every request that reached the server: method, URL, cookies, CORS-relevant headers.
    WireRequests,
}

impl Field {
    /// Every field, in display order.
    pub const ALL: [Field; 6] = [
        Field::Outcome,
        Field::ResponseType,
        Field::Status,
        Field::ReadableHeaders,
        Field::PreflightSent,
        Field::WireRequests,
    ];

    /// A stable id (used in `data-testid`s).
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Field::Outcome => "outcome",
            Field::ResponseType => "response-type",
            Field::Status => "status",
            Field::ReadableHeaders => "readable-headers",
            Field::PreflightSent => "preflight-sent",
            Field::WireRequests => "wire-requests",
        }
    }
}

/// Why a field could not be observed in this run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unseen {
    /// XHR has no `Response.type`.
    XhrHasNoResponseType,
    /// The request went to a server whose log the page cannot read (not the lab).
    NotTheLab,
    /// Nothing came back, so there is nothing to read.
    NoAnswer,
}

/// One side of a row, as data (the panel puts it in words).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shown {
    /// An outcome; `None` when nothing came back.
    Outcome(Option<Outcome>),
    /// A response type.
    ResponseType(ResponseType),
    /// A readable status; `None` when the script cannot read one.
    Status(Option<u16>),
    /// Readable header names, sorted; `None` when the script cannot read the response.
    Names(Option<Vec<String>>),
    /// Yes or no.
    Flag(bool),
    /// Requests on the wire.
    Requests(Vec<WireView>),
    /// Not observable here.
    Unseen(Unseen),
}

/// Whether prediction and observation agree on a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Same on both sides.
    Agree,
    /// They differ.
    Disagree,
    /// The real run cannot show this field.
    NotObservable,
}

/// One compared field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Which field.
    pub field: Field,
    /// What the engine predicted.
    pub predicted: Shown,
    /// What the real browser did.
    pub observed: Shown,
    /// Whether they agree.
    pub mark: Mark,
}

/// Everything the real run showed.
#[derive(Clone, Copy, Debug)]
pub struct Evidence<'a> {
    /// What the page's script saw.
    pub observed: &'a Observed,
    /// The lab's log of the scenario's requests; `None` when the request did not go to the lab.
    pub lab_log: Option<&'a [LogEntry]>,
    /// Hosts that hold the lab's test cookie, where "cookies attached" is observable.
    pub cookie_hosts: &'a [String],
}

/// Compares the prediction for `scenario` (as it ran: real page, real URLs) with the evidence, field by
/// field, in [`Field::ALL`] order.
#[must_use]
pub fn compare(scenario: &Scenario, verdict: &Verdict, evidence: &Evidence) -> Vec<Row> {
    Field::ALL
        .iter()
        .map(|&field| compare_field(field, scenario, verdict, evidence))
        .collect()
}

/// Whether every observable field agrees (and at least one was observed).
#[must_use]
pub fn all_agree(rows: &[Row]) -> bool {
    rows.iter().all(|row| row.mark != Mark::Disagree)
        && rows.iter().any(|row| row.mark == Mark::Agree)
}

fn row(field: Field, predicted: Shown, observed: Shown) -> Row {
    let mark = match &observed {
        Shown::Unseen(_) => Mark::NotObservable,
        seen if *seen == predicted => Mark::Agree,
        _ => Mark::Disagree,
    };
    Row {
        field,
        predicted,
        observed,
        mark,
    }
}

fn compare_field(field: Field, scenario: &Scenario, verdict: &Verdict, evidence: &Evidence) -> Row {
    let seen = evidence.observed;
    let answered = seen.outcome().is_some();
    let unseen_if_silent = |shown: Shown| {
        if answered {
            shown
        } else {
            Shown::Unseen(Unseen::NoAnswer)
        }
    };
    match field {
        Field::Outcome => row(
            field,
            Shown::Outcome(Some(verdict.outcome)),
            Shown::Outcome(seen.outcome()),
        ),
        Field::ResponseType => {
            let observed = match (scenario.request.api, seen) {
                (Api::Xhr, _) => Shown::Unseen(Unseen::XhrHasNoResponseType),
                (Api::Fetch, Observed::Response(response)) => {
                    Shown::ResponseType(response.response_type.unwrap_or(ResponseType::Error))
                }
                (Api::Fetch, _) => unseen_if_silent(Shown::ResponseType(ResponseType::Error)),
            };
            row(field, Shown::ResponseType(verdict.response_type), observed)
        }
        Field::Status => row(
            field,
            Shown::Status(verdict.readable.as_ref().map(|r| r.status)),
            unseen_if_silent(Shown::Status(seen.readable().map(|r| r.status))),
        ),
        Field::ReadableHeaders => {
            let declared = declared_names(scenario, verdict);
            let keep = |names: &[String]| sorted_within(names, &declared);
            let predicted = verdict.readable.as_ref().map(|r| keep(&r.headers));
            let observed = seen.readable().map(|r| keep(&r.headers));
            row(
                field,
                Shown::Names(predicted),
                unseen_if_silent(Shown::Names(observed)),
            )
        }
        Field::PreflightSent => {
            let observed = match evidence.lab_log {
                Some(log) => Shown::Flag(log.iter().any(|entry| entry.preflight)),
                None => Shown::Unseen(Unseen::NotTheLab),
            };
            row(field, Shown::Flag(verdict.preflight_sent), observed)
        }
        Field::WireRequests => wire_row(scenario, verdict, evidence),
    }
}

fn wire_row(scenario: &Scenario, verdict: &Verdict, evidence: &Evidence) -> Row {
    let relevance = Relevance::for_script(&scenario.request.headers);
    let visible = |url: &str| CookieVisibility::when(cookie_visible(url, evidence.cookie_hosts));
    let predicted: Vec<WireView> = verdict
        .requests
        .iter()
        .map(|request| predicted_view(request, &relevance, visible(&request.url)))
        .collect();
    let observed = match evidence.lab_log {
        Some(log) => Shown::Requests(
            without_transport_retries(log)
                .into_iter()
                .enumerate()
                .map(|(i, entry)| {
                    let observed = ObservedRequest::from(entry);
                    observed_view(&observed, predicted.get(i), &relevance, visible(&entry.url))
                })
                .collect(),
        ),
        None => Shown::Unseen(Unseen::NotTheLab),
    };
    row(Field::WireRequests, Shown::Requests(predicted), observed)
}

/// The log without the browser's transport retries: a request whose connection was reset (or dropped after
/// a hold) is sent again by the network stack, below anything the Fetch standard describes, so a repeat
/// of the same request right after such an answer is one request as far as CORS is concerned.
fn without_transport_retries(log: &[LogEntry]) -> Vec<&LogEntry> {
    let mut kept: Vec<&LogEntry> = Vec::with_capacity(log.len());
    for entry in log {
        let retry = kept.last().is_some_and(|previous| {
            matches!(
                previous.answer,
                LoggedAnswer::ConnectionReset | LoggedAnswer::Timeout
            ) && previous.method == entry.method
                && previous.url == entry.url
                && previous.headers == entry.headers
        });
        if !retry {
            kept.push(entry);
        }
    }
    kept
}

/// Whether the lab's test cookie exists for the URL's host (cookies ignore ports).
fn cookie_visible(url: &str, cookie_hosts: &[String]) -> bool {
    url::Url::parse(url)
        .ok()
        .and_then(|url| url.host_str().map(str::to_ascii_lowercase))
        .is_some_and(|host| cookie_hosts.iter().any(|h| h.eq_ignore_ascii_case(&host)))
}

/// Lower-case names that are in `declared`, sorted and without repeats.
fn sorted_within(names: &[String], declared: &[String]) -> Vec<String> {
    let mut kept: Vec<String> = names
        .iter()
        .map(|name| name.to_ascii_lowercase())
        .filter(|name| declared.contains(name))
        .collect();
    // Equal strings are alike, so an unstable sort gives the same list (and shares its code).
    kept.sort_unstable();
    kept.dedup();
    kept
}

/// Lower-case header names of the scenario's answer to the last request the script made (not a
/// preflight), or of every answer when no request is predicted. Headers the server adds on its own (the
/// lab's `Content-Type` and `Content-Length`) are not part of the scenario, so they are not compared.
fn declared_names(scenario: &Scenario, verdict: &Verdict) -> Vec<String> {
    let last = verdict
        .requests
        .iter()
        .rev()
        .find(|request| request.method != "OPTIONS")
        .and_then(|request| parse_url(&request.url));
    let answers_last = |entry_url: &str| last.is_some() && parse_url(entry_url) == last;
    let chosen: Vec<_> = scenario
        .server
        .iter()
        .filter(|entry| answers_last(&entry.url))
        .collect();
    let entries = if chosen.is_empty() {
        scenario.server.iter().collect()
    } else {
        chosen
    };
    entries
        .into_iter()
        .filter_map(|entry| match &entry.response {
            Answer::Http(http) => Some(http.headers.iter().map(|(n, _)| n.to_ascii_lowercase())),
            Answer::Error(_) => None,
        })
        .flatten()
        .collect()
}

#[cfg(test)]
#[path = "compare_tests.rs"]
mod tests;
