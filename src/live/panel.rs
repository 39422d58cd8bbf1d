//! The "Run it live" panel: where to send the request, the button, the announced status, the report.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::plan::{Target, SERVE_COMMAND};
use super::report_view::LiveReportView;
use super::run::{run_live, LiveError, LiveReport, PageEnv, Phase};
use super::words::{error_words, phase_words};
use crate::ctx::Ctx;
use crate::ui::field::{Choice, Opt};

/// Where the live panel stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum LiveState {
    /// Nothing run yet.
    #[default]
    Idle,
    /// A run is under way.
    Running(Phase),
    /// The last run's report.
    Done(Box<LiveReport>),
    /// The last run could not be made.
    Failed(LiveError),
}

const TARGETS: &[Opt] = &[
    Opt {
        value: "lab",
        label: "The lab",
        note: "answers exactly as the scenario's servers do, and shows what it received",
    },
    Opt {
        value: "url",
        label: "Your own URL",
        note: "your real API: only what this page's script can see is reported",
    },
];

/// Starts a run of the current scenario; a newer run makes an older one's results go unshown.
fn start_run(ctx: Ctx, target: Target, state: RwSignal<LiveState>, generation: StoredValue<u64>) {
    let scenario = ctx.scenario.get_untracked();
    generation.update_value(|g| *g += 1);
    let this_run = generation.get_value();
    let current = move || generation.get_value() == this_run;
    let first = match target {
        Target::Lab => Phase::FindingLab,
        Target::Url(_) => Phase::Requesting,
    };
    state.set(LiveState::Running(first));
    spawn_local(async move {
        let on_phase = move |phase| {
            if current() {
                state.set(LiveState::Running(phase));
            }
        };
        let result = run_live(scenario, target, PageEnv::current(), on_phase).await;
        if current() {
            state.set(match result {
                Ok(report) => LiveState::Done(Box::new(report)),
                Err(error) => LiveState::Failed(error),
            });
        }
    });
}

/// The "Run it live" section of the result.
#[component]
pub fn LiveSection() -> impl IntoView {
    view! {
        <section class="result-section live-panel" data-testid="live-panel" aria-labelledby="live-title">
            <h3 id="live-title">"Run it live"</h3>
            <p class="lede">
                "Here is what we predict — now watch your own browser do it. The request is sent from this page, "
                "exactly as configured, and the real result appears beside the prediction."
            </p>
            <LivePanel />
        </section>
    }
}

/// The panel's controls and report.
#[component]
fn LivePanel() -> impl IntoView {
    let ctx = Ctx::get();
    let use_url = RwSignal::new(false);
    let url_text = RwSignal::new(String::new());
    let state = RwSignal::new(LiveState::Idle);
    let generation = StoredValue::new(0_u64);
    let running = Memo::new(move |_| state.with(|s| matches!(s, LiveState::Running(_))));
    let start = move || {
        if running.get_untracked() {
            return;
        }
        let target = if use_url.get_untracked() {
            Target::Url(url_text.get_untracked())
        } else {
            Target::Lab
        };
        start_run(ctx, target, state, generation);
    };
    view! {
        <TargetPicker use_url url_text />
        <p class="hint">
            "No lab running? Start it on your machine with "<code>{SERVE_COMMAND}</code>
            " and open http://127.0.0.1:8080/ for full fidelity: the lab also shows what the server received."
        </p>
        <button
            type="button"
            class="primary"
            data-testid="live-run"
            // aria-disabled, not disabled: a disabled button would drop the keyboard focus mid-run.
            aria-disabled=move || if running.get() { "true" } else { "false" }
            aria-describedby="live-status"
            on:click=move |_| start()
        >
            "Run it live"
        </button>
        <p id="live-status" class="note" role="status" aria-live="polite" aria-atomic="true" data-testid="live-status">
            {move || status_words(&state.read())}
        </p>
        <LiveOutcome state />
    }
}

/// The lab or a typed URL.
#[component]
fn TargetPicker(use_url: RwSignal<bool>, url_text: RwSignal<String>) -> impl IntoView {
    let selected = Signal::derive(move || if use_url.get() { "url" } else { "lab" });
    view! {
        <Choice
            name="live-target"
            legend="Send the request to"
            options=TARGETS
            selected
            on_change=Callback::new(move |value: &'static str| use_url.set(value == "url"))
        />
        <Show when=move || use_url.get()>
            <div class="field">
                <label for="live-url">"Your API's URL"</label>
                <input
                    id="live-url"
                    type="url"
                    data-testid="live-url"
                    spellcheck="false"
                    autocomplete="off"
                    placeholder="https://api.example.com/v1/items"
                    aria-describedby="live-url-hint"
                    prop:value=move || url_text.get()
                    on:input=move |ev| url_text.set(event_target_value(&ev))
                />
                <p class="hint" id="live-url-hint">
                    "The prediction assumes your server answers as the scenario describes."
                </p>
            </div>
        </Show>
    }
}

/// The last run's report, or why it could not be made.
#[component]
fn LiveOutcome(state: RwSignal<LiveState>) -> impl IntoView {
    move || match &*state.read() {
        LiveState::Done(report) => {
            let report = (**report).clone();
            view! { <LiveReportView report /> }.into_any()
        }
        LiveState::Failed(error) => view! {
            <p class="field-error" data-testid="live-error">
                <span aria-hidden="true">"⚠ "</span>{error_words(error)}
            </p>
        }
        .into_any(),
        _ => ().into_any(),
    }
}

/// The status line for a state.
fn status_words(state: &LiveState) -> String {
    match state {
        LiveState::Idle => String::new(),
        LiveState::Running(phase) => phase_words(*phase).to_owned(),
        LiveState::Done(report) => super::report_view::summary_words(report),
        LiveState::Failed(_) => "The live run could not be made; see the message below.".to_owned(),
    }
}
