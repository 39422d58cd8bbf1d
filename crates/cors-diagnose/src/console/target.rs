//! What a reproduction is built for: the recognised check, the stage it failed at, the browser and the
//! facts the message quoted (`reproduce.rs` and `redirects.rs` both build from it).

use cors_rules::{Browser, CheckId, Stage};

use super::facts::Facts;

/// What to reproduce.
pub(crate) struct Target<'a> {
    pub check: CheckId,
    pub stage: Stage,
    pub browser: Browser,
    pub facts: &'a Facts,
}

impl Target<'_> {
    /// Whether a same-origin request was redirected to the URL the message names ("Unsafe attempt to load
    /// URL"): the quoted URL is the redirect's location.
    pub(crate) fn redirected_away_from_page(&self) -> bool {
        self.check == CheckId::SameOriginMode && self.facts.location.is_some()
    }
}

/// Serialized origin of a URL, or `None` when it does not parse.
pub(crate) fn origin_of(url: &str) -> Option<String> {
    url::Url::parse(url)
        .ok()
        .map(|u| u.origin().ascii_serialization())
}
