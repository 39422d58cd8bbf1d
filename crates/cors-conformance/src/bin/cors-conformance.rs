//! `cors-conformance`: runs generated CORS scenarios in real browsers and compares them with the engine.

#![deny(unsafe_code)]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use cors_conformance::browsers::BrowserKind;
use cors_conformance::generator::{generate, GeneratorConfig};
use cors_conformance::run::{run_browser, RunConfig};

/// Runs generated CORS scenarios in real browsers against the lab and compares every observable with the
/// engine's prediction.
#[derive(Parser, Debug)]
struct Args {
    /// Browsers to run, comma-separated: chromium, firefox, webkit.
    #[arg(long, value_delimiter = ',', default_value = "chromium")]
    browsers: Vec<String>,
    /// How many scenarios to generate.
    #[arg(long, default_value_t = 1000)]
    count: usize,
    /// The generator's seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Scenarios per page script call.
    #[arg(long, default_value_t = 100)]
    batch: usize,
    /// Where to write the report and work files.
    #[arg(long, default_value = "target/conformance")]
    out: PathBuf,
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    let cases = generate(&GeneratorConfig {
        seed: args.seed,
        count: args.count,
    });
    let mut failed = false;
    for id in &args.browsers {
        let Some(browser) = BrowserKind::from_id(id) else {
            eprintln!("unknown browser {id:?}: chromium, firefox or webkit");
            return ExitCode::from(2);
        };
        let config = RunConfig {
            browser,
            batch: args.batch,
            workdir: args.out.join(id),
        };
        match run_browser(&config, &cases).await {
            Ok(run) => {
                let disagreeing = run
                    .cases
                    .iter()
                    .filter(|case| !case.disagreements().is_empty())
                    .count();
                let not_run = run
                    .cases
                    .iter()
                    .filter(|case| case.not_run.is_some())
                    .count();
                eprintln!(
                    "{id} {}: {} cases, {disagreeing} disagree, {not_run} not run",
                    run.version,
                    run.cases.len()
                );
                failed |= disagreeing > 0 || not_run > 0;
                let path = args.out.join(format!("{id}.json"));
                let _ = std::fs::write(
                    &path,
                    serde_json::to_string_pretty(&run).unwrap_or_default(),
                );
            }
            Err(error) => {
                eprintln!("{id}: {error}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
