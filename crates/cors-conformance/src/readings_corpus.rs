//! The `readings` command: reads saved runs (`<browser>-run.json`), prints how the paste door read each
//! browser's console text, and keeps a sample of the texts it reads as a corpus for
//! `crates/cors-diagnose/tests/observed_console.rs`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use cors_rules::CheckId;

use crate::browsers::BrowserKind;
use crate::error::{HarnessError, Result};
use crate::readings::{read_run, tally, ReadSample, Reading};
use crate::run::BrowserRun;

/// Reads the runs, returns the summary to print, and writes the corpus (when asked): at most `per` texts for
/// each browser, failed check, reading and shape of the first line (its words, values left out).
///
/// # Errors
/// A run that cannot be read or parsed, or a corpus that cannot be written.
pub fn readings(runs: &[&Path], corpus: Option<&Path>, per: usize) -> Result<String> {
    let mut samples: Vec<ReadSample> = Vec::new();
    for path in runs {
        let io = |source| HarnessError::Io {
            path: path.to_path_buf(),
            source,
        };
        let text = std::fs::read_to_string(path).map_err(io)?;
        let run: BrowserRun = serde_json::from_str(&text).map_err(|e| HarnessError::Format {
            path: path.to_path_buf(),
            problem: format!("not a saved run: {e}"),
        })?;
        samples.extend(read_run(&run));
    }
    let summary = summarise(&samples);
    if let Some(corpus) = corpus {
        let kept = sample(&samples, per);
        let json = serde_json::to_string_pretty(&kept).map_err(|e| HarnessError::Format {
            path: corpus.to_path_buf(),
            problem: e.to_string(),
        })?;
        std::fs::write(corpus, json + "\n").map_err(|source| HarnessError::Io {
            path: corpus.to_path_buf(),
            source,
        })?;
    }
    Ok(summary)
}

fn summarise(samples: &[ReadSample]) -> String {
    let mut by_browser: BTreeMap<BrowserKind, Vec<&ReadSample>> = BTreeMap::new();
    for sample in samples {
        by_browser.entry(sample.browser).or_default().push(sample);
    }
    let mut out = String::new();
    for (browser, samples) in &by_browser {
        let counts = tally(samples.iter().copied());
        let cells: Vec<String> = Reading::ALL
            .iter()
            .map(|r| format!("{} {}", r.id(), counts.get(r).copied().unwrap_or(0)))
            .collect();
        let built = samples.iter().filter(|s| s.reproduces.is_some()).count();
        let failing = samples
            .iter()
            .filter(|s| s.reproduces == Some(true))
            .count();
        let _ = writeln!(
            out,
            "{}: {} blocked cases read: {}; {failing} of {built} reproductions fail the check named",
            browser.id(),
            samples.len(),
            cells.join(", ")
        );
        for wrong in samples
            .iter()
            .filter(|s| s.reproduces == Some(false))
            .take(10)
        {
            let _ = writeln!(
                out,
                "  reproduction {}: names {}, failed {}: {}",
                wrong.case,
                wrong.read.map_or("nothing", CheckId::id),
                wrong.failed.id(),
                wrong.text.lines().next().unwrap_or("")
            );
        }
        for wrong in samples
            .iter()
            .filter(|s| matches!(s.reading, Reading::Misread | Reading::Unread))
            .take(20)
        {
            let _ = writeln!(
                out,
                "  {} {}: failed {}, read {}: {}",
                wrong.reading.id(),
                wrong.case,
                wrong.failed.id(),
                wrong.read.map_or("nothing", CheckId::id),
                wrong.text.lines().next().unwrap_or("")
            );
        }
    }
    out
}

/// The words of a line without its values (URLs, quoted values, numbers).
fn shape(text: &str) -> String {
    let first = text.lines().next().unwrap_or("");
    first
        .split_whitespace()
        .filter(|w| {
            w.chars()
                .all(|c| c.is_ascii_alphabetic() || ",.:;()".contains(c))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn sample(samples: &[ReadSample], per: usize) -> Vec<ReadSample> {
    let mut seen: BTreeMap<(BrowserKind, CheckId, Reading, String), usize> = BTreeMap::new();
    let mut kept = Vec::new();
    for sample in samples {
        if matches!(sample.reading, Reading::Misread | Reading::Unread)
            || sample.reproduces == Some(false)
        {
            continue;
        }
        let key = (
            sample.browser,
            sample.failed,
            sample.reading,
            shape(&sample.text),
        );
        let count = seen.entry(key).or_default();
        if *count < per {
            *count += 1;
            kept.push(sample.clone());
        }
    }
    kept
}
