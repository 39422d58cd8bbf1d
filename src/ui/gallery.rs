//! The gallery section: one click loads a real-world failure and shows its result.

use leptos::prelude::*;

use crate::browser_io::show_result;
use crate::ctx::Ctx;
use crate::gallery::cards::CARDS;
use crate::gallery::find;

/// The section: its heading and the cards.
#[component]
pub fn Gallery() -> impl IntoView {
    view! {
        <section class="gallery" id="gallery" aria-labelledby="gallery-title" data-testid="gallery">
            <h2 id="gallery-title">"Gallery: real failures, one click each"</h2>
            <p class="lede">
                "Each case is a situation people hit every day. Open one to see what the browser does and how to fix it."
            </p>
            <GalleryCards />
        </section>
    }
}

/// Every gallery case as a card; opening one shows its result.
#[component]
fn GalleryCards() -> impl IntoView {
    let ctx = Ctx::get();
    view! {
        <ul class="cards">
            {CARDS
                .iter()
                .map(|card| {
                    // The case's scenario is read when the card is opened, not when it is shown.
                    let open = move |_| {
                        if let Some(scenario) = find(card.id).and_then(|case| case.scenario().ok()) {
                            show_result(ctx, scenario);
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
