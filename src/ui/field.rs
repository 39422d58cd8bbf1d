//! A labelled text input whose inline message comes from the engine's `InputError` for its field.

use leptos::prelude::*;

use crate::ctx::Ctx;

/// A labelled text input bound to one scenario field.
#[component]
pub fn TextField(
    /// The DOM id (also used for the label and the message).
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The scenario field path the engine names in its errors (`request.url`).
    #[prop(into)]
    path: String,
    /// The current value.
    value: Signal<String>,
    /// Called with the new text on every keystroke.
    on_input: Callback<String>,
    /// A short hint under the input.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// A message for input the form itself refuses (before the engine sees it).
    #[prop(optional, into)]
    local_error: Option<Signal<Option<String>>>,
    /// Extra class for width.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let ctx = Ctx::get();
    let error = Signal::derive(move || {
        local_error
            .and_then(|e| e.get())
            .or_else(|| ctx.error_at(&path))
    });
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class=format!("field {class}")>
            <label for=id.clone()>{label}</label>
            <input
                id=id.clone()
                type="text"
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                prop:value=move || value.get()
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=described
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <Show when=move || error.with(Option::is_some)>
                <p class="field-error" id=error_id.clone() data-testid="input-error">
                    <span aria-hidden="true">"⚠ "</span>
                    {move || error.get().unwrap_or_default()}
                </p>
            </Show>
        </div>
    }
}

/// One option of a [`Choice`].
#[derive(Clone, Copy)]
pub struct Opt {
    /// The value.
    pub value: &'static str,
    /// What it shows.
    pub label: &'static str,
    /// One line under it.
    pub note: &'static str,
}

/// A radio group (fieldset + legend) for one enum field.
#[component]
pub fn Choice(
    /// The radio group name (unique on the page).
    name: &'static str,
    /// The legend.
    legend: &'static str,
    /// The options.
    options: &'static [Opt],
    /// The selected value.
    selected: Signal<&'static str>,
    /// Called with the chosen value.
    on_change: Callback<&'static str>,
) -> impl IntoView {
    view! {
        <fieldset class="choice">
            <legend>{legend}</legend>
            {options
                .iter()
                .map(|opt| {
                    let id = format!("{name}-{}", opt.value);
                    let value = opt.value;
                    view! {
                        <div class="choice-option">
                            <input
                                type="radio"
                                id=id.clone()
                                name=name
                                value=value
                                prop:checked=move || selected.get() == value
                                on:change=move |_| on_change.run(value)
                            />
                            <label for=id>
                                <code>{opt.label}</code>
                                <span class="choice-note">{opt.note}</span>
                            </label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
