//! The gallery section: one click loads a real-world failure and shows its result. The app renders the
//! heading; the cards come with the result module (an island, `crate::island`), which the result they
//! open needs anyway, once the cards' place comes into view.

use leptos::prelude::*;

use crate::gallery::cards::CARDS;
use crate::gallery::find;
use crate::island::{ask_app_to_open, Island, IslandRoot, Load};

/// Where the gallery's cards mount, and which module holds them.
pub const GALLERY: Island = Island {
    root_id: "gallery-cards",
    module: crate::result::island::MODULE,
    name: "gallery",
    load: Load::WhenVisible,
};

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
                    // The case's scenario is read when the card is opened, not when it is shown.
                    let open = move |_| {
                        if let Some(scenario) = find(card.id).and_then(|case| case.scenario().ok()) {
                            ask_app_to_open(&scenario);
                        }
                    };
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
                                on:click=open
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
