//! `cors-explain`: the CORS rules engine on the command line.
//!
//! `cors-explain eval` reads one scenario (or an array of them) as JSON on standard input and writes the
//! verdict (or an array of verdicts, in the same order) as JSON on standard output.

#![deny(unsafe_code)]

use std::io::{Read, Write};
use std::process::ExitCode;

use cors_rules::{evaluate, InputError, Scenario};
use serde_json::Value;

const HELP: &str = "\
cors-explain: explains exactly why a browser allows or blocks a cross-origin request

USAGE:
    cors-explain eval < scenario.json     evaluate one scenario object, or an array of them
    cors-explain --help                   print this help

`eval` reads JSON on standard input (see SCENARIO-FORMAT.md: browser, page, request, server) and writes
the verdict as JSON on standard output: outcome, response_type, cross_origin, preflight_sent, requests,
failure, readable, js_error, console, steps, fixes.

An array of scenarios gives an array of verdicts in the same order; a malformed scenario inside an array
yields {\"error\": \"...\"} in its slot and the others are still evaluated.

EXIT STATUS:
    0  the verdict(s) were written
    2  malformed input (the message names the field and the problem) or bad usage
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["eval"] => eval(),
        ["--help" | "-h" | "help"] | [] => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        other => {
            eprintln!("cors-explain: unknown arguments {other:?}\n\n{HELP}");
            ExitCode::from(2)
        }
    }
}

/// `cors-explain eval`.
fn eval() -> ExitCode {
    let mut input = String::new();
    if let Err(err) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("cors-explain: cannot read standard input: {err}");
        return ExitCode::from(2);
    }
    match run(&input) {
        Ok(output) => {
            let mut stdout = std::io::stdout().lock();
            if writeln!(stdout, "{output}").is_err() {
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("cors-explain: invalid scenario: {err}");
            ExitCode::from(2)
        }
    }
}

/// Evaluates the input text: one scenario, or an array of them.
fn run(input: &str) -> Result<String, InputError> {
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
