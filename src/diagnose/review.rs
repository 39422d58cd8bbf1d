//! The security review: the scenario's own answers, probe origins with curl commands, pasted probe
//! results, and what CORS does not protect.

use cors_diagnose::security::{
    parse_observations, probes, review, review_scenario, Finding, NOT_PROTECTED,
};
use leptos::prelude::*;

use crate::ctx::Ctx;

fn finding_view(f: Finding) -> impl IntoView {
    view! {
        <li class="diagnose-finding">
            <p><strong>{format!("{:?} ({:?})", f.risk, f.severity)}</strong></p>
            <p><code>{f.evidence}</code></p>
            <p>{format!("Attack: {}", f.attack)}</p>
            <p>{format!("Instead: {}", f.fix)}</p>
        </li>
    }
}

/// Review of the policy the server shows.
#[component]
pub fn ReviewPanel() -> impl IntoView {
    let ctx = Ctx::get();
    let pasted = RwSignal::new(String::new());
    let trusted = Memo::new(move |_| {
        ctx.scenario.with(|s| {
            s.page
                .as_deref()
                .and_then(|p| url::Url::parse(p).ok())
                .map(|u| u.origin().ascii_serialization())
        })
    });
    let own = Memo::new(move |_| ctx.scenario.with(review_scenario));
    let from_probes = Memo::new(move |_| {
        let text = pasted.get();
        let origin = trusted.get().unwrap_or_default();
        let url = ctx.scenario.with(|s| s.request.url.clone());
        parse_observations(&text).map(|seen| review(&origin, &url, &seen))
    });
    view! {
        <div class="diagnose-review" data-testid="diagnose-review">
            <h3>"Security review"</h3>
            <ul data-testid="diagnose-findings">{move || own.get().into_iter().map(finding_view).collect_view()}</ul>
            <p>"Ask your server from these origins; it must send no Access-Control-Allow-Origin to any of them:"</p>
            <ul>
                {move || {
                    let origin = trusted.get().unwrap_or_default();
                    let url = ctx.scenario.with(|s| s.request.url.clone());
                    probes(&origin, &url).into_iter().map(|p| view! {
                        <li><code>{p.origin}</code>" — "{format!("{:?}", p.risk)}<pre class="code"><code>{p.command}</code></pre></li>
                    }).collect_view()
                }}
            </ul>
            <label for="diagnose-observations" style="display:block">"Paste the answers, one per line: ORIGIN -> ALLOW-ORIGIN [credentials] [vary]"</label>
            <textarea id="diagnose-observations" data-testid="diagnose-observations" rows="4"
                style="width:100%;box-sizing:border-box;font-family:monospace"
                prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            {move || match from_probes.get() {
                Ok(found) => view! { <ul data-testid="diagnose-probe-findings">{found.into_iter().map(finding_view).collect_view()}</ul> }.into_any(),
                Err(e) => view! { <p class="field-error">{e.to_string()}</p> }.into_any(),
            }}
            <h4>"What CORS does not protect"</h4>
            <ul>{NOT_PROTECTED.iter().map(|t| view! { <li>{*t}</li> }).collect_view()}</ul>
        </div>
    }
}
