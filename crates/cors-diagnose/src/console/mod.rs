//! Recognising a pasted console message: which browser, which check failed, the values it quotes, and a
//! scenario that reproduces it.

mod answers;
pub mod catalog;
mod catalog_chrome;
mod catalog_firefox;
mod catalog_safari;
pub mod choose;
pub mod closest;
pub mod facts;
pub mod network_line;
mod network_only;
mod read;
mod redirects;
mod reproduce;
mod template;

use cors_rules::{Browser, CheckId, Scenario, Stage};
use serde::Serialize;

pub use catalog::{KnownMessage, Meaning};
pub use facts::Facts;
pub use reproduce::{ASSUMED_PAGE, ASSUMED_URL};

use crate::report::LineNote;
use choose::{choose, PreflightHint};
use network_line::NetworkLine;
use network_only::from_network;
use read::{read_line, LineHit, MessageHit};
use reproduce::{reproduce, Target};

/// What kind of problem the pasted lines show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Finding {
    /// A CORS check failed.
    CorsFailure,
    /// A CORS warning: the request still works today.
    CorsWarning,
    /// The request got no HTTP answer (refused, DNS, TLS, timeout): not CORS.
    NetworkFailure,
    /// Something else blocked the request (CSP, an extension, a browser setting): not CORS.
    NotCors,
}

/// A recognised message.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Recognised {
    /// Which browser printed it.
    pub browser: Browser,
    /// The browser's own name for the message (`kMissingAllowOriginHeader`, `CORSMissingAllowOrigin2`…).
    pub code: String,
    /// What kind of problem it is.
    pub finding: Finding,
    /// The failed check (the engine's id); `None` when it is not a CORS check.
    pub check: Option<CheckId>,
    /// Other checks the same text can stand for (the browser uses one sentence for several).
    pub alternatives: Vec<CheckId>,
    /// Where the check happened.
    pub stage: Stage,
    /// The values the lines quote.
    pub facts: Facts,
    /// For problems that are not CORS: what it is, and what to do.
    pub explanation: Option<String>,
    /// A scenario that reproduces it (`None` when CORS headers cannot reproduce it).
    pub scenario: Option<Scenario>,
    /// What the scenario had to assume because the lines do not say.
    pub assumptions: Vec<String>,
}

/// Everything read from a pasted console excerpt.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConsoleDiagnosis {
    /// Each non-empty line, understood or ignored.
    pub lines: Vec<LineNote>,
    /// The recognised problem, if any.
    pub recognised: Option<Recognised>,
    /// When nothing was recognised: the closest known messages (their text, with `{holes}`).
    pub closest: Vec<String>,
}

/// Reads pasted console lines.
#[must_use]
pub fn recognise(text: &str) -> ConsoleDiagnosis {
    let mut lines = Vec::new();
    let mut messages: Vec<MessageHit> = Vec::new();
    let mut networks: Vec<NetworkLine> = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let number = index + 1;
        let note = match read_line(line) {
            Some(LineHit::Message(hit)) => {
                let note = describe_hit(&hit);
                messages.push(hit);
                LineNote::understood(number, line, note)
            }
            Some(LineHit::Network(net)) => {
                let note = format!("network line: {}", net.code);
                networks.push(net);
                LineNote::understood(number, line, note)
            }
            Some(LineHit::Noise(why)) => LineNote::ignored(number, line, why),
            None => LineNote::ignored(number, line, "not a known browser message"),
        };
        lines.push(note);
    }
    let recognised =
        from_messages(&messages, &networks).or_else(|| from_network(&networks, &messages));
    let closest = if recognised.is_none() {
        closest::closest(text).iter().map(|m| m.text()).collect()
    } else {
        Vec::new()
    };
    ConsoleDiagnosis {
        lines,
        recognised,
        closest,
    }
}

fn describe_hit(hit: &MessageHit) -> String {
    let what = match hit.message.meaning {
        Meaning::Failure(checks) => format!(
            "{} message {} ({})",
            name(hit.message.browser),
            hit.message.code,
            checks[0]
        ),
        Meaning::Warning(_) => {
            format!("{} warning {}", name(hit.message.browser), hit.message.code)
        }
        Meaning::NotCors(_) => format!(
            "{} message {} (not CORS)",
            name(hit.message.browser),
            hit.message.code
        ),
        Meaning::Companion => format!("accompanying line {}", hit.message.code),
    };
    let facts = hit.facts.describe();
    if facts.is_empty() {
        what
    } else {
        format!("{what}; {}", facts.join("; "))
    }
}

fn name(browser: Browser) -> &'static str {
    browser.display_name()
}

fn is_did_not_succeed(hit: &MessageHit) -> bool {
    hit.message.code.starts_with("CORSDidNotSucceed")
}

/// The recognition from the main message, with facts filled from the lines around it.
fn from_messages(messages: &[MessageHit], networks: &[NetworkLine]) -> Option<Recognised> {
    let rank = |hit: &MessageHit| match hit.message.meaning {
        Meaning::Failure(_) if !is_did_not_succeed(hit) => 0,
        Meaning::NotCors(_) => 1,
        Meaning::Failure(_) => 2,
        Meaning::Warning(_) => 3,
        Meaning::Companion => 4,
    };
    let (at, main) = messages
        .iter()
        .enumerate()
        .filter(|(_, h)| rank(h) < 4)
        .min_by_key(|(i, h)| (rank(h), *i))?;
    let mut facts = main.facts.clone();
    for other in messages.iter().filter(|h| !std::ptr::eq(*h, main)) {
        let same_url =
            other.facts.url.is_none() || facts.url.is_none() || other.facts.url == facts.url;
        let is_initial = other.facts.url.is_some() && other.facts.url == facts.initial_url;
        if same_url && !is_initial {
            facts.fill_from(&Facts {
                location: None,
                value: None,
                status: None,
                ..other.facts.clone()
            });
        }
    }
    for net in networks {
        if net.url.is_none() || facts.url.is_none() || net.url == facts.url {
            let from_net = Facts {
                method: net.method.clone(),
                url: net.url.clone(),
                status: net.status,
                ..Facts::default()
            };
            facts.fill_from(&from_net);
        }
    }
    let hint = if messages[at + 1..]
        .iter()
        .any(|h| is_did_not_succeed(h) && h.facts.status.is_none())
    {
        PreflightHint::PreflightFailed
    } else {
        PreflightHint::Unknown
    };
    Some(recognition(main, facts, hint))
}

fn recognition(main: &MessageHit, facts: Facts, hint: PreflightHint) -> Recognised {
    let message = main.message;
    let base = Recognised {
        browser: message.browser,
        code: message.code.to_owned(),
        finding: Finding::CorsFailure,
        check: None,
        alternatives: Vec::new(),
        stage: Stage::Request,
        facts,
        explanation: None,
        scenario: None,
        assumptions: Vec::new(),
    };
    match message.meaning {
        Meaning::NotCors(why) => Recognised {
            finding: Finding::NotCors,
            explanation: Some(why.to_owned()),
            ..base
        },
        Meaning::Failure(_) | Meaning::Warning(_) | Meaning::Companion => {
            let Some(choice) = choose(main, &base.facts, hint) else {
                return base;
            };
            let finding = match message.meaning {
                Meaning::Warning(_) => Finding::CorsWarning,
                _ if matches!(
                    choice.check,
                    CheckId::NetworkError | CheckId::PreflightNetworkError
                ) =>
                {
                    Finding::NetworkFailure
                }
                _ => Finding::CorsFailure,
            };
            let answer_check = if message.code == "CORSAllowOriginNotMatchingOrigin" {
                if choice.stage == Stage::Preflight {
                    CheckId::PreflightAllowOriginMismatch
                } else {
                    CheckId::AllowOriginMismatch
                }
            } else {
                choice.check
            };
            let target = Target {
                check: choice.check,
                answer_check,
                stage: choice.stage,
                browser: message.browser,
                facts: &base.facts,
            };
            let reproduction = reproduce(&target);
            Recognised {
                finding,
                check: Some(choice.check),
                alternatives: choice.alternatives,
                stage: choice.stage,
                scenario: Some(reproduction.scenario),
                assumptions: reproduction.assumptions,
                ..base
            }
        }
    }
}
