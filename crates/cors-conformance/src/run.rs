//! One browser's run: register each case with the lab, predict it with the engine, run it on the harness
//! page in batches, collect what the lab received and what the console printed, and compare.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::time::Duration;

use cors_rules::render::firefox_line_names_no_request_url;
use cors_rules::{Scenario, Verdict};
use serde::{Deserialize, Serialize};

use crate::browsers::{capture_webkit_console, BrowserKind, ConsoleLine, ConsolePage, Session};
use crate::compare::{compare, Agreement, CompareInput, ConsoleScope, Observable};
use crate::console::correlate;
use crate::credentials::Visibility;
use crate::error::{HarnessError, Result};
use crate::generator::Case;
use crate::groups::RuleGroup;
use crate::harness;
use crate::item::Item;
use crate::lab::Lab;
use crate::observation::Observation;

/// How to run one browser.
#[derive(Clone, Debug)]
pub struct RunConfig {
    /// Which browser.
    pub browser: BrowserKind,
    /// Cases per page script call.
    pub batch: usize,
    /// Where driver logs and the browser profile go.
    pub workdir: PathBuf,
}

/// What happened to one case.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CaseResult {
    /// The case id.
    pub id: String,
    /// Its rule groups.
    pub groups: BTreeSet<RuleGroup>,
    /// The scenario in example terms (replayable: the lab translates it again).
    pub scenario: Scenario,
    /// The scenario as the browser ran it (lab terms, with the browser's profile).
    pub lab_scenario: Option<Scenario>,
    /// The engine's prediction for `lab_scenario`.
    pub verdict: Option<Verdict>,
    /// What the browser did.
    pub observation: Option<Observation>,
    /// The comparison, one entry per observable.
    pub findings: Vec<(Observable, Agreement)>,
    /// Why the case could not run (the lab or the engine refused it).
    pub not_run: Option<String>,
    /// The lab's id for the registered scenario (its URLs carry `/s/<id>/`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lab_id: Option<String>,
}

impl CaseResult {
    /// The observables that disagree.
    #[must_use]
    pub fn disagreements(&self) -> Vec<Observable> {
        let disagree = |(observable, agreement): &(Observable, Agreement)| {
            matches!(agreement, Agreement::Disagree { .. }).then_some(*observable)
        };
        self.findings.iter().filter_map(disagree).collect()
    }
}

/// One browser's results.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct BrowserRun {
    /// Which browser.
    pub browser: BrowserKind,
    /// Its version.
    pub version: String,
    /// Whether console lines were captured.
    pub console_captured: bool,
    /// Where cookies could be observed.
    pub credentials: Visibility,
    /// Every case, in order.
    pub cases: Vec<CaseResult>,
    /// Console lines that named no case.
    pub stray_console: Vec<ConsoleLine>,
}

/// A case registered with the lab and predicted, ready to run.
struct Prepared {
    index: usize,
    lab_id: String,
}

/// Runs `cases` in one browser.
///
/// # Errors
/// A harness error (driver, lab, page script); disagreements are results, not errors.
pub async fn run_browser(config: &RunConfig, cases: &[Case]) -> Result<BrowserRun> {
    std::fs::create_dir_all(&config.workdir).map_err(|source| HarnessError::Io {
        path: config.workdir.clone(),
        source,
    })?;
    // WebKit's console is read in a second pass, from a page the lab serves (see `webkit_console`).
    let console_page = match config.browser {
        BrowserKind::Webkit => {
            let page = ConsolePage::write(&config.workdir).map_err(|source| HarnessError::Io {
                path: config.workdir.clone(),
                source,
            })?;
            Some(page)
        }
        BrowserKind::Chromium | BrowserKind::Firefox => None,
    };
    let lab = Lab::start_serving(console_page.as_ref().map(ConsolePage::dir)).await?;
    let mut session = Session::start(config.browser, &config.workdir).await?;
    let outcome = run_in_session(config, cases, &lab, &mut session).await;
    session.close().await;
    let outcome = match (outcome, &console_page) {
        (Ok(run), Some(page)) if !run.console_captured => {
            read_console_directly(run, page, &lab, &config.workdir).await
        }
        (outcome, _) => outcome,
    };
    lab.stop().await;
    outcome
}

/// The WebKit console pass: runs every case that ran again, one at a time, in a directly started
/// MiniBrowser, and compares what its console printed. Leaves the run as it was when the page never
/// finishes.
async fn read_console_directly(
    mut run: BrowserRun,
    page: &ConsolePage,
    lab: &Lab,
    workdir: &std::path::Path,
) -> Result<BrowserRun> {
    let mut owner: HashMap<String, usize> = HashMap::new();
    let mut items = Vec::new();
    for (index, result) in run.cases.iter().enumerate() {
        if let (Some(scenario), Some(lab_id)) = (&result.lab_scenario, &result.lab_id) {
            owner.insert(lab_id.clone(), index);
            items.push(Item::from_scenario(&result.id, scenario));
        }
    }
    let Some(lines) = capture_webkit_console(page, lab.app_origin(), &items, workdir).await? else {
        return Ok(run);
    };
    let (by_case, stray) = correlate(&lines, &owner);
    for (index, result) in run.cases.iter_mut().enumerate() {
        if let Some(observation) = result.observation.as_mut() {
            observation.console = Some(by_case.get(&index).cloned().unwrap_or_default());
        }
        judge(
            result,
            &run.credentials,
            BrowserKind::Webkit.console_scope(),
        );
    }
    run.console_captured = true;
    run.stray_console = stray;
    Ok(run)
}

async fn run_in_session(
    config: &RunConfig,
    cases: &[Case],
    lab: &Lab,
    session: &mut Session,
) -> Result<BrowserRun> {
    harness::plant_cookies(session, lab).await?;
    harness::open_page(session, lab).await?;
    session.verify_console().await?;
    let credentials = crate::credentials::probe(session, lab).await?;
    let _ = session.take_console().await?;
    let mut results: Vec<CaseResult> = cases
        .iter()
        .map(|case| fresh_result(case, config.browser))
        .collect();
    let mut owner: HashMap<String, usize> = HashMap::new();
    let mut by_case: HashMap<usize, Vec<String>> = HashMap::new();
    let mut stray_console: Vec<ConsoleLine> = Vec::new();
    let indices: Vec<usize> = (0..cases.len()).collect();
    let chunks: Vec<&[usize]> = indices.chunks(config.batch.max(1)).collect();
    for (n, chunk) in chunks.iter().enumerate() {
        let ran = run_chunk(lab, session, &mut results, chunk, config.browser).await?;
        owner.extend(ran);
        let mut console = session.take_console().await?;
        if n + 1 == chunks.len() {
            tokio::time::sleep(Duration::from_millis(300)).await;
            console.extend(session.take_console().await?);
        }
        // Lines are read chunk by chunk, so a line naming no case is paired within its own chunk.
        let (named, stray) = correlate(&console, &owner);
        for (index, lines) in named {
            by_case.entry(index).or_default().extend(lines);
        }
        stray_console.extend(pair_target_lines(&mut by_case, stray, &results, chunk));
    }
    let captured = session.captures_console();
    for (index, result) in results.iter_mut().enumerate() {
        if let Some(observation) = result.observation.as_mut() {
            observation.console =
                captured.then(|| by_case.get(&index).cloned().unwrap_or_default());
        }
        judge(result, &credentials, config.browser.console_scope());
    }
    Ok(BrowserRun {
        browser: config.browser,
        version: session.version.clone(),
        console_captured: captured,
        credentials,
        cases: results,
        stray_console,
    })
}

/// Gives each of Firefox's lines that name no URL of its case, only a non-HTTP redirect target (`… at
/// about:blank. (Reason: CORS request not http).`) or only the page besides it (`Security Error: Content
/// at <page> …`; see `cors_rules::render::firefox_line_names_no_request_url`), to a case of the same
/// chunk that predicts that very line and has not received it yet, as its first line (where Firefox prints
/// it, before `CORS request did not succeed`; observed with single cases in ESR 153). Lines with the same
/// text are interchangeable, so the pairing is exact when every such line is accounted for; a line no case
/// predicts stays unattributed and a predicted one nobody printed disagrees. Returns the lines left.
fn pair_target_lines(
    by_case: &mut HashMap<usize, Vec<String>>,
    stray: Vec<ConsoleLine>,
    results: &[CaseResult],
    chunk: &[usize],
) -> Vec<ConsoleLine> {
    let mut left = Vec::new();
    for line in stray {
        let wants = |index: &&usize| {
            let result = &results[**index];
            let names_no_url = result.lab_scenario.as_ref().is_some_and(|scenario| {
                firefox_line_names_no_request_url(&line.text, scenario.page.as_deref())
            });
            let predicted = result
                .verdict
                .as_ref()
                .map_or(0, |v| v.console.iter().filter(|l| **l == line.text).count());
            let received = by_case
                .get(*index)
                .map_or(0, |lines| lines.iter().filter(|l| **l == line.text).count());
            names_no_url && received < predicted
        };
        match chunk.iter().find(wants).copied() {
            Some(index) => by_case.entry(index).or_default().insert(0, line.text),
            None => left.push(line),
        }
    }
    left
}

/// Registers, predicts and runs the cases at `indices` in one page script call; records what the script
/// and the lab saw. Returns the lab id of every case that ran, with its index.
async fn run_chunk(
    lab: &Lab,
    session: &Session,
    results: &mut [CaseResult],
    indices: &[usize],
    browser: BrowserKind,
) -> Result<Vec<(String, usize)>> {
    let prepared = prepare(lab, results, indices, browser).await;
    let items: Vec<Item> = prepared
        .iter()
        .filter_map(|p| {
            let result = &results[p.index];
            result
                .lab_scenario
                .as_ref()
                .map(|s| Item::from_scenario(&result.id, s))
        })
        .collect();
    let reports = harness::run_batch(session, &items).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut ran = Vec::with_capacity(prepared.len());
    for (prepared, script) in prepared.iter().zip(reports) {
        let received = lab.received(&prepared.lab_id).await?;
        ran.push((prepared.lab_id.clone(), prepared.index));
        results[prepared.index].observation = Some(Observation {
            script,
            received,
            console: None,
        });
    }
    Ok(ran)
}

fn fresh_result(case: &Case, browser: BrowserKind) -> CaseResult {
    let mut scenario = case.scenario.clone();
    scenario.browser = browser.profile();
    CaseResult {
        id: case.id.clone(),
        groups: case.groups.clone(),
        scenario,
        lab_scenario: None,
        verdict: None,
        observation: None,
        findings: Vec::new(),
        not_run: None,
        lab_id: None,
    }
}

/// Registers and predicts the cases at `indices`; cases the lab or the engine refuse are marked not run.
async fn prepare(
    lab: &Lab,
    results: &mut [CaseResult],
    indices: &[usize],
    browser: BrowserKind,
) -> Vec<Prepared> {
    let mut prepared = Vec::new();
    for &index in indices {
        let result = &mut results[index];
        let page_origin = if result.scenario.page.is_some() {
            lab.app_origin().to_owned()
        } else {
            "null".to_owned()
        };
        let registered = match lab.register(&result.scenario, &page_origin).await {
            Ok(registered) => registered,
            Err(error) => {
                result.not_run = Some(format!("the lab refused it: {error}"));
                continue;
            }
        };
        let mut lab_scenario = registered.scenario;
        lab_scenario.browser = browser.profile();
        match cors_rules::evaluate(&lab_scenario) {
            Ok(verdict) => result.verdict = Some(verdict),
            Err(error) => {
                result.not_run = Some(format!("the engine refused it: {error}"));
                continue;
            }
        }
        result.lab_scenario = Some(lab_scenario);
        result.lab_id = Some(registered.id.clone());
        prepared.push(Prepared {
            index,
            lab_id: registered.id,
        });
    }
    prepared
}

/// Fills `result.findings` from its verdict and observation.
fn judge(result: &mut CaseResult, credentials: &Visibility, console_scope: ConsoleScope) {
    let (Some(scenario), Some(verdict), Some(observation)) =
        (&result.lab_scenario, &result.verdict, &result.observation)
    else {
        return;
    };
    let opaque = scenario.page.is_none();
    let visible = |url: &str| credentials.visible(url, opaque);
    let input = CompareInput {
        scenario,
        verdict,
        observation,
        credentials_visible: &visible,
        console_scope,
    };
    result.findings = compare(&input);
}
