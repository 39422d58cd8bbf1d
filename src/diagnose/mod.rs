//! "Paste the error you see": a console message, response headers, `curl -v` output or a HAR file is
//! read as it is pasted and becomes the app's scenario; the diagnosis under it (what the browser did,
//! the rule, what the server must send, the fix for the person's stack, `curl` commands, the security
//! review, a share link) follows that one scenario. Every judgement comes from `cors-diagnose` and the
//! engine; pasted text is only ever shown as text.

mod assumptions;
mod diagnosis;
mod explain;
mod fix;
mod front_door;
mod paste;
mod reading;
mod review;
mod share;
mod state;

use leptos::prelude::*;

use diagnosis::Diagnosis;
pub use front_door::FrontDoor;
use state::PasteState;

/// The paste section placed under the wizard, for visits that open a scenario (a shared link, a case).
#[component]
pub fn DiagnoseSection() -> impl IntoView {
    view! {
        <section class="diagnose" id="diagnose" aria-labelledby="diagnose-title" data-testid="diagnose">
            <h2 id="diagnose-title">"Paste the error you see"</h2>
            <p class="lede">
                "A console error from Chrome, Firefox or Safari, the response headers copied from DevTools, the output of "
                <code>"curl -v"</code>" or a HAR file: it is read here, in your browser, and never sent anywhere."
            </p>
            <PasteAndDiagnosis />
        </section>
    }
}

/// The paste box and, once something is read, the diagnosis.
#[component]
fn PasteAndDiagnosis() -> impl IntoView {
    let paste = PasteState::new();
    view! {
        <paste::PasteBox paste />
        <Diagnosis paste />
    }
}
