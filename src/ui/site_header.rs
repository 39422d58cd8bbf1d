//! The site header: name, view switch, copy link, tour.

use leptos::prelude::*;

use crate::browser_io::copy_current_link;
use crate::ctx::Ctx;
use crate::ui::tour::start_tour;
use crate::wizard::View;

/// The banner with the app's actions.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let ctx = Ctx::get();
    let copied = RwSignal::new(String::new());
    let expert = move || ctx.nav.with(|n| n.view == View::Expert);
    view! {
        <header class="site-header">
            <div class="brand">
                <h1 class="logo">
                    <span class="logo-mark" aria-hidden="true">"⇄"</span>
                    "CORS Explainer"
                </h1>
                <p class="tagline">"Why did the browser block my request? Paste the error, or answer a few questions, and see."</p>
            </div>
            <div class="header-actions">
                <button
                    type="button"
                    class="secondary"
                    data-testid="toggle-view"
                    aria-pressed=move || if expert() { "true" } else { "false" }
                    on:click=move |_| {
                        ctx.nav.update(|n| n.view = if n.view == View::Expert { View::Wizard } else { View::Expert })
                    }
                >
                    "Expert view"
                </button>
                <button
                    type="button"
                    class="secondary"
                    data-testid="copy-link"
                    on:click=move |_| copy_current_link(copied)
                >
                    "Copy link"
                </button>
                <a class="button secondary" href="#gallery">"Gallery"</a>
                <button type="button" class="secondary" data-testid="start-tour" on:click=move |_| start_tour(ctx)>
                    "Tour"
                </button>
                <span class="copy-status" role="status" data-testid="copy-status">{move || copied.get()}</span>
            </div>
        </header>
    }
}
