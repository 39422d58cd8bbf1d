//! The result's details are an island (`crate::island`): their own Wasm module, `result.js`, built by
//! trunk from `src/bin/result.rs`, with the engine's full [`cors_rules::evaluate`] (console text, JS
//! error, fixes, Network rows) and the live run, none of which the app's first load carries. The result
//! view and the embedded widget render the banner and an empty root; the app loads the module as soon
//! as one of those roots is on the page. The module also holds the gallery's cards
//! ([`crate::ui::gallery`]), which open results, loaded when the gallery comes near the viewport.

use leptos::prelude::*;

use crate::island::{Island, IslandRoot, Load, Mountable};
use crate::ui::gallery::{GalleryCards, GALLERY};

/// The details under the result view's banner.
pub const RESULT: Island = Island {
    root_id: "result-details",
    module: "result.js",
    name: "result's details",
    load: Load::WhenMounted,
};

/// The details under the embedded widget's banner.
pub const EMBED: Island = Island {
    root_id: "embed-details",
    ..RESULT
};

/// In the app: where the result's details go.
#[component]
pub fn ResultDetailsRoot() -> impl IntoView {
    view! { <IslandRoot island=RESULT /> }
}

/// In the app: where the embedded widget's details go.
#[component]
pub fn EmbedDetailsRoot() -> impl IntoView {
    view! { <IslandRoot island=EMBED /> }
}

/// The module's islands.
const ISLANDS: &[Mountable] = &[
    (RESULT, || view! { <super::ResultDetails /> }.into_any()),
    (EMBED, || view! { <super::EmbedDetails /> }.into_any()),
    (GALLERY, || view! { <GalleryCards /> }.into_any()),
];

/// In the module: mounts the details on the roots the app left for them.
pub fn mount() {
    crate::island::mount_all(ISLANDS, cors_rules::evaluate);
}
