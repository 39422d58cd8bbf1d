//! CORS Explainer, the web app: a step-by-step wizard over the `cors-rules` engine, running in the page.
//!
//! Every judgement comes from the engine: [`cors_rules::evaluate()`], once per edit, in one memo
//! (`ctx.rs`). This crate holds the state (the scenario), the share-link format, the gallery and the
//! components that render the verdict.

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
mod live;
mod prerendered;
mod result;
mod steps;
mod ui;

pub use app::App;

/// Mounts the app on the page's `<body>`, in place of the prerendered landing page if there is one.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
    prerendered::replace_with_app();
}
