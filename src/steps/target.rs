//! Step 2: the target URL, and whether it is same-origin with the page, part by part.

use cors_rules::{CheckId, Key};
use leptos::prelude::*;

use crate::ctx::Ctx;
use crate::derive::{first_step, value};
use crate::glossary::TermLink;
use crate::origin_parts::{differing_parts, split_origin, OriginParts, Part};
use crate::state::set_request_url;
use crate::ui::field::TextField;
use crate::ui::rich::rich;
use crate::ui::why::Why;

/// What the engine's `same-origin` step recorded.
#[derive(Clone, PartialEq)]
struct Comparison {
    page: String,
    target: String,
    differs: Vec<Part>,
    opaque_page: bool,
    cross_origin: bool,
    summary: String,
}

/// The URL input and the side-by-side origin comparison.
#[component]
pub fn TargetStep() -> impl IntoView {
    let ctx = Ctx::get();
    let url = Signal::derive(move || ctx.scenario.with(|s| s.request.url.clone()));
    let set_url = Callback::new(move |text: String| ctx.edit(|s| set_request_url(s, text)));
    let comparison = Memo::new(move |_| {
        ctx.verdict.with(|v| {
            let verdict = v.as_ref().ok()?;
            let step = first_step(verdict, CheckId::SameOrigin)?;
            let differs = value(step, Key::Differs).unwrap_or_default();
            Some(Comparison {
                page: value(step, Key::PageOrigin).unwrap_or_default().to_owned(),
                target: value(step, Key::UrlOrigin).unwrap_or_default().to_owned(),
                differs: differing_parts(differs),
                opaque_page: differs.contains("opaque"),
                cross_origin: verdict.cross_origin,
                summary: step.summary.clone(),
            })
        })
    });
    view! {
        <p class="lede">"The absolute URL your script passes to "<code>"fetch()"</code>" or "<code>"xhr.open()"</code>"."</p>
        <TextField id="target-url" label="Request URL" path="request.url" value=url on_input=set_url class="wide" />
        <div class="consequence" data-testid="origin-compare">
            {move || comparison.get().map(render_comparison)}
        </div>
        <Why>
            <p>"Your browser sits inside networks a website cannot reach: your company intranet, your home router, "
            "the development servers on your own "<code>"localhost"</code>". Without the same-origin policy, any page you "
            "visit could read your internal wiki or your router's admin page through your browser. A "
            <TermLink id="cross-origin">"cross-origin"</TermLink>" answer is only handed to the script when that server "
            "says so."</p>
        </Why>
    }
}

fn render_comparison(c: Comparison) -> impl IntoView {
    let page_parts = split_origin(&c.page);
    let target_parts = split_origin(&c.target);
    let any_default = [&page_parts, &target_parts]
        .iter()
        .any(|p| p.as_ref().is_some_and(|p| p.default_port));
    let verdict = if c.cross_origin {
        view! { <p class="says-cross" data-testid="origin-verdict"><span aria-hidden="true">"⇄ "</span><strong>"Cross-origin."</strong>" "{rich(&c.summary)}</p> }.into_any()
    } else {
        view! { <p class="says-same" data-testid="origin-verdict"><span aria-hidden="true">"= "</span><strong>"Same origin."</strong>" "{rich(&c.summary)}</p> }.into_any()
    };
    view! {
        {verdict}
        <table class="origin-table">
            <caption class="sr-only">"Page origin and target origin, part by part"</caption>
            <thead>
                <tr>
                    <td></td>
                    {Part::ALL.iter().map(|p| view! { <th scope="col">{p.label()}</th> }).collect_view()}
                </tr>
            </thead>
            <tbody>
                {origin_row("Page", &c.page, page_parts.as_ref(), &c.differs)}
                {origin_row("Target", &c.target, target_parts.as_ref(), &c.differs)}
            </tbody>
        </table>
        {c.opaque_page.then(|| view! {
            <p class="note">"The page's origin is opaque ("<code>"null"</code>"): it matches nothing, not even itself."</p>
        })}
        {any_default.then(|| view! {
            <p class="note" data-testid="default-port-note">"A URL without a port uses its scheme's default: 443 for https, 80 for http. "
            <code>"https://api.example.com"</code>" and "<code>"https://api.example.com:443"</code>" are the same origin."</p>
        })}
    }
}

fn origin_row(
    who: &'static str,
    origin: &str,
    parts: Option<&OriginParts>,
    differs: &[Part],
) -> impl IntoView {
    let cells = match parts {
        Some(parts) => Part::ALL
            .iter()
            .map(|&part| {
                let differ = differs.contains(&part);
                let text = parts.get(part).to_owned();
                let default = (part == Part::Port && parts.default_port).then_some(" (default)");
                view! {
                    <td class:differs=differ data-testid=format!("origin-{}-{}", who.to_ascii_lowercase(), part.label())>
                        <code>{text}</code>{default}
                        {differ.then(|| view! { <span class="differs-tag">" ✗ differs"</span> })}
                    </td>
                }
            })
            .collect_view()
            .into_any(),
        None => view! { <td colspan="3"><code>{origin.to_owned()}</code>" (opaque)"</td> }.into_any(),
    };
    view! {
        <tr>
            <th scope="row">{who}</th>
            {cells}
        </tr>
    }
}
