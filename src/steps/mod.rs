//! One module per wizard step; each renders its inputs, what the answer changes, and why.

mod answer;
mod engine_says;
mod headers;
mod method;
mod options;
mod origin;
pub(crate) mod server;
mod target;

use leptos::prelude::*;

use crate::result::ResultView;
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
