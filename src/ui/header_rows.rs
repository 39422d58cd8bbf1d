//! The header rows editor: `[name, value]` pairs in order, a name may repeat.

use leptos::prelude::*;

use crate::ctx::Ctx;
use cors_rules::render::labels::header_treatment_words;
use cors_rules::request_facts::HeaderTreatment;

use crate::derive::{header_summary, header_treatment};
use crate::state::{headers, headers_mut, set_header, HeaderTarget};
use crate::ui::field::TextField;
use crate::ui::rich::rich;

/// Whether rows show how the browser classifies each header.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum RowMarks {
    /// Plain rows (server answers).
    Plain,
    /// Each request header marked safelisted / needs preflight / forbidden, live.
    Classified,
}

/// A quick-add button: a header line with a computed value.
#[derive(Clone)]
pub struct QuickAdd {
    /// Button text.
    pub label: &'static str,
    /// Header name.
    pub name: &'static str,
    /// The value to add (computed when clicked).
    pub value: Signal<String>,
}

/// The rows editor for one header list.
#[component]
pub fn HeaderRows(
    /// Which list.
    target: HeaderTarget,
    /// Prefix for DOM ids (unique on the page).
    #[prop(into)]
    id_prefix: String,
    /// Marks or plain.
    marks: RowMarks,
    /// Quick-add buttons.
    #[prop(optional)]
    quick: Vec<QuickAdd>,
) -> impl IntoView {
    let ctx = Ctx::get();
    let count = Memo::new(move |_| ctx.scenario.with(|s| headers(s, target).len()));
    let prefix = id_prefix.clone();
    let quick_buttons = quick
        .into_iter()
        .map(|q| {
            view! {
                <button
                    type="button"
                    class="chip"
                    on:click=move |_| {
                        let value = q.value.get_untracked();
                        ctx.edit(|s| {
                            if let Some(list) = headers_mut(s, target) {
                                set_header(list, q.name, &value);
                            }
                        });
                    }
                >
                    <span aria-hidden="true">"+ "</span>
                    {q.label}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="header-rows" data-testid=format!("{id_prefix}-rows")>
            <Show
                when=move || { count.get() > 0 }
                fallback=|| view! { <p class="empty">"No headers."</p> }
            >
                <ol class="rows">
                    <For
                        each=move || 0..count.get()
                        key=|i| *i
                        children={
                            let prefix = prefix.clone();
                            move |i| view! { <Row target=target i=i prefix=prefix.clone() marks=marks /> }
                        }
                    />
                </ol>
            </Show>
            <div class="row-actions">
                <button
                    type="button"
                    class="secondary"
                    data-testid=format!("{id_prefix}-add")
                    on:click=move |_| {
                        ctx.edit(|s| {
                            if let Some(list) = headers_mut(s, target) {
                                list.push((String::new(), String::new()));
                            }
                        })
                    }
                >
                    "Add header"
                </button>
                {quick_buttons}
            </div>
        </div>
    }
}

#[component]
fn Row(target: HeaderTarget, i: usize, prefix: String, marks: RowMarks) -> impl IntoView {
    let ctx = Ctx::get();
    let cell = move |col: usize| {
        Signal::derive(move || {
            ctx.scenario.with(|s| {
                headers(s, target)
                    .get(i)
                    .map(|(n, v)| if col == 0 { n.clone() } else { v.clone() })
                    .unwrap_or_default()
            })
        })
    };
    let set = move |col: usize| {
        Callback::new(move |text: String| {
            ctx.edit(|s| {
                if let Some((name, value)) = headers_mut(s, target).and_then(|l| l.get_mut(i)) {
                    if col == 0 {
                        *name = text;
                    } else {
                        *value = text;
                    }
                }
            });
        })
    };
    let path = format!("{}[{i}]", target.field());
    let remove = move |_| {
        ctx.edit(|s| {
            if let Some(list) = headers_mut(s, target) {
                if i < list.len() {
                    list.remove(i);
                }
            }
        })
    };
    view! {
        <li class="row" data-testid=format!("{prefix}-row")>
            <TextField
                id=format!("{prefix}-{i}-name")
                label=format!("Header {} name", i + 1)
                path=format!("{path}[0]")
                value=cell(0)
                on_input=set(0)
                class="name"
            />
            <TextField
                id=format!("{prefix}-{i}-value")
                label=format!("Header {} value", i + 1)
                path=format!("{path}[1]")
                value=cell(1)
                on_input=set(1)
                class="value"
            />
            <button
                type="button"
                class="icon-button"
                aria-label=format!("Remove header {}", i + 1)
                on:click=remove
            >
                "✕"
            </button>
            {(marks == RowMarks::Classified).then(|| view! { <HeaderMark target=target i=i /> })}
        </li>
    }
}

/// The live mark of one request header, from the engine's trace.
#[component]
fn HeaderMark(target: HeaderTarget, i: usize) -> impl IntoView {
    let ctx = Ctx::get();
    let class = move || {
        let (name, value) = ctx
            .scenario
            .with(|s| headers(s, target).get(i).cloned().unwrap_or_default());
        ctx.verdict.with(|v| {
            let v = v.as_ref().ok()?;
            header_treatment(v, &name, &value).map(|t| (t, header_summary(v, &name)))
        })
    };
    move || {
        class().map(|(treatment, summary)| {
            let (kind, icon) = match treatment {
                HeaderTreatment::Safelisted => ("safe", "✓"),
                HeaderTreatment::NeedsPreflight(_) => ("preflight", "⚠"),
                _ => ("forbidden", "✗"),
            };
            let words = header_treatment_words(treatment);
            view! {
                <p class=format!("header-mark mark-{kind}") data-testid="header-mark" data-kind=kind title=summary>
                    <span aria-hidden="true">{icon}" "</span>
                    {rich(words.trim_end_matches(": "))}
                </p>
            }
        })
    }
}
