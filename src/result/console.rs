//! The exact error per browser: console lines, the JS exception and the DevTools Network row, in tabs.

use cors_rules::{Browser, Scenario};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ctx::{Ctx, Evaluation, TAB_BROWSERS};
use crate::derive::Tone;
use crate::host_names;
use crate::ui::verdict_bar::tone_badge;

/// Tabs for Chrome, Firefox and Safari, each showing what that browser prints for the scenario.
#[component]
pub fn ConsoleTabs() -> impl IntoView {
    let ctx = Ctx::get();
    let selected = Memo::new(move |_| {
        let browser = ctx.scenario.with(|s| s.browser);
        if TAB_BROWSERS.contains(&browser) {
            browser
        } else {
            Browser::Chrome
        }
    });
    let select = move |browser: Browser| ctx.edit(|s| s.browser = browser);
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let current = TAB_BROWSERS
            .iter()
            .position(|b| *b == selected.get_untracked())
            .unwrap_or(0);
        let last = TAB_BROWSERS.len() - 1;
        let next = match ev.key().as_str() {
            "ArrowRight" => {
                if current == last {
                    0
                } else {
                    current + 1
                }
            }
            "ArrowLeft" => {
                if current == 0 {
                    last
                } else {
                    current - 1
                }
            }
            "Home" => 0,
            "End" => last,
            _ => return,
        };
        ev.prevent_default();
        let browser = TAB_BROWSERS[next];
        select(browser);
        focus_tab(browser);
    };
    view! {
        <div class="tabs">
            <div role="tablist" aria-label="Browser" class="tablist" on:keydown=on_key>
                {TAB_BROWSERS.iter().map(|&browser| {
                    let is_selected = move || selected.get() == browser;
                    let badge = move || ctx.outcomes.with(|all| {
                        all.iter().find(|(b, _)| *b == browser).and_then(|(_, o)| *o).map(|o| tone_badge(Tone::of(o)))
                    });
                    view! {
                        <button type="button" role="tab" id=format!("tab-{}", browser.id())
                            data-testid=format!("console-tab-{}", browser.id())
                            aria-selected=move || if is_selected() { "true" } else { "false" }
                            aria-controls="console-panel"
                            tabindex=move || if is_selected() { "0" } else { "-1" }
                            on:click=move |_| select(browser)>
                            {browser.display_name()}
                            {move || badge().map(|(icon, word)| view! {
                                <span class=format!("tab-badge badge-{word}")><span aria-hidden="true">" "{icon}</span><span class="sr-only">" ("{word}")"</span></span>
                            })}
                        </button>
                    }
                }).collect_view()}
            </div>
            <div role="tabpanel" id="console-panel" tabindex="0" class="tabpanel"
                aria-labelledby=move || format!("tab-{}", selected.get().id())>
                {move || panel(ctx, selected.get())}
            </div>
        </div>
    }
}

fn focus_tab(browser: Browser) {
    if let Some(el) = document().get_element_by_id(&format!("tab-{}", browser.id())) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// The panel of `browser`: the app's verdict when it is the scenario's browser (selecting a tab makes it
/// so), else that browser's own evaluation.
fn panel(ctx: Ctx, browser: Browser) -> impl IntoView {
    let own = ctx.scenario.with(|s| s.browser == browser);
    let other = (!own).then(|| {
        ctx.scenario.with(|s| {
            cors_rules::evaluate(&host_names::in_ascii(&Scenario {
                browser,
                ..s.clone()
            }))
        })
    });
    let show = move |verdict: &Evaluation| {
        let verdict = verdict.as_ref().ok()?;
        let console = if verdict.console.is_empty() {
            view! { <p class="note" data-testid="console-empty">"Nothing in the console: no CORS message for this request."</p> }.into_any()
        } else {
            view! {
                <pre class="console" data-testid="console-text">
                    {verdict.console.iter().map(|line| view! { <code class="console-line" data-testid="console-line">{line.clone()}</code> }).collect_view()}
                </pre>
            }
            .into_any()
        };
        let js_error = verdict.js_error.clone().map(|e| {
            view! { <p class="js-error-line">"Your script gets: "<code data-testid="js-error">{e}</code></p> }
        });
        let rows = verdict.network.clone();
        let network = (!rows.is_empty()).then(|| view! {
            <div class="network-wrap" role="region" aria-label="DevTools Network panel" tabindex="0">
            <table class="network" data-testid="network">
                <caption>"DevTools Network panel"</caption>
                <thead><tr><th scope="col">"Method"</th><th scope="col">"URL"</th><th scope="col">"Status"</th><th scope="col">"Type"</th></tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr data-testid="network-row"><td>{r.method}</td><td class="url">{r.url}</td><td>{r.status}</td><td>{r.kind}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            </div>
        });
        Some(view! {
            {console}
            {js_error}
            {network}
        })
    };
    match other {
        Some(verdict) => show(&verdict),
        None => ctx.verdict.with(show),
    }
}
