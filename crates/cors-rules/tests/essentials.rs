//! `evaluate_essentials` is `evaluate` without the result's details: for every saved scenario (the
//! conformance regressions and the benchmark scenarios) in every browser profile, the two verdicts are
//! the same once `console`, `js_error`, `fixes`, `notes` and `network` are cleared, and those are empty.

use std::path::Path;

use cors_rules::{evaluate, evaluate_essentials, Browser, Scenario, Verdict};

/// Every saved scenario: the regressions' `scenario` objects and the benchmark files.
fn saved_scenarios() -> Vec<(String, Scenario)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for dir in ["tests/regressions", "benches/scenarios"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("a scenario directory")
            .map(|entry| entry.expect("an entry").path())
            .filter(|path| path.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        for path in files {
            let text = std::fs::read_to_string(&path).expect("a readable file");
            let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
            let scenario = value.get("scenario").unwrap_or(&value).to_string();
            let scenario = Scenario::from_json(&scenario)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            found.push((path.display().to_string(), scenario));
        }
    }
    found
}

fn without_details(mut verdict: Verdict) -> Verdict {
    verdict.console.clear();
    verdict.js_error = None;
    verdict.fixes.clear();
    verdict.notes.clear();
    verdict.network.clear();
    verdict
}

#[test]
fn essentials_are_the_full_verdict_without_its_details() {
    let scenarios = saved_scenarios();
    assert!(scenarios.len() > 50, "only {} scenarios", scenarios.len());
    let mut with_details = 0;
    for (name, scenario) in scenarios {
        for browser in Browser::ALL {
            let scenario = Scenario {
                browser,
                ..scenario.clone()
            };
            let (Ok(full), Ok(essentials)) = (evaluate(&scenario), evaluate_essentials(&scenario))
            else {
                assert_eq!(
                    evaluate(&scenario).err(),
                    evaluate_essentials(&scenario).err(),
                    "{name} ({browser:?})"
                );
                continue;
            };
            if !full.network.is_empty() && !full.fixes.is_empty() {
                with_details += 1;
            }
            assert_eq!(without_details(full), essentials, "{name} ({browser:?})");
        }
    }
    assert!(with_details > 0, "no scenario had details to leave out");
}
