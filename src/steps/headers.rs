//! Step 4: the request headers, each marked live by the engine.

use cors_rules::CheckId;
use leptos::prelude::*;

use super::engine_says::EngineSays;
use crate::ctx::Ctx;
use crate::glossary::TermLink;
use crate::state::HeaderTarget;
use crate::ui::header_rows::{HeaderRows, QuickAdd, RowMarks};
use crate::ui::why::Why;

const QUICK: [(&str, &str, &str); 6] = [
    (
        "Content-Type: application/json",
        "Content-Type",
        "application/json",
    ),
    ("Authorization", "Authorization", "Bearer eyJhbGciOi"),
    ("X-Request-Id", "X-Request-Id", "7f3a"),
    ("Accept", "Accept", "application/json"),
    ("Content-Type: text/plain", "Content-Type", "text/plain"),
    ("Cookie (forbidden)", "Cookie", "session=1"),
];

/// The request header rows with live marks, and which headers force a preflight.
#[component]
pub fn HeadersStep() -> impl IntoView {
    let ctx = Ctx::get();
    let quick = QUICK
        .iter()
        .map(|&(label, name, value)| QuickAdd {
            label,
            name,
            value: Signal::stored(value.to_owned()),
        })
        .collect::<Vec<_>>();
    let unsafe_names = move || {
        ctx.verdict.with(|v| v.as_ref().ok().and_then(|v| v.preflight_need.clone())).map(|why| {
            if why.unsafe_names.is_empty() {
                view! { <p class="says mark-passed" data-testid="headers-preflight"><span aria-hidden="true">"✓ "</span>"No header makes this request need a preflight."</p> }.into_any()
            } else {
                view! {
                    <p class="says mark-failed" data-testid="headers-preflight">
                        <span aria-hidden="true">"⚠ "</span>"These headers need the server's permission (a preflight): "
                        <code>{why.unsafe_names.join(", ")}</code>
                    </p>
                }
                .into_any()
            }
        })
    };
    view! {
        <p class="lede">
            "Every header your script sets, in order. Each row shows live whether it is "
            <TermLink id="safelisted">"safelisted"</TermLink>", needs a "<TermLink id="preflight">"preflight"</TermLink>
            ", or is "<TermLink id="forbidden">"forbidden"</TermLink>" and silently dropped."
        </p>
        <HeaderRows target=HeaderTarget::Request id_prefix="req-headers" marks=RowMarks::Classified quick />
        <div class="consequence">
            {unsafe_names}
            <EngineSays checks=&[CheckId::SafelistedTotal, CheckId::PreflightNeeded] />
        </div>
        <Why>
            <p>"A plain HTML form can send only a few headers. Servers have long relied on that: an API that requires a "
            "custom header (or a JSON Content-Type) knew the request came from its own pages. So any other header makes "
            "the browser ask the server first."</p>
            <p>"Some headers the page may never set, like "<code>"Cookie"</code>", "<code>"Host"</code>" or "
            <code>"Origin"</code>": they would let a page impersonate the user or lie about where it comes from. The "
            "browser drops them without an error."</p>
        </Why>
    }
}
