//! The diagnose panels run as their own Wasm module (`diagnose.js`, built by trunk from
//! `src/bin/diagnose.rs`), so the app's first load does not carry `cors-diagnose`: the app renders the
//! section's heading and an empty root, and loads the module when the root comes within 300 pixels of
//! the viewport (visitors who never scroll there never download it). The two talk through window
//! events whose detail is the scenario as JSON: the module says it is ready (`READY`), the app sends
//! its scenario then and on every change (`SCENARIO`), and the module asks the app to open a scenario
//! in the wizard (`LOAD`). Both sides read the JSON with the engine's own parser.

use cors_rules::Scenario;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::browser_io::current_query;
use crate::ctx::Ctx;
use crate::share::read_link;

/// The element the module mounts into.
const ROOT_ID: &str = "diagnose-root";
/// Module → app: mounted, send the scenario.
const READY: &str = "cors-explainer:diagnose-ready";
/// App → module: the app's scenario.
const SCENARIO: &str = "cors-explainer:scenario";
/// Module → app: open this scenario in the wizard.
const LOAD: &str = "cors-explainer:diagnose-load";
/// The module, relative to the page (trunk writes it beside `index.html`).
const MODULE: &str = "diagnose.js";
/// How far below the viewport the root starts the loading: a little ahead of the reader.
const NEAR: &str = "0px 0px 300px 0px";

fn send(name: &str, scenario: Option<&Scenario>) {
    let init = web_sys::CustomEventInit::new();
    if let Some(json) = scenario.and_then(|s| serde_json::to_string(s).ok()) {
        init.set_detail(&JsValue::from_str(&json));
    }
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = window().dispatch_event(&event);
    }
}

fn scenario_of(event: &web_sys::Event) -> Option<Scenario> {
    let json = event
        .dyn_ref::<web_sys::CustomEvent>()?
        .detail()
        .as_string()?;
    Scenario::from_json(&json).ok()
}

/// In the module: asks the app to open this scenario in the wizard.
pub fn ask_app_to_load(scenario: &Scenario) {
    send(LOAD, Some(scenario));
}

/// In the app: the module's root, the events, and the module's loading.
#[component]
pub fn DiagnoseIsland() -> impl IntoView {
    let ctx = Ctx::get();
    let load = window_event_listener_untyped(LOAD, move |event| {
        if let Some(scenario) = scenario_of(&event) {
            super::load_into_wizard(ctx, scenario);
        }
    });
    let ready = window_event_listener_untyped(READY, move |_| {
        ctx.scenario.with_untracked(|s| send(SCENARIO, Some(s)));
    });
    on_cleanup(move || {
        load.remove();
        ready.remove();
    });
    Effect::new(move |_| ctx.scenario.with(|s| send(SCENARIO, Some(s))));
    let root = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if let Some(element) = root.get() {
            load_when_near(&element);
        }
    });
    view! { <div id=ROOT_ID node_ref=root></div> }
}

/// Loads the module once `element` comes near the viewport, or at once where that cannot be observed.
fn load_when_near(element: &web_sys::Element) {
    let on_change = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
        |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            let near = entries.iter().any(|entry| {
                entry
                    .dyn_ref::<web_sys::IntersectionObserverEntry>()
                    .is_some_and(web_sys::IntersectionObserverEntry::is_intersecting)
            });
            if near {
                observer.disconnect();
                load_module();
            }
        },
    );
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin(NEAR);
    match web_sys::IntersectionObserver::new_with_options(
        on_change.as_ref().unchecked_ref(),
        &options,
    ) {
        Ok(observer) => {
            observer.observe(element);
            // The observer calls it until the module loads; one closure per page.
            on_change.forget();
        }
        Err(_) => load_module(),
    }
}

/// Imports the module and runs it; a failure leaves the root empty and says why in the console.
fn load_module() {
    let import = js_sys::Function::new_with_args(
        "path",
        "import(new URL(path, document.baseURI).href)\
           .then((module) => module.default())\
           .catch((error) => console.warn('The diagnose panel could not be loaded:', error));",
    );
    let _ = import.call1(&JsValue::NULL, &JsValue::from_str(MODULE));
}

/// In the module: mounts the panel on the app's root, with its own state kept equal to the app's.
pub fn mount() {
    let Some(root) = document().get_element_by_id(ROOT_ID) else {
        return;
    };
    let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    leptos::mount::mount_to(root, || {
        let (link, _) = read_link(&current_query());
        let ctx = Ctx::new(link, None);
        provide_context(ctx);
        let listener = window_event_listener_untyped(SCENARIO, move |event| {
            if let Some(scenario) = scenario_of(&event) {
                ctx.scenario.set(scenario);
            }
        });
        on_cleanup(move || listener.remove());
        send(READY, None);
        view! { <super::DiagnosePanels /> }
    })
    .forget();
}
