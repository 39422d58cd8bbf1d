//! The fix for the user's stack, `curl` commands to check it, and the Network-tab-versus-console story,
//! all for the scenario the wizard holds.

use cors_diagnose::curl_commands::curl_commands;
use cors_diagnose::policy::Policy;
use cors_diagnose::stacks::{RenderOptions, Stack};
use cors_diagnose::status::explain_status;
use leptos::prelude::*;

use crate::browser_io::copy_text;
use crate::ctx::Ctx;
use crate::ui::rich::rich;

/// Stack picker, snippet with copy button, curl commands, status explanation.
#[component]
pub fn FixPanel() -> impl IntoView {
    let ctx = Ctx::get();
    let stack = RwSignal::new(Stack::Express);
    let policy = Memo::new(move |_| ctx.scenario.with(Policy::from_scenario));
    let snippet = Memo::new(move |_| stack.get().render(&policy.get(), &RenderOptions::default()));
    let copied = RwSignal::new(false);
    view! {
        <section class="diagnose-card diagnose-fix" aria-labelledby="diagnose-fix-title">
            <h3 id="diagnose-fix-title">"Fix it in your stack"</h3>
            <p class="hint">"Written for this request: exactly its page's origin, method and headers."</p>
            {move || policy.with(Policy::problems).into_iter().map(|p| view! { <p class="field-error">{p}</p> }).collect_view()}
            <div class="diagnose-controls">
            <label for="diagnose-stack">"Your server"</label>
            <select id="diagnose-stack" data-testid="diagnose-stack" on:change=move |ev| {
                if let Some(s) = Stack::from_id(&event_target_value(&ev)) {
                    stack.set(s);
                    copied.set(false);
                }
            }>
                {Stack::ALL.iter().map(|s| view! { <option value=s.id()>{s.name()}</option> }).collect_view()}
            </select>
            </div>
            <p data-testid="diagnose-place">"Where: "{move || snippet.with(|s| rich(&s.place))}</p>
            <pre class="code" data-testid="diagnose-snippet"><code>{move || snippet.with(|s| s.code.clone())}</code></pre>
            <button type="button" class="secondary small" data-testid="diagnose-copy" on:click=move |_| {
                copy_text(&snippet.with_untracked(|s| s.code.clone()));
                copied.set(true);
            }>{move || if copied.get() { "Copied" } else { "Copy" }}</button>
            <ul class="diagnose-notes">{move || snippet.with(|s| s.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view())}</ul>
            <h4>"Check it with curl"</h4>
            <div data-testid="diagnose-curl">
                {move || ctx.scenario.with(|s| curl_commands(s, &policy.get())).into_iter().map(|c| view! {
                    <div class="diagnose-curl-command">
                        <p>{format!("The {}:", c.purpose)}</p>
                        <pre class="code"><code>{c.command}</code></pre>
                        <p class="hint">{format!("A correct server answers {} with:", c.expect_status)}</p>
                        <ul>{c.expect_headers.into_iter().map(|(n, v)| view! { <li><code>{format!("{n}: {v}")}</code></li> }).collect_view()}</ul>
                    </div>
                }).collect_view()}
            </div>
            <h4>"Network tab versus console"</h4>
            <div data-testid="diagnose-status">
                {move || ctx.verdict.with(|v| v.as_ref().ok().map(|verdict| {
                    let e = ctx.scenario.with(|s| explain_status(s, verdict));
                    view! {
                        <ul class="diagnose-network">{e.network.into_iter().map(|r| view! { <li><code>{r}</code></li> }).collect_view()}</ul>
                        <p>{format!("The script sees: {}", e.script)}</p>
                        <ul>{e.points.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    }
                }))}
            </div>
        </section>
    }
}
