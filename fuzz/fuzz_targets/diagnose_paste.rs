//! Any paste, as the diagnose panel reads it: its kind guessed (`analyse`), merged into a current
//! scenario; and the security review's pasted observations.
#![no_main]

use cors_diagnose::analyse::analyse;
use cors_diagnose::security::parse_observations;
use cors_rules::Scenario;
use libfuzzer_sys::fuzz_target;

const BASE: &str = r#"{"page": "https://app.example.com", "request": {"url": "https://api.example.com/v1/items",
  "method": "PUT", "headers": [["Content-Type", "application/json"]], "credentials": "include"},
  "server": [{"url": "https://api.example.com/v1/items"}]}"#;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let base = Scenario::from_json(BASE).ok();
    let analysis = analyse(text, base.as_ref(), None);
    let _ = serde_json::to_string(&analysis);
    if let Some(scenario) = &analysis.scenario {
        cors_explainer_fuzz::exercise(scenario);
    }
    let _ = parse_observations(text);
});
