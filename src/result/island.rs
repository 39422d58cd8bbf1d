//! The result module: islands (`crate::island`) in their own Wasm module, `result.js`, built by trunk
//! from `src/bin/result.rs`, with the engine's full [`cors_rules::evaluate`] (console text, JS error,
//! fixes, Network rows), none of which the app's first load carries. It holds the result's details and
//! the live run (under the result view's and the widget's banner), the server step's answer editors
//! and requests on the wire ([`crate::steps::server`]), and the gallery's cards
//! ([`crate::ui::gallery`]). The app loads it as soon as one of those roots is on the page (the
//! gallery's: when it comes into view), and ahead of time from the headers step on.

use leptos::prelude::*;

use crate::island::{Island, IslandRoot, Load, Mountable};
use crate::steps::server::{ServerAnswers, SERVER_ANSWERS};
use crate::ui::gallery::{GalleryCards, GALLERY};

/// The result module, relative to the page.
pub const MODULE: &str = "result.js";

/// The details under the result view's banner.
pub const RESULT: Island = Island {
    root_id: "result-details",
    module: MODULE,
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
    (SERVER_ANSWERS, || view! { <ServerAnswers /> }.into_any()),
];

/// In the module: mounts its islands on the roots the app left for them.
pub fn mount() {
    crate::island::mount_all(ISLANDS, cors_rules::evaluate);
}
