//! One request for a page's script to make, as the harness page (`assets/runner.js`) and WebKit's console
//! page (`assets/console-page.js`) read it.

use std::time::Duration;

use cors_rules::scenario::{Api, CredentialsMode, RedirectMode, RequestMode};
use cors_rules::Scenario;
use serde::Serialize;

/// How long one request may take before the harness reports a timeout.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// One request for the page's script to make, in the words of `runner.js`.
#[derive(Clone, Debug, Serialize)]
pub struct Item {
    /// The id the report comes back with.
    pub id: String,
    /// `fetch` or `xhr`.
    pub api: &'static str,
    /// The (lab) URL.
    pub url: String,
    /// The method as written.
    pub method: String,
    /// Header pairs as written.
    pub headers: Vec<(String, String)>,
    /// `cors`, `no-cors`, `same-origin`.
    pub mode: &'static str,
    /// `omit`, `same-origin`, `include`.
    pub credentials: &'static str,
    /// `follow`, `manual`, `error`.
    pub redirect: &'static str,
    /// Register an XHR upload listener before `send()` (and send a body).
    pub preflight_flag: bool,
    /// Run inside a sandboxed iframe (an opaque origin).
    pub opaque_page: bool,
}

impl Item {
    /// The request a (lab-terms) scenario's script makes.
    #[must_use]
    pub fn from_scenario(id: &str, scenario: &Scenario) -> Item {
        let request = &scenario.request;
        Item {
            id: id.to_owned(),
            api: match request.api {
                Api::Fetch => "fetch",
                Api::Xhr => "xhr",
            },
            url: request.url.clone(),
            method: request.method.clone(),
            headers: request.headers.clone(),
            mode: match request.mode {
                RequestMode::Cors => "cors",
                RequestMode::NoCors => "no-cors",
                RequestMode::SameOrigin => "same-origin",
            },
            credentials: match request.credentials {
                CredentialsMode::Omit => "omit",
                CredentialsMode::SameOrigin => "same-origin",
                CredentialsMode::Include => "include",
            },
            redirect: match request.redirect {
                RedirectMode::Follow => "follow",
                RedirectMode::Manual => "manual",
                RedirectMode::Error => "error",
            },
            preflight_flag: request.preflight_flag,
            opaque_page: scenario.page.is_none(),
        }
    }
}
