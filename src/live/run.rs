//! One live run, start to end: find the lab (or check the typed URL), register the scenario, predict for
//! the real page and URLs, fire the real request, read the lab's log, compare.

use cors_lab::api::{LogEntry, Note};
use cors_rules::scenario::Api;
use cors_rules::{Browser, InputError, Scenario, Verdict};

use super::compare::{compare, Evidence, Row};
use super::fetch_run::run_fetch;
use super::lab_client::{find_lab, plant_cookie, read_log, register, LabFailure};
use super::observe::Observed;
use super::plan::{check_url, lab_candidates, retarget, Target, UrlProblem};
use super::profile::{live_profile, Recognition};
use super::timing::within;
use super::xhr_run::run_xhr;

/// How long the real request may take before the run gives up on it (longer than the lab's `timeout` hold).
pub const ANSWER_WAIT_SECS: u32 = 30;

/// Where the page runs: its real origin and its browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageEnv {
    /// `location.origin` (`"null"` for an opaque origin).
    pub origin: String,
    /// `navigator.userAgent`.
    pub user_agent: String,
}

impl PageEnv {
    /// The page this code runs in.
    #[must_use]
    pub fn current() -> PageEnv {
        let window = web_sys::window();
        PageEnv {
            origin: window
                .as_ref()
                .and_then(|w| w.location().origin().ok())
                .unwrap_or_else(|| "null".to_owned()),
            user_agent: window
                .and_then(|w| w.navigator().user_agent().ok())
                .unwrap_or_default(),
        }
    }
}

/// What a run is doing now (announced to screen readers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Asking `GET /api/health`.
    FindingLab,
    /// `POST /api/scenarios`.
    Registering,
    /// The real request is in flight.
    Requesting,
    /// Reading the lab's log.
    ReadingLog,
}

/// Where the request went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RanAt {
    /// The lab, under the scenario id; `notes` say where the lab run differs from the scenario.
    Lab {
        /// The lab origin whose API was used.
        origin: String,
        /// The registered scenario's id.
        id: String,
        /// Known differences between the scenario and its lab translation.
        notes: Vec<Note>,
    },
    /// A URL the person typed.
    Url,
}

/// A finished run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveReport {
    /// The scenario as it was when the run started (the report is stale once it changes).
    pub started_from: Scenario,
    /// Where the request went.
    pub ran_at: RanAt,
    /// The scenario as it ran: real page, real URLs, the live browser's profile.
    pub ran: Scenario,
    /// The live browser's profile and whether the user agent named it.
    pub profile: (Browser, Recognition),
    /// The engine's prediction for `ran`.
    pub verdict: Verdict,
    /// What the page's script saw.
    pub observed: Observed,
    /// The lab's log, when the request went to the lab and the log could be read.
    pub log: Option<Vec<LogEntry>>,
    /// Why the lab's log could not be read, if it could not.
    pub log_problem: Option<LabFailure>,
    /// The comparison, field by field.
    pub rows: Vec<Row>,
}

/// Why a run could not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LiveError {
    /// No lab answered at any of these origins.
    NoLab {
        /// The origins asked.
        tried: Vec<String>,
    },
    /// The lab failed or refused the scenario.
    Lab(LabFailure),
    /// The typed URL is unusable.
    Url(UrlProblem),
    /// The engine cannot evaluate the scenario as it would run.
    Engine(InputError),
}

/// Runs `scenario` live against `target`, reporting progress through `on_phase`.
///
/// # Errors
/// A [`LiveError`] when the run cannot be made; a run that disagrees with the prediction is a report.
pub async fn run_live(
    scenario: Scenario,
    target: Target,
    env: PageEnv,
    on_phase: impl Fn(Phase),
) -> Result<LiveReport, LiveError> {
    let profile = live_profile(&env.user_agent);
    let (ran, ran_at, cookie_hosts) = match &target {
        Target::Lab => prepare_lab(&scenario, &env, &on_phase).await?,
        Target::Url(text) => {
            let url = check_url(text).map_err(LiveError::Url)?;
            (
                retarget(&scenario, &env.origin, &url, profile.0),
                RanAt::Url,
                Vec::new(),
            )
        }
    };
    let ran = Scenario {
        browser: profile.0,
        ..ran
    };
    let verdict = cors_rules::evaluate(&ran).map_err(LiveError::Engine)?;
    on_phase(Phase::Requesting);
    let observed = perform(&ran).await;
    let (log, log_problem) = match &ran_at {
        RanAt::Lab { origin, id, .. } => {
            on_phase(Phase::ReadingLog);
            match read_log(origin, id).await {
                Ok(log) => (Some(log), None),
                Err(problem) => (None, Some(problem)),
            }
        }
        RanAt::Url => (None, None),
    };
    let evidence = Evidence {
        observed: &observed,
        lab_log: log.as_deref(),
        cookie_hosts: &cookie_hosts,
    };
    let rows = compare(&ran, &verdict, &evidence);
    Ok(LiveReport {
        started_from: scenario,
        ran_at,
        ran,
        profile,
        verdict,
        observed,
        log,
        log_problem,
        rows,
    })
}

/// Finds the lab, registers the scenario for the real page and plants the test cookie where the page can.
async fn prepare_lab(
    scenario: &Scenario,
    env: &PageEnv,
    on_phase: &impl Fn(Phase),
) -> Result<(Scenario, RanAt, Vec<String>), LiveError> {
    on_phase(Phase::FindingLab);
    let tried = lab_candidates(&env.origin);
    let lab = find_lab(&tried).await.ok_or(LiveError::NoLab { tried })?;
    on_phase(Phase::Registering);
    let registered = register(&lab.origin, scenario, &env.origin)
        .await
        .map_err(LiveError::Lab)?;
    let mut cookie_hosts = Vec::new();
    let page_is_lab = lab.health.origins.app.contains(&env.origin);
    if page_is_lab && plant_cookie(&env.origin).await {
        if let Some(host) = url::Url::parse(&env.origin)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
        {
            cookie_hosts.push(host);
        }
    }
    let ran_at = RanAt::Lab {
        origin: lab.origin,
        id: registered.id,
        notes: registered.notes,
    };
    Ok((registered.scenario, ran_at, cookie_hosts))
}

/// Fires the request with the scenario's API; gives up after [`ANSWER_WAIT_SECS`].
async fn perform(scenario: &Scenario) -> Observed {
    let request = &scenario.request;
    match request.api {
        Api::Fetch => {
            let wait_ms = i32::try_from(ANSWER_WAIT_SECS * 1000).unwrap_or(i32::MAX);
            within(wait_ms, run_fetch(request))
                .await
                .unwrap_or(Observed::NoAnswer {
                    after_secs: ANSWER_WAIT_SECS,
                })
        }
        Api::Xhr => run_xhr(request, ANSWER_WAIT_SECS).await,
    }
}
