//! The step list: where you are, and a way to jump to any step.

use leptos::prelude::*;

use crate::ctx::Ctx;
use crate::wizard::WizardStep;

/// The ordered list of steps, the current one marked with `aria-current="step"`.
#[component]
pub fn Stepper() -> impl IntoView {
    let ctx = Ctx::get();
    view! {
        <nav class="stepper" aria-label="Wizard steps">
            <ol>
                {WizardStep::ALL
                    .iter()
                    .map(|&step| {
                        let current = move || ctx.nav.with(|n| n.step == step);
                        view! {
                            <li class:current=current>
                                <button
                                    type="button"
                                    data-testid=format!("goto-step-{}", step.number())
                                    aria-current=move || current().then_some("step")
                                    on:click=move |_| ctx.nav.update(|n| n.go_to(step))
                                >
                                    <span class="step-number" aria-hidden="true">{step.number()}</span>
                                    <span class="step-label">{step.label()}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}
