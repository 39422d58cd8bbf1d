//! The diagnose panels are an island (`crate::island`): their own Wasm module, `diagnose.js`, built by
//! trunk from `src/bin/diagnose.rs`, so the app's first load does not carry `cors-diagnose`. The app
//! renders the section's heading and an empty root, and loads the module when the root comes into
//! view. A diagnosis opens in the wizard through [`crate::island::ask_app_to_open`].

use leptos::prelude::*;

use crate::island::{Island, IslandRoot, Load, Mountable};

/// Where the diagnose panels mount and which module holds them.
pub const DIAGNOSE: Island = Island {
    root_id: "diagnose-root",
    module: "diagnose.js",
    name: "diagnose panel",
    load: Load::WhenVisible,
};

/// In the app: the island's root.
#[component]
pub fn DiagnoseIsland() -> impl IntoView {
    view! { <IslandRoot island=DIAGNOSE /> }
}

/// The module's islands: the panels.
const ISLANDS: &[Mountable] = &[(DIAGNOSE, || view! { <super::DiagnosePanels /> }.into_any())];

/// In the module: mounts the panels on the app's root.
pub fn mount() {
    crate::island::mount_all(ISLANDS, cors_rules::evaluate);
}
