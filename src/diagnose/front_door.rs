//! The landing page's first screen: two ways in, pasting the error first, walking through a request
//! second, and the gallery one click away.

use leptos::prelude::*;

use super::diagnosis::Diagnosis;
use super::paste::PasteBox;
use super::state::PasteState;
use crate::browser_io::focus_step_heading;
use crate::ctx::Ctx;
use crate::wizard::{Nav, WizardStep};

/// The front door, shown for a visit without a scenario in its link.
#[component]
pub fn FrontDoor() -> impl IntoView {
    let ctx = Ctx::get();
    let paste = PasteState::new();
    let walk = move |_| {
        ctx.nav.update(|n| {
            *n = Nav {
                step: WizardStep::Origin,
                view: n.view,
            }
        });
        focus_step_heading();
    };
    view! {
        <section class="front-door" aria-labelledby="front-door-title" data-testid="front-door">
            <h2 id="front-door-title" class="front-door-title">"What is the browser blocking?"</h2>
            <div class="front-door-grid">
                <div class="door door-paste" id="diagnose" data-testid="diagnose">
                    <h3 class="door-title">"Paste the error you see"</h3>
                    <p class="door-lede">
                        "A console message from Chrome, Firefox or Safari, response headers, "
                        <code>"curl -v"</code>" output or a HAR file: see what happened, why, and the fix."
                    </p>
                    <PasteBox paste />
                </div>
                <div class="door door-walk" data-testid="door-walk">
                    <h3 class="door-title">"Walk through a request step by step"</h3>
                    <p class="door-lede">
                        "Answer seven short questions (the page, the request, the server's answers) and see every check the browser makes."
                    </p>
                    <a class="button primary" href="#main-wizard" data-testid="walk-through" on:click=walk>
                        "Start the walkthrough"<span aria-hidden="true">" →"</span>
                    </a>
                    <p class="door-more">
                        "Or open a real failure from the "<a href="#gallery" data-testid="to-gallery">"gallery"</a>
                        ": one click each."
                    </p>
                </div>
                <div class="door-result">
                    <Diagnosis paste />
                </div>
            </div>
        </section>
    }
}
