//! Every gallery case (`src/gallery/*.json`), served by the lab on loopback: `check` asks the lab's server
//! as Chrome, Firefox and Safari would and gives, in each, the verdict the engine predicts for the lab's translation of the case
//! (outcome, failing check, the requests on the wire), with the matching exit status.

mod support;

use std::path::PathBuf;

use cors_rules::scenario::{Api, CredentialsMode, RequestMode};
use cors_rules::{evaluate, Browser, Outcome, Scenario};
use support::{json, run, stderr, Lab};

fn gallery() -> Vec<(String, serde_json::Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../src/gallery");
    let mut cases: Vec<(String, serde_json::Value)> = std::fs::read_dir(&dir)
        .expect("the gallery directory")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("a case file");
            let name = path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (name, serde_json::from_str(&text).expect("a JSON case"))
        })
        .collect();
    cases.sort_by(|a, b| a.0.cmp(&b.0));
    cases
}

/// The `check` arguments that make the request of `scenario`.
fn arguments(scenario: &Scenario, origin: &str) -> Vec<String> {
    let request = &scenario.request;
    let mut args = vec![
        "check".to_owned(),
        request.url.clone(),
        "--origin".to_owned(),
        origin.to_owned(),
        "--method".to_owned(),
        request.method.clone(),
        "--browser".to_owned(),
        "all".to_owned(),
        "--json".to_owned(),
    ];
    for (name, value) in &request.headers {
        args.push("-H".to_owned());
        args.push(format!("{name}: {value}"));
    }
    if request.credentials == CredentialsMode::Include {
        args.push("--credentials".to_owned());
    }
    if request.mode == RequestMode::NoCors {
        args.extend(["--mode".to_owned(), "no-cors".to_owned()]);
    }
    if request.api == Api::Xhr {
        args.extend(["--api".to_owned(), "xhr".to_owned()]);
    }
    args
}

/// `METHOD URL` of each request on the wire.
fn wire(requests: &serde_json::Value) -> Vec<String> {
    requests
        .as_array()
        .map(|list| {
            list.iter()
                .map(|r| format!("{} {}", r["method"], r["url"]))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn every_gallery_case_served_by_the_lab_gets_the_verdict_the_engine_predicts() {
    let lab = Lab::start();
    let cases = gallery();
    assert!(
        cases.len() >= 15,
        "only {} gallery cases found",
        cases.len()
    );
    let mut disagreements = Vec::new();
    for (name, case) in &cases {
        let page_origin = if case["page"].is_null() {
            "null"
        } else {
            lab.app()
        };
        let registered = lab.register(case, page_origin);
        let args = arguments(&registered.scenario, &registered.page_origin);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = run(&args, "");
        let checked = json(&output);
        let mut any_blocked = false;
        for browser in [Browser::Chrome, Browser::Firefox, Browser::Safari] {
            let mut scenario = registered.scenario.clone();
            scenario.browser = browser;
            let predicted = evaluate(&scenario).expect("the engine evaluates the translation");
            any_blocked |= matches!(predicted.outcome, Outcome::Blocked | Outcome::RequestError);
            let verdict = &checked["verdicts"][browser.id()];
            let outcome = serde_json::to_value(predicted.outcome).expect("an outcome id");
            let check = predicted
                .failure
                .as_ref()
                .map(|f| serde_json::Value::from(f.check.id()))
                .unwrap_or_default();
            let predicted_wire =
                wire(&serde_json::to_value(&predicted.requests).expect("requests as JSON"));
            if verdict["outcome"] != outcome
                || verdict["failure"]["check"] != check
                || wire(&verdict["requests"]) != predicted_wire
            {
                disagreements.push(format!(
                    "{name} in {}: predicted {outcome} {check} {predicted_wire:?}, check gave {} {} {:?}\n{}",
                    browser.id(),
                    verdict["outcome"],
                    verdict["failure"]["check"],
                    wire(&verdict["requests"]),
                    stderr(&output)
                ));
            }
        }
        let status = output.status.code();
        if status != Some(i32::from(any_blocked)) {
            disagreements.push(format!(
                "{name}: exit status {status:?}\n{}",
                stderr(&output)
            ));
        }
        // The recorded scenario replays: `eval` on it gives the same verdict.
        let replayed = run(&["eval"], &checked["scenario"].to_string());
        let recorded_browser = checked["scenario"]["browser"].as_str().unwrap_or("chrome");
        assert_eq!(
            json(&replayed)["outcome"],
            checked["verdicts"][recorded_browser]["outcome"],
            "{name}: replay"
        );
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}
