//! The requests on the wire, in order (OPTIONS → PUT), with their CORS headers and the answers they get.

use cors_rules::scenario::{Answer, HeaderPair};
use cors_rules::trace::Stage;
use cors_rules::verdict::WireRequest;
use cors_rules::{Scenario, Verdict};
use leptos::prelude::*;

use crate::ctx::Ctx;
use crate::state::{answer, entry_for_url, AnswerSlot};

#[derive(Clone, PartialEq)]
struct Item {
    method: String,
    url: String,
    preflight: bool,
    cookies: bool,
    headers: Vec<HeaderPair>,
    answer: String,
    answer_headers: Vec<HeaderPair>,
    stopped: bool,
}

fn is_preflight(request: &WireRequest) -> bool {
    request.method == "OPTIONS"
        && request
            .headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("access-control-request-method"))
}

/// Response headers worth showing beside a request: the CORS ones, `Location` and `Vary`.
fn is_shown(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.starts_with("access-control-") || name == "location" || name == "vary"
}

fn items(verdict: &Verdict, scenario: &Scenario) -> Vec<Item> {
    let failure = verdict.failure.as_ref();
    let stopped_at = verdict.requests.iter().rposition(|r| {
        failure.is_some_and(|f| f.url == r.url && (f.stage == Stage::Preflight) == is_preflight(r))
    });
    verdict
        .requests
        .iter()
        .enumerate()
        .map(|(n, r)| {
            let preflight = is_preflight(r);
            let slot = if preflight {
                AnswerSlot::Preflight
            } else {
                AnswerSlot::Response
            };
            let found = entry_for_url(scenario, &r.url).and_then(|e| {
                answer(scenario, e, slot).or_else(|| answer(scenario, e, AnswerSlot::Response))
            });
            let (answer, answer_headers) = match found {
                Some(Answer::Http(http)) => (
                    format!("{}", http.status),
                    http.headers
                        .iter()
                        .filter(|(n, _)| is_shown(n))
                        .cloned()
                        .collect(),
                ),
                Some(Answer::Error(kind)) => (format!("no answer ({})", kind.id()), Vec::new()),
                None => ("no server entry".to_owned(), Vec::new()),
            };
            Item {
                method: r.method.clone(),
                url: r.url.clone(),
                preflight,
                cookies: r.credentials,
                headers: r.headers.clone(),
                answer,
                answer_headers,
                stopped: Some(n) == stopped_at,
            }
        })
        .collect()
}

/// The numbered list of requests.
#[component]
pub fn Timeline() -> impl IntoView {
    let ctx = Ctx::get();
    let list = Memo::new(move |_| {
        ctx.verdict
            .with(|v| v.as_ref().ok().map(|v| ctx.scenario.with(|s| items(v, s))))
    });
    move || {
        match list.get() {
        None => None,
        Some(items) if items.is_empty() => Some(
            view! { <p class="note" data-testid="timeline-empty">"Nothing goes on the wire: the browser stops before sending anything."</p> }
                .into_any(),
        ),
        Some(items) => Some(
            view! {
                <ol class="timeline" data-testid="timeline">
                    {items.into_iter().map(render_item).collect_view()}
                </ol>
            }
            .into_any(),
        ),
    }
    }
}

fn header_lines(headers: Vec<HeaderPair>) -> impl IntoView {
    headers
        .into_iter()
        .map(|(n, v)| view! { <span class="hl"><span class="hn">{n}": "</span>{v}</span> })
        .collect_view()
}

fn render_item(item: Item) -> impl IntoView {
    let kind = if item.preflight {
        "preflight"
    } else {
        "request"
    };
    let method = item.method.clone();
    view! {
        <li class=format!("wire {kind}") class:stopped=item.stopped data-testid="wire-request" data-method=method>
            <div class="wire-head">
                <span class="wire-method">{item.method}</span>
                <span class="wire-url">{item.url}</span>
                <span class="wire-kind">{if item.preflight { "preflight" } else { "the request" }}</span>
                <span class="wire-cookies">{if item.cookies { "cookies: sent" } else { "cookies: not sent" }}</span>
            </div>
            <pre class="wire-headers" aria-label="Request headers">{header_lines(item.headers)}</pre>
            <div class="wire-answer">
                <span class="arrow" aria-hidden="true">"← "</span>
                <span class="wire-status">{item.answer}</span>
                {item.stopped.then(|| view! { <strong class="stopped-tag">" ✗ the browser stops here"</strong> })}
            </div>
            <pre class="wire-headers answer-headers" aria-label="Response headers">{header_lines(item.answer_headers)}</pre>
        </li>
    }
}
