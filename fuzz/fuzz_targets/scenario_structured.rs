//! Scenarios built from structure (realistic origins, methods and headers) through the engine.
#![no_main]

use cors_explainer_fuzz::structured::FuzzScenario;
use cors_rules::Scenario;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: FuzzScenario| {
    if let Ok(scenario) = Scenario::from_value(input.to_json()) {
        cors_explainer_fuzz::exercise(&scenario);
    }
});
