//! A scenario under construction, with the example origins every family draws from.

use std::collections::BTreeSet;

use cors_rules::scenario::{
    Answer, Api, CredentialsMode, HeaderPair, HttpAnswer, RedirectMode, Request, RequestMode,
    ServerEntry,
};
use cors_rules::{Browser, Scenario};

use super::Case;
use crate::groups::RuleGroup;

/// The page's origin.
pub const APP: &str = "http://app.example";
/// A cross-origin, same-site API.
pub const SAME_SITE: &str = "http://api.app.example";
/// A cross-site API.
pub const CROSS_SITE: &str = "http://api.example";
/// A second cross-site origin (redirect chains A → B → C).
pub const THIRD: &str = "http://cdn.example";
/// An origin that only appears in header values (a wrong `Access-Control-Allow-Origin`).
pub const EVIL: &str = "http://evil.example";

/// A scenario being built by a family.
#[derive(Clone, Debug)]
pub struct Draft {
    /// The scenario so far (browser `chrome` until a run sets the profile).
    pub scenario: Scenario,
    /// Rule groups exercised so far.
    pub groups: BTreeSet<RuleGroup>,
    /// Set when the case uses something only `fetch()` can express.
    pub fetch_only: bool,
    base_path: String,
}

impl Draft {
    /// A cross-site `GET` from the page, with no server entry yet.
    #[must_use]
    pub fn new(id: &str) -> Draft {
        let base_path = format!("/c/{id}");
        let request = Request {
            url: format!("{CROSS_SITE}{base_path}/r"),
            method: "GET".to_owned(),
            headers: Vec::new(),
            mode: RequestMode::Cors,
            credentials: CredentialsMode::SameOrigin,
            redirect: RedirectMode::Follow,
            api: Api::Fetch,
            preflight_flag: false,
        };
        let scenario = Scenario {
            browser: Browser::Chrome,
            page: Some(APP.to_owned()),
            request,
            server: Vec::new(),
        };
        Draft {
            scenario,
            groups: BTreeSet::new(),
            fetch_only: false,
            base_path,
        }
    }

    /// The URL of `step` (a path segment) on `origin`, unique to this case.
    #[must_use]
    pub fn url(&self, origin: &str, step: &str) -> String {
        format!("{origin}{}/{step}", self.base_path)
    }

    /// Points the request at `step` on `origin` and returns the URL.
    pub fn target(&mut self, origin: &str, step: &str) -> String {
        let url = self.url(origin, step);
        self.scenario.request.url.clone_from(&url);
        url
    }

    /// Records that the case exercises `groups`.
    pub fn tag(&mut self, groups: &[RuleGroup]) {
        self.groups.extend(groups.iter().copied());
    }

    /// The serialized page origin, as an `Access-Control-Allow-Origin` value would name it.
    #[must_use]
    pub fn page_origin(&self) -> &str {
        self.scenario.page.as_deref().unwrap_or("null")
    }

    /// Whether the request's credentials mode is `include`.
    #[must_use]
    pub fn includes_credentials(&self) -> bool {
        self.scenario.request.credentials == CredentialsMode::Include
    }

    /// Sets how `url` answers the request itself.
    pub fn respond(&mut self, url: &str, status: u16, headers: Vec<HeaderPair>) {
        self.entry(url).response = Answer::Http(HttpAnswer { status, headers });
    }

    /// Sets how `url` answers a preflight.
    pub fn preflight(&mut self, url: &str, status: u16, headers: Vec<HeaderPair>) {
        self.entry(url).preflight = Some(Answer::Http(HttpAnswer { status, headers }));
    }

    /// The server entry for `url`, created (answering `200` with no headers) if missing.
    pub fn entry(&mut self, url: &str) -> &mut ServerEntry {
        let position = self
            .scenario
            .server
            .iter()
            .position(|entry| entry.url == url);
        let index = position.unwrap_or_else(|| {
            self.scenario.server.push(ServerEntry {
                url: url.to_owned(),
                preflight: None,
                response: Answer::default(),
            });
            self.scenario.server.len() - 1
        });
        &mut self.scenario.server[index]
    }

    /// The finished case; the request URL always has a server entry (unless it carries credentials, which
    /// never reach the wire as written).
    #[must_use]
    pub fn finish(mut self, id: String) -> Case {
        let url = self.scenario.request.url.clone();
        if url.starts_with("http") && !url.contains('@') {
            self.entry(&url);
        }
        Case {
            id,
            groups: self.groups,
            scenario: self.scenario,
        }
    }
}

/// A `[name, value]` pair from string slices.
#[must_use]
pub fn pair(name: &str, value: &str) -> HeaderPair {
    (name.to_owned(), value.to_owned())
}
