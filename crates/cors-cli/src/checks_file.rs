//! `cors-explain check --config cors-checks.toml`: a list of checks (origins × requests, each with the
//! outcome expected), one line per check and `N passed, N failed` at the end. The file's format is in
//! `crates/cors-cli/README.md`.

use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;
use cors_rules::Outcome;
use serde::Deserialize;

use crate::check::{check, client_for, CheckSpec, Checked};
use crate::cli::{ApiArg, BrowserArg, CheckArgs, ModeArg};
use crate::client::Client;
use crate::inputs::{parse_header, parse_origin, parse_url};
use crate::output::emit;
use crate::report::outcome_id;
use crate::style::{Style, Tone};

/// The file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChecksFile {
    /// Seconds to wait for each answer (the command line's `--timeout` when absent).
    timeout: Option<f64>,
    /// The browsers of every check that names none (default `all`).
    browser: Option<String>,
    /// The checks.
    #[serde(default)]
    check: Vec<CheckEntry>,
}

/// One `[[check]]`: a request, made from each of its origins.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckEntry {
    name: Option<String>,
    url: String,
    origins: Vec<String>,
    #[serde(default = "get")]
    method: String,
    #[serde(default)]
    headers: Vec<String>,
    #[serde(default)]
    credentials: bool,
    mode: Option<String>,
    api: Option<String>,
    browser: Option<String>,
    expect: Outcome,
}

fn get() -> String {
    "GET".to_owned()
}

/// One line of the run: a request from one origin, and the outcome every browser must give.
struct Planned {
    label: String,
    spec: CheckSpec,
    expect: Outcome,
}

/// Reads the file and runs every check; the command line's `--timeout` and `--browser` apply where the file
/// sets none.
pub fn run(path: &Path, args: &CheckArgs) -> ExitCode {
    let (timeout, insecure) = (args.timeout, args.insecure);
    let planned = match read(path, args.browser) {
        Ok(planned) => planned,
        Err(err) => {
            eprintln!("cors-explain: {}: {err}", path.display());
            return ExitCode::from(2);
        }
    };
    let (file_timeout, planned) = planned;
    let client = client_for(file_timeout.unwrap_or(timeout), insecure);
    let style = Style::for_stdout();
    let (mut passed, mut failed) = (0, 0);
    for item in &planned {
        let (ok, line) = run_one(&client, item, style);
        if ok {
            passed += 1;
        } else {
            failed += 1;
        }
        emit(&format!("{line}\n"));
    }
    emit(&format!("{passed} passed, {failed} failed\n"));
    ExitCode::from(u8::from(failed > 0))
}

/// Runs one planned check: whether it passed, and its line.
fn run_one(client: &Client, item: &Planned, style: Style) -> (bool, String) {
    let (ok, said) = match check(client, &item.spec) {
        Err(err) => (false, format!("cannot be evaluated: {err}")),
        Ok(checked) => judge(&checked, item.expect),
    };
    let mark = if ok {
        style.paint(Tone::Good, "PASS")
    } else {
        style.paint(Tone::Bad, "FAIL")
    };
    (ok, format!("{mark}  {}: {said}", item.label))
}

/// Passed when every browser gives the expected outcome and every request was answered.
fn judge(checked: &Checked, expect: Outcome) -> (bool, String) {
    if let Some(unreachable) = checked.unreachable.first() {
        return (false, unreachable.to_string());
    }
    let wrong: Vec<String> = checked
        .verdicts
        .iter()
        .filter(|(_, v)| v.outcome != expect)
        .map(|(browser, v)| {
            let why = v
                .failure
                .as_ref()
                .map(|f| format!(" ({})", f.check.id()))
                .unwrap_or_default();
            format!("{} {}{why}", browser.id(), outcome_id(v.outcome))
        })
        .collect();
    let browsers: Vec<&str> = checked.verdicts.iter().map(|(b, _)| b.id()).collect();
    if wrong.is_empty() {
        (
            true,
            format!("{} in {}", outcome_id(expect), browsers.join(", ")),
        )
    } else {
        (
            false,
            format!("expected {}, got {}", outcome_id(expect), wrong.join(", ")),
        )
    }
}

/// The file's timeout and its checks, one per origin of each entry.
fn read(path: &Path, default_browser: BrowserArg) -> Result<(Option<f64>, Vec<Planned>), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read it: {e}"))?;
    let file: ChecksFile = toml::from_str(&text).map_err(|e| e.to_string())?;
    if file.check.is_empty() {
        return Err("no [[check]] entries".to_owned());
    }
    if let Some(timeout) = file.timeout {
        if !(timeout > 0.0 && timeout <= 86_400.0) {
            return Err(format!(
                "timeout: {timeout} is not between 0 and 86400 seconds"
            ));
        }
    }
    let mut planned = Vec::new();
    for (i, entry) in file.check.iter().enumerate() {
        let at = |field: &str| format!("check[{i}].{field}");
        let url = parse_url(&entry.url).map_err(|e| format!("{}: {e}", at("url")))?;
        let headers = entry
            .headers
            .iter()
            .enumerate()
            .map(|(j, h)| {
                parse_header(h).map_err(|e| format!("{}: {e}", at(&format!("headers[{j}]"))))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let browser = entry.browser.as_ref().or(file.browser.as_ref());
        let browsers = match browser {
            Some(name) => choice::<BrowserArg>(name, &at("browser"))?,
            None => default_browser,
        };
        let mode = match &entry.mode {
            Some(name) => choice::<ModeArg>(name, &at("mode"))?,
            None => ModeArg::Cors,
        };
        let api = match &entry.api {
            Some(name) => choice::<ApiArg>(name, &at("api"))?,
            None => ApiArg::Fetch,
        };
        if entry.origins.is_empty() {
            return Err(format!("{}: no origins", at("origins")));
        }
        for (j, origin) in entry.origins.iter().enumerate() {
            let origin = parse_origin(origin)
                .map_err(|e| format!("{}: {e}", at(&format!("origins[{j}]"))))?;
            let name = entry
                .name
                .as_ref()
                .map(|n| format!("{n}: "))
                .unwrap_or_default();
            planned.push(Planned {
                label: format!(
                    "{name}{} {} from {}",
                    entry.method,
                    url,
                    origin.serialized()
                ),
                spec: CheckSpec {
                    url: url.clone(),
                    origin,
                    method: entry.method.clone(),
                    headers: headers.clone(),
                    credentials: entry.credentials,
                    mode: mode.into(),
                    api: api.into(),
                    browsers: browsers.profiles(),
                },
                expect: entry.expect,
            });
        }
    }
    Ok((file.timeout, planned))
}

/// A value of one of the command line's choices (`all`, `no-cors`, `xhr`…), or an error naming the field.
fn choice<T: ValueEnum>(name: &str, field: &str) -> Result<T, String> {
    T::from_str(name, true).map_err(|_| {
        let allowed: Vec<String> = T::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value().map(|p| p.get_name().to_owned()))
            .collect();
        format!("{field}: '{name}' is not one of {}", allowed.join(", "))
    })
}
