//! The diagnose panels are an island (`crate::island`): their own Wasm module, `diagnose.js`, built by
//! trunk from `src/bin/diagnose.rs`, so the app's first load does not carry `cors-diagnose`. The app
//! renders the section's heading and an empty root, and loads the module when the root comes near the
//! viewport. Besides the scenario the app sends, the module can ask the app to open a scenario in the
//! wizard (`LOAD`).

use cors_rules::Scenario;
use leptos::prelude::*;

use crate::ctx::Ctx;
use crate::island::{scenario_of, send, Island, IslandRoot, Load, Mountable};

/// Module → app: open this scenario in the wizard.
const LOAD: &str = "cors-explainer:diagnose-load";

/// Where the diagnose panels mount and which module holds them.
pub const DIAGNOSE: Island = Island {
    root_id: "diagnose-root",
    module: "diagnose.js",
    name: "diagnose panel",
    load: Load::WhenNear,
};

/// In the module: asks the app to open this scenario in the wizard.
pub fn ask_app_to_load(scenario: &Scenario) {
    send(LOAD, Some(scenario));
}

/// In the app: the island's root, and the wizard opening what the module asks for.
#[component]
pub fn DiagnoseIsland() -> impl IntoView {
    let ctx = Ctx::get();
    let load = window_event_listener_untyped(LOAD, move |event| {
        if let Some(scenario) = scenario_of(&event) {
            super::load_into_wizard(ctx, scenario);
        }
    });
    on_cleanup(move || load.remove());
    view! { <IslandRoot island=DIAGNOSE /> }
}

/// The module's islands: the panels.
const ISLANDS: &[Mountable] = &[(DIAGNOSE, || view! { <super::DiagnosePanels /> }.into_any())];

/// In the module: mounts the panels on the app's root.
pub fn mount() {
    crate::island::mount_all(ISLANDS, cors_rules::evaluate);
}
