//! The floor of the app benchmark (`scripts/bench-app.sh --floor`, docs/performance.md): the
//! smallest page built like the app (Leptos CSR, trunk, the same release settings) whose input
//! changes a verdict, with the ids the benchmark looks for. Whatever the app does, its landing
//! page cannot become interactive sooner than this page under the same network and CPU profile.

use leptos::prelude::*;

fn main() {
    mount_to_body(|| {
        let origin = RwSignal::new("https://app.example.com".to_owned());
        let verdict = move || {
            let origin = origin.get();
            if origin == "https://app.example.com" {
                "Same origin: no CORS check".to_owned()
            } else {
                format!("Cross-origin from {origin}")
            }
        };
        view! {
            <main id="main">
                <h1>"CORS Explainer"</h1>
                <label for="page-origin">"Page origin"</label>
                <input
                    id="page-origin"
                    prop:value=move || origin.get()
                    on:input=move |ev| origin.set(event_target_value(&ev))
                />
                <p data-testid="verdict">{verdict}</p>
            </main>
        }
    });
}
