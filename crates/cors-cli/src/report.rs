//! The explanation for people: per browser the verdict, the failing rule, the console lines, the requests
//! on the wire with their answers, the fixes and notes. Every sentence comes from the engine's verdict
//! (its renderers wrote it); this module only lays them out.

use std::fmt::Write as _;

use cors_rules::scenario::{Answer, ServerEntry};
use cors_rules::verdict::{Fix, WireRequest};
use cors_rules::{Browser, CheckId, Outcome, Scenario, StepOutcome, Verdict};

use crate::style::{Style, Tone};

/// The explanation of `verdicts` (one per browser asked) for the recorded `scenario`.
#[must_use]
pub fn explanation(scenario: &Scenario, verdicts: &[(Browser, Verdict)], style: Style) -> String {
    let mut out = String::new();
    let mut wire_shown: Vec<(Browser, &[WireRequest])> = Vec::new();
    for (browser, verdict) in verdicts {
        heading(&mut out, *browser, verdict, style);
        failing_rule(&mut out, verdict);
        lines(&mut out, "Console", &verdict.console, style);
        if let Some(error) = &verdict.js_error {
            let _ = writeln!(out, "  The script sees: {error}");
        }
        match wire_shown
            .iter()
            .find(|(_, shown)| *shown == verdict.requests.as_slice())
        {
            Some((same, _)) => {
                let _ = writeln!(out, "  On the wire: as for {}", same.display_name());
            }
            None => {
                wire(&mut out, scenario, &verdict.requests, style);
                wire_shown.push((*browser, &verdict.requests));
            }
        }
        fixes(&mut out, &verdict.fixes, style);
        let notes: Vec<String> = verdict.notes.iter().map(|n| n.message.clone()).collect();
        lines(&mut out, "Notes", &notes, style);
        out.push('\n');
    }
    out
}

/// The outcome's id, as in the verdict JSON (`allowed`, `blocked`, …).
#[must_use]
pub fn outcome_id(outcome: Outcome) -> String {
    serde_json::to_value(outcome)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// `Chrome: BLOCKED (allow-origin-missing)` or `Firefox: ALLOWED (HTTP 200)`.
fn heading(out: &mut String, browser: Browser, verdict: &Verdict, style: Style) {
    let word = outcome_id(verdict.outcome).to_uppercase();
    let tone = match verdict.outcome {
        Outcome::Blocked | Outcome::RequestError | Outcome::NoEvent => Tone::Bad,
        _ => Tone::Good,
    };
    let why = match (&verdict.failure, &verdict.readable) {
        (Some(failure), _) => format!(" ({}, {})", failure.check.id(), failure.url),
        (None, Some(readable)) => format!(" (HTTP {})", readable.status),
        (None, None) => String::new(),
    };
    let _ = writeln!(
        out,
        "{}: {}{why}",
        style.paint(Tone::Strong, browser.display_name()),
        style.paint(tone, &word)
    );
}

/// The failed step's summary and detail, as the engine wrote them; for a request that worked, the checks it
/// passed and what the script may read.
fn failing_rule(out: &mut String, verdict: &Verdict) {
    if let Some(step) = verdict.steps.iter().rev().find(|s| !s.passed) {
        let _ = writeln!(out, "  {}", step.summary);
        if !step.detail.is_empty() {
            let _ = writeln!(out, "  {}", step.detail);
        }
        if !step.spec.is_empty() {
            let _ = writeln!(out, "  Rule: {}", step.spec);
        }
    } else {
        let passed = verdict
            .steps
            .iter()
            .filter(|s| s.outcome == StepOutcome::Pass || s.check == CheckId::ExposeHeaders);
        for step in passed {
            let _ = writeln!(out, "  {}", step.summary);
        }
    }
}

/// A titled list of lines, or nothing when empty.
fn lines(out: &mut String, title: &str, items: &[String], style: Style) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "  {}:", style.paint(Tone::Strong, title));
    for item in items {
        let _ = writeln!(out, "    {item}");
    }
}

/// Each request as sent and the answer it got; CORS headers marked with `*`.
fn wire(out: &mut String, scenario: &Scenario, requests: &[WireRequest], style: Style) {
    if requests.is_empty() {
        let _ = writeln!(out, "  On the wire: nothing (the browser sends no request)");
        return;
    }
    let _ = writeln!(
        out,
        "  {} (* marks CORS headers):",
        style.paint(Tone::Strong, "On the wire")
    );
    for request in requests {
        let cookies = if request.credentials {
            " (with cookies, if the browser has any)"
        } else {
            ""
        };
        let _ = writeln!(out, "    > {} {}{cookies}", request.method, request.url);
        header_lines(out, "    > ", &request.headers, style);
        match answer_to(scenario, request) {
            Some(Answer::Http(http)) => {
                let _ = writeln!(out, "    < {}", http.status);
                header_lines(out, "    < ", &http.headers, style);
            }
            Some(Answer::Error(kind)) => {
                let _ = writeln!(out, "    < no answer ({})", kind.id());
            }
            None => {}
        }
    }
}

fn header_lines(out: &mut String, prefix: &str, headers: &[(String, String)], style: Style) {
    for (name, value) in headers {
        let line = format!("{name}: {value}");
        if is_cors_header(name) {
            let _ = writeln!(out, "{prefix}* {}", style.paint(Tone::Notice, &line));
        } else {
            let _ = writeln!(out, "{prefix}  {line}");
        }
    }
}

/// `Origin`, `Access-Control-*` and `Vary` (which says whether caches keep answers per origin).
fn is_cors_header(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower == "origin" || lower == "vary" || lower.starts_with("access-control-")
}

/// The recorded answer a request got: the preflight answer for a preflight, else the response.
fn answer_to<'a>(scenario: &'a Scenario, request: &WireRequest) -> Option<&'a Answer> {
    let entry: &ServerEntry = scenario
        .server
        .iter()
        .find(|e| same_url(&e.url, &request.url))?;
    let preflight = request.method == "OPTIONS"
        && request
            .headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("access-control-request-method"));
    match (&entry.preflight, preflight) {
        (Some(answer), true) => Some(answer),
        _ => Some(&entry.response),
    }
}

fn same_url(a: &str, b: &str) -> bool {
    match (url::Url::parse(a), url::Url::parse(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// The fixes in order, each with the header line to set (or remove) and its warning.
fn fixes(out: &mut String, fixes: &[Fix], style: Style) {
    if fixes.is_empty() {
        return;
    }
    let _ = writeln!(out, "  {}:", style.paint(Tone::Strong, "Fixes"));
    for (i, fix) in fixes.iter().enumerate() {
        let _ = writeln!(out, "    {}. {}", i + 1, fix.summary);
        match (&fix.header, &fix.value) {
            (Some(header), Some(value)) => {
                let _ = writeln!(out, "       {header}: {value}");
            }
            (Some(header), None) => {
                let _ = writeln!(out, "       (no {header} header)");
            }
            _ => {}
        }
        if let Some(warning) = &fix.warning {
            let _ = writeln!(out, "       {}", style.paint(Tone::Notice, warning));
        }
    }
}
