//! The embeddable widget (`?embed=1`): one scenario's result, optionally editable, without site chrome.

use leptos::prelude::*;

use crate::ctx::Ctx;
use crate::expert::ScenarioForm;
use crate::result::{Banner, EmbedDetails};
use crate::share::{write_link, Editing, Layout};
use crate::wizard::WizardStep;

/// The compact widget.
#[component]
pub fn EmbedView(editing: Editing) -> impl IntoView {
    let ctx = Ctx::get();
    let site_link = move || {
        let mut link = ctx.link();
        link.layout = Layout::Site;
        link.nav.step = WizardStep::Result;
        let path = window().location().pathname().unwrap_or_default();
        format!("{path}{}", write_link(&link))
    };
    view! {
        <main class="embed" data-testid="embed">
            <h1 class="sr-only">"CORS Explainer"</h1>
            <Banner />
            <EmbedDetails />
            {(editing == Editing::Editable).then(|| view! {
                <details class="embed-edit" data-testid="embed-edit">
                    <summary>"Edit the scenario"</summary>
                    <ScenarioForm />
                </details>
            })}
            <p class="embed-footer">
                <a href=site_link target="_blank" rel="noopener" data-testid="open-in-site">"Open in CORS Explainer ↗"</a>
            </p>
        </main>
    }
}
