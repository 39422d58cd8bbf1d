//! The "why does the browser do this?" note of each step.

use leptos::prelude::*;

/// A collapsible explanation of the attack a rule prevents.
#[component]
pub fn Why(children: Children) -> impl IntoView {
    view! {
        <details class="why" data-testid="why">
            <summary>"Why does the browser do this?"</summary>
            <div class="why-body">{children()}</div>
        </details>
    }
}
