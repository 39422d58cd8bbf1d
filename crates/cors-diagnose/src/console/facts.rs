//! The values a console message quotes.

use cors_rules::scenario::{Api, NetworkErrorKind};
use serde::Serialize;

use crate::assumption::{AssumedField, Edit};

/// Whether a quoted URL is an HTTP(S) one.
pub(crate) fn is_http_url(url: &str) -> bool {
    url.starts_with("http:") || url.starts_with("https:")
}

/// Everything the pasted lines say about the request, each value as quoted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Facts {
    /// The request URL (for Chromium, the last URL after redirects).
    pub url: Option<String>,
    /// The URL first requested, when the message says the request was redirected.
    pub initial_url: Option<String>,
    /// The page's origin.
    pub origin: Option<String>,
    /// A header value the message quotes (the `Access-Control-Allow-Origin` value, a redirect location…).
    pub value: Option<String>,
    /// A redirect's `Location`, when the message quotes it.
    pub location: Option<String>,
    /// The request method.
    pub method: Option<String>,
    /// The request header the message names.
    pub header: Option<String>,
    /// The HTTP status of the response that failed the check.
    pub status: Option<u16>,
    /// `fetch` or `XMLHttpRequest`, when the lines tell.
    pub api: Option<Api>,
    /// Chromium's resource kind (`fetch`, `XMLHttpRequest`, `script`, `font`…).
    pub resource_kind: Option<String>,
    /// The network failure, when there was no HTTP answer.
    pub network_error: Option<NetworkErrorKind>,
    /// Chromium's address space (`loopback`, `local`, `private`…), for Local Network Access messages.
    pub address_space: Option<String>,
}

impl Facts {
    /// Records one captured value by its hole name.
    pub(crate) fn set(&mut self, name: &str, value: &str) {
        let value = value.trim();
        let owned = Some(value.to_owned());
        match name {
            "url" => self.url = owned,
            "initial_url" => self.initial_url = owned,
            "origin" => self.origin = owned,
            // The page's URL (`from frame with URL …`): its origin is the request's.
            "page" if self.origin.is_none() => {
                self.origin = url::Url::parse(value)
                    .ok()
                    .map(|u| u.origin().ascii_serialization())
                    .filter(|o| o != "null");
            }
            "value" => self.value = owned,
            "location" => self.location = owned,
            "method" => self.method = owned,
            "header" => self.header = owned,
            "status" => self.status = value.parse().ok(),
            "address_space" => self.address_space = owned,
            "kind" => {
                self.api = match value {
                    "fetch" => Some(Api::Fetch),
                    "XMLHttpRequest" => Some(Api::Xhr),
                    _ => self.api,
                };
                self.resource_kind = owned;
            }
            _ => {}
        }
    }

    /// Takes the person's values for fields the lines did not tell (or told wrongly).
    pub(crate) fn apply(&mut self, edits: &[Edit]) {
        for edit in edits {
            let value = Some(edit.value.trim().to_owned()).filter(|v| !v.is_empty());
            match edit.field {
                AssumedField::Url => self.url = value,
                AssumedField::PageOrigin => self.origin = value,
                AssumedField::Method => self.method = value,
                AssumedField::RequestHeader => self.header = value,
                _ => {}
            }
        }
    }

    /// For a redirect to a URL that is not HTTP(S): a quoted URL of that kind is where the redirect led
    /// (Safari's "cannot load" line names it), not the URL the script called.
    pub(crate) fn locate_redirect_target(&mut self) {
        if self.location.is_none() && self.url.as_deref().is_some_and(|u| !is_http_url(u)) {
            self.location = self.url.take();
        }
    }

    /// Fills every value this one lacks from `other`.
    pub(crate) fn fill_from(&mut self, other: &Facts) {
        fn fill<T: Clone>(mine: &mut Option<T>, theirs: &Option<T>) {
            if mine.is_none() {
                mine.clone_from(theirs);
            }
        }
        fill(&mut self.url, &other.url);
        fill(&mut self.initial_url, &other.initial_url);
        fill(&mut self.origin, &other.origin);
        fill(&mut self.value, &other.value);
        fill(&mut self.location, &other.location);
        fill(&mut self.method, &other.method);
        fill(&mut self.header, &other.header);
        fill(&mut self.status, &other.status);
        fill(&mut self.api, &other.api);
        fill(&mut self.resource_kind, &other.resource_kind);
        fill(&mut self.network_error, &other.network_error);
        fill(&mut self.address_space, &other.address_space);
    }

    /// The values as `name = value` lines, for showing what was understood.
    #[must_use]
    pub fn describe(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut push = |name: &str, value: Option<String>| {
            if let Some(value) = value {
                out.push(format!("{name}: {value}"));
            }
        };
        push("URL", self.url.clone());
        push("redirected from", self.initial_url.clone());
        push("page origin", self.origin.clone());
        push("quoted value", self.value.clone().map(|v| format!("'{v}'")));
        push("redirect location", self.location.clone());
        push("method", self.method.clone());
        push("request header", self.header.clone());
        push("HTTP status", self.status.map(|s| s.to_string()));
        push(
            "API",
            self.api.map(|a| {
                if a == Api::Xhr {
                    "XMLHttpRequest"
                } else {
                    "fetch"
                }
                .to_owned()
            }),
        );
        push("resource kind", self.resource_kind.clone());
        push(
            "network error",
            self.network_error
                .map(|k| network_error_words(k).to_owned()),
        );
        push("address space", self.address_space.clone());
        out
    }
}

/// A network failure in plain words.
#[must_use]
pub fn network_error_words(kind: NetworkErrorKind) -> &'static str {
    match kind {
        NetworkErrorKind::ConnectionRefused => {
            "the connection was refused (nothing listens on that port)"
        }
        NetworkErrorKind::Timeout => "the server never answered (timeout)",
        NetworkErrorKind::Dns => "the host name does not resolve",
        NetworkErrorKind::Tls => "the TLS handshake failed (certificate or protocol)",
    }
}
