//! A finished live run: the comparison table, what the script saw and what the browser hid from it.

use cors_rules::Outcome;
use leptos::prelude::*;

use super::compare::{all_agree, Mark, Row, Shown};
use super::log_view::{LabLog, RunNotes};
use super::profile::Recognition;
use super::run::{LiveReport, RanAt};
use super::words::{
    blocked_words, field_label, mark_words, observed_words, shown_words, wire_row_lines,
};
use crate::ctx::Ctx;

/// The one-line result of a run, also announced.
#[must_use]
pub fn summary_words(report: &LiveReport) -> String {
    let differing: Vec<&str> = report
        .rows
        .iter()
        .filter(|row| row.mark == Mark::Disagree)
        .map(|row| field_label(row.field))
        .collect();
    if !differing.is_empty() {
        return format!(
            "Done: your browser differs from the prediction on {}.",
            differing.join(", ")
        );
    }
    if all_agree(&report.rows) {
        "Done: your browser did what we predicted, on every field it could show.".to_owned()
    } else {
        "Done, but nothing could be compared.".to_owned()
    }
}

fn where_words(report: &LiveReport) -> String {
    let page = report.ran.page.as_deref().unwrap_or("an opaque origin");
    let (browser, recognition) = report.profile;
    let assumed = match recognition {
        Recognition::FromUserAgent => "",
        Recognition::Assumed => " (your browser was not recognised; Chrome's profile is used)",
    };
    match &report.ran_at {
        RanAt::Lab { origin, id, .. } => format!(
            "Sent from {page} to the lab at {origin} (scenario {id}) as {}; predicted for {}{assumed}.",
            report.ran.request.url,
            browser.display_name()
        ),
        RanAt::Url => format!(
            "Sent from {page} to {}; predicted for {}{assumed}, as if your server answered as the scenario says.",
            report.ran.request.url,
            browser.display_name()
        ),
    }
}

/// The report of one run.
#[component]
pub fn LiveReportView(report: LiveReport) -> impl IntoView {
    let ctx = Ctx::get();
    let started_from = report.started_from.clone();
    let stale = Memo::new(move |_| ctx.scenario.with(|now| *now != started_from));
    let agree = all_agree(&report.rows);
    let tone = if agree {
        "tone-allowed"
    } else {
        "tone-blocked"
    };
    let rows = report.rows.clone();
    let browser = report.profile.0.display_name();
    let scenario_id = match &report.ran_at {
        RanAt::Lab { id, .. } => Some(id.clone()),
        RanAt::Url => None,
    };
    view! {
        <div
            class="live-report"
            data-testid="live-report"
            data-agree=if agree { "true" } else { "false" }
            data-scenario-id=scenario_id
        >
            <Show when=move || stale.get()>
                <p class="note" data-testid="live-stale">
                    "The scenario has changed since this run: run it again to compare."
                </p>
            </Show>
            <p class="hint" data-testid="live-where">{where_words(&report)}</p>
            <p class=format!("verdict-bar {tone}") data-testid="live-summary">{summary_words(&report)}</p>
            <table class="origin-table" data-testid="live-compare">
                <caption>{format!("The prediction for {browser} beside what your browser did")}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Field"</th>
                        <th scope="col">"Predicted"</th>
                        <th scope="col">"Your browser"</th>
                        <th scope="col">"Agreement"</th>
                    </tr>
                </thead>
                <tbody>{rows.into_iter().map(|row| view! { <CompareRow row /> }).collect_view()}</tbody>
            </table>
            <ScriptSaw report=report.clone() />
            <LabLog report=report.clone() />
            <RunNotes report />
        </div>
    }
}

#[component]
fn CompareRow(row: Row) -> impl IntoView {
    let id = row.field.id();
    let (icon, word, mark_id) = mark_words(row.mark);
    let class = match row.mark {
        Mark::Agree => "mark-passed",
        Mark::Disagree => "mark-failed",
        Mark::NotObservable => "mark-note",
    };
    view! {
        <tr data-testid=format!("live-row-{id}") data-mark=mark_id>
            <th scope="row">{field_label(row.field)}</th>
            <td data-testid=format!("live-predicted-{id}")><ShownCell shown=row.predicted /></td>
            <td data-testid=format!("live-observed-{id}")><ShownCell shown=row.observed /></td>
            <td class=class>
                <span class="mark-icon" aria-hidden="true">{icon}</span>
                <span data-testid=format!("live-mark-{id}")>{word}</span>
            </td>
        </tr>
    }
}

#[component]
fn ShownCell(shown: Shown) -> impl IntoView {
    match shown {
        Shown::Requests(rows) if !rows.is_empty() => view! {
            <ol class="live-requests">
                {rows.iter().map(|row| {
                    let mut lines = wire_row_lines(row).into_iter();
                    let first = lines.next().unwrap_or_default();
                    view! {
                        <li>
                            <code>{first}</code>
                            <ul>{lines.map(|line| view! { <li><code>{line}</code></li> }).collect_view()}</ul>
                        </li>
                    }
                }).collect_view()}
            </ol>
        }
        .into_any(),
        other => view! { <span>{shown_words(&other)}</span> }.into_any(),
    }
}

/// What the script saw, beside what was predicted.
#[component]
fn ScriptSaw(report: LiveReport) -> impl IntoView {
    let predicted = report
        .verdict
        .js_error
        .clone()
        .unwrap_or_else(|| "no exception".to_owned());
    view! {
        <h4>"What the script saw"</h4>
        <p data-testid="live-script-saw">
            "Your browser gave the script: "<code>{observed_words(&report.observed)}</code>
        </p>
        <p data-testid="live-js-error-predicted">"Predicted: "<code>{predicted}</code></p>
        <WhatIsHidden report />
    }
}

/// What the browser keeps from the script: the reason for a block, or an opaque response's content.
#[component]
fn WhatIsHidden(report: LiveReport) -> impl IntoView {
    let blocked = report.verdict.outcome == Outcome::Blocked
        || report.observed.outcome() == Some(Outcome::Blocked);
    let opaque = matches!(
        report.verdict.outcome,
        Outcome::Opaque | Outcome::OpaqueRedirect
    );
    if blocked {
        let console = report.verdict.console;
        view! {
            <div class="note" data-testid="live-hidden">
                <p>
                    "A browser never tells the page why it blocked a request: the script gets only "
                    {blocked_words(report.ran.request.api)}
                    ". The real reason is printed in the DevTools console (and its Network panel), which scripts cannot read. "
                    "For this request we expect the console to say:"
                </p>
                <div class="console" data-testid="live-console">
                    {console.into_iter().map(|line| view! { <code class="console-line">{line}</code> }).collect_view()}
                </div>
            </div>
        }
        .into_any()
    } else if opaque {
        view! {
            <p class="note" data-testid="live-hidden">
                "The server answered, but an opaque response shows the script nothing: status 0, no headers, no body."
            </p>
        }
        .into_any()
    } else {
        ().into_any()
    }
}
