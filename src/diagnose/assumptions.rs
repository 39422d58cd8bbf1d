//! What the paste does not say, stated and editable in place: Chrome's preflight messages do not name
//! the method, Firefox's do not name the page's origin. An edit reads the paste again with the
//! person's value, so the scenario and everything under it follow.

use cors_diagnose::assumption::{AssumedField, Assumption};
use leptos::prelude::*;

use super::state::PasteState;
use crate::ui::rich::rich;

/// The form field id of an assumed field.
fn input_id(field: AssumedField) -> String {
    format!("assumed-{}", field.label().to_lowercase().replace(' ', "-"))
}

/// The assumptions of the last read, one row each, kept in place across reads.
#[component]
pub fn Assumptions(paste: PasteState) -> impl IntoView {
    // The assumptions of the read, then the fields the person has given a value for (no longer
    // assumed, but still editable in the same place).
    let list = Memo::new(move |_| {
        let mut rows = paste.analysis.with(|a| {
            a.as_ref()
                .map(|a| a.assumptions.clone())
                .unwrap_or_default()
        });
        paste.edits.with(|edits| {
            for edit in edits {
                if !rows.iter().any(|a| a.field == edit.field) {
                    rows.push(Assumption::new(
                        edit.field,
                        edit.value.clone(),
                        "your value",
                    ));
                }
            }
        });
        rows
    });
    let fields = Memo::new(move |_| list.with(|l| l.iter().map(|a| a.field).collect::<Vec<_>>()));
    let of = move |field: AssumedField| list.with(|l| l.iter().find(|a| a.field == field).cloned());
    view! {
        <Show when=move || !fields.with(Vec::is_empty)>
            <div class="diagnose-assumptions" data-testid="diagnose-assumptions">
                <h4>"What the message does not say"</h4>
                <p class="hint">"Assumed; change them to match your request and everything follows."</p>
                <ul>
                    <For each=move || fields.get() key=|field| *field let(field)>
                        <AssumptionRow paste field of=Signal::derive(move || of(field)) />
                    </For>
                </ul>
            </div>
        </Show>
    }
}

#[component]
fn AssumptionRow(
    paste: PasteState,
    field: AssumedField,
    of: Signal<Option<Assumption>>,
) -> impl IntoView {
    let id = input_id(field);
    let value = move || of.with(|a| a.as_ref().map(|a| a.value.clone()).unwrap_or_default());
    let why = move || of.with(|a| a.as_ref().map(|a| a.why.clone()).unwrap_or_default());
    let why_id = format!("{id}-why");
    let control = if field.is_editable() {
        view! {
            <label for=id.clone()>{field.label()}</label>
            <input
                id=id.clone()
                type="text"
                spellcheck="false"
                autocomplete="off"
                data-testid=id.clone()
                aria-describedby=why_id.clone()
                prop:value=value
                on:input=move |ev| paste.set_assumed(field, event_target_value(&ev))
            />
        }
        .into_any()
    } else {
        view! {
            <span class="assumed-label">{field.label()}</span>
            <code class="assumed-value">{value}</code>
        }
        .into_any()
    };
    view! {
        <li class="assumption" data-field=id.clone()>
            {control}
            <span class="assumed-why" id=why_id>{move || rich(&why())}</span>
        </li>
    }
}
