//! The gallery section: one click loads a real-world failure and shows its result. The app renders the
//! heading; the cards come with the result module (an island, `crate::island`), which the result they
//! open needs anyway, once the cards' place comes into view.

use leptos::prelude::*;

use crate::browser_io::focus_step_heading;
use crate::ctx::Ctx;
use crate::gallery::cards::CARDS;
use crate::gallery::{find, Case};
use crate::island::{ask_app_to_open, Island, IslandRoot, Load};

/// Where the gallery's cards mount, and which module holds them.
pub const GALLERY: Island = Island {
    root_id: "gallery-cards",
    module: "result.js",
    name: "gallery",
    load: Load::WhenVisible,
};

/// In the app: loads a gallery case into the scenario and shows its result.
pub fn open_case(ctx: Ctx, case: &Case) {
    if let Ok(scenario) = case.scenario() {
        ctx.show_result_of(scenario);
        // Also when the result was already shown: bring it into view from the gallery below.
        focus_step_heading();
    }
}

/// In the app: the section, with the root of its cards.
#[component]
pub fn Gallery() -> impl IntoView {
    view! {
        <section class="gallery" id="gallery" aria-labelledby="gallery-title" data-testid="gallery">
            <h2 id="gallery-title">"Gallery: real failures, one click each"</h2>
            <p class="lede">
                "Each case is a situation people hit every day. Open one to see what the browser does and how to fix it."
            </p>
            <IslandRoot island=GALLERY />
        </section>
    }
}

/// In the result module: every gallery case as a card; opening one asks the app to show its result.
#[component]
pub fn GalleryCards() -> impl IntoView {
    view! {
        <ul class="cards">
            {CARDS
                .iter()
                .map(|card| {
                    let scenario = find(card.id).and_then(|case| case.scenario().ok());
                    view! {
                        <li class="card">
                            <h3>{card.title}</h3>
                            <p class="symptom">
                                <span class="card-label">"You see "</span>
                                {card.symptom}
                            </p>
                            <p class="cause">
                                <span class="card-label">"Because "</span>
                                {card.cause}
                            </p>
                            <button
                                type="button"
                                class="secondary"
                                data-testid=format!("case-{}", card.id)
                                on:click=move |_| {
                                    if let Some(scenario) = &scenario {
                                        ask_app_to_open(scenario);
                                    }
                                }
                            >
                                "Open this case"
                                <span class="sr-only">{format!(": {}", card.title)}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
