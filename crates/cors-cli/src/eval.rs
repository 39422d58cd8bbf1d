//! `cors-explain eval`: scenario JSON in, verdict JSON out.

use std::io::Read;
use std::process::ExitCode;

use cors_rules::{evaluate, InputError, Scenario};
use serde_json::Value;

use crate::output::emit;

/// Reads standard input, writes the verdict(s).
pub fn run() -> ExitCode {
    let mut input = String::new();
    if let Err(err) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("cors-explain: cannot read standard input: {err}");
        return ExitCode::from(2);
    }
    match verdicts(&input) {
        Ok(output) => {
            emit(&format!("{output}\n"));
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("cors-explain: invalid scenario: {err}");
            ExitCode::from(2)
        }
    }
}

/// Evaluates the input text: one scenario, or an array of them.
fn verdicts(input: &str) -> Result<String, InputError> {
    let value: Value = serde_json::from_str(input).map_err(|e| InputError {
        field: String::new(),
        problem: format!("not JSON: {e}"),
    })?;
    let output = match value {
        Value::Array(items) => Value::Array(items.into_iter().map(evaluate_slot).collect()),
        single => to_value(evaluate(&Scenario::from_value(single)?)?),
    };
    Ok(serde_json::to_string_pretty(&output).unwrap_or_default())
}

/// One slot of an array: its verdict, or `{"error": "..."}`.
fn evaluate_slot(item: Value) -> Value {
    match Scenario::from_value(item).and_then(|s| evaluate(&s)) {
        Ok(verdict) => to_value(verdict),
        Err(err) => serde_json::json!({ "error": err.to_string() }),
    }
}

fn to_value(verdict: cors_rules::Verdict) -> Value {
    serde_json::to_value(verdict).unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }))
}
