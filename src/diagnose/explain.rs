//! The engine's reading of the pasted scenario: the verdict in plain words, what the server must send
//! instead (with the paste's own origin, URL, method and headers), and the rule that failed.

use cors_rules::verdict::{Fix, FixTarget};
use leptos::prelude::*;

use crate::ctx::Ctx;
use crate::derive::{failing_step, headline};
use crate::ui::rich::rich;

/// Where a change goes, as a person says it.
fn target_words(target: FixTarget) -> &'static str {
    match target {
        FixTarget::Preflight => "In the answer to the preflight (OPTIONS) for",
        FixTarget::Response => "In the response from",
        FixTarget::Redirect => "In the redirect response from",
        FixTarget::Request => "In your request to",
    }
}

/// The verdict in the engine's words, then what the server must send instead.
#[component]
pub fn Outcome() -> impl IntoView {
    let ctx = Ctx::get();
    move || {
        ctx.verdict.with(|v| match v {
            Ok(verdict) => {
                let (tone, title, detail) = headline(verdict);
                let browser = ctx.scenario.with(|s| s.browser.display_name());
                let fixes = verdict.fixes.clone();
                view! {
                    <div class=format!("diagnose-verdict tone-{}", tone.class()) data-testid="diagnose-verdict">
                        <span class="verdict-icon" aria-hidden="true">{tone.icon()}</span>
                        <p>
                            <strong>{format!("{browser}: {title}. ")}</strong>
                            {rich(&detail)}
                        </p>
                    </div>
                    <MustSend fixes />
                }
                .into_any()
            }
            Err(err) => view! {
                <p class="field-error" data-testid="diagnose-incomplete">
                    {format!("The scenario read from the paste is not complete: {err}")}
                </p>
            }
            .into_any(),
        })
    }
}

/// The rule that failed, why it exists, and where the standard says it.
#[component]
pub fn Rule() -> impl IntoView {
    let ctx = Ctx::get();
    move || {
        ctx.verdict.with(|v| {
            let step = v.as_ref().ok().and_then(failing_step)?;
            let spec = step.spec.starts_with("https://").then(|| {
                view! { <a class="spec-link" href=step.spec.clone() target="_blank" rel="noopener noreferrer">"The rule in the Fetch standard ↗"</a> }
            });
            Some(view! {
                <section class="diagnose-card diagnose-rule" aria-labelledby="diagnose-rule-title" data-testid="diagnose-rule">
                    <h3 id="diagnose-rule-title">"The rule, and why it exists"</h3>
                    <p>{rich(&step.summary)}</p>
                    <p>{rich(&step.detail)}</p>
                    {spec}
                </section>
            })
        })
    }
}

/// The header changes that make the request work.
#[component]
fn MustSend(fixes: Vec<Fix>) -> impl IntoView {
    let body = if fixes.is_empty() {
        view! { <p data-testid="no-fixes">"Nothing: as pasted, the browser does what the request asks."</p> }.into_any()
    } else {
        view! {
            <ol class="must-send">
                {fixes.into_iter().map(|fix| {
                    let line = fix.header.clone().map(|h| match &fix.value {
                        Some(v) => format!("{h}: {v}"),
                        None => format!("(remove) {h}"),
                    });
                    view! {
                        <li>
                            <p class="fix-where">{target_words(fix.target)}" "<code>{fix.url.clone()}</code></p>
                            {line.map(|l| view! { <pre class="code fix-line"><code>{l}</code></pre> })}
                            <p class="hint">{rich(&fix.summary)}</p>
                            {fix.warning.map(|w| view! { <p class="warning"><span aria-hidden="true">"⚠ "</span>{rich(&w)}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <section class="diagnose-card diagnose-must-send" aria-labelledby="diagnose-send-title" data-testid="diagnose-must-send">
            <h3 id="diagnose-send-title">"What the server must send instead"</h3>
            {body}
        </section>
    }
}
