//! The live panel is an island (`crate::island`): its own Wasm module, `live.js`, built by trunk from
//! `src/bin/live.rs`, so the app's first load does not carry the live-run code. The result view renders
//! the section's heading and an empty root; the app loads the module as soon as the root is on the page.

use leptos::prelude::*;

use crate::island::{Island, IslandRoot, Load};

/// Where the live panel mounts and which module holds it.
pub const LIVE: Island = Island {
    root_id: "live-root",
    module: "live.js",
    ready: "cors-explainer:live-ready",
    name: "live panel",
    load: Load::WhenMounted,
};

/// In the app: the "Run it live" section, its panel to come from the module.
#[component]
pub fn LiveSection() -> impl IntoView {
    view! {
        <section class="result-section live-panel" data-testid="live-panel" aria-labelledby="live-title">
            <h3 id="live-title">"Run it live"</h3>
            <p class="lede">
                "Here is what we predict — now watch your own browser do it. The request is sent from this page, "
                "exactly as configured, and the real result appears beside the prediction."
            </p>
            <IslandRoot island=LIVE />
        </section>
    }
}

/// In the module: mounts the panel on the app's root.
pub fn mount() {
    crate::island::mount(LIVE, || view! { <super::LivePanel /> });
}
