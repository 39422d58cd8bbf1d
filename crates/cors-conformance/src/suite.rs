//! The command line's two jobs: run the generated suite in browsers and write the report, or replay
//! saved disagreements.

use std::path::{Path, PathBuf};

use crate::browsers::BrowserKind;
use crate::deviations;
use crate::error::{HarnessError, Result};
use crate::generator::{generate, Case, GeneratorConfig};
use crate::report::{BrowserSummary, Disagreement, Report};
use crate::report_md;
use crate::run::{run_browser, BrowserRun, RunConfig};

/// What `run` does.
#[derive(Clone, Debug)]
pub struct SuiteOptions {
    /// Browsers, in order.
    pub browsers: Vec<BrowserKind>,
    /// Generator seed.
    pub seed: u64,
    /// Scenarios to generate.
    pub count: usize,
    /// Scenarios per page script call.
    pub batch: usize,
    /// Output directory (report, disagreements, driver logs).
    pub out: PathBuf,
    /// The known-deviations file.
    pub known_deviations: PathBuf,
    /// Also write the Markdown report here (e.g. `docs/conformance.md`).
    pub markdown: Option<PathBuf>,
    /// The diagnosed minimal cases listed in the report (`crates/cors-conformance/cases/disagreements`).
    pub cases_dir: PathBuf,
}

fn write(path: &Path, text: &str) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|source| HarnessError::Io {
            path: parent.to_owned(),
            source,
        })?;
    }
    std::fs::write(path, text).map_err(|source| HarnessError::Io {
        path: path.to_owned(),
        source,
    })
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// Runs the suite in every browser and writes the report; returns it.
///
/// # Errors
/// A harness error (a browser that does not start, the lab, a file that cannot be written).
pub async fn run_suite(options: &SuiteOptions) -> Result<Report> {
    let cases = generate(&GeneratorConfig {
        seed: options.seed,
        count: options.count,
    });
    let known = deviations::load(&options.known_deviations)?;
    let diagnosed = crate::report::load_diagnosed(&options.cases_dir);
    let mut report = Report {
        seed: options.seed,
        generated: cases.len(),
        browsers: Vec::new(),
        diagnosed,
        failed_browsers: Vec::new(),
    };
    for &browser in &options.browsers {
        let started = std::time::Instant::now();
        let run = match run_one(options, browser, &cases).await {
            Ok(run) => run,
            Err(error) => {
                eprintln!("{}: {error}", browser.id());
                println!(
                    "conformance-{}: 0 passed, {} failed",
                    browser.id(),
                    cases.len()
                );
                report.failed_browsers.push((browser, error.to_string()));
                continue;
            }
        };
        let check = deviations::check(&known, browser, options.seed, &run.cases);
        let mut summary = BrowserSummary::from_run(&run, check);
        summary.seconds = started.elapsed().as_secs();
        print_summary(&summary);
        for disagreement in &summary.disagreements {
            let name = format!("{}-{}.json", browser.id(), disagreement.case);
            write(
                &options.out.join("disagreements").join(name),
                &to_json(disagreement),
            )?;
        }
        report.browsers.push(summary);
    }
    write(&options.out.join("report.json"), &to_json(&report))?;
    let markdown = report_md::render(&report);
    write(&options.out.join("report.md"), &markdown)?;
    if let (Some(path), true) = (&options.markdown, report.failed_browsers.is_empty()) {
        write(path, &markdown)?;
    }
    Ok(report)
}

/// Prints one browser's result; the last line reads `conformance-<browser>: N passed, N failed` (cases).
fn print_summary(summary: &BrowserSummary) {
    let failed = summary
        .disagreements
        .iter()
        .filter(|d| d.differences.iter().any(|x| !x.known))
        .count()
        + summary.not_run.len();
    eprintln!(
        "{} {}: {} run, {} not run, {} disagreeing cases, known-deviation entries {}: {}",
        summary.browser.id(),
        summary.version,
        summary.ran,
        summary.not_run.len(),
        summary.disagreements.len(),
        if summary.deviations.is_clean() {
            "all needed"
        } else {
            "STALE or no longer needed"
        },
        if summary.passes() { "pass" } else { "FAIL" }
    );
    println!(
        "conformance-{}: {} passed, {failed} failed",
        summary.browser.id(),
        summary.scenarios - failed
    );
}

async fn run_one(
    options: &SuiteOptions,
    browser: BrowserKind,
    cases: &[Case],
) -> Result<BrowserRun> {
    let config = RunConfig {
        browser,
        batch: options.batch,
        workdir: options.out.join(browser.id()),
    };
    let run = run_browser(&config, cases).await?;
    write(
        &options.out.join(format!("{}-run.json", browser.id())),
        &to_json(&run),
    )?;
    Ok(run)
}

/// Reads saved disagreements (or bare scenarios) as cases named after their files.
///
/// # Errors
/// [`HarnessError::Io`] or [`HarnessError::Format`] for a file that cannot be read or parsed.
pub fn load_cases(paths: &[PathBuf]) -> Result<Vec<Case>> {
    paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).map_err(|source| HarnessError::Io {
                path: path.clone(),
                source,
            })?;
            let format_error = |problem: String| HarnessError::Format {
                path: path.clone(),
                problem,
            };
            let id = path.file_stem().map_or_else(
                || "case".to_owned(),
                |stem| stem.to_string_lossy().into_owned(),
            );
            if let Ok(saved) = serde_json::from_str::<Disagreement>(&text) {
                return Ok(Case {
                    id,
                    groups: saved.groups.into_iter().collect(),
                    scenario: saved.scenario,
                });
            }
            let scenario = cors_rules::Scenario::from_json(&text)
                .map_err(|error| format_error(error.to_string()))?;
            Ok(Case {
                id,
                groups: Default::default(),
                scenario,
            })
        })
        .collect()
}

/// Replays `cases` in `browser`; prints each case's disagreeing observables, writes each disagreement to
/// `out/replay-disagreements/`, and returns whether all agree.
///
/// # Errors
/// A harness error.
pub async fn replay(browser: BrowserKind, cases: &[Case], out: &Path) -> Result<bool> {
    let config = RunConfig {
        browser,
        batch: 50,
        workdir: out.join(browser.id()),
    };
    let run = run_browser(&config, cases).await?;
    let mut all_agree = true;
    for case in &run.cases {
        let disagreements: Vec<&str> = case
            .disagreements()
            .iter()
            .map(|observable| observable.id())
            .collect();
        let status = match (&case.not_run, disagreements.is_empty()) {
            (Some(reason), _) => format!("not run: {reason}"),
            (None, true) => "agrees".to_owned(),
            (None, false) => format!("disagrees on {}", disagreements.join(", ")),
        };
        all_agree &= case.not_run.is_none() && disagreements.is_empty();
        println!("{} {}: {status}", browser.id(), case.id);
    }
    write(
        &out.join(format!("replay-{}.json", browser.id())),
        &to_json(&run),
    )?;
    let summary = BrowserSummary::from_run(&run, Default::default());
    for disagreement in &summary.disagreements {
        let name = format!("{}-{}.json", browser.id(), disagreement.case);
        write(
            &out.join("replay-disagreements").join(name),
            &to_json(disagreement),
        )?;
    }
    Ok(all_agree)
}
