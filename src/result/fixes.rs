//! The fixes the engine proposes, each applicable with one click when it is a header change, and its notes.

use cors_rules::verdict::{Fix, FixTarget};
use leptos::prelude::*;

use crate::ctx::Ctx;
use crate::state::apply_fix;
use crate::ui::rich::rich;

fn target_words(target: FixTarget) -> &'static str {
    match target {
        FixTarget::Preflight => "preflight answer",
        FixTarget::Response => "response",
        FixTarget::Redirect => "redirect response",
        FixTarget::Request => "your request",
    }
}

/// The fix list and the notes.
#[component]
pub fn Fixes() -> impl IntoView {
    let ctx = Ctx::get();
    let data = Memo::new(move |_| {
        ctx.verdict.with(|v| {
            v.as_ref()
                .map(|v| (v.fixes.clone(), v.notes.clone()))
                .unwrap_or_default()
        })
    });
    move || {
        let (fixes, notes) = data.get();
        let fix_list = if fixes.is_empty() {
            view! { <p class="note" data-testid="no-fixes">"Nothing to fix: the browser does what the scenario asks."</p> }.into_any()
        } else {
            view! { <ol class="fixes" data-testid="fixes">{fixes.into_iter().map(|f| render_fix(ctx, f)).collect_view()}</ol> }.into_any()
        };
        let notes = (!notes.is_empty()).then(|| view! {
            <ul class="notes" data-testid="notes">
                {notes.into_iter().map(|n| view! { <li data-note=n.id><span aria-hidden="true">"ℹ "</span>{rich(&n.message)}</li> }).collect_view()}
            </ul>
        });
        view! { {fix_list} {notes} }
    }
}

fn render_fix(ctx: Ctx, fix: Fix) -> impl IntoView {
    let line = fix.header.clone().map(|h| match &fix.value {
        Some(v) => format!("{h}: {v}"),
        None => format!("remove {h}"),
    });
    let applicable = fix.header.is_some() && fix.target != FixTarget::Request;
    let warning = fix
        .warning
        .clone()
        .map(|w| view! { <p class="warning"><span aria-hidden="true">"⚠ "</span>{rich(&w)}</p> });
    let target = target_words(fix.target);
    let summary = fix.summary.clone();
    view! {
        <li class="fix" data-testid="fix">
            <p class="fix-summary">{rich(&summary)}</p>
            <p class="fix-where">"In the "{target}" of "<code>{fix.url.clone()}</code></p>
            {line.map(|l| view! { <pre class="fix-line"><code>{l}</code></pre> })}
            {warning}
            {applicable.then(|| view! {
                <button type="button" class="primary small" data-testid="apply-fix"
                    on:click=move |_| ctx.edit(|s| { apply_fix(s, &fix); })>
                    "Apply this fix"
                </button>
            })}
        </li>
    }
}
