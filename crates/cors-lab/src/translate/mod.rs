//! Translating a scenario into lab terms: real origins, lab URLs, header values rewritten to match.
//!
//! The translation keeps what decides the browser's verdict: which URLs are same-origin with the page and
//! with each other, which header values match the page's origin (byte for byte, trailing slash and all), and
//! every header line's name, order and duplicates.

mod origins;
mod rewrite;
mod sendable;

use cors_rules::scenario::{Answer, NetworkErrorKind, ServerEntry};
use cors_rules::Scenario;
use url::{Origin, Url};

use crate::api::{LabOrigins, Note, NoteId};
use crate::error::LabError;
use origins::{OriginMap, Pages};
use rewrite::{map_url, rewrite_location, rewrite_origins, Prefix};

/// A scenario in lab terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Translated {
    /// The translated scenario: the real page, lab URLs, rewritten header values.
    pub scenario: Scenario,
    /// `[scenario_url, lab_url]` pairs: the request URL, server entry URLs, redirect targets.
    pub urls: Vec<(String, String)>,
    /// Where the lab run cannot match the scenario exactly.
    pub notes: Vec<Note>,
}

/// Translates `scenario` for a real page at `page_origin` (an origin or URL, or `"null"`), serving its URLs
/// under `/s/{id}/` on the lab's origins.
///
/// The scenario's page origin maps to `page_origin`; every other origin it uses (request URL, server URLs,
/// `Location` targets, origins named in `Access-Control-Allow-Origin`) maps to a distinct lab origin.
///
/// # Errors
/// A [`LabError`] naming the field when a URL does not parse, a URL same-origin with the page cannot be
/// served (the page is not on a lab origin), the lab has too few origins, or an answer cannot be sent.
pub fn translate(
    scenario: &Scenario,
    page_origin: &str,
    lab: &LabOrigins,
    id: &str,
) -> Result<Translated, LabError> {
    sendable::check(scenario)?;
    let real = parse_page_origin(page_origin)?;
    let pages = Pages {
        scenario: scenario_page(scenario),
        real: real.as_ref(),
    };
    let found = origins::discover(scenario)?;
    let (map, relation_lost) = origins::assign(&found, &pages, lab)?;
    let prefix = Prefix { id };
    let mut urls = Vec::new();
    let mut out = scenario.clone();
    out.page = real.as_ref().map(Origin::ascii_serialization);
    out.request.url = translate_url(&scenario.request.url, &map, &prefix, &mut urls);
    for (_, value) in &mut out.request.headers {
        *value = rewrite_origins(value, &map);
    }
    for entry in &mut out.server {
        translate_entry(entry, &map, &prefix, &mut urls);
    }
    let notes = notes_for(scenario, &pages, &found, relation_lost);
    Ok(Translated {
        scenario: out,
        urls,
        notes,
    })
}

fn parse_page_origin(text: &str) -> Result<Option<Origin>, LabError> {
    if text.trim() == "null" {
        return Ok(None);
    }
    let url = Url::parse(text.trim()).map_err(|_| LabError::PageOriginInvalid)?;
    if !origins::is_http(&url) {
        return Err(LabError::PageOriginInvalid);
    }
    Ok(Some(url.origin()))
}

fn scenario_page(scenario: &Scenario) -> Option<Origin> {
    let url = Url::parse(scenario.page.as_deref()?).ok()?;
    Some(url.origin()).filter(Origin::is_tuple)
}

fn translate_url(
    text: &str,
    map: &OriginMap,
    prefix: &Prefix,
    urls: &mut Vec<(String, String)>,
) -> String {
    let Some(lab) = Url::parse(text)
        .ok()
        .and_then(|url| map_url(&url, map, prefix))
    else {
        return text.to_owned();
    };
    if !urls.iter().any(|(from, _)| from == text) {
        urls.push((text.to_owned(), lab.clone()));
    }
    lab
}

fn translate_entry(
    entry: &mut ServerEntry,
    map: &OriginMap,
    prefix: &Prefix,
    urls: &mut Vec<(String, String)>,
) {
    let Ok(base) = Url::parse(&entry.url) else {
        return;
    };
    entry.url = translate_url(&entry.url.clone(), map, prefix, urls);
    let answers = entry
        .preflight
        .iter_mut()
        .chain(std::iter::once(&mut entry.response));
    for answer in answers {
        let Answer::Http(http) = answer else { continue };
        for (name, value) in &mut http.headers {
            if name.eq_ignore_ascii_case("location") {
                let target = base.join(value.trim()).ok();
                let absolute = target
                    .as_ref()
                    .and_then(|target| Some((target, map_url(target, map, prefix)?)));
                if let Some((target, absolute)) = absolute {
                    if !urls.iter().any(|(from, _)| *from == target.as_str()) {
                        urls.push((target.to_string(), absolute));
                    }
                }
                *value = rewrite_location(value, &base, map, prefix);
            } else {
                *value = rewrite_origins(value, map);
            }
        }
    }
}

fn notes_for(
    scenario: &Scenario,
    pages: &Pages,
    found: &[origins::Found],
    relation_lost: bool,
) -> Vec<Note> {
    let mut notes = Vec::new();
    let https =
        |origin: &Origin| matches!(origin, Origin::Tuple(scheme, _, _) if scheme == "https");
    if pages
        .scenario
        .iter()
        .chain(found.iter().map(|f| &f.origin))
        .any(https)
    {
        notes.push(note(NoteId::SchemeFlattened, "The lab speaks plain http: https origins of the scenario are served as http origins, so secure-context and mixed-content rules do not apply."));
    }
    if relation_lost {
        notes.push(note(NoteId::SiteRelationChanged, "The lab has too few origins to keep every same-site/cross-site relation of the scenario; cookies and SameSite behaviour may differ."));
    }
    if pages.scenario.is_none() != pages.real.is_none() {
        notes.push(note(NoteId::OpaquePageMismatch, "The scenario's page and the real page differ in being an opaque (\"null\") origin; run opaque-origin scenarios from a sandboxed iframe."));
    }
    let emulated = |answer: &Answer| {
        matches!(
            answer,
            Answer::Error(NetworkErrorKind::Dns | NetworkErrorKind::Tls)
        )
    };
    if scenario
        .server
        .iter()
        .any(|e| e.preflight.iter().chain([&e.response]).any(emulated))
    {
        notes.push(note(NoteId::NetworkErrorEmulated, "DNS and TLS failures cannot happen on loopback: the lab resets the connection instead, which the page sees as the same network error."));
    }
    notes
}

fn note(id: NoteId, message: &str) -> Note {
    Note {
        id,
        message: message.to_owned(),
    }
}

#[cfg(test)]
mod tests;
