//! `cors-explain eval`'s input: JSON text holding one scenario or an array of them, read and evaluated
//! as `crates/cors-cli/src/main.rs` does (parse as JSON, then each scenario from its value).
#![no_main]

use cors_rules::{evaluate, Scenario};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return;
    };
    let items = match value {
        Value::Array(items) => items,
        single => vec![single],
    };
    for item in items {
        if let Ok(scenario) = Scenario::from_value(item) {
            if let Ok(verdict) = evaluate(&scenario) {
                let _ = serde_json::to_string_pretty(&verdict);
            }
            cors_explainer_fuzz::exercise(&scenario);
        }
    }
});
