//! The guided first visit: three gallery cases, one after the other; dismissed for good.

use leptos::prelude::*;

use crate::browser_io::{remember_tour_done, show_result};
use crate::ctx::{Ctx, Tour};
use crate::gallery::{find, TOUR};

/// What the tour says about each of its cases.
const TOUR_TEXT: [&str; 3] = [
    "This request works. The page and the API are different origins, so the browser checks the answer: \
     Access-Control-Allow-Origin names the page's origin exactly. Look at the checks below, then go on.",
    "The same GET, now with cookies (credentials: 'include'). The server still answers with the wildcard *, \
     which the browser refuses when cookies are involved. Read the console message and the fix.",
    "A PUT is something a plain HTML form could never send, so the browser first asks the server with an \
     OPTIONS preflight. The server does not list PUT in Access-Control-Allow-Methods. Try \"Apply this fix\".",
];

/// Starts (or restarts) the tour on its first case.
pub fn start_tour(ctx: Ctx) {
    go_to(ctx, 0);
}

fn go_to(ctx: Ctx, index: usize) {
    if let Some(case) = TOUR.get(index).and_then(|(id, _)| find(id)) {
        if let Ok(scenario) = case.scenario() {
            show_result(ctx, scenario);
        }
        ctx.tour.set(Tour::Case(index));
    }
}

fn finish(ctx: Ctx) {
    ctx.tour.set(Tour::Closed);
    remember_tour_done();
}

/// The tour's invitation or its current case, when open.
#[component]
pub fn TourPanel() -> impl IntoView {
    let ctx = Ctx::get();
    move || match ctx.tour.get() {
        Tour::Closed => None,
        Tour::Invited => Some(invitation(ctx).into_any()),
        Tour::Case(index) => Some(case_panel(ctx, index).into_any()),
    }
}

fn invitation(ctx: Ctx) -> impl IntoView {
    view! {
        <aside class="tour" aria-labelledby="tour-title" data-testid="tour">
            <h2 id="tour-title">"New to CORS?"</h2>
            <p>"A two-minute guided tour walks you through three typical cases: one that works, one blocked, one that needs a preflight."</p>
            <div class="tour-actions">
                <button type="button" class="primary" data-testid="tour-start" on:click=move |_| start_tour(ctx)>
                    "Take the tour"
                </button>
                <button type="button" class="secondary" data-testid="tour-skip" on:click=move |_| finish(ctx)>
                    "No thanks"
                </button>
            </div>
        </aside>
    }
}

fn case_panel(ctx: Ctx, index: usize) -> impl IntoView {
    let last = index + 1 >= TOUR.len();
    let title = TOUR.get(index).map(|&(_, title)| title).unwrap_or_default();
    let next = if last {
        view! {
            <button type="button" class="primary" data-testid="tour-finish" on:click=move |_| finish(ctx)>
                "Finish the tour"
            </button>
        }
        .into_any()
    } else {
        view! {
            <button type="button" class="primary" data-testid="tour-next" on:click=move |_| go_to(ctx, index + 1)>
                "Next case"
            </button>
        }
        .into_any()
    };
    view! {
        <aside class="tour" aria-labelledby="tour-title" data-testid="tour">
            <p class="tour-count">{format!("Guided tour · case {} of {}", index + 1, TOUR.len())}</p>
            <h2 id="tour-title">{title}</h2>
            <p>{TOUR_TEXT.get(index).copied().unwrap_or_default()}</p>
            <div class="tour-actions">
                {next}
                <button type="button" class="secondary" data-testid="tour-skip" on:click=move |_| finish(ctx)>
                    "End the tour"
                </button>
            </div>
        </aside>
    }
}
