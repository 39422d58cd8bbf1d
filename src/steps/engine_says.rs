//! "What this changes" under a step's inputs: the engine's own sentences for the checks the step
//! decides, with their marks.

use cors_rules::CheckId;
use leptos::prelude::*;

use crate::ctx::Ctx;
use crate::derive::mark;
use crate::ui::rich::rich;

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
