//! What every fuzz target does with a scenario it obtained: everything the app and the tools do with one.
//!
//! A target reads hostile input with one parser; when that yields a scenario, [`exercise`] runs it through
//! the engine and every consumer of its result, so a scenario that parses but breaks a later stage is found
//! by the parser's target too.

use cors_diagnose::curl_commands::curl_commands;
use cors_diagnose::policy::Policy;
use cors_diagnose::security::review_scenario;
use cors_diagnose::stacks::{RenderOptions, Stack};
use cors_diagnose::status::explain_status;
use cors_rules::{decide, evaluate, Scenario};

pub mod structured;

/// Decides and evaluates `scenario`, serialises the verdict, and derives the diagnose outputs.
pub fn exercise(scenario: &Scenario) {
    let _ = decide(scenario);
    let Ok(verdict) = evaluate(scenario) else {
        return;
    };
    let _ = serde_json::to_string(&verdict);
    let _ = explain_status(scenario, &verdict);
    let policy = Policy::from_scenario(scenario);
    let _ = policy.problems();
    for stack in Stack::ALL {
        let _ = stack.render(&policy, &RenderOptions::default());
    }
    let _ = curl_commands(scenario, &policy);
    let _ = review_scenario(scenario);
    // A scenario survives its own JSON: the share link and the CLI depend on it.
    if let Ok(json) = serde_json::to_string(scenario) {
        let again = Scenario::from_json(&json);
        assert!(
            again.is_ok(),
            "a serialised scenario no longer parses: {json}"
        );
    }
}
