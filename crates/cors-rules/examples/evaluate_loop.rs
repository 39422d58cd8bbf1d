//! Evaluates one benchmark scenario many times, for instruction counts under callgrind:
//!
//! ```text
//! cargo build --release -p cors-rules --example evaluate_loop
//! valgrind --tool=callgrind target/release/examples/evaluate_loop allowed full 1000
//! ```
//!
//! Arguments: `allowed` or `blocked` (the scenarios of `benches/scenarios/`), `full` (`evaluate`) or
//! `decide` (the decision only), and the number of evaluations. Running it with 0 evaluations gives
//! the fixed cost (start-up and parsing) to subtract.

use std::hint::black_box;
use std::process::ExitCode;

use cors_rules::{decide, evaluate, Scenario};

const ALLOWED: &str = include_str!("../benches/scenarios/preflighted-allowed.json");
const BLOCKED: &str = include_str!("../benches/scenarios/preflight-blocked.json");

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = match args.first().map(String::as_str) {
        Some("allowed") => ALLOWED,
        Some("blocked") => BLOCKED,
        _ => return usage(),
    };
    let full = match args.get(1).map(String::as_str) {
        Some("full") => true,
        Some("decide") => false,
        _ => return usage(),
    };
    let Some(count) = args.get(2).and_then(|n| n.parse::<u32>().ok()) else {
        return usage();
    };
    let Ok(scenario) = Scenario::from_json(text) else {
        eprintln!("the scenario does not parse");
        return ExitCode::FAILURE;
    };
    for _ in 0..count {
        if full {
            let _ = black_box(evaluate(black_box(&scenario)));
        } else {
            let _ = black_box(decide(black_box(&scenario)));
        }
    }
    ExitCode::SUCCESS
}

fn usage() -> ExitCode {
    eprintln!("usage: evaluate_loop allowed|blocked full|decide COUNT");
    ExitCode::from(2)
}
