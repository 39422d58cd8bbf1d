//! The compact verdict bar shown on every step, and the polite live region announcing changes.

use cors_rules::Outcome;
use leptos::prelude::*;

use crate::ctx::Ctx;
use crate::derive::{headline, Tone};
use crate::ui::rich::rich;
use crate::wizard::WizardStep;

/// The live verdict so far: outcome, the deciding check, or what input is missing.
#[component]
pub fn VerdictBar() -> impl IntoView {
    let ctx = Ctx::get();
    let summary = Memo::new(move |_| {
        ctx.verdict.with(|v| match v {
            Ok(verdict) => {
                let (tone, title, detail) = headline(verdict);
                Ok((tone, title, detail, verdict.outcome))
            }
            Err(err) => Err((err.to_string(), WizardStep::for_field(&err.field))),
        })
    });
    let announcement = move || match summary.get() {
        Ok((_, title, detail, _)) => format!("{title}. {detail}"),
        Err((problem, _)) => format!("Not evaluated yet: {problem}"),
    };
    view! {
        <div class="verdict-bar-wrap">
            <p class="sr-only" aria-live="polite" aria-atomic="true" data-testid="verdict-announcer">
                {announcement}
            </p>
            {move || match summary.get() {
                Ok((tone, title, detail, outcome)) => {
                    view! {
                        <div
                            class=format!("verdict-bar tone-{}", tone.class())
                            data-testid="verdict"
                            data-outcome=outcome_id(outcome)
                        >
                            <span class="verdict-icon" aria-hidden="true">{tone.icon()}</span>
                            <span class="verdict-title" data-testid="verdict-title">{title}</span>
                            <span class="verdict-detail" data-testid="verdict-detail">{rich(&detail)}</span>
                        </div>
                    }
                        .into_any()
                }
                Err((problem, step)) => {
                    view! {
                        <div class="verdict-bar tone-input" data-testid="verdict" data-outcome="input-error">
                            <span class="verdict-icon" aria-hidden="true">"⚠"</span>
                            <span class="verdict-title">"Not a complete scenario yet"</span>
                            <span class="verdict-detail" data-testid="verdict-detail">{problem}</span>
                            {step
                                .map(|step| {
                                    view! {
                                        <button
                                            type="button"
                                            class="link-button"
                                            on:click=move |_| ctx.nav.update(|n| n.go_to(step))
                                        >
                                            {format!("Go to step {}: {}", step.number(), step.label())}
                                        </button>
                                    }
                                })}
                        </div>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

/// The outcome's id as written in verdict JSON.
#[must_use]
pub fn outcome_id(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Allowed => "allowed",
        Outcome::Blocked => "blocked",
        Outcome::Opaque => "opaque",
        Outcome::OpaqueRedirect => "opaqueredirect",
        Outcome::RequestError => "request-error",
        Outcome::NoEvent => "no-event",
    }
}

/// Tone-coloured icon + word for use in small places (tabs, gallery).
#[must_use]
pub fn tone_badge(tone: Tone) -> (&'static str, &'static str) {
    match tone {
        Tone::Allowed => ("✓", "allowed"),
        Tone::Blocked => ("✗", "blocked"),
        Tone::Opaque => ("◐", "opaque"),
    }
}
