//! Step 5: credentials, mode, redirect mode, the API, the preflight flag and the browser.

use cors_rules::scenario::{Api, CredentialsMode, RedirectMode, RequestMode};
use cors_rules::{Browser, CheckId};
use leptos::prelude::*;

use super::engine_says::EngineSays;
use crate::ctx::Ctx;
use crate::glossary::TermLink;
use crate::ui::field::{Choice, Opt};
use crate::ui::why::Why;

const CREDENTIALS: &[Opt] = &[
    Opt {
        value: "omit",
        label: "omit",
        note: "Never send cookies.",
    },
    Opt {
        value: "same-origin",
        label: "same-origin",
        note: "Cookies only to the page's own origin (fetch's default).",
    },
    Opt {
        value: "include",
        label: "include",
        note: "Cookies everywhere (XHR withCredentials = true).",
    },
];
const MODES: &[Opt] = &[
    Opt {
        value: "cors",
        label: "cors",
        note: "The default: cross-origin answers must pass the CORS check.",
    },
    Opt {
        value: "no-cors",
        label: "no-cors",
        note: "The answer is opaque: sent, but unreadable.",
    },
    Opt {
        value: "same-origin",
        label: "same-origin",
        note: "Cross-origin URLs fail at once.",
    },
];
const REDIRECTS: &[Opt] = &[
    Opt {
        value: "follow",
        label: "follow",
        note: "Follow redirects (the default).",
    },
    Opt {
        value: "manual",
        label: "manual",
        note: "Stop with an opaque-redirect response.",
    },
    Opt {
        value: "error",
        label: "error",
        note: "Any redirect is a network error.",
    },
];
const APIS: &[Opt] = &[
    Opt {
        value: "fetch",
        label: "fetch()",
        note: "The Fetch API.",
    },
    Opt {
        value: "xhr",
        label: "XMLHttpRequest",
        note: "Changes console wording; withCredentials maps to include.",
    },
];
const BROWSERS: &[Opt] = &[
    Opt {
        value: "chrome",
        label: "Chrome",
        note: "Chromium: Chrome, Edge, Brave, Opera.",
    },
    Opt {
        value: "firefox",
        label: "Firefox",
        note: "Gecko.",
    },
    Opt {
        value: "safari",
        label: "Safari",
        note: "WebKit.",
    },
    Opt {
        value: "spec",
        label: "Fetch standard",
        note: "The standard to the letter.",
    },
];

fn id_of<T: serde::Serialize>(value: &T) -> &'static str {
    let text = serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    [CREDENTIALS, MODES, REDIRECTS, APIS, BROWSERS]
        .iter()
        .flat_map(|opts| opts.iter())
        .find(|o| o.value == text)
        .map_or("", |o| o.value)
}

fn parse<T: serde::de::DeserializeOwned>(id: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(id.to_owned())).ok()
}

/// The request's options as radio groups.
#[component]
pub fn OptionsStep() -> impl IntoView {
    let ctx = Ctx::get();
    let sel = move |read: fn(&cors_rules::Scenario) -> &'static str| {
        Signal::derive(move || ctx.scenario.with(read))
    };
    let flag = move || ctx.scenario.with(|s| s.request.preflight_flag);
    view! {
        <p class="lede">
            "How the script makes the request. The "<TermLink id="credentials">"credentials mode"</TermLink>
            " decides whether cookies go along; the "<TermLink id="mode">"request mode"</TermLink>" whether CORS applies."
        </p>
        <div class="choices">
            <Choice name="credentials" legend="credentials" options=CREDENTIALS
                selected=sel(|s| id_of(&s.request.credentials))
                on_change=Callback::new(move |id: &'static str| {
                    if let Some(v) = parse::<CredentialsMode>(id) { ctx.edit(|s| s.request.credentials = v) }
                }) />
            <Choice name="mode" legend="mode" options=MODES
                selected=sel(|s| id_of(&s.request.mode))
                on_change=Callback::new(move |id: &'static str| {
                    if let Some(v) = parse::<RequestMode>(id) { ctx.edit(|s| s.request.mode = v) }
                }) />
            <Choice name="redirect" legend="redirect" options=REDIRECTS
                selected=sel(|s| id_of(&s.request.redirect))
                on_change=Callback::new(move |id: &'static str| {
                    if let Some(v) = parse::<RedirectMode>(id) { ctx.edit(|s| s.request.redirect = v) }
                }) />
            <Choice name="api" legend="API" options=APIS
                selected=sel(|s| id_of(&s.request.api))
                on_change=Callback::new(move |id: &'static str| {
                    if let Some(v) = parse::<Api>(id) { ctx.edit(|s| s.request.api = v) }
                }) />
            <Choice name="browser" legend="Browser" options=BROWSERS
                selected=sel(|s| id_of(&s.browser))
                on_change=Callback::new(move |id: &'static str| {
                    if let Some(v) = parse::<Browser>(id) { ctx.edit(|s| s.browser = v) }
                }) />
        </div>
        <div class="checkbox">
            <input type="checkbox" id="preflight-flag" prop:checked=flag
                on:change=move |ev| { let on = event_target_checked(&ev); ctx.edit(|s| s.request.preflight_flag = on) } />
            <label for="preflight-flag">"XHR upload listeners added before "<code>"send()"</code>", or a stream body (forces a preflight)"</label>
        </div>
        <div class="consequence">
            <EngineSays checks=&[CheckId::Credentials, CheckId::OriginHeader, CheckId::SameOriginMode, CheckId::NoCorsRedirectMode] />
        </div>
        <Why>
            <p>"Cookies are what make a request dangerous: with them, a page acts as you. That is why a server must "
            "opt in twice for credentialed requests: name your exact origin (never "<code>"*"</code>") and send "
            <code>"Access-Control-Allow-Credentials: true"</code>"."</p>
            <p>"Why do curl and Postman never show a CORS error? CORS protects the user of a browser from the pages "
            "they visit. curl has no other pages, no cookies of yours to misuse and no intranet to protect: it sends "
            "the request and shows the answer. The server answers the same either way; only the browser decides "
            "whether the page's script may read it."</p>
        </Why>
    }
}
