//! "Paste what you see": a console message, response headers, `curl -v` output or a HAR file becomes
//! the failed check and a scenario for the wizard; then a fix for the user's server stack, `curl`
//! commands to check it, and a security review. Every judgement comes from `cors-diagnose` and the
//! engine; pasted text is only ever shown as text.

mod fix;
mod paste;
mod review;

use leptos::prelude::*;

/// Copies text to the clipboard (best effort: the browser may refuse without a user gesture).
pub(crate) fn copy_text(text: &str) {
    let _ = window().navigator().clipboard().write_text(text);
}

/// The diagnose section.
#[component]
pub fn DiagnoseSection() -> impl IntoView {
    view! {
        <section class="diagnose" id="diagnose" aria-labelledby="diagnose-title" data-testid="diagnose">
            <h2 id="diagnose-title">"Paste what you see"</h2>
            <p class="lede">
                "A console error from Chrome, Firefox or Safari, the response headers copied from DevTools, the output of "
                <code>"curl -v"</code>" or a HAR file: it is read here, in your browser, and never sent anywhere."
            </p>
            <DiagnosePanels />
        </section>
    }
}

/// The panels: paste box, stack fix, security review.
#[component]
fn DiagnosePanels() -> impl IntoView {
    view! {
        <paste::PastePanel />
        <fix::FixPanel />
        <review::ReviewPanel />
    }
}
