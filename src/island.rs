//! Islands: parts of the page that run as their own Wasm modules, so the app's first load does not carry
//! them. Each module is a binary in `src/bin/` that trunk builds beside the app (`index.html` names it
//! with `data-type="worker"`, so the page does not load it by itself); one module may hold several
//! islands.
//!
//! The app renders an empty root for the island and imports its module later ([`Load`]), or ahead of
//! time when the browser is idle ([`prefetch_when_idle`]). The module
//! mounts its components on that root with a [`Ctx`] of its own, kept equal to the app's through window
//! events whose detail is the scenario as JSON, one [`bridge`] per page: a mounted island says it is
//! ready ([`READY`]), the app sends its scenario then and on every change ([`SCENARIO`]). Both sides read
//! the JSON with the engine's own parser. An edit made in an island goes to the app ([`EDIT`]), whose
//! scenario stays the one source of truth; a module can also ask the app to show a scenario's result
//! ([`OPEN`]). A module runs once per page: when the app renders an island's root
//! again (back to the result step, say), it asks the loaded module to mount there ([`MOUNT`]).

use std::cell::RefCell;

use cors_rules::Scenario;
use leptos::html::Div;
use leptos::mount::UnmountHandle;
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::browser_io::{current_query, show_result};
use crate::ctx::{Ctx, Evaluator};
use crate::share::read_link;

/// App → islands: the app's scenario.
const SCENARIO: &str = "cors-explainer:scenario";
/// Module → app: an island mounted, send it the scenario.
const READY: &str = "cors-explainer:island-ready";
/// Module → app: the person changed the scenario in an island (a fix applied, a browser tab chosen).
const EDIT: &str = "cors-explainer:island-edit";
/// App → modules: mount the island whose root has the id in the detail.
const MOUNT: &str = "cors-explainer:island-mount";
/// Module → app: show the result of this scenario (a gallery card or a diagnosis opened).
const OPEN: &str = "cors-explainer:island-open";

/// When the app imports an island's module.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Load {
    /// As soon as its root is on the page.
    WhenMounted,
    /// When any of its root comes into view. Not earlier: on a tall screen, a margin below the
    /// viewport would reach the sections under the wizard on a first visit, which would then download
    /// every module.
    WhenVisible,
}

/// One island: where it mounts and which module holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Island {
    /// The id of the element the module mounts into.
    pub root_id: &'static str,
    /// The module, relative to the page (trunk writes it beside `index.html`).
    pub module: &'static str,
    /// Its name in a console warning when the module cannot be loaded.
    pub name: &'static str,
    /// When the app imports it.
    pub load: Load,
}

/// An island and the components its module mounts on its root.
pub type Mountable = (Island, fn() -> AnyView);

/// Where the import of a module stands, in the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Import {
    /// Imported, or on its way.
    Requested,
    /// The import failed (the console says why).
    Failed,
}

thread_local! {
    /// In the app: the modules whose import was started, and how it went.
    static IMPORTS: RefCell<Vec<(&'static str, Import)>> = const { RefCell::new(Vec::new()) };
    /// In a module: the islands mounted, by root id, so a second mount replaces the first.
    static MOUNTED: RefCell<Vec<(&'static str, UnmountHandle<AnyViewState>)>> =
        const { RefCell::new(Vec::new()) };
}

/// In a module: asks the app to show the result of `scenario` in the wizard.
pub fn ask_app_to_open(scenario: &Scenario) {
    send(OPEN, Some(scenario));
}

/// Dispatches the window event `name`, with the scenario as JSON for detail.
fn send(name: &str, scenario: Option<&Scenario>) {
    let init = web_sys::CustomEventInit::new();
    if let Some(json) = scenario.and_then(|s| serde_json::to_string(s).ok()) {
        init.set_detail(&JsValue::from_str(&json));
    }
    dispatch(name, &init);
}

fn dispatch(name: &str, init: &web_sys::CustomEventInit) {
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, init) {
        let _ = window().dispatch_event(&event);
    }
}

fn detail_text(event: &web_sys::Event) -> Option<String> {
    event
        .dyn_ref::<web_sys::CustomEvent>()?
        .detail()
        .as_string()
}

/// The scenario an event carries, if it carries a valid one.
fn scenario_of(event: &web_sys::Event) -> Option<Scenario> {
    Scenario::from_json(&detail_text(event)?).ok()
}

fn import_of(module: &str) -> Option<Import> {
    IMPORTS.with_borrow(|imports| {
        imports
            .iter()
            .find(|(m, _)| *m == module)
            .map(|&(_, state)| state)
    })
}

/// In the app, once per page: keeps every island's scenario equal to the app's, and takes their edits.
/// Nothing is sent while no module has been imported (a mounting island asks for it).
pub fn bridge(ctx: Ctx) {
    let ready = window_event_listener_untyped(READY, move |_| {
        ctx.scenario.with_untracked(|s| send(SCENARIO, Some(s)));
    });
    let edit = window_event_listener_untyped(EDIT, move |event| {
        if let Some(scenario) = scenario_of(&event) {
            if ctx.scenario.with_untracked(|now| *now != scenario) {
                ctx.scenario.set(scenario);
            }
        }
    });
    let open = window_event_listener_untyped(OPEN, move |event| {
        if let Some(scenario) = scenario_of(&event) {
            show_result(ctx, scenario);
        }
    });
    on_cleanup(move || {
        ready.remove();
        edit.remove();
        open.remove();
    });
    Effect::new(move |_| {
        ctx.scenario.with(|s| {
            if IMPORTS.with_borrow(|imports| !imports.is_empty()) {
                send(SCENARIO, Some(s));
            }
        });
    });
}

/// In the app: the island's root and the loading of its module.
#[component]
pub fn IslandRoot(island: Island) -> impl IntoView {
    let root = NodeRef::<Div>::new();
    Effect::new(move |_| {
        let Some(element) = root.get() else {
            return;
        };
        match (import_of(island.module), island.load) {
            (Some(Import::Failed), _) => {
                let _ = element.set_attribute("data-failed", "");
            }
            (Some(Import::Requested), _) => {
                let init = web_sys::CustomEventInit::new();
                init.set_detail(&JsValue::from_str(island.root_id));
                dispatch(MOUNT, &init);
            }
            (None, Load::WhenMounted) => load_module(island),
            (None, Load::WhenVisible) => load_when_visible(&element, island),
        }
    });
    // Until the module mounts, the stylesheet shows "Loading…" in the empty root; if the import fails,
    // `data-failed` makes it say so.
    view! { <div id=island.root_id class="island" data-island-module=island.module node_ref=root></div> }
}

/// In the app: imports the island's module once the browser is idle, so that it is there by the time
/// its root appears (called a few steps before the server step, say). Idempotent.
pub fn prefetch_when_idle(island: Island) {
    if import_of(island.module).is_some() {
        return;
    }
    let load = Closure::once_into_js(move || load_module(island));
    let schedule = js_sys::Function::new_with_args(
        "load",
        "window.requestIdleCallback\
           ? requestIdleCallback(() => load(), { timeout: 2000 })\
           : setTimeout(() => load(), 1);",
    );
    let _ = schedule.call1(&JsValue::NULL, &load);
}

/// Loads the module once `element` comes into view, or at once where that cannot be observed.
fn load_when_visible(element: &web_sys::Element, island: Island) {
    let on_change = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            let visible = entries.iter().any(|entry| {
                entry
                    .dyn_ref::<web_sys::IntersectionObserverEntry>()
                    .is_some_and(web_sys::IntersectionObserverEntry::is_intersecting)
            });
            if visible {
                observer.disconnect();
                load_module(island);
            }
        },
    );
    match web_sys::IntersectionObserver::new(on_change.as_ref().unchecked_ref()) {
        Ok(observer) => {
            observer.observe(element);
            // The observer calls it until the module loads; one closure per island root.
            on_change.forget();
        }
        Err(_) => load_module(island),
    }
}

/// Imports the module and runs it, once per page; a failure marks its roots (`data-failed`) and says
/// why in the console.
fn load_module(island: Island) {
    if import_of(island.module).is_some() {
        return;
    }
    IMPORTS.with_borrow_mut(|imports| imports.push((island.module, Import::Requested)));
    let module = island.module;
    let failed = Closure::once_into_js(move || {
        IMPORTS.with_borrow_mut(|imports| {
            for (m, state) in imports.iter_mut() {
                if *m == module {
                    *state = Import::Failed;
                }
            }
        });
        mark_failed_roots(module);
    });
    let import = js_sys::Function::new_with_args(
        "path, name, failed",
        "import(new URL(path, document.baseURI).href)\
           .then((module) => module.default())\
           .catch((error) => {\
             console.warn(`The ${name} could not be loaded:`, error);\
             failed();\
           });",
    );
    let _ = import.call3(
        &JsValue::NULL,
        &JsValue::from_str(island.module),
        &JsValue::from_str(island.name),
        &failed,
    );
}

/// Marks every root on the page whose module could not be loaded.
fn mark_failed_roots(module: &str) {
    let selector = format!("[data-island-module=\"{module}\"]");
    let Ok(roots) = document().query_selector_all(&selector) else {
        return;
    };
    for index in 0..roots.length() {
        let root = roots
            .item(index)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok());
        if let Some(root) = root {
            let _ = root.set_attribute("data-failed", "");
        }
    }
}

/// In a module: mounts each island whose root is on the page now, and again whenever the app renders
/// its root anew, each with a [`Ctx`] (evaluated by `evaluate`) kept equal to the app's.
pub fn mount_all(islands: &'static [Mountable], evaluate: Evaluator) {
    for &(island, panels) in islands {
        mount(island, panels, evaluate);
    }
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        let Some(root_id) = detail_text(&event) else {
            return;
        };
        for &(island, panels) in islands {
            if island.root_id == root_id {
                mount(island, panels, evaluate);
            }
        }
    });
    let _ = window().add_event_listener_with_callback(MOUNT, listener.as_ref().unchecked_ref());
    // Listens for the page's life.
    listener.forget();
}

/// Mounts one island on its root, replacing an earlier mount of it.
fn mount(island: Island, panels: fn() -> AnyView, evaluate: Evaluator) {
    let Some(root) = document().get_element_by_id(island.root_id) else {
        return;
    };
    let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    let handle = leptos::mount::mount_to(root, move || {
        let (link, _) = read_link(&current_query());
        let mut ctx = Ctx::new(link, None, evaluate);
        ctx.on_edit = Some(|scenario| send(EDIT, Some(scenario)));
        provide_context(ctx);
        let listener = window_event_listener_untyped(SCENARIO, move |event| {
            if let Some(scenario) = scenario_of(&event) {
                if ctx.scenario.with_untracked(|now| *now != scenario) {
                    ctx.scenario.set(scenario);
                }
            }
        });
        on_cleanup(move || listener.remove());
        send(READY, None);
        panels()
    });
    // The earlier mount's root has left the page: dropping its handle disposes of it.
    let earlier = MOUNTED.with_borrow_mut(|mounted| {
        let earlier = mounted
            .iter()
            .position(|(id, _)| *id == island.root_id)
            .map(|at| mounted.remove(at).1);
        mounted.push((island.root_id, handle));
        earlier
    });
    drop(earlier);
}
