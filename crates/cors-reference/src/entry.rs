//! What one reference page says, gathered from the catalogue and the engine: the message, a scenario
//! that reproduces it, what the engine prints and explains for it, and the same failure in the other
//! two browsers.

use cors_diagnose::console::catalog::{self, KnownMessage, Meaning};
use cors_diagnose::console::causes::usual_causes;
use cors_diagnose::console::examples::example_text;
use cors_diagnose::console::titles::{check_title, message_title};
use cors_diagnose::console::{recognise, Finding};
use cors_rules::verdict::Fix;
use cors_rules::{evaluate, Browser, Scenario, Verdict};

/// The browsers the reference covers, in page order.
pub const BROWSERS: [Browser; 3] = [Browser::Chrome, Browser::Firefox, Browser::Safari];

/// A scenario that reproduces a message, and what the engine prints for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Reproduction {
    /// The scenario (its browser is the message's).
    pub scenario: Scenario,
    /// The console lines the engine prints for it, then the script's exception, if any.
    pub printed: Vec<String>,
    /// Whether one of those lines is this very message; otherwise the scenario fails the same check
    /// and the browser words it differently.
    pub exact: bool,
}

/// The same scenario in another browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OtherBrowser {
    /// Which browser.
    pub browser: Browser,
    /// What it prints (console lines, then the script's exception).
    pub printed: Vec<String>,
    /// The reference page of its message, relative to the site root, when it has one.
    pub reference: Option<String>,
}

/// Everything one page says.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The message.
    pub message: &'static KnownMessage,
    /// Its title in plain words.
    pub title: &'static str,
    /// The message with realistic values, as a person would paste it.
    pub example: String,
    /// A scenario that reproduces it, when one can.
    pub reproduction: Option<Reproduction>,
    /// What it means: paragraphs, with `backtick` spans for names and values.
    pub meaning: Vec<String>,
    /// The Fetch standard's section for the failed rule.
    pub spec: Option<String>,
    /// Other failures the same words can stand for (titles).
    pub also_means: Vec<&'static str>,
    /// The usual causes.
    pub causes: &'static [&'static str],
    /// What the server (or script) must change, from the engine.
    pub fixes: Vec<Fix>,
    /// The same failure in the other two browsers.
    pub others: Vec<OtherBrowser>,
}

/// One entry per known message, Chrome first, then Firefox, then Safari.
#[must_use]
pub fn entries() -> Vec<Entry> {
    let mut all: Vec<Entry> = catalog::all().map(entry).collect();
    all.sort_by_key(|e| {
        BROWSERS
            .iter()
            .position(|b| *b == e.message.browser)
            .unwrap_or(BROWSERS.len())
    });
    all
}

/// The entry of one message.
#[must_use]
pub fn entry(message: &'static KnownMessage) -> Entry {
    let example = example_text(message);
    let recognised = recognise(&example).recognised;
    let incomplete = recognised
        .as_ref()
        .is_some_and(|r| r.finding == Finding::Incomplete);
    let scenario = if incomplete {
        typical_failure(message)
    } else {
        recognised.as_ref().and_then(|r| r.scenario.clone())
    };
    let evaluated = scenario.and_then(|s| evaluate(&s).ok().map(|v| (s, v)));
    let warning = matches!(message.meaning, Meaning::Warning(_));
    let faithful = evaluated.filter(|(_, verdict)| {
        incomplete
            || (warning && verdict.failure.is_none())
            || verdict
                .failure
                .as_ref()
                .is_some_and(|f| message.checks().contains(&f.check))
    });
    let checks = message.checks();
    let mut entry = Entry {
        message,
        title: message_title(message),
        example,
        reproduction: None,
        meaning: Vec::new(),
        spec: None,
        also_means: checks.iter().skip(1).map(|c| check_title(*c)).collect(),
        causes: checks.first().map_or(&[], |c| usual_causes(*c)),
        fixes: Vec::new(),
        others: Vec::new(),
    };
    entry.also_means.dedup();
    match message.meaning {
        Meaning::NotCors(why) => entry.meaning.push(why.to_owned()),
        Meaning::Companion => {
            if let Some(why) = recognised.as_ref().and_then(|r| r.explanation.clone()) {
                entry.meaning.push(why);
            }
        }
        Meaning::Failure(_) | Meaning::Warning(_) => {}
    }
    if let Some((scenario, verdict)) = faithful {
        if warning {
            entry.meaning.push(
                "Firefox let this request through, but warns that it will not for long: the preflight answered \
                 `Access-Control-Allow-Headers: *`, and the Fetch standard says `*` does not cover `Authorization`: list it \
                 by name. Chrome and Safari still let the request through without a word."
                    .to_owned(),
            );
        } else if !incomplete {
            if let Some(step) = verdict.steps.iter().find(|s| !s.passed) {
                entry.meaning.push(step.summary.clone());
                entry.meaning.push(step.detail.clone());
                entry.spec = Some(step.spec.clone()).filter(|s| s.starts_with("https://"));
            }
        }
        entry.fixes.clone_from(&verdict.fixes);
        entry.others = others(&scenario, message.browser);
        let printed = printed(&verdict);
        let exact = printed.iter().any(|line| message.matches_line(line));
        entry.reproduction = Some(Reproduction {
            scenario,
            printed,
            exact,
        });
    }
    if entry.meaning.is_empty() {
        entry.meaning.push(format!(
            "{} prints this message for this failure: {}. No scenario of the explainer reproduces it, so the \
             explanation stays general.",
            message.browser.display_name(),
            entry.title
        ));
    }
    entry
}

/// For a line that only accompanies a failure: the browser's most common failure (no
/// `Access-Control-Allow-Origin`), made with the API the line names.
fn typical_failure(message: &KnownMessage) -> Option<Scenario> {
    let main = match message.browser {
        Browser::Chrome => "kMissingAllowOriginHeader",
        Browser::Firefox => "CORSMissingAllowOrigin2",
        _ => "WEBKIT_ORIGIN_NOT_ALLOWED",
    };
    let mut scenario = recognise(&example_text(catalog::find(main)?))
        .recognised?
        .scenario?;
    if message.code.contains("XHR") {
        scenario.request.api = cors_rules::scenario::Api::Xhr;
    }
    Some(scenario)
}

/// The console lines, then the script's exception.
fn printed(verdict: &Verdict) -> Vec<String> {
    let mut lines: Vec<String> = verdict
        .console
        .iter()
        .map(|l| l.trim_end().to_owned())
        .collect();
    lines.extend(verdict.js_error.clone());
    lines
}

/// The same scenario in the other browsers.
fn others(scenario: &Scenario, browser: Browser) -> Vec<OtherBrowser> {
    BROWSERS
        .iter()
        .filter(|b| **b != browser)
        .map(|other| {
            let mut theirs = scenario.clone();
            theirs.browser = *other;
            let printed = evaluate(&theirs).map(|v| printed(&v)).unwrap_or_default();
            let reference = recognise(&printed.join("\n"))
                .recognised
                .filter(|r| r.browser == *other)
                .and_then(|r| r.reference);
            OtherBrowser {
                browser: *other,
                printed,
                reference,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_is_an_entry_per_known_message() {
        assert_eq!(entries().len(), catalog::all().count());
        assert!(entries().len() >= 70);
    }

    #[test]
    fn most_entries_reproduce_their_message_exactly() {
        let exact = entries()
            .iter()
            .filter(|e| e.reproduction.as_ref().is_some_and(|r| r.exact))
            .count();
        assert!(
            exact >= 50,
            "only {exact} pages reproduce their message exactly"
        );
    }

    #[test]
    fn the_missing_header_page_shows_the_other_browsers_messages() {
        let missing = entry(catalog::find("kMissingAllowOriginHeader").expect("known"));
        let firefox = &missing.others[0];
        assert_eq!(firefox.browser, Browser::Firefox);
        assert_eq!(
            firefox.reference.as_deref(),
            Some("errors/firefox-cors-missing-allow-origin-2.html")
        );
        assert!(!missing.fixes.is_empty());
    }
}
