//! `cors-explain check`: one request, asked of the real server as each browser would, then judged.

use std::process::ExitCode;
use std::time::Duration;

use cors_rules::scenario::{Api, CredentialsMode, Request, RequestMode};
use cors_rules::{evaluate, Browser, InputError, Outcome, Scenario, Verdict};

use crate::cli::CheckArgs;
use crate::client::{Certificates, Client, Unreachable};
use crate::inputs::{forbidden_reason, HeaderLine, PageOrigin};
use crate::link::share_link;
use crate::output::{emit, CheckJson, Verdicts};
use crate::probe::probe;
use crate::report::explanation;
use crate::style::Style;

/// The exit statuses of `check`.
pub mod status {
    /// Allowed in every browser asked.
    pub const ALLOWED: u8 = 0;
    /// Blocked in at least one browser asked.
    pub const BLOCKED: u8 = 1;
    /// Bad usage or input.
    pub const USAGE: u8 = 2;
    /// The server could not be reached.
    pub const UNREACHABLE: u8 = 3;
}

/// What the page's script does, and for which browsers.
#[derive(Clone, Debug)]
pub struct CheckSpec {
    /// The URL fetched.
    pub url: url::Url,
    /// The page's origin.
    pub origin: PageOrigin,
    /// The method as written.
    pub method: String,
    /// The script's header lines.
    pub headers: Vec<HeaderLine>,
    /// `credentials: "include"`.
    pub credentials: bool,
    /// The request mode.
    pub mode: RequestMode,
    /// `fetch` or `xhr`.
    pub api: Api,
    /// The browsers asked.
    pub browsers: Vec<Browser>,
}

impl CheckSpec {
    /// The scenario the page's script makes (its `server` list is filled by the probe).
    #[must_use]
    pub fn scenario(&self) -> Scenario {
        Scenario {
            browser: self.browsers.first().copied().unwrap_or_default(),
            page: self.origin.page(),
            request: Request {
                url: self.url.to_string(),
                method: self.method.clone(),
                headers: self
                    .headers
                    .iter()
                    .map(|h| (h.name.clone(), h.value.clone()))
                    .collect(),
                mode: self.mode,
                credentials: if self.credentials {
                    CredentialsMode::Include
                } else {
                    CredentialsMode::SameOrigin
                },
                redirect: Default::default(),
                api: self.api,
                preflight_flag: false,
            },
            server: Vec::new(),
        }
    }

    /// One line per header a browser asked drops as forbidden, for standard error.
    #[must_use]
    pub fn forbidden_warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        for line in &self.headers {
            let dropped: Vec<(Browser, &str)> = self
                .browsers
                .iter()
                .filter_map(|&b| forbidden_reason(line, b).map(|reason| (b, reason)))
                .collect();
            let Some((_, reason)) = dropped.first() else {
                continue;
            };
            let names: Vec<&str> = dropped.iter().map(|(b, _)| b.display_name()).collect();
            warnings.push(format!(
                "-H '{}': a forbidden request header ({reason}); {} drop it silently, so it is not sent",
                line.name,
                names.join(", ")
            ));
        }
        warnings
    }
}

/// A check's result: the recorded scenario and each browser's verdict.
pub struct Checked {
    /// The scenario with the server's real answers.
    pub scenario: Scenario,
    /// One verdict per browser asked, in order.
    pub verdicts: Vec<(Browser, Verdict)>,
    /// Requests that got no answer.
    pub unreachable: Vec<Unreachable>,
}

impl Checked {
    /// 3 when the server could not be reached, 1 when blocked in a browser, else 0.
    #[must_use]
    pub fn status(&self) -> u8 {
        if !self.unreachable.is_empty() {
            status::UNREACHABLE
        } else if self.verdicts.iter().any(|(_, v)| is_blocked(v.outcome)) {
            status::BLOCKED
        } else {
            status::ALLOWED
        }
    }

    /// `{"scenario": …, "verdicts": {browser: verdict}}`, with the link when given.
    #[must_use]
    pub fn to_json<'a>(&'a self, link: Option<&'a str>) -> CheckJson<'a> {
        CheckJson {
            scenario: &self.scenario,
            verdicts: Verdicts(&self.verdicts),
            link,
        }
    }
}

/// Whether the script's request failed: a network error or a call that threw.
#[must_use]
pub fn is_blocked(outcome: Outcome) -> bool {
    matches!(
        outcome,
        Outcome::Blocked | Outcome::RequestError | Outcome::NoEvent
    )
}

/// Asks the server and judges the answers.
///
/// # Errors
/// An [`InputError`] when the engine cannot evaluate the request.
pub fn check(client: &Client, spec: &CheckSpec) -> Result<Checked, InputError> {
    let probed = probe(client, &spec.scenario(), &spec.browsers)?;
    let mut verdicts = Vec::with_capacity(spec.browsers.len());
    for &browser in &spec.browsers {
        let mut scenario = probed.scenario.clone();
        scenario.browser = browser;
        verdicts.push((browser, evaluate(&scenario)?));
    }
    Ok(Checked {
        scenario: probed.scenario,
        verdicts,
        unreachable: probed.unreachable,
    })
}

/// The client `args` ask for; `--insecure` is announced on standard error.
#[must_use]
pub fn client_for(timeout: f64, insecure: bool) -> Client {
    let certificates = if insecure {
        eprintln!("cors-explain: --insecure: TLS certificates are NOT verified");
        Certificates::Unverified
    } else {
        Certificates::Verified
    };
    Client::new(Duration::from_secs_f64(timeout), certificates)
}

/// `cors-explain check URL --origin ORIGIN …`.
pub fn run(args: &CheckArgs) -> ExitCode {
    let (Some(url), Some(origin)) = (&args.url, &args.origin) else {
        eprintln!("cors-explain: check needs a URL and --origin (or --config FILE)");
        return ExitCode::from(status::USAGE);
    };
    let spec = CheckSpec {
        url: url.clone(),
        origin: origin.clone(),
        method: args.method.clone(),
        headers: args.headers.clone(),
        credentials: args.credentials,
        mode: args.mode.into(),
        api: args.api.into(),
        browsers: args.browser.profiles(),
    };
    for warning in spec.forbidden_warnings() {
        eprintln!("cors-explain: {warning}");
    }
    let client = client_for(args.timeout, args.insecure);
    let checked = match check(&client, &spec) {
        Ok(checked) => checked,
        Err(err) => {
            eprintln!("cors-explain: the request cannot be evaluated: {err}");
            return ExitCode::from(status::USAGE);
        }
    };
    let link = args.link.then(|| share_link(&args.app, &checked.scenario));
    if args.json {
        emit(&checked.to_json(link.as_deref()).text());
    } else {
        emit(&explanation(
            &checked.scenario,
            &checked.verdicts,
            Style::for_stdout(),
        ));
        if let Some(link) = &link {
            emit(&format!("Open in the app: {link}\n"));
        }
    }
    for unreachable in &checked.unreachable {
        eprintln!("cors-explain: {unreachable}");
    }
    ExitCode::from(checked.status())
}
