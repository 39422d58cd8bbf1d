//! CORS Explainer, the web app: a step-by-step wizard over the `cors-rules` engine, running in the page.
//!
//! Every judgement comes from the engine: [`cors_rules::evaluate_essentials()`] in the first load,
//! [`cors_rules::evaluate()`] for the result's details (their own module, `src/island.rs`). This crate
//! holds the state (the scenario), the share-link format, the gallery and the components that render
//! the verdict.

#![deny(unsafe_code)]

pub mod ctx;
pub mod derive;
pub mod gallery;
pub mod glossary;
pub mod host_names;
pub mod origin_parts;
pub mod share;
pub mod state;
pub mod wizard;

mod app;
mod browser_io;
mod diagnose;
mod embed;
mod expert;
mod island;
mod live;
mod result;
mod steps;
mod ui;

pub use app::App;

/// Mounts the app on the page's `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// Mounts the diagnose panels from their own Wasm module (`src/bin/diagnose.rs`) on the root the app
/// left for them; the app loads that module when the root comes into view.
pub fn mount_diagnose() {
    console_error_panic_hook::set_once();
    diagnose::island::mount();
}

/// Mounts the result module's islands (`src/bin/result.rs`: the result's details, the server step's
/// answer editors, the gallery's cards) on the roots the app leaves for them.
pub fn mount_result() {
    console_error_panic_hook::set_once();
    result::island::mount();
}
