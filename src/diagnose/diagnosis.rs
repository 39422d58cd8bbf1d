//! Everything shown for a read paste, under the paste box on the landing page and on a linked visit.

use leptos::prelude::*;

use super::assumptions::Assumptions;
use super::explain::{Outcome, Rule};
use super::fix::FixPanel;
use super::reading::{Reading, ReadingFooter};
use super::review::ReviewPanel;
use super::share::ShareDiagnosis;
use super::state::PasteState;

/// Everything shown for a read paste: what was recognised, then the explanation and fix of the
/// scenario it became.
#[component]
pub(super) fn Diagnosis(paste: PasteState) -> impl IntoView {
    let has_scenario = move || paste.has_scenario();
    view! {
        <div class="diagnosis" data-testid="diagnosis">
            // On a phone the verdict comes right under the message's title, before what it assumes.
            <div class="diagnosis-top">
                <div class="diagnosis-reading">
                    <Reading paste />
                </div>
                <Show when=has_scenario>
                    <div class="diagnosis-send">
                        <Outcome />
                        <ShareDiagnosis />
                    </div>
                </Show>
                <div class="diagnosis-assumptions">
                    <Assumptions paste />
                </div>
            </div>
            <ReadingFooter paste />
            <Show when=has_scenario>
                <Rule />
                <FixPanel />
                <ReviewPanel />
            </Show>
        </div>
    }
}
