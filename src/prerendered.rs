//! The prerendered page: `scripts/prerender.mjs` writes what the app renders on a bare visit into
//! `index.html` as `<div id="prerendered">` (and `index.html`'s script puts the copy of a prerendered
//! link there instead), so a visitor reads the page while the module is still downloading. Once the
//! app has mounted it takes that copy's place, keeping what the visitor already typed or chose there
//! and where the keyboard focus was, and pressing the button the visitor pressed there last
//! (`index.html`'s script remembers its place in `data-pending-click`).

use leptos::prelude::document;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement,
    HtmlTextAreaElement,
};

/// The id of the copy's wrapper.
const COPY_ID: &str = "prerendered";

/// A field of the copy the visitor changed before the app started.
struct Changed {
    id: String,
    value: String,
    /// The event the app's field listens for.
    event: &'static str,
}

/// Removes the prerendered copy, if the page has one, and hands its changed fields and focus to
/// the app's fields of the same id.
pub fn replace_with_app() {
    let document = document();
    let Some(copy) = document.get_element_by_id(COPY_ID) else {
        return;
    };
    let changed = changed_fields(&copy);
    let focused = document
        .active_element()
        .filter(|element| copy.contains(Some(element)))
        .map(|element| element.id())
        .filter(|id| !id.is_empty());
    copy.remove();
    for field in changed {
        if let Some(live) = document.get_element_by_id(&field.id) {
            set_value(&live, &field.value);
            let init = EventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = Event::new_with_event_init_dict(field.event, &init) {
                let _ = live.dispatch_event(&event);
            }
        }
    }
    let live_focus = focused
        .and_then(|id| document.get_element_by_id(&id))
        .and_then(|element| element.dyn_into::<HtmlElement>().ok());
    if let Some(element) = live_focus {
        let _ = element.focus();
    }
    press_pending_button(&document);
}

/// Presses the app's button at the place of the one pressed in the copy: the same child indexes from
/// the app's top-level elements down (the copy is the app's first render, element for element), when
/// it has the same words (`index.html`'s script leaves out of the place the tour invitation the copy
/// hides and the app does not render; should the copy and the app still differ there, nothing is
/// pressed).
fn press_pending_button(document: &web_sys::Document) {
    let Some(root) = document.document_element() else {
        return;
    };
    let Some(place) = root.get_attribute("data-pending-click") else {
        return;
    };
    let words = root.get_attribute("data-pending-click-text");
    let _ = root.remove_attribute("data-pending-click");
    let _ = root.remove_attribute("data-pending-click-text");
    let Some(body) = document.body() else {
        return;
    };
    let top: Vec<Element> = element_children(&body)
        .into_iter()
        .filter(|e| !matches!(e.tag_name().as_str(), "SCRIPT" | "NOSCRIPT"))
        .collect();
    let mut indexes = place.split('.').map(str::parse::<usize>);
    let Some(Ok(first)) = indexes.next() else {
        return;
    };
    let mut node = top.get(first).cloned();
    for index in indexes {
        node = match (node, index) {
            (Some(parent), Ok(index)) => element_children(&parent).get(index).cloned(),
            _ => None,
        };
    }
    let button = node
        .filter(|e| e.tag_name() == "BUTTON" && e.text_content() == words)
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(button) = button {
        button.click();
    }
}

fn element_children(parent: &Element) -> Vec<Element> {
    let children = parent.children();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .collect()
}

/// The text fields and selects of `copy` whose value is not the one the page was written with.
fn changed_fields(copy: &Element) -> Vec<Changed> {
    let mut changed = Vec::new();
    let Ok(fields) = copy.query_selector_all("input[id], textarea[id], select[id]") else {
        return changed;
    };
    for index in 0..fields.length() {
        let Some(node) = fields.item(index) else {
            continue;
        };
        let (value, written, event) = if let Some(area) = node.dyn_ref::<HtmlTextAreaElement>() {
            (
                area.value(),
                area.default_value().unwrap_or_default(),
                "input",
            )
        } else if let Some(select) = node.dyn_ref::<HtmlSelectElement>() {
            (select.value(), written_choice(select), "change")
        } else if let Some(input) = node.dyn_ref::<HtmlInputElement>() {
            if matches!(input.type_().as_str(), "checkbox" | "radio") {
                continue;
            }
            (input.value(), input.default_value(), "input")
        } else {
            continue;
        };
        if value != written {
            if let Some(element) = node.dyn_ref::<Element>() {
                changed.push(Changed {
                    id: element.id(),
                    value,
                    event,
                });
            }
        }
    }
    changed
}

/// The value of the option a select was written with (`selected`), or of its first option.
fn written_choice(select: &HtmlSelectElement) -> String {
    let options = select.options();
    let mut first = None;
    for index in 0..options.length() {
        let Some(option) = options
            .item(index)
            .and_then(|o| o.dyn_into::<web_sys::HtmlOptionElement>().ok())
        else {
            continue;
        };
        if option.default_selected() {
            return option.value();
        }
        first.get_or_insert_with(|| option.value());
    }
    first.unwrap_or_default()
}

/// Puts `value` into a text field or select.
fn set_value(element: &Element, value: &str) {
    if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
        area.set_value(value);
    } else if let Some(select) = element.dyn_ref::<HtmlSelectElement>() {
        select.set_value(value);
    } else if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        input.set_value(value);
    }
}
