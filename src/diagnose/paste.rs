//! The paste box: detect, read, show what was understood and ignored, load the reproduction.

use cors_diagnose::analyse::{analyse_as, Analysis};
use cors_diagnose::parse::{detect, InputKind};
use cors_diagnose::report::Reading;
use leptos::prelude::*;

use crate::browser_io::show_result;
use crate::ctx::Ctx;

const KINDS: [(&str, &str); 5] = [
    ("auto", "Detect automatically"),
    ("console", "Console message"),
    ("headers", "Response headers (DevTools, curl -i)"),
    ("curl", "curl -v output"),
    ("har", "HAR file"),
];

fn kind_of(id: &str, text: &str) -> InputKind {
    match id {
        "console" => InputKind::Console,
        "headers" => InputKind::ResponseHeaders,
        "curl" => InputKind::CurlVerbose,
        "har" => InputKind::Har,
        _ => detect(text),
    }
}

/// The paste box and what it understood.
#[component]
pub fn PastePanel() -> impl IntoView {
    let ctx = Ctx::get();
    let text = RwSignal::new(String::new());
    let kind = RwSignal::new("auto".to_owned());
    let analysis: RwSignal<Option<Analysis>> = RwSignal::new(None);
    let read = move || {
        let pasted = text.get_untracked();
        let base = ctx.scenario.get_untracked();
        let chosen = kind_of(&kind.get_untracked(), &pasted);
        analysis.set(Some(analyse_as(chosen, &pasted, Some(&base), None)));
    };
    view! {
        <div class="diagnose-paste">
            <label for="diagnose-input" style="display:block">"What you see"</label>
            <textarea
                id="diagnose-input"
                style="width:100%;box-sizing:border-box;font-family:monospace"
                data-testid="diagnose-input"
                rows="8"
                spellcheck="false"
                placeholder="Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: …"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
            <div class="diagnose-controls">
                <label for="diagnose-kind">"It is"</label>
                <select id="diagnose-kind" data-testid="diagnose-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                    {KINDS.iter().map(|(id, label)| view! { <option value=*id>{*label}</option> }).collect_view()}
                </select>
                <button type="button" data-testid="diagnose-read" on:click=move |_| read()>"Read it"</button>
            </div>
            {move || analysis.get().map(|a| view! { <AnalysisView analysis=a /> })}
        </div>
    }
}

#[component]
fn AnalysisView(analysis: Analysis) -> impl IntoView {
    let ctx = Ctx::get();
    let scenario = analysis.scenario.clone();
    let recognised = analysis.recognised.clone();
    view! {
        <div class="diagnose-analysis" role="status">
            <p data-testid="diagnose-detected">{format!("Read as: {}", analysis.kind.label())}</p>
            {analysis.error.clone().map(|e| view! { <p class="field-error" data-testid="diagnose-error">{e.to_string()}</p> })}
            {recognised.map(|r| {
                let check_id = r.check.map(|c| c.id()).unwrap_or_default();
                let others = r
                    .alternatives
                    .iter()
                    .map(|c| cors_diagnose::console::titles::check_title(*c))
                    .collect::<Vec<_>>()
                    .join("; ");
                view! {
                    <div class="diagnose-recognised">
                        <p>{format!("{} console message", r.browser.display_name())}</p>
                        <p><strong data-testid="diagnose-check" data-check=check_id>{r.title}</strong></p>
                        {(!others.is_empty()).then(|| view! { <p class="hint">{format!("The same words can also mean: {others}")}</p> })}
                        {r.explanation.map(|e| view! { <p data-testid="diagnose-explanation">{e}</p> })}
                        <ul class="diagnose-facts">{r.facts.describe().into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                    </div>
                }
            })}
            {(!analysis.closest.is_empty()).then(|| view! {
                <div data-testid="diagnose-closest">
                    <p>"Not recognised. The closest messages this tool knows:"</p>
                    <ul>{analysis.closest.iter().map(|m| view! { <li><code>{m.text.clone()}</code></li> }).collect_view()}</ul>
                </div>
            })}
            {(!analysis.assumptions.is_empty()).then(|| view! {
                <ul class="diagnose-assumptions">{analysis.assumptions.iter().map(|a| view! { <li>{a.sentence()}</li> }).collect_view()}</ul>
            })}
            <details class="diagnose-lines" data-testid="diagnose-lines">
                <summary>{analysis.lines_summary()}</summary>
                <ol>
                    {analysis.lines.iter().map(|l| {
                        let (class, note) = match &l.reading {
                            Reading::Understood(n) => ("understood", n.clone()),
                            Reading::Ignored(n) => ("ignored", n.clone()),
                        };
                        view! { <li class=class><span class="line-no">{l.line}</span>" "<code>{l.text.clone()}</code>" — "{note}</li> }
                    }).collect_view()}
                </ol>
            </details>
            {scenario.map(|s| view! {
                <button type="button" data-testid="diagnose-load" on:click=move |_| show_result(ctx, s.clone())>
                    "Load this into the wizard"
                </button>
            })}
        </div>
    }
}
