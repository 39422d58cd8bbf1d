//! A link to this diagnosis: it opens the pasted scenario on the wizard's result step.

use leptos::prelude::*;

use crate::browser_io::{address_with, copy_text};
use crate::ctx::Ctx;
use crate::share::{write_link, Link};
use crate::wizard::WizardStep;

/// The share link and its copy button.
#[component]
pub fn ShareDiagnosis() -> impl IntoView {
    let ctx = Ctx::get();
    let copied = RwSignal::new(false);
    let query = Memo::new(move |_| {
        let link = ctx.link();
        write_link(&Link {
            nav: crate::wizard::Nav {
                step: WizardStep::Result,
                ..link.nav
            },
            ..link
        })
    });
    view! {
        <section class="diagnose-card diagnose-share" aria-labelledby="diagnose-share-title" data-testid="diagnose-share">
            <h3 id="diagnose-share-title">"Share this diagnosis"</h3>
            <p class="hint">"The link opens this request, its verdict and its fixes in any browser; nothing is stored on a server."</p>
            <div class="share-row">
                <a class="share-link" data-testid="diagnose-share-link" href=move || query.get()>"Link to this diagnosis"</a>
                <button type="button" class="secondary small" data-testid="diagnose-share-copy" on:click=move |_| {
                    copy_text(&address_with(&query.get_untracked()));
                    copied.set(true);
                }>{move || if copied.get() { "Link copied" } else { "Copy link" }}</button>
            </div>
        </section>
    }
}
