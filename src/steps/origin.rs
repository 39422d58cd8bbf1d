//! Step 1: the page's origin.

use cors_rules::{CheckId, Key};
use leptos::prelude::*;

use crate::ctx::Ctx;
use crate::derive::{first_step, value};
use crate::glossary::TermLink;
use crate::origin_parts::split_origin;
use crate::ui::field::TextField;
use crate::ui::why::Why;

const PRESETS: [(&str, &str, &str); 3] = [
    ("dev", "Local dev server", "http://localhost:3000"),
    ("production", "Production app", "https://app.example.com"),
    ("null", "Sandboxed iframe or file: page", "null"),
];

/// The page origin input, presets, and the origin as the browser serializes it.
#[component]
pub fn OriginStep() -> impl IntoView {
    let ctx = Ctx::get();
    let page = Signal::derive(move || {
        ctx.scenario
            .with(|s| s.page.clone().unwrap_or_else(|| "null".to_owned()))
    });
    let set_page = Callback::new(move |text: String| {
        ctx.edit(|s| {
            s.page = if text.trim() == "null" {
                None
            } else {
                Some(text)
            }
        })
    });
    let serialized = move || {
        ctx.verdict.with(|v| {
            v.as_ref()
                .ok()
                .and_then(|v| first_step(v, CheckId::SameOrigin))
                .and_then(|s| value(s, Key::PageOrigin))
                .map(str::to_owned)
        })
    };
    view! {
        <p class="lede">
            "The browser decides by the page's "
            <TermLink id="origin">"origin"</TermLink>
            ": its scheme, host and port. Type the address of the page that runs your script, or pick one."
        </p>
        <TextField id="page-origin" label="Page origin (or URL)" path="page" value=page on_input=set_page
            hint="Write null for an opaque origin." class="wide" />
        <div class="chips" role="group" aria-label="Presets">
            {PRESETS
                .iter()
                .map(|&(id, label, origin)| {
                    view! {
                        <button type="button" class="chip" data-testid=format!("preset-{id}")
                            on:click=move |_| set_page.run(origin.to_owned())>
                            {label}<code>{origin}</code>
                        </button>
                    }
                })
                .collect_view()}
        </div>
        <div class="consequence" data-testid="page-origin-summary">
            {move || serialized().map(|origin| match split_origin(&origin) {
                Some(parts) => view! {
                    <p>"The browser sends this page's origin as "<code>{origin.clone()}</code>
                    ": scheme "<code>{parts.scheme}</code>", host "<code>{parts.host}</code>", port "
                    <code>{parts.port}</code>{parts.default_port.then_some(" (the scheme's default)")}"."</p>
                }.into_any(),
                None => view! {
                    <p>"This page has an opaque origin, sent as "<code>"null"</code>
                    ". It is never the same origin as any URL, and a server can only allow it by answering "
                    <code>"Access-Control-Allow-Origin: null"</code>" (which any sandboxed page could then use)."</p>
                }.into_any(),
            })}
        </div>
        <Why>
            <p>"Your browser holds your cookies for every site you are logged in to. Without a rule, any page you open could "
            "call your bank's or your webmail's API and the browser would attach your cookies: the page would ride your "
            "session and read your data. The "<TermLink id="same-origin-policy">"same-origin policy"</TermLink>" stops that: "
            "a page may send requests anywhere, but it may only read answers from its own origin, unless the other server "
            "opts in with "<TermLink id="cors">"CORS"</TermLink>" headers."</p>
        </Why>
    }
}
