//! The expert view: the whole form beside the result, on one screen.

use leptos::prelude::*;

use crate::result::ResultView;
use crate::steps::StepBody;
use crate::wizard::WizardStep;

/// Every input step, one after the other, each under its own heading.
#[component]
pub fn ScenarioForm() -> impl IntoView {
    WizardStep::ALL
        .iter()
        .filter(|s| **s != WizardStep::Result)
        .map(|&step| {
            let id = format!("expert-step-{}", step.number());
            let labelled_by = id.clone();
            view! {
                <section class="expert-step" aria-labelledby=labelled_by data-testid=format!("expert-step-{}", step.number())>
                    <h2 id=id>
                        <span class="step-badge" aria-hidden="true">{step.number()}</span>
                        {step.label()}
                    </h2>
                    <StepBody step />
                </section>
            }
        })
        .collect_view()
}

/// Form and result side by side.
#[component]
pub fn ExpertView() -> impl IntoView {
    view! {
        <div class="expert" data-testid="expert-view">
            <div class="expert-form">
                <ScenarioForm />
            </div>
            <section class="expert-result" aria-labelledby="expert-result-title">
                <h2 id="expert-result-title">"Result"</h2>
                <ResultView />
            </section>
        </div>
    }
}
