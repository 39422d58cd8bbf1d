//! The gallery section: one click loads a real-world failure and shows its result.

use leptos::prelude::*;

use crate::browser_io::focus_step_heading;
use crate::ctx::Ctx;
use crate::gallery::{Case, CASES};

/// Loads a gallery case into the scenario and shows its result.
pub fn open_case(ctx: Ctx, case: &Case) {
    if let Ok(scenario) = case.scenario() {
        ctx.show_result_of(scenario);
        // Also when the result was already shown: bring it into view from the gallery below.
        focus_step_heading();
    }
}

/// Every gallery case as a card.
#[component]
pub fn Gallery() -> impl IntoView {
    let ctx = Ctx::get();
    view! {
        <section class="gallery" id="gallery" aria-labelledby="gallery-title" data-testid="gallery">
            <h2 id="gallery-title">"Gallery: real failures, one click each"</h2>
            <p class="lede">
                "Each case is a situation people hit every day. Open one to see what the browser does and how to fix it."
            </p>
            <ul class="cards">
                {CASES
                    .iter()
                    .map(|case| {
                        view! {
                            <li class="card">
                                <h3>{case.title}</h3>
                                <p class="symptom">
                                    <span class="card-label">"You see "</span>
                                    {case.symptom}
                                </p>
                                <p class="cause">
                                    <span class="card-label">"Because "</span>
                                    {case.cause}
                                </p>
                                <button
                                    type="button"
                                    class="secondary"
                                    data-testid=format!("case-{}", case.id)
                                    on:click=move |_| open_case(ctx, case)
                                >
                                    "Open this case"
                                    <span class="sr-only">{format!(": {}", case.title)}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
