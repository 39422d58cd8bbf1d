//! "Paste the error you see": a console message, response headers, `curl -v` output or a HAR file is
//! read as it is pasted and becomes the app's scenario; the diagnosis under it (what the browser did,
//! the rule, what the server must send, the fix for the person's stack, `curl` commands, the security
//! review, a share link) follows that one scenario. Every judgement comes from `cors-diagnose` and the
//! engine; pasted text is only ever shown as text.

mod assumptions;
mod explain;
mod fix;
mod front_door;
mod paste;
mod reading;
mod review;
mod share;
mod state;

use leptos::prelude::*;

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

/// Everything shown for a read paste: what was recognised, then the explanation and fix of the
/// scenario it became.
#[component]
fn Diagnosis(paste: PasteState) -> impl IntoView {
    let has_scenario = move || paste.has_scenario();
    view! {
        <div class="diagnosis" data-testid="diagnosis">
            // On a phone the verdict comes right under the message's title, before what it assumes.
            <div class="diagnosis-top">
                <div class="diagnosis-reading">
                    <reading::Reading paste />
                </div>
                <Show when=has_scenario>
                    <div class="diagnosis-send">
                        <explain::Outcome />
                        <share::ShareDiagnosis />
                    </div>
                </Show>
                <div class="diagnosis-assumptions">
                    <assumptions::Assumptions paste />
                </div>
            </div>
            <reading::ReadingFooter paste />
            <Show when=has_scenario>
                <explain::Rule />
                <fix::FixPanel />
                <review::ReviewPanel />
            </Show>
        </div>
    }
}
