//! Islands: parts of the page that run as their own Wasm modules, so the app's first load does not carry
//! them. Each one is a binary in `src/bin/` that trunk builds beside the app (`index.html` names it with
//! `data-type="worker"`, so the page does not load it by itself).
//!
//! The app renders an empty root for the island and imports its module later ([`Load`]). The module
//! mounts its components on that root with a [`Ctx`] of its own, kept equal to the app's through window
//! events whose detail is the scenario as JSON: the module says it is ready (its `ready` event), the app
//! sends its scenario then and on every change ([`SCENARIO`]). Both sides read the JSON with the engine's
//! own parser.

use cors_rules::Scenario;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::browser_io::current_query;
use crate::ctx::Ctx;
use crate::share::read_link;

/// App → islands: the app's scenario.
const SCENARIO: &str = "cors-explainer:scenario";

/// How far below the viewport a [`Load::WhenNear`] root starts the loading: a little ahead of the reader.
const NEAR: &str = "0px 0px 300px 0px";

/// When the app imports an island's module.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Load {
    /// As soon as its root is on the page.
    WhenMounted,
    /// When its root comes near the viewport (visitors who never scroll there never download it).
    WhenNear,
}

/// One island: where it mounts and which module holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Island {
    /// The id of the element the module mounts into.
    pub root_id: &'static str,
    /// The module, relative to the page (trunk writes it beside `index.html`).
    pub module: &'static str,
    /// Module → app: mounted, send the scenario.
    pub ready: &'static str,
    /// Its name in a console warning when the module cannot be loaded.
    pub name: &'static str,
    /// When the app imports it.
    pub load: Load,
}

/// Dispatches the window event `name`, with the scenario as JSON for detail.
pub fn send(name: &str, scenario: Option<&Scenario>) {
    let init = web_sys::CustomEventInit::new();
    if let Some(json) = scenario.and_then(|s| serde_json::to_string(s).ok()) {
        init.set_detail(&JsValue::from_str(&json));
    }
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = window().dispatch_event(&event);
    }
}

/// The scenario an event carries, if it carries a valid one.
#[must_use]
pub fn scenario_of(event: &web_sys::Event) -> Option<Scenario> {
    let json = event
        .dyn_ref::<web_sys::CustomEvent>()?
        .detail()
        .as_string()?;
    Scenario::from_json(&json).ok()
}

/// In the app: the island's root, the scenario it is sent, and the loading of its module.
#[component]
pub fn IslandRoot(island: Island) -> impl IntoView {
    let ctx = Ctx::get();
    let ready = window_event_listener_untyped(island.ready, move |_| {
        ctx.scenario.with_untracked(|s| send(SCENARIO, Some(s)));
    });
    on_cleanup(move || ready.remove());
    Effect::new(move |_| ctx.scenario.with(|s| send(SCENARIO, Some(s))));
    let root = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if let Some(element) = root.get() {
            match island.load {
                Load::WhenMounted => load_module(island),
                Load::WhenNear => load_when_near(&element, island),
            }
        }
    });
    view! { <div id=island.root_id node_ref=root></div> }
}

/// Loads the module once `element` comes near the viewport, or at once where that cannot be observed.
fn load_when_near(element: &web_sys::Element, island: Island) {
    let on_change = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            let near = entries.iter().any(|entry| {
                entry
                    .dyn_ref::<web_sys::IntersectionObserverEntry>()
                    .is_some_and(web_sys::IntersectionObserverEntry::is_intersecting)
            });
            if near {
                observer.disconnect();
                load_module(island);
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
            // The observer calls it until the module loads; one closure per island.
            on_change.forget();
        }
        Err(_) => load_module(island),
    }
}

/// Imports the module and runs it; a failure leaves the root empty and says why in the console.
fn load_module(island: Island) {
    let import = js_sys::Function::new_with_args(
        "path, name",
        "import(new URL(path, document.baseURI).href)\
           .then((module) => module.default())\
           .catch((error) => console.warn(`The ${name} could not be loaded:`, error));",
    );
    let _ = import.call2(
        &JsValue::NULL,
        &JsValue::from_str(island.module),
        &JsValue::from_str(island.name),
    );
}

/// In the module: mounts `panels` on the island's root, with a [`Ctx`] kept equal to the app's.
pub fn mount<V: IntoView + 'static>(island: Island, panels: fn() -> V) {
    let Some(root) = document().get_element_by_id(island.root_id) else {
        return;
    };
    let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    leptos::mount::mount_to(root, move || {
        let (link, _) = read_link(&current_query());
        let ctx = Ctx::new(link, None);
        provide_context(ctx);
        let listener = window_event_listener_untyped(SCENARIO, move |event| {
            if let Some(scenario) = scenario_of(&event) {
                ctx.scenario.set(scenario);
            }
        });
        on_cleanup(move || listener.remove());
        send(island.ready, None);
        panels()
    })
    .forget();
}
