//! The app root: reads the link, provides the state, wires the outside world, picks site or widget.

use leptos::prelude::*;

use crate::browser_io::{
    apply_theme, current_query, focus_step_heading, report_height_to_parent, reveal_current_step,
    sync_url, tour_done,
};
use crate::ctx::{Ctx, Tour};
use crate::diagnose::{DiagnoseSection, FrontDoor};
use crate::embed::EmbedView;
use crate::expert::ExpertView;
use crate::glossary::Glossary;
use crate::share::{read_link, write_link, Layout, Link, Theme};
use crate::steps::StepBody;
use crate::ui::gallery::Gallery;
use crate::ui::site_header::SiteHeader;
use crate::ui::stepper::Stepper;
use crate::ui::tour::TourPanel;
use crate::ui::verdict_bar::VerdictBar;
use crate::wizard::{View, WizardStep};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let query = current_query();
    let (link, problem) = read_link(&query);
    let landing = link.layout == Layout::Site && problem.is_none() && is_bare(&link);
    let first_visit = landing && !tour_done();
    let ctx = Ctx::new(link, problem.map(|p| p.message()));
    provide_context(ctx);
    apply_theme(ctx.theme);
    sync_url(ctx);
    if first_visit {
        ctx.tour.set(Tour::Invited);
    }
    match ctx.layout {
        Layout::Embed(editing) => {
            report_height_to_parent();
            view! { <EmbedView editing /> }.into_any()
        }
        Layout::Site => view! { <Site landing /> }.into_any(),
    }
}

/// Whether a link opens no scenario and no step (a theme alone does not count): the visit lands on
/// the front door.
fn is_bare(link: &Link) -> bool {
    write_link(&Link {
        theme: Theme::Auto,
        ..link.clone()
    })
    .is_empty()
}

/// The site: on a bare visit the front door (paste or walk through) comes first; a link with a
/// scenario or a step opens the wizard at once, with the paste section under it.
#[component]
fn Site(landing: bool) -> impl IntoView {
    let ctx = Ctx::get();
    let view_mode = Memo::new(move |_| ctx.nav.with(|n| n.view));
    view! {
        <a class="skip-link" href="#main">"Skip to the content"</a>
        <SiteHeader />
        <main id="main">
            <LinkProblem />
            {landing.then(|| view! { <FrontDoor /> })}
            <TourPanel />
            // The verdict bar sticks to the top only while the wizard is on screen.
            <div class="workbench" id="main-wizard">
                <VerdictBar />
                {move || match view_mode.get() {
                    View::Wizard => view! { <Wizard /> }.into_any(),
                    View::Expert => view! { <ExpertView /> }.into_any(),
                }}
            </div>
            {(!landing).then(|| view! { <DiagnoseSection /> })}
            <Gallery />
            <Glossary />
        </main>
        <footer class="site-footer">
            <p>"Every verdict comes from the cors-rules engine running in this page (WebAssembly), following the "
            <a href="https://fetch.spec.whatwg.org/#http-cors-protocol">"Fetch standard"</a>
            " and the differences of Chrome, Firefox and Safari."</p>
        </footer>
    }
}

#[component]
fn LinkProblem() -> impl IntoView {
    let ctx = Ctx::get();
    move || {
        ctx.link_problem.get().map(|message| {
            view! {
                <div class="link-problem" role="status" data-testid="link-problem">
                    <p><span aria-hidden="true">"⚠ "</span>{message}</p>
                    <button type="button" class="link-button" on:click=move |_| ctx.link_problem.set(None)>"Dismiss"</button>
                </div>
            }
        })
    }
}

#[component]
fn Wizard() -> impl IntoView {
    let ctx = Ctx::get();
    let step = Memo::new(move |_| ctx.nav.with(|n| n.step));
    Effect::new(move |previous: Option<WizardStep>| {
        let now = step.get();
        if previous.is_some_and(|p| p != now) {
            focus_step_heading();
        }
        reveal_current_step();
        now
    });
    view! {
        <div class="wizard">
            <Stepper />
            {move || {
                let step = step.get();
                view! {
                    <section class="step-panel" aria-labelledby="step-heading" data-testid=format!("step-{}", step.number())>
                        <p class="eyebrow">{format!("Step {} of {} · {}", step.number(), WizardStep::ALL.len(), step.label())}</p>
                        <h2 id="step-heading" tabindex="-1" data-testid="step-heading">{step.question()}</h2>
                        <StepBody step />
                        <StepNav />
                    </section>
                }
            }}
        </div>
    }
}

#[component]
fn StepNav() -> impl IntoView {
    let ctx = Ctx::get();
    let nav = move || ctx.nav.get();
    view! {
        <div class="step-nav">
            <Show when=move || nav().has_previous()>
                <button type="button" class="secondary" data-testid="back" on:click=move |_| ctx.nav.update(|n| n.back())>
                    <span aria-hidden="true">"← "</span>"Back"
                </button>
            </Show>
            <Show when=move || nav().has_next()>
                <button type="button" class="primary" data-testid="next" on:click=move |_| ctx.nav.update(|n| n.forward())>
                    {move || nav().step.next().map(|s| format!("Next: {}", s.label()))}
                    <span aria-hidden="true">" →"</span>
                </button>
            </Show>
        </div>
    }
}
