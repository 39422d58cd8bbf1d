//! One module per wizard step; each renders its inputs, what the answer changes, and why.

mod answer;
mod headers;
mod method;
mod options;
mod origin;
pub(crate) mod server;
mod target;

use cors_rules::CheckId;
use leptos::prelude::*;

use crate::ctx::Ctx;
use crate::derive::mark;
use crate::result::ResultView;
use crate::ui::rich::rich;
use crate::wizard::WizardStep;

/// The body of a step: inputs, live consequences, the "why" note.
#[component]
pub fn StepBody(step: WizardStep) -> impl IntoView {
    match step {
        WizardStep::Origin => view! { <origin::OriginStep /> }.into_any(),
        WizardStep::Target => view! { <target::TargetStep /> }.into_any(),
        WizardStep::Method => view! { <method::MethodStep /> }.into_any(),
        WizardStep::Headers => view! { <headers::HeadersStep /> }.into_any(),
        WizardStep::Options => view! { <options::OptionsStep /> }.into_any(),
        WizardStep::Server => view! { <server::ServerStep /> }.into_any(),
        WizardStep::Result => view! { <ResultView /> }.into_any(),
    }
}

/// "What this changes": the engine's own sentences for the given checks, with their marks.
#[component]
pub fn EngineSays(
    /// The checks whose steps to show, in trace order.
    checks: &'static [CheckId],
) -> impl IntoView {
    let ctx = Ctx::get();
    let lines = move || {
        ctx.verdict.with(|v| {
            let Ok(verdict) = v else { return Vec::new() };
            verdict
                .steps
                .iter()
                .enumerate()
                .filter(|(_, s)| checks.contains(&s.check))
                .map(|(i, s)| (mark(verdict, i), s.check.id(), s.summary.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || !lines().is_empty()>
            <ul class="engine-says" data-testid="engine-says">
                {move || {
                    lines()
                        .into_iter()
                        .map(|(mark, id, summary)| {
                            view! {
                                <li class=format!("says mark-{}", mark.word()) data-check=id>
                                    <span class="mark-icon" aria-hidden="true">{mark.icon()}</span>
                                    <span class="sr-only">{mark.word()}": "</span>
                                    {rich(&summary)}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </Show>
    }
}
