//! The security review: the scenario's own answers, probe origins with curl commands, pasted probe
//! results, and what CORS does not protect.

use cors_diagnose::security::{
    parse_observations, probes, review, review_scenario, Finding, Risk, Severity, NOT_PROTECTED,
};
use leptos::prelude::*;

use crate::ctx::Ctx;

/// A risk in a few words.
fn risk_words(risk: Risk) -> &'static str {
    match risk {
        Risk::ReflectsAnyOrigin => "Any origin is echoed back",
        Risk::TrustsNull => "The origin null is trusted",
        Risk::PrefixMatch => "Origins that only start with yours are trusted",
        Risk::SuffixMatch => "Hosts that only end with yours are trusted",
        Risk::SubstringMatch => "Hosts that only contain yours are trusted",
        Risk::UnescapedDot => "A pattern with unescaped dots trusts look-alike hosts",
        Risk::InsecureOrigin => "The plain-http origin is trusted by an https API",
        Risk::AllSubdomains => "Every subdomain is trusted",
        Risk::WildcardWithCredentials => "The wildcard is sent with credentials allowed",
        Risk::MissingVary => "The echoed origin comes without Vary: Origin",
        _ => "A risky answer",
    }
}

/// A severity as a word.
fn severity_words(severity: Severity) -> &'static str {
    match severity {
        Severity::High => "high risk",
        Severity::Medium => "medium risk",
        Severity::Low => "low risk",
    }
}

fn finding_view(f: Finding) -> impl IntoView {
    view! {
        <li class=format!("diagnose-finding severity-{}", severity_words(f.severity).split(' ').next().unwrap_or_default())>
            <p><strong>{risk_words(f.risk)}</strong>" "<span class="severity">{format!("({})", severity_words(f.severity))}</span></p>
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
        <section class="diagnose-card diagnose-review" aria-labelledby="diagnose-review-title" data-testid="diagnose-review">
            <h3 id="diagnose-review-title">"Security review"</h3>
            {move || {
                let found = own.get();
                if found.is_empty() {
                    view! { <p data-testid="diagnose-findings">"The answers in this scenario show none of the usual mistakes (an echoed origin, a trusted null, a wildcard with credentials)."</p> }.into_any()
                } else {
                    view! { <ul class="findings" data-testid="diagnose-findings">{found.into_iter().map(finding_view).collect_view()}</ul> }.into_any()
                }
            }}
            <details class="diagnose-probes">
            <summary>"Check your server against hostile origins"</summary>
            <p>"Ask your server from these origins; it must send no Access-Control-Allow-Origin to any of them:"</p>
            <ul class="probes">
                {move || {
                    let origin = trusted.get().unwrap_or_default();
                    let url = ctx.scenario.with(|s| s.request.url.clone());
                    probes(&origin, &url).into_iter().map(|p| view! {
                        <li><code>{p.origin}</code>" (checks: "{risk_words(p.risk)}")"<pre class="code"><code>{p.command}</code></pre></li>
                    }).collect_view()
                }}
            </ul>
            <label for="diagnose-observations" class="diagnose-label">"Paste the answers, one per line: ORIGIN -> ALLOW-ORIGIN [credentials] [vary]"</label>
            <textarea id="diagnose-observations" data-testid="diagnose-observations" rows="4"
                class="diagnose-input" spellcheck="false"
                prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            {move || match from_probes.get() {
                Ok(found) => view! { <ul data-testid="diagnose-probe-findings">{found.into_iter().map(finding_view).collect_view()}</ul> }.into_any(),
                Err(e) => view! { <p class="field-error">{e.to_string()}</p> }.into_any(),
            }}
            </details>
            <h4>"What CORS does not protect"</h4>
            <ul>{NOT_PROTECTED.iter().map(|t| view! { <li>{*t}</li> }).collect_view()}</ul>
        </section>
    }
}
