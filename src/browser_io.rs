//! The app's only contact with the world outside the reactive graph: the address bar and history,
//! `localStorage`, the clipboard, the theme attribute, focus, and `postMessage` to an embedding page.

use std::time::Duration;

use cors_rules::Scenario;

use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::ctx::Ctx;
use crate::share::{read_link, write_link, Link, Theme};
use crate::wizard::Nav;

/// Also read by the script in `index.html` that runs before the prerendered landing page is drawn.
const TOUR_KEY: &str = "cors-explainer.tour-done";

/// The message type an embedded widget posts to its parent when its height changes.
pub const RESIZE_MESSAGE: &str = "cors-explainer:resize";

/// The page's query string (`?…`), empty when unavailable.
#[must_use]
pub fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

/// How long typing must pause before the address is updated.
const EDIT_DEBOUNCE: Duration = Duration::from_millis(250);

/// Which history operation writes the address.
#[derive(Clone, Copy, PartialEq, Eq)]
enum HistoryWrite {
    /// A new entry (step or view changed).
    Push,
    /// The current entry (an edit).
    Replace,
}

/// Keeps the address bar in step with the state: a step or view change pushes a history entry at once,
/// edits replace the current entry once typing pauses; back/forward restore the state from the URL.
pub fn sync_url(ctx: Ctx) {
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |last: Option<Nav>| {
        let link = ctx.link();
        let nav = link.nav;
        if let Some(handle) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        if last.is_some_and(|previous| previous != nav) {
            write_address(&link, HistoryWrite::Push);
        } else {
            let later = set_timeout_with_handle(
                move || write_address(&link, HistoryWrite::Replace),
                EDIT_DEBOUNCE,
            );
            pending.set_value(later.ok());
        }
        nav
    });
    let listener = window_event_listener(leptos::ev::popstate, move |_| restore_from_url(ctx));
    on_cleanup(move || listener.remove());
}

/// Writes the link into the address unless it is already there (as after back/forward).
fn write_address(link: &Link, how: HistoryWrite) {
    let query = write_link(link);
    let location = window().location();
    if query == location.search().unwrap_or_default() {
        return;
    }
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = format!("{path}{query}{hash}");
    if let Ok(history) = window().history() {
        let _ = match how {
            HistoryWrite::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
            HistoryWrite::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
        };
    }
}

fn restore_from_url(ctx: Ctx) {
    let (link, problem) = read_link(&current_query());
    if ctx.scenario.with_untracked(|s| *s != link.scenario) {
        ctx.scenario.set(link.scenario);
    }
    if ctx.nav.get_untracked() != link.nav {
        ctx.nav.set(link.nav);
    }
    ctx.link_problem.set(problem.map(|p| p.message()));
}

/// Shows `scenario`'s result and brings it into view with keyboard focus on its heading, also when the
/// result step was already shown: how a tour case, a gallery card and a diagnosis open.
pub fn show_result(ctx: Ctx, scenario: Scenario) {
    ctx.show_result_of(scenario);
    focus_step_heading();
}

/// Moves focus to the heading of the step just shown (after it has rendered); in the expert view,
/// scrolls the result into view instead.
pub fn focus_step_heading() {
    request_animation_frame(|| {
        let document = document();
        if let Some(heading) = document.get_element_by_id("step-heading") {
            if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
                let _ = heading.focus();
            }
        } else if let Some(result) = document.get_element_by_id("expert-result-title") {
            result.scroll_into_view();
        }
    });
}

/// Scrolls the step list sideways (on narrow screens) so the current step is visible.
pub fn reveal_current_step() {
    request_animation_frame(|| {
        let document = document();
        let current = document
            .query_selector(".stepper li.current")
            .ok()
            .flatten();
        let list = document.query_selector(".stepper ol").ok().flatten();
        if let (Some(current), Some(list)) = (current, list) {
            if let Ok(current) = current.dyn_into::<web_sys::HtmlElement>() {
                list.set_scroll_left(current.offset_left() - 16);
            }
        }
    });
}

/// Sets `data-theme` on `<html>` when the link forces a theme.
pub fn apply_theme(theme: Theme) {
    if let (Some(id), Some(root)) = (theme.id(), document().document_element()) {
        let _ = root.set_attribute("data-theme", id);
    }
}

/// Whether the guided tour was finished or dismissed before (storage errors count as "no").
#[must_use]
pub fn tour_done() -> bool {
    window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|storage| storage.get_item(TOUR_KEY).ok().flatten())
        .is_some()
}

/// Remembers that the tour was finished or dismissed.
pub fn remember_tour_done() {
    if let Ok(Some(storage)) = window().local_storage() {
        let _ = storage.set_item(TOUR_KEY, "1");
    }
}

/// Copies the current address to the clipboard and reports the result in `status` for a few seconds.
pub fn copy_current_link(status: RwSignal<String>) {
    let href = window().location().href().unwrap_or_default();
    let promise = window().navigator().clipboard().write_text(&href);
    leptos::task::spawn_local(async move {
        let message = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => "Link copied".to_owned(),
            Err(_) => "Copy failed: the link is in the address bar".to_owned(),
        };
        status.set(message);
        set_timeout(move || status.set(String::new()), Duration::from_secs(4));
    });
}

/// Copies `text` to the clipboard (best effort: the browser may refuse without a user gesture).
pub fn copy_text(text: &str) {
    let _ = window().navigator().clipboard().write_text(text);
}

/// The full address of this page with `query` (`?…`) in place of the current one.
#[must_use]
pub fn address_with(query: &str) -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}{query}")
}

/// In an iframe, tells the parent page the document's height now and whenever it changes.
pub fn report_height_to_parent() {
    let Some(root) = document().document_element() else {
        return;
    };
    let callback = Closure::<dyn FnMut(JsValue)>::new(move |_entries: JsValue| post_height());
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    // The observer lives as long as the page.
    callback.forget();
}

fn post_height() {
    let Some(root) = document().document_element() else {
        return;
    };
    let height = root.get_bounding_client_rect().height().ceil();
    let message = js_sys::Object::new();
    let set =
        |key: &str, value: JsValue| js_sys::Reflect::set(&message, &JsValue::from_str(key), &value);
    if set("type", JsValue::from_str(RESIZE_MESSAGE)).is_err()
        || set("height", JsValue::from_f64(height)).is_err()
    {
        return;
    }
    if let Ok(Some(parent)) = window().parent() {
        let _ = parent.post_message(&message, "*");
    }
}
