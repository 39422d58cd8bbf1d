//! The verdict banner: outcome, the deciding check, what the script can read.

use leptos::prelude::*;

use crate::ctx::Ctx;
use crate::derive::headline;
use crate::ui::rich::rich;
use crate::ui::verdict_bar::outcome_id;

/// The large verdict banner at the top of the result.
#[component]
pub fn Banner() -> impl IntoView {
    let ctx = Ctx::get();
    move || {
        ctx.verdict.with(|v| match v {
            Ok(verdict) => {
                let (tone, title, detail) = headline(verdict);
                let type_line = serde_json::to_value(verdict.response_type)
                    .ok()
                    .and_then(|t| t.as_str().map(str::to_owned))
                    .unwrap_or_default();
                let readable = verdict.readable.as_ref().map(|r| {
                    let names = if r.headers.is_empty() { "none".to_owned() } else { r.headers.join(", ") };
                    view! { <p class="banner-meta" data-testid="readable">"Readable: status "<code>{r.status}</code>", headers "<code>{names}</code></p> }
                });
                view! {
                    <div class=format!("banner tone-{}", tone.class()) data-testid="verdict-banner" data-outcome=outcome_id(verdict.outcome)>
                        <span class="banner-icon" aria-hidden="true">{tone.icon()}</span>
                        <div>
                            <p class="banner-title" data-testid="banner-title">{title}</p>
                            <p class="banner-detail" data-testid="banner-detail">{rich(&detail)}</p>
                            <p class="banner-meta">
                                <code>"response.type"</code>" is "<code data-testid="response-type">{type_line}</code>
                                {if verdict.preflight_sent { " · a preflight was sent" } else { " · no preflight" }}
                            </p>
                            {readable}
                        </div>
                    </div>
                }
                .into_any()
            }
            Err(err) => view! {
                <div class="banner tone-input" data-testid="verdict-banner" data-outcome="input-error">
                    <span class="banner-icon" aria-hidden="true">"⚠"</span>
                    <div>
                        <p class="banner-title">"The scenario is not complete yet"</p>
                        <p class="banner-detail">{err.to_string()}</p>
                    </div>
                </div>
            }
            .into_any(),
        })
    }
}
