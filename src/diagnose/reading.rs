//! What the paste was read as: the message's meaning in plain words, what it does not say (editable),
//! its error-reference page, or, for text not recognised, the closest known messages.

use cors_diagnose::analyse::Analysis;
use cors_diagnose::console::catalog::surface_words;
use cors_diagnose::console::titles::check_title;
use cors_diagnose::report::Reading as LineReading;
use leptos::prelude::*;

use super::state::PasteState;
use crate::browser_io::show_result;
use crate::ctx::Ctx;

/// The reading of the last paste, if any (what it had to assume is shown apart, by `Diagnosis`, so its
/// inputs keep focus while the paste is read again).
#[component]
pub fn Reading(paste: PasteState) -> impl IntoView {
    move || {
        paste
            .analysis
            .get()
            .map(|analysis| view! { <AnalysisView paste analysis /> })
    }
}

/// The closest messages for unknown text, how each line was read, and the way into the wizard.
#[component]
pub fn ReadingFooter(paste: PasteState) -> impl IntoView {
    move || {
        paste
            .analysis
            .get()
            .map(|analysis| view! { <AnalysisFooter analysis /> })
    }
}

#[component]
fn AnalysisView(paste: PasteState, analysis: Analysis) -> impl IntoView {
    let recognised = analysis.recognised.clone();
    let headline = match &recognised {
        Some(r) => view! {
            <p class="diagnose-kicker" data-testid="diagnose-detected">{format!("{} {}", r.browser.display_name(), surface_words(&r.code))}</p>
            <h3 class="diagnose-title" data-testid="diagnose-check" data-check=r.check.map(|c| c.id()).unwrap_or_default()>{r.title}</h3>
        }
        .into_any(),
        None => view! {
            <p class="diagnose-kicker" data-testid="diagnose-detected">{format!("Read as {}", analysis.kind.label())}</p>
        }
        .into_any(),
    };
    let details = recognised.map(|r| {
        let others: Vec<&str> = r.alternatives.iter().map(|c| check_title(*c)).collect();
        let reference = r.reference.clone().map(|href| {
            view! { <a class="diagnose-reference" data-testid="diagnose-reference" href=href>"This message in the error reference"</a> }
        });
        view! {
            {r.explanation.map(|e| view! { <p class="diagnose-explanation" data-testid="diagnose-explanation">{e}</p> })}
            {(!others.is_empty()).then(|| view! {
                <details class="diagnose-others">
                    <summary>{if others.len() == 1 { "Another failure prints the same words".to_owned() } else { format!("{} other failures print the same words", others.len()) }}</summary>
                    <ul>{others.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}</ul>
                </details>
            })}
            {reference}
        }
    });
    view! {
        <div class="diagnose-analysis" data-testid="diagnose-analysis">
            <div role="status">{headline}</div>
            {analysis.error.clone().map(|e| view! { <p class="field-error" data-testid="diagnose-error">{e.to_string()}</p> })}
            {details}
            <Show when=move || paste.has_scenario() && !paste.is_current()>
                <p class="note" data-testid="diagnose-changed">
                    "The scenario was changed after this paste; everything below follows the changed scenario."
                </p>
            </Show>
        </div>
    }
}

/// Under the assumptions: the closest messages for unknown text, the lines, the way into the wizard.
#[component]
fn AnalysisFooter(analysis: Analysis) -> impl IntoView {
    let ctx = Ctx::get();
    let scenario = analysis.scenario.clone();
    view! {
        <Closest analysis=analysis.clone() />
        <div class="diagnose-more">
            <Lines analysis=analysis.clone() />
            {scenario.map(|s| view! {
                <button type="button" class="secondary small" data-testid="diagnose-load" on:click=move |_| show_result(ctx, s.clone())>
                    "Walk through this request step by step"
                </button>
            })}
        </div>
    }
}

/// For text not recognised: the closest known messages, each with its reference page, and what to
/// paste instead.
#[component]
fn Closest(analysis: Analysis) -> impl IntoView {
    (!analysis.closest.is_empty() || analysis.advice.is_some()).then(|| {
        view! {
            <div class="diagnose-closest" data-testid="diagnose-closest">
                <p>"This is not a message this tool knows. The closest ones:"</p>
                <ul>
                    {analysis.closest.iter().map(|m| view! {
                        <li>
                            <span class="closest-title">{format!("{}: {}", m.browser.display_name(), m.title)}</span>
                            <code class="closest-text">{m.text.clone()}</code>
                            <a href=m.reference.clone()>"Read about it"</a>
                        </li>
                    }).collect_view()}
                </ul>
                {analysis.advice.map(|a| view! { <p class="hint">{a}</p> })}
            </div>
        }
    })
}

/// Each pasted line, understood or ignored, folded away.
#[component]
fn Lines(analysis: Analysis) -> impl IntoView {
    (!analysis.lines.is_empty()).then(|| {
        view! {
            <details class="diagnose-lines" data-testid="diagnose-lines">
                <summary>{format!("How each line was read ({})", analysis.lines_summary())}</summary>
                <ol>
                    {analysis.lines.iter().map(|l| {
                        let (class, note) = match &l.reading {
                            LineReading::Understood(n) => ("understood", n.clone()),
                            LineReading::Ignored(n) => ("ignored", n.clone()),
                        };
                        view! { <li class=class><span class="line-no">{l.line}</span>" "<code>{l.text.clone()}</code>" — "{note}</li> }
                    }).collect_view()}
                </ol>
            </details>
        }
    })
}
