//! The paste box: read as it is pasted or typed; the kind can be forced and the read repeated.

use leptos::prelude::*;

use super::state::{PasteState, KINDS};

/// The text area, the kind menu and the read button.
#[component]
pub fn PasteBox(paste: PasteState) -> impl IntoView {
    view! {
        <div class="diagnose-paste">
            <label for="diagnose-input" class="diagnose-label">"The error, headers or output"</label>
            <textarea
                id="diagnose-input"
                class="diagnose-input"
                data-testid="diagnose-input"
                rows="4"
                spellcheck="false"
                autocomplete="off"
                aria-describedby="diagnose-privacy"
                placeholder="Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: …"
                prop:value=move || paste.text.get()
                on:input=move |ev| paste.set_text(event_target_value(&ev))
            ></textarea>
            <div class="diagnose-controls">
                <label for="diagnose-kind">"It is"</label>
                <select id="diagnose-kind" data-testid="diagnose-kind" on:change=move |ev| {
                    paste.kind.set(event_target_value(&ev));
                    paste.read();
                }>
                    {KINDS.iter().map(|(id, label)| view! { <option value=*id>{*label}</option> }).collect_view()}
                </select>
                <button type="button" class="secondary small" data-testid="diagnose-read" on:click=move |_| paste.read()>"Read it again"</button>
                <p class="hint" id="diagnose-privacy">"Read in your browser, never sent anywhere."</p>
            </div>
        </div>
    }
}
