//! Applies a planned change to a copy of the scenario, so the engine can check what fails next.

use crate::scenario::{Answer, HeaderPair, RedirectMode, RequestMode, Scenario, ServerEntry};
use crate::verdict::FixTarget;

/// A change to the scenario, as data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Patch {
    /// Set a header (replacing every line of that name) on one answer.
    SetHeader {
        answer: AnswerAt,
        name: &'static str,
        value: String,
    },
    /// Set the status of one answer, removing `Location` when it is no longer a redirect.
    SetStatus { answer: AnswerAt, status: u16 },
    /// Change the request mode.
    RequestMode(RequestMode),
    /// Change the request's redirect mode.
    RequestRedirect(RedirectMode),
    /// Change the request URL (the server entry answering the old URL answers the new one).
    RequestUrl(String),
    /// Replace the request's header list.
    RequestHeaders(Vec<HeaderPair>),
    /// A change the engine cannot model (start the server, grant a permission…): the loop stops.
    Unmodelled,
}

/// Which answer of which server entry a patch changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct AnswerAt {
    /// `Preflight` for the `OPTIONS` answer; `Response` or `Redirect` for the answer to the request.
    pub(crate) target: FixTarget,
    /// The URL of the server entry.
    pub(crate) url: String,
}

/// Applies `patch` to `scenario`; `false` when nothing could change (the loop then stops).
pub(crate) fn apply(scenario: &mut Scenario, patch: &Patch) -> bool {
    match patch {
        Patch::SetHeader {
            answer,
            name,
            value,
        } => edit_answer(scenario, answer, |headers, _| {
            headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
            headers.push(((*name).to_owned(), value.clone()));
        }),
        Patch::SetStatus { answer, status } => edit_answer(scenario, answer, |headers, old| {
            *old = *status;
            if !(300..400).contains(status) {
                headers.retain(|(n, _)| !n.eq_ignore_ascii_case("location"));
            }
        }),
        Patch::RequestMode(mode) => replace(&mut scenario.request.mode, *mode),
        Patch::RequestRedirect(mode) => replace(&mut scenario.request.redirect, *mode),
        Patch::RequestHeaders(headers) => replace(&mut scenario.request.headers, headers.clone()),
        Patch::RequestUrl(url) => {
            let old = scenario.request.url.clone();
            if let Some(entry) = entry_mut(&mut scenario.server, &old) {
                entry.url.clone_from(url);
            }
            replace(&mut scenario.request.url, url.clone())
        }
        Patch::Unmodelled => false,
    }
}

fn replace<T: PartialEq>(slot: &mut T, value: T) -> bool {
    let changed = *slot != value;
    *slot = value;
    changed
}

/// Runs `edit` on the HTTP answer `at` names; a missing preflight answer is first made explicit as a
/// copy of the response (a server without one answers `OPTIONS` like the request).
fn edit_answer(
    scenario: &mut Scenario,
    at: &AnswerAt,
    edit: impl FnOnce(&mut Vec<HeaderPair>, &mut u16),
) -> bool {
    let Some(entry) = entry_mut(&mut scenario.server, &at.url) else {
        return false;
    };
    let answer = match at.target {
        FixTarget::Preflight => entry
            .preflight
            .get_or_insert_with(|| entry.response.clone()),
        FixTarget::Response | FixTarget::Redirect => &mut entry.response,
        FixTarget::Request => return false,
    };
    let Answer::Http(http) = answer else {
        return false;
    };
    let before = http.clone();
    edit(&mut http.headers, &mut http.status);
    *http != before
}

/// The server entry answering `url` (compared after URL parsing, like the engine).
pub(crate) fn entry_mut<'a>(
    server: &'a mut [ServerEntry],
    url: &str,
) -> Option<&'a mut ServerEntry> {
    let mut wanted = Wanted::new(url);
    server
        .iter_mut()
        .find(|entry| wanted.answered_by(&entry.url))
}

/// The server entry answering `url`, read-only.
pub(crate) fn entry<'a>(server: &'a [ServerEntry], url: &str) -> Option<&'a ServerEntry> {
    let mut wanted = Wanted::new(url);
    server.iter().find(|entry| wanted.answered_by(&entry.url))
}

/// A URL looked up among the server entries. Identical text always answers (it parses to the same
/// URL), so the URLs are parsed only when the texts differ, and the wanted one at most once.
struct Wanted<'a> {
    text: &'a str,
    parsed: Option<Option<url::Url>>,
}

impl<'a> Wanted<'a> {
    fn new(text: &'a str) -> Self {
        Wanted { text, parsed: None }
    }

    /// Whether the entry written `entry_url` answers this URL.
    fn answered_by(&mut self, entry_url: &str) -> bool {
        if entry_url == self.text {
            return true;
        }
        let text = self.text;
        let wanted = self
            .parsed
            .get_or_insert_with(|| url::Url::parse(text).ok());
        match (wanted, url::Url::parse(entry_url)) {
            (Some(wanted), Ok(parsed)) => *wanted == parsed,
            _ => false,
        }
    }
}
