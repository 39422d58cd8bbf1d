//! Step 6: how the server answers: the preflight, the response, and optional redirect hops.

use leptos::prelude::*;

use crate::ctx::Ctx;
use crate::glossary::TermLink;
use crate::result::timeline::Timeline;
use crate::state::{add_redirect_hop, entry_for_url, remove_server_entry, AnswerSlot};
use crate::steps::answer::AnswerEditor;
use crate::ui::field::TextField;
use crate::ui::why::Why;

/// The step's words around its editors.
#[component]
pub fn ServerStep() -> impl IntoView {
    view! {
        <p class="lede">
            "What the server sends back. The browser only reads the answer's status and headers; "
            "quick-add buttons fill in the "<code>"Access-Control-*"</code>" headers."
        </p>
        <ServerAnswers />
        <Why>
            <p>"CORS is the server opting in: by default the browser hides cross-origin answers, and the headers "
            "say who may read them. Note what CORS does "<em>"not"</em>" do: a simple request still reaches the "
            "server and runs there, even when the page may not read the answer. CORS guards the answer, not the "
            "server; protect state-changing endpoints with real authentication and CSRF defences."</p>
            <p>"A "<TermLink id="preflight">"preflight"</TermLink>" is never sent with cookies or an Authorization "
            "header, and the browser never follows a redirect on it."</p>
        </Why>
    }
}

/// Every server entry with its answers, and the requests they produce.
#[component]
fn ServerAnswers() -> impl IntoView {
    let ctx = Ctx::get();
    let count = Memo::new(move |_| ctx.scenario.with(|s| s.server.len()));
    view! {
        {move || {
            ctx.verdict.with(|v| match v {
                // Problems with the list as a whole (no entry answers a requested URL) have no input of their own.
                Err(err) if err.field == "server" => Some(view! {
                    <p class="field-error" role="status" data-testid="input-error">
                        <span aria-hidden="true">"⚠ "</span>{err.problem.clone()}
                    </p>
                }),
                _ => None,
            })
        }}
        <Show when=move || count.get() == 0>
            <p class="field-error" data-testid="input-error">"There is no server entry. Add one:"</p>
            <button type="button" class="secondary" on:click=move |_| ctx.edit(|s| {
                s.server.push(cors_rules::scenario::ServerEntry {
                    url: s.request.url.clone(), preflight: None, response: Default::default(),
                })
            })>"Add a server answer"</button>
        </Show>
        <For each=move || 0..count.get() key=|i| *i children=move |i| view! { <Entry i=i /> } />
        <button type="button" class="secondary" data-testid="add-hop" on:click=move |_| ctx.edit(add_redirect_hop)>
            "Add a redirect hop"
        </button>
        <div class="consequence">
            <h3 class="small-heading">"On the wire"</h3>
            <Timeline />
        </div>
    }
}

#[component]
fn Entry(i: usize) -> impl IntoView {
    let ctx = Ctx::get();
    let is_primary = move || {
        ctx.scenario
            .with(|s| entry_for_url(s, &s.request.url) == Some(i))
    };
    let url = Signal::derive(move || {
        ctx.scenario
            .with(|s| s.server.get(i).map(|e| e.url.clone()).unwrap_or_default())
    });
    let set_url = Callback::new(move |text: String| {
        ctx.edit(|s| {
            if let Some(e) = s.server.get_mut(i) {
                e.url = text;
            }
        })
    });
    let has_preflight = move || {
        ctx.scenario
            .with(|s| s.server.get(i).is_some_and(|e| e.preflight.is_some()))
    };
    let set_preflight = move |own: bool| {
        ctx.edit(|s| {
            if let Some(e) = s.server.get_mut(i) {
                e.preflight = own.then(|| e.response.clone());
            }
        })
    };
    let heading = move || {
        if is_primary() {
            "The server at the request URL".to_owned()
        } else {
            format!("Redirect hop {i}")
        }
    };
    view! {
        <section class="entry" aria-labelledby=format!("entry-{i}-title") data-testid="server-entry">
            <h3 id=format!("entry-{i}-title")>{heading}</h3>
            <TextField id=format!("entry-{i}-url") label="Answers the URL" path=format!("server[{i}].url")
                value=url on_input=set_url class="wide" />
            <fieldset class="choice compact">
                <legend>"How does it answer the OPTIONS preflight?"</legend>
                <div class="choice-option">
                    <input type="radio" id=format!("entry-{i}-pf-same") name=format!("entry-{i}-pf")
                        prop:checked=move || !has_preflight() on:change=move |_| set_preflight(false) />
                    <label for=format!("entry-{i}-pf-same")>"Like the request (one handler for every method)"</label>
                </div>
                <div class="choice-option">
                    <input type="radio" id=format!("entry-{i}-pf-own") name=format!("entry-{i}-pf")
                        prop:checked=has_preflight on:change=move |_| set_preflight(true) />
                    <label for=format!("entry-{i}-pf-own")>"With its own answer"</label>
                </div>
            </fieldset>
            <Show when=has_preflight>
                <AnswerEditor i=i which=AnswerSlot::Preflight />
            </Show>
            <AnswerEditor i=i which=AnswerSlot::Response />
            <Show when=move || !is_primary()>
                <button type="button" class="link-button" on:click=move |_| ctx.edit(|s| remove_server_entry(s, i))>
                    {format!("Remove redirect hop {i}")}
                </button>
            </Show>
        </section>
    }
}
