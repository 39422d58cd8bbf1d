//! Step 3: the method, as the script writes it (case kept).

use cors_rules::CheckId;
use leptos::prelude::*;

use super::engine_says::EngineSays;
use crate::ctx::Ctx;
use crate::glossary::TermLink;
use crate::ui::field::TextField;
use crate::ui::why::Why;
use cors_rules::request_facts::PreflightReason;

const COMMON: [&str; 8] = [
    "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "patch",
];

/// Checks that speak about the method.
const METHOD_CHECKS: &[CheckId] = &[
    CheckId::MethodToken,
    CheckId::ForbiddenMethod,
    CheckId::NoCorsMethod,
];

/// Method buttons, a free-text method, and what the browser makes of it.
#[component]
pub fn MethodStep() -> impl IntoView {
    let ctx = Ctx::get();
    let method = Signal::derive(move || ctx.scenario.with(|s| s.request.method.clone()));
    let set_method = Callback::new(move |text: String| ctx.edit(|s| s.request.method = text));
    let preflight = move || {
        ctx.verdict.with(|v| v.as_ref().ok().and_then(|v| v.preflight_need.clone())).map(|why| {
            let by_method = why.because_of(PreflightReason::Method);
            if by_method {
                view! {
                    <p class="says mark-failed" data-testid="method-preflight">
                        <span aria-hidden="true">"⚠ "</span>
                        <code>{why.method}</code>" is not GET, HEAD or POST: the browser sends a "
                        <TermLink id="preflight">"preflight"</TermLink>" first and the server must list it in "
                        <code>"Access-Control-Allow-Methods"</code>", with exactly this case."
                    </p>
                }
                .into_any()
            } else {
                view! {
                    <p class="says mark-passed" data-testid="method-preflight">
                        <span aria-hidden="true">"✓ "</span>
                        <code>{why.method}</code>" is "<TermLink id="safelisted">"safelisted"</TermLink>
                        ": it needs no preflight by itself."
                    </p>
                }
                .into_any()
            }
        })
    };
    let written_vs_sent = move || {
        let sent = ctx.verdict.with(|v| {
            v.as_ref()
                .ok()
                .and_then(|v| v.preflight_need.as_ref().map(|w| w.method.clone()))
        })?;
        let written = method.get();
        if sent.is_empty() {
            return None;
        }
        let line = if sent != written {
            view! {
                <p class="says mark-passed" data-testid="method-case">
                    <span aria-hidden="true">"✓ "</span>"You wrote "<code>{written}</code>"; the browser sends "
                    <code>{sent}</code>": it uppercases DELETE, GET, HEAD, OPTIONS, POST and PUT."
                </p>
            }
            .into_any()
        } else if sent.chars().any(|c| c.is_ascii_lowercase()) {
            view! {
                <p class="says mark-note" data-testid="method-case">
                    <span aria-hidden="true">"ℹ "</span><code>{sent.clone()}</code>" is sent exactly as written. "
                    "Only DELETE, GET, HEAD, OPTIONS, POST and PUT are uppercased, so "
                    <code>{format!("Access-Control-Allow-Methods: {}", sent.to_ascii_uppercase())}</code>
                    " does not match it."
                </p>
            }
            .into_any()
        } else {
            return None;
        };
        Some(line)
    };
    view! {
        <p class="lede">"Pick a common method or type it exactly as your code writes it. Case matters."</p>
        <div class="chips" role="group" aria-label="Common methods">
            {COMMON
                .iter()
                .map(|&m| {
                    view! {
                        <button
                            type="button"
                            class="chip"
                            data-testid=format!("method-{m}")
                            aria-pressed=move || if method.get() == m { "true" } else { "false" }
                            on:click=move |_| set_method.run(m.to_owned())
                        >
                            <code>{m}</code>
                        </button>
                    }
                })
                .collect_view()}
        </div>
        <TextField id="method" label="Method (as written in your code)" path="request.method" value=method on_input=set_method />
        <div class="consequence">
            {written_vs_sent}
            {preflight}
            <EngineSays checks=METHOD_CHECKS />
        </div>
        <Why>
            <p>"An HTML form could always send GET and POST to any site, so servers have long had to cope with those "
            "arriving from other pages. PUT, DELETE or PATCH could only ever come from the site's own scripts; a server "
            "may act on them without a second thought. So before a page sends one cross-origin, the browser asks the "
            "server first."</p>
            <p>"Browsers uppercase only DELETE, GET, HEAD, OPTIONS, POST and PUT. "<code>"patch"</code>" goes out as "
            <code>"patch"</code>", and "<code>"Access-Control-Allow-Methods: PATCH"</code>" does not match it."</p>
        </Why>
    }
}
