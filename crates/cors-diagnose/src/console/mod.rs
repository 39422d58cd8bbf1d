//! Recognising a pasted console message: which browser, which check failed, the values it quotes, and a
//! scenario that reproduces it.

mod answers;
pub mod catalog;
pub mod causes;
pub mod choose;
pub mod closest;
pub mod examples;
pub mod facts;
pub mod network_line;
mod network_only;
mod read;
mod redirects;
mod reproduce;
mod target;
mod template;
pub mod titles;

use cors_rules::{Browser, CheckId, Scenario, Stage};
use serde::Serialize;

pub use catalog::{KnownMessage, Meaning};
use facts::is_http_url;
pub use facts::Facts;
pub use reproduce::{ASSUMED_PAGE, ASSUMED_URL};

use crate::assumption::{Assumption, Edit};
use crate::report::LineNote;
use choose::{choose, PreflightHint};
use network_line::NetworkLine;
use network_only::from_network;
use read::{read_line, LineHit, MessageHit};
use reproduce::{reproduce, reproduce_warning};
use target::Target;

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
    /// A line that accompanies a failure (`TypeError: Failed to fetch`, `net::ERR_FAILED`, Safari's
    /// "due to access control checks") without saying which check failed: the line above it does.
    Incomplete,
}

/// A recognised message.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Recognised {
    /// Which browser printed it.
    pub browser: Browser,
    /// What the message says, in a few plain words (for headings; no internal names).
    pub title: &'static str,
    /// The browser's own name for the message (`kMissingAllowOriginHeader`, `CORSMissingAllowOrigin2`…):
    /// data, not for display.
    pub code: String,
    /// The message's page in the error reference, relative to the site root
    /// (`errors/chrome-missing-allow-origin-header.html`), when it has one.
    pub reference: Option<String>,
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
    /// What the scenario had to assume because the lines do not say, each editable through
    /// [`recognise_with`].
    pub assumptions: Vec<Assumption>,
}

/// Everything read from a pasted console excerpt.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConsoleDiagnosis {
    /// Each non-empty line, understood or ignored.
    pub lines: Vec<LineNote>,
    /// The recognised problem, if any.
    pub recognised: Option<Recognised>,
    /// When nothing was recognised: the closest known messages.
    pub closest: Vec<Suggestion>,
    /// When nothing was recognised: what to paste instead.
    pub advice: Option<&'static str>,
}

/// A known message offered when a paste was not recognised.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// Which browser prints it.
    pub browser: Browser,
    /// What it says, in plain words.
    pub title: &'static str,
    /// Its text, with the quoted values as `{name}` holes.
    pub text: String,
    /// Its page in the error reference, relative to the site root.
    pub reference: String,
}

/// What to paste when a paste was not recognised.
pub const PASTE_ADVICE: &str = "Paste the whole error line from the browser's console: in Chrome it starts with \
    \"Access to fetch at\", in Firefox with \"Cross-Origin Request Blocked\", in Safari it names a header or says \
    \"not allowed by Access-Control-Allow-Origin\". Response headers from the Network panel, the output of \
    `curl -v` or a HAR file work too.";

/// Reads pasted console lines.
#[must_use]
pub fn recognise(text: &str) -> ConsoleDiagnosis {
    recognise_with(text, &[])
}

/// Reads pasted console lines, with values the person gave for what the lines do not say (the
/// fields of [`Recognised::assumptions`]); the scenario and the explanation follow the edits.
#[must_use]
pub fn recognise_with(text: &str, edits: &[Edit]) -> ConsoleDiagnosis {
    let mut lines = Vec::new();
    let mut messages: Vec<MessageHit> = Vec::new();
    let mut networks: Vec<NetworkLine> = Vec::new();
    for logical in join_wrapped(logical_lines(text)) {
        let number = logical.number;
        let line = logical.first;
        let note = match read_line(&logical.text) {
            Some(LineHit::Message(hit)) => {
                let note = describe_hit(&hit);
                messages.push(hit);
                LineNote::understood(number, line, note)
            }
            Some(LineHit::Network(net)) => {
                let note = format!("network line {}", net.code);
                networks.push(net);
                LineNote::understood(number, line, note)
            }
            Some(LineHit::Noise(why)) => LineNote::ignored(number, line, why),
            None => LineNote::ignored(number, line, "not a known browser message"),
        };
        let understood = note.is_understood();
        lines.push(note);
        for (number, line) in logical.continued {
            lines.push(if understood {
                LineNote::understood(number, line, "the end of the message above")
            } else {
                LineNote::ignored(number, line, "the end of a message not recognised")
            });
        }
    }
    let recognised = from_messages(&messages, &networks, edits)
        .or_else(|| from_network(&networks, &messages, edits))
        .or_else(|| from_companions(&messages, &networks));
    let closest = if recognised.is_none() {
        closest::closest(text)
            .into_iter()
            .map(|m| Suggestion {
                browser: m.browser,
                title: titles::message_title(m),
                text: m.text(),
                reference: m.reference_path(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let advice = recognised.is_none().then_some(PASTE_ADVICE);
    ConsoleDiagnosis {
        lines,
        recognised,
        closest,
        advice,
    }
}

/// One message as pasted: its first line and the lines that only continue it (a console that wraps
/// Firefox's `Status code: 502.` or Chrome's closing sentence onto lines of their own).
struct LogicalLine<'a> {
    number: usize,
    first: &'a str,
    text: String,
    continued: Vec<(usize, &'a str)>,
}

/// Whether a line only continues the message above it.
fn is_continuation(line: &str) -> bool {
    line.starts_with("Status code:")
        || catalog::CHROME_SUFFIXES
            .iter()
            .any(|suffix| line.starts_with(suffix.trim_start()))
}

fn logical_lines(text: &str) -> Vec<LogicalLine<'_>> {
    let mut out: Vec<LogicalLine<'_>> = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(previous) if is_continuation(line) => {
                previous.text.push(' ');
                previous.text.push_str(line);
                previous.continued.push((index + 1, line));
            }
            _ => out.push(LogicalLine {
                number: index + 1,
                first: line,
                text: line.to_owned(),
                continued: Vec::new(),
            }),
        }
    }
    out
}

/// How many lines a message wrapped by a narrow terminal or a chat app may have been cut into.
const MOST_PIECES: usize = 4;
/// The longest paste, in lines, whose cut messages are joined.
const MOST_JOINED_LINES: usize = 60;
/// The longest text a join may make (the longest message, with its values, is under 1 KiB).
const MOST_JOINED_BYTES: usize = 2048;

/// Whether a line stands as a message of its own: a known line, except one that may be the start of a cut
/// message (Safari's bare `Fetch API cannot load {url}.`, whose words begin longer ones, or a URL cut short).
fn stands_alone(text: &str) -> bool {
    match read_line(text) {
        // A URL cut short (`https://`) is the start of a cut message too.
        Some(LineHit::Message(hit)) => {
            hit.message.layout != catalog::Layout::WholeLine
                && hit
                    .facts
                    .url
                    .as_deref()
                    .is_none_or(|u| url::Url::parse(u).is_ok())
        }
        Some(_) => true,
        None => false,
    }
}

/// The first way to join `pieces` onto `start` that reads as a message: each cut was at a space (a chat
/// app, an editor) or anywhere (a terminal's fixed width), so each join is tried with and without one, and
/// a join that leaves a quoted URL or origin with a space in it, or cut short, is kept only if no other reads. Returns the text
/// and how many pieces it took.
fn join_pieces(start: &str, pieces: &[&str]) -> Option<(String, usize)> {
    let mut spaced = None;
    let found = join_clean(start, pieces, &mut spaced);
    found.or(spaced)
}

fn join_clean(
    start: &str,
    pieces: &[&str],
    spaced: &mut Option<(String, usize)>,
) -> Option<(String, usize)> {
    let (first, rest) = pieces.split_first()?;
    if start.len() + first.len() > MOST_JOINED_BYTES {
        return None;
    }
    for separator in [" ", ""] {
        let text = format!("{start}{separator}{first}");
        if let Some(LineHit::Message(hit)) = read_line(&text) {
            let facts = &hit.facts;
            let split_value = [&facts.url, &facts.initial_url, &facts.origin]
                .into_iter()
                .flatten()
                .any(|v| v.contains(' '))
                || facts
                    .url
                    .as_deref()
                    .is_some_and(|u| url::Url::parse(u).is_err());
            if !split_value {
                return Some((text, 1));
            }
            spaced.get_or_insert((text.clone(), 1));
        }
        let mut deeper = None;
        if let Some((text, taken)) = join_clean(&text, rest, &mut deeper) {
            return Some((text, taken + 1));
        }
        if let Some((text, taken)) = deeper {
            spaced.get_or_insert((text, taken + 1));
        }
    }
    None
}

/// Joins a message that was cut across lines: lines that do not stand alone, but read as a message when
/// joined, become one message.
fn join_wrapped(lines: Vec<LogicalLine<'_>>) -> Vec<LogicalLine<'_>> {
    // A console excerpt is a few lines; a long paste is a log or a capture, read line by line.
    if lines.len() > MOST_JOINED_LINES {
        return lines;
    }
    let alone: Vec<bool> = lines.iter().map(|l| stands_alone(&l.text)).collect();
    let mut lines: Vec<Option<LogicalLine<'_>>> = lines.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(lines.len());
    let mut at = 0;
    while let Some(mut line) = lines.get_mut(at).and_then(Option::take) {
        let mut last = at;
        if !alone[at] {
            let pieces: Vec<&str> = (at + 1..(at + MOST_PIECES).min(lines.len()))
                .take_while(|next| !alone[*next])
                .filter_map(|next| lines[next].as_ref().map(|l| l.text.as_str()))
                .collect();
            if let Some((text, taken)) = join_pieces(&line.text, &pieces) {
                line.text = text;
                last = at + taken;
            }
        }
        for piece in lines[at + 1..=last].iter_mut().filter_map(Option::take) {
            line.continued.push((piece.number, piece.first));
            line.continued.extend(piece.continued);
        }
        out.push(line);
        at = last + 1;
    }
    out
}

fn describe_hit(hit: &MessageHit) -> String {
    let message = hit.message;
    let what = format!(
        "{}: {}",
        message.browser.display_name(),
        titles::message_title(message)
    );
    let facts = hit.facts.describe();
    if facts.is_empty() {
        what
    } else {
        format!("{what}; {}", facts.join("; "))
    }
}

/// Lines that accompany a failure but name no check: what they are and what to paste instead.
fn from_companions(messages: &[MessageHit], networks: &[NetworkLine]) -> Option<Recognised> {
    const PASTE_MORE: &str = "This line only says that the request failed. The reason is in the console line \
        printed just before it (it starts with \"Access to fetch at\" in Chrome, \"Cross-Origin Request Blocked\" in \
        Firefox, or names a header in Safari): paste that line too.";
    let (browser, code, title, facts, reference) = match messages.first() {
        Some(hit) => (
            hit.message.browser,
            hit.message.code.to_owned(),
            titles::message_title(hit.message),
            hit.facts.clone(),
            Some(hit.message.reference_path()),
        ),
        None => {
            let net = networks.first()?;
            if let Some(status) = net.status.filter(|_| net.error.is_none()) {
                return Some(http_error(net, status));
            }
            let facts = Facts {
                url: net.url.clone(),
                method: net.method.clone(),
                status: net.status,
                ..Facts::default()
            };
            let browser = if net.code.starts_with("net::") {
                Browser::Chrome
            } else {
                Browser::Safari
            };
            (browser, net.code.clone(), "The request failed", facts, None)
        }
    };
    let explanation = if code == "net::ERR_FAILED" && messages.is_empty() {
        // Observed in Chromium 156: a fetch with redirect: 'error' that meets a redirect prints only this.
        format!(
            "{PASTE_MORE} If Chrome printed nothing else, the usual cause is a fetch with redirect: 'error' \
             that met a redirect: Chrome prints only this line then."
        )
    } else {
        PASTE_MORE.to_owned()
    };
    Some(Recognised {
        browser,
        title,
        code,
        reference,
        finding: Finding::Incomplete,
        check: None,
        alternatives: Vec::new(),
        stage: Stage::Response,
        facts,
        explanation: Some(explanation),
        scenario: None,
        assumptions: Vec::new(),
    })
}

/// A line that only shows the server's HTTP status (`the server responded with a status of 404`): the
/// request got through, and nothing in the paste says CORS blocked it.
fn http_error(net: &NetworkLine, status: u16) -> Recognised {
    Recognised {
        browser: Browser::Chrome,
        title: "The server answered with an HTTP error",
        code: net.code.clone(),
        reference: None,
        finding: Finding::NotCors,
        check: None,
        alternatives: Vec::new(),
        stage: Stage::Response,
        facts: Facts {
            status: Some(status),
            ..Facts::default()
        },
        explanation: Some(format!(
            "The server answered {status}: the request reached it. Chrome prints this line for an HTTP error \
             that no CORS check blocked; when CORS blocks a response it prints an \"Access to fetch at\" line \
             and net::ERR_FAILED instead. So fix the {status} on the server: the URL, the method, the \
             authentication. If the script saw only a network error, paste the other lines printed with this one."
        )),
        scenario: None,
        assumptions: Vec::new(),
    }
}

fn is_did_not_succeed(hit: &MessageHit) -> bool {
    hit.message.code.starts_with("CORSDidNotSucceed")
}

/// The recognition from the main message, with facts filled from the lines around it.
fn from_messages(
    messages: &[MessageHit],
    networks: &[NetworkLine],
    edits: &[Edit],
) -> Option<Recognised> {
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
        // A line about something else (a header the browser refused to set, a policy) names no header
        // of the failed check.
        let other_problem = matches!(other.message.meaning, Meaning::NotCors(_));
        if same_url && !is_initial {
            facts.fill_from(&Facts {
                location: None,
                value: None,
                status: None,
                header: if other_problem {
                    None
                } else {
                    other.facts.header.clone()
                },
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
    // A non-HTTP(S) URL that a failed HTTP(S) request names beside it (Firefox's "did not succeed" line) is
    // where that request was redirected.
    if facts.location.is_none() && facts.url.as_deref().is_some_and(|u| !is_http_url(u)) {
        let redirected = messages[at + 1..]
            .iter()
            .filter(|h| is_did_not_succeed(h))
            .find_map(|h| h.facts.url.clone().filter(|u| is_http_url(u)));
        if let Some(redirected) = redirected {
            facts.location = facts.url.replace(redirected);
        }
    }
    facts.apply(edits);
    Some(recognition(main, facts, hint))
}

fn recognition(main: &MessageHit, facts: Facts, hint: PreflightHint) -> Recognised {
    let message = main.message;
    let base = Recognised {
        browser: message.browser,
        title: titles::message_title(message),
        code: message.code.to_owned(),
        reference: Some(message.reference_path()),
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
            let mut base = base;
            if choice.check == CheckId::RedirectScheme {
                base.facts.locate_redirect_target();
            }
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
            let target = Target {
                check: choice.check,
                stage: choice.stage,
                browser: message.browser,
                facts: &base.facts,
            };
            let reproduction = if matches!(message.meaning, Meaning::Warning(_)) {
                reproduce_warning(&target)
            } else {
                reproduce(&target)
            };
            Recognised {
                finding,
                title: match message.meaning {
                    Meaning::Warning(_) => base.title,
                    _ => titles::check_title(choice.check),
                },
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
