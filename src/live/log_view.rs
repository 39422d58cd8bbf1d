//! What the lab received ("what your server saw"), and the notes on how the run differs from the scenario.

use cors_lab::api::{LogEntry, LoggedAnswer};
use cors_rules::scenario::{Api, RequestMode};
use leptos::prelude::*;

use super::lab_client::LabFailure;
use super::profile::Recognition;
use super::run::{LiveReport, RanAt};

fn answer_words(answer: LoggedAnswer) -> &'static str {
    match answer {
        LoggedAnswer::Preflight => "the preflight answer",
        LoggedAnswer::Response => "the response",
        LoggedAnswer::ConnectionReset => "connection reset",
        LoggedAnswer::Timeout => "held, then reset",
        LoggedAnswer::NoEntry => "404: no server entry for this URL",
        _ => "another answer",
    }
}

fn or_dash(value: Option<&String>) -> String {
    value.cloned().unwrap_or_else(|| "—".to_owned())
}

#[component]
fn LogRow(entry: LogEntry) -> impl IntoView {
    view! {
        <tr data-testid="live-log-row" data-method=entry.method.clone()>
            <td>{entry.seq}</td>
            <td><code>{entry.method.clone()}</code></td>
            <td><code>{entry.url.clone()}</code></td>
            <td><code>{or_dash(entry.origin.as_ref())}</code></td>
            <td><code>{or_dash(entry.access_control_request_method.as_ref())}</code></td>
            <td><code>{or_dash(entry.access_control_request_headers.as_ref())}</code></td>
            <td>{if entry.cookies { "yes" } else { "no" }}</td>
            <td>{answer_words(entry.answer)}</td>
        </tr>
    }
}

/// The lab's log of the run, or why there is none.
#[component]
pub fn LabLog(report: LiveReport) -> impl IntoView {
    let body = match (&report.ran_at, &report.log, &report.log_problem) {
        (RanAt::Url, _, _) => view! {
            <p class="hint">
                "A page cannot see what reached your server: your server's log, or the DevTools Network panel, shows the requests and the preflight."
            </p>
        }
        .into_any(),
        (_, Some(log), _) if log.is_empty() => view! {
            <p data-testid="live-log-empty">"The lab received nothing: the browser sent no request."</p>
        }
        .into_any(),
        (_, Some(log), _) => view! {
            <table class="origin-table" data-testid="live-log">
                <caption>"Every request the lab received for this run, in order"</caption>
                <thead>
                    <tr>
                        <th scope="col">"#"</th>
                        <th scope="col">"Method"</th>
                        <th scope="col">"URL"</th>
                        <th scope="col">"Origin"</th>
                        <th scope="col">"Access-Control-Request-Method"</th>
                        <th scope="col">"Access-Control-Request-Headers"</th>
                        <th scope="col">"Cookies"</th>
                        <th scope="col">"Lab's answer"</th>
                    </tr>
                </thead>
                <tbody>{log.iter().cloned().map(|entry| view! { <LogRow entry /> }).collect_view()}</tbody>
            </table>
        }
        .into_any(),
        (_, None, problem) => {
            let why = match problem {
                Some(LabFailure::Unexpected { status }) => format!("the lab answered status {status}"),
                _ => "the lab did not answer".to_owned(),
            };
            view! { <p class="field-error">{format!("The lab's log could not be read: {why}.")}</p> }.into_any()
        }
    };
    view! {
        <h4>"What the server saw"</h4>
        {body}
    }
}

/// Where the live run cannot match the scenario exactly.
#[component]
pub fn RunNotes(report: LiveReport) -> impl IntoView {
    let mut notes: Vec<String> = match &report.ran_at {
        RanAt::Lab { notes, .. } => notes.iter().map(|n| n.message.clone()).collect(),
        RanAt::Url => Vec::new(),
    };
    let request = &report.ran.request;
    if request.preflight_flag && request.api == Api::Fetch {
        notes.push("The scenario sets the preflight flag, which fetch() sets only for a streaming body; the live fetch sends no body, so your browser may skip that preflight.".to_owned());
    }
    if request.api == Api::Xhr && request.mode != RequestMode::Cors {
        notes.push(
            "XMLHttpRequest always uses the cors mode; the scenario's mode cannot be set on it."
                .to_owned(),
        );
    }
    if report.profile.1 == Recognition::Assumed {
        notes.push("Your browser was not recognised from its user agent, so the prediction uses Chrome's profile.".to_owned());
    }
    (!notes.is_empty()).then(|| {
        view! {
            <h4>"How this run differs from the scenario"</h4>
            <ul data-testid="live-notes">
                {notes.into_iter().map(|note| view! { <li>{note}</li> }).collect_view()}
            </ul>
        }
    })
}
