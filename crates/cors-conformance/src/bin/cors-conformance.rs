//! `cors-conformance`: runs generated CORS scenarios in real browsers and compares them with the engine.

#![deny(unsafe_code)]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use cors_conformance::browsers::BrowserKind;
use cors_conformance::suite::{load_cases, replay, run_suite, SuiteOptions};

/// Runs CORS scenarios in real browsers against the lab and compares every observable with the engine's
/// prediction for that browser's profile.
#[derive(Parser, Debug)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Generates scenarios, runs them in each browser and writes the report.
    Run {
        /// Browsers, comma-separated: chromium, firefox, webkit.
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
        /// Output directory: report.json, report.md, disagreements/, driver logs.
        #[arg(long, default_value = "target/conformance")]
        out: PathBuf,
        /// Known deviations (disagreements the engine cannot model).
        #[arg(long, default_value = "crates/cors-conformance/known-deviations.json")]
        known_deviations: PathBuf,
        /// Also write the Markdown report here.
        #[arg(long)]
        markdown: Option<PathBuf>,
        /// Diagnosed minimal disagreements to list in the report.
        #[arg(long, default_value = "crates/cors-conformance/cases/disagreements")]
        cases_dir: PathBuf,
    },
    /// Replays saved disagreements (or bare scenario JSON files) in one browser.
    Replay {
        /// The browser.
        #[arg(long, default_value = "chromium")]
        browser: String,
        /// Output directory for driver logs and the replay's raw results.
        #[arg(long, default_value = "target/conformance")]
        out: PathBuf,
        /// Files to replay.
        files: Vec<PathBuf>,
    },
    /// Reads saved runs (`<browser>-run.json` of a run's output) and prints how the paste door reads each
    /// browser's console text of the blocked cases, against the check the engine found failing.
    Readings {
        /// Also keep a sample of the texts read as a corpus (JSON) here.
        #[arg(long)]
        corpus: Option<PathBuf>,
        /// Texts kept per browser, failed check, reading and shape of the first line.
        #[arg(long, default_value_t = 2)]
        per: usize,
        /// The saved runs.
        runs: Vec<PathBuf>,
    },
}

fn browser(id: &str) -> Result<BrowserKind, String> {
    BrowserKind::from_id(id)
        .ok_or_else(|| format!("unknown browser {id:?}: chromium, firefox or webkit"))
}

#[tokio::main]
async fn main() -> ExitCode {
    match Args::parse().command {
        Command::Run {
            browsers,
            count,
            seed,
            batch,
            out,
            known_deviations,
            markdown,
            cases_dir,
        } => {
            let browsers: Result<Vec<BrowserKind>, String> =
                browsers.iter().map(|id| browser(id)).collect();
            let browsers = match browsers {
                Ok(browsers) => browsers,
                Err(message) => return usage(&message),
            };
            let options = SuiteOptions {
                browsers,
                seed,
                count,
                batch,
                out,
                known_deviations,
                markdown,
                cases_dir,
            };
            match run_suite(&options).await {
                Ok(report) if report.passes() => ExitCode::SUCCESS,
                Ok(_) => ExitCode::FAILURE,
                Err(error) => failure(&error.to_string()),
            }
        }
        Command::Replay {
            browser: id,
            out,
            files,
        } => {
            let kind = match browser(&id) {
                Ok(kind) => kind,
                Err(message) => return usage(&message),
            };
            let cases = match load_cases(&files) {
                Ok(cases) => cases,
                Err(error) => return failure(&error.to_string()),
            };
            match replay(kind, &cases, &out).await {
                Ok(true) => ExitCode::SUCCESS,
                Ok(false) => ExitCode::FAILURE,
                Err(error) => failure(&error.to_string()),
            }
        }
        Command::Readings { corpus, per, runs } => readings(&runs, corpus.as_deref(), per),
    }
}

fn readings(runs: &[PathBuf], corpus: Option<&std::path::Path>, per: usize) -> ExitCode {
    let runs: Vec<&std::path::Path> = runs.iter().map(PathBuf::as_path).collect();
    match cors_conformance::readings_corpus::readings(&runs, corpus, per) {
        Ok(summary) => {
            print!("{summary}");
            ExitCode::SUCCESS
        }
        Err(error) => failure(&error.to_string()),
    }
}

fn usage(message: &str) -> ExitCode {
    eprintln!("cors-conformance: {message}");
    ExitCode::from(2)
}

fn failure(message: &str) -> ExitCode {
    eprintln!("cors-conformance: {message}");
    ExitCode::FAILURE
}
