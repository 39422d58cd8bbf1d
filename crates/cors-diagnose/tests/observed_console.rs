//! Console text that Chromium 156, Firefox ESR 153 and WebKitGTK 2.50 really printed for blocked requests
//! (`tests/data/observed-console.json`, kept by `cors-conformance readings --corpus` from conformance runs:
//! one text per browser, failed check, reading and shape of the first line), each with the check the engine
//! found failing in the scenario the browser ran.
//!
//! The paste door must read each text at least as well as when the corpus was kept: name the failed check,
//! or list it among what the same sentence can mean when the browser uses one sentence for several (Firefox
//! for a preflight and a response, Safari for a missing and a mismatched value); and its reproduction,
//! evaluated for that browser, must fail the check it names.

use cors_diagnose::console::{recognise, Finding};
use cors_rules::{evaluate, Browser, CheckId};
use serde::Deserialize;

#[derive(Deserialize)]
struct Observed {
    case: String,
    browser: String,
    text: String,
    failed: CheckId,
    reading: String,
}

fn corpus() -> Vec<Observed> {
    serde_json::from_str(include_str!("data/observed-console.json")).expect("the corpus parses")
}

fn profile(browser: &str) -> Browser {
    match browser {
        "chromium" => Browser::Chrome,
        "firefox" => Browser::Firefox,
        "webkit" => Browser::Safari,
        other => panic!("unknown browser {other}"),
    }
}

/// How the text reads now, in the corpus's words.
fn reading(observed: &Observed) -> Result<&'static str, String> {
    let diagnosis = recognise(&observed.text);
    let Some(recognised) = diagnosis.recognised else {
        return Ok("unread");
    };
    if recognised.browser != profile(&observed.browser) {
        return Err(format!("read as {:?}'s", recognised.browser));
    }
    Ok(match recognised.finding {
        Finding::NotCors => "not-cors",
        Finding::Incomplete => "asked-for-more",
        _ if recognised.check == Some(observed.failed) => "named",
        _ if recognised.alternatives.contains(&observed.failed) => "listed",
        _ => "misread",
    })
}

/// Whether `now` is as good a reading as `then`.
fn as_good(now: &str, then: &str) -> bool {
    now == then || (then == "listed" && now == "named")
}

#[test]
fn every_observed_text_reads_at_least_as_well_as_when_it_was_kept() {
    let corpus = corpus();
    assert!(
        corpus.len() >= 200,
        "the corpus holds {} texts",
        corpus.len()
    );
    let problems: Vec<String> = corpus
        .iter()
        .filter_map(|observed| match reading(observed) {
            Ok(now) if as_good(now, &observed.reading) => None,
            Ok(now) => Some(format!(
                "{} ({}): failed {}, kept as {}, reads as {now}",
                observed.case,
                observed.browser,
                observed.failed.id(),
                observed.reading
            )),
            Err(why) => Some(format!("{} ({}): {why}", observed.case, observed.browser)),
        })
        .collect();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_corpus_covers_each_browser_and_each_kind_of_reading() {
    let corpus = corpus();
    for browser in ["chromium", "firefox", "webkit"] {
        let named = corpus
            .iter()
            .filter(|o| o.browser == browser && o.reading == "named")
            .count();
        assert!(named >= 15, "{browser}: {named} named texts");
    }
    for kind in ["named", "listed", "not-cors", "asked-for-more"] {
        assert!(
            corpus.iter().any(|o| o.reading == kind),
            "no {kind} reading"
        );
    }
}

#[test]
fn each_reproduction_fails_the_check_its_reading_names() {
    let problems: Vec<String> = corpus()
        .iter()
        .filter_map(|observed| {
            let recognised = recognise(&observed.text).recognised?;
            let check = recognised.check?;
            let scenario = recognised.scenario?;
            let verdict = match evaluate(&scenario) {
                Ok(verdict) => verdict,
                Err(error) => return Some(format!("{}: {error}", observed.case)),
            };
            let failed = verdict.failure.map(|f| f.check);
            (failed != Some(check)).then(|| {
                format!(
                    "{} ({}): names {}, its reproduction {}",
                    observed.case,
                    observed.browser,
                    check.id(),
                    failed.map_or("passes".to_owned(), |f| format!("fails {}", f.id()))
                )
            })
        })
        .collect();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
