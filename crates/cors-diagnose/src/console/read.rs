//! Reading one pasted line: which known message it is, and the values it quotes.

use cors_rules::scenario::Api;

use super::catalog::{self, KnownMessage, Layout};
use super::catalog::{CHROME, CHROME_SUFFIXES, XHR_SUFFIX};
use super::facts::Facts;
use super::network_line::{self, NetworkLine};
use super::template::{match_line, match_whole_line, normalize};

/// A line recognised as a known message.
#[derive(Clone, Debug)]
pub(crate) struct MessageHit {
    pub message: &'static KnownMessage,
    pub facts: Facts,
    /// Safari's `Cross-origin redirection to … denied`: the check failed on a redirect response.
    pub via_redirect: bool,
}

/// What one line turned out to be.
#[derive(Clone, Debug)]
pub(crate) enum LineHit {
    Message(MessageHit),
    Network(NetworkLine),
    /// DevTools chrome around the messages (button labels, links).
    Noise(&'static str),
}

const CHROME_LINE: &str =
    "Access to {kind} at '{url}' from origin '{origin}' has been blocked by CORS policy: {tail}";
const CHROME_LINE_REDIRECTED: &str = "Access to {kind} at '{url}' (redirected from '{initial_url}') from origin '{origin}' has been blocked by CORS policy: {tail}";
const CHROME_SUMMARY: &str = "Access blocked by CORS policy: {tail}";

const NOISE: &[(&str, &str)] = &[
    (
        "Understand this error",
        "the DevTools \"Understand this error\" button",
    ),
    (
        "Understand this warning",
        "the DevTools \"Understand this warning\" button",
    ),
    ("[Learn More]", "Firefox's link to the MDN page"),
    ("Learn More", "Firefox's link to the MDN page"),
];

/// Reads one trimmed, non-empty line.
pub(crate) fn read_line(line: &str) -> Option<LineHit> {
    let line = &*normalize(line);
    if let Some((_, why)) = NOISE.iter().find(|(text, _)| line == *text) {
        return Some(LineHit::Noise(why));
    }
    let line = strip_trailers(line);
    if let Some(hit) = read_chrome_cors(line)
        .or_else(|| read_devtools_status(line))
        .or_else(|| read_netmonitor_label(line))
    {
        return Some(LineHit::Message(hit));
    }
    if let Some(hit) = read_whole(line) {
        return Some(LineHit::Message(hit));
    }
    network_line::read_chrome(line)
        .or_else(|| network_line::read_http_status(line))
        .or_else(|| network_line::read_safari(line))
        .map(LineHit::Network)
}

fn strip_trailers(mut line: &str) -> &str {
    loop {
        let before = line;
        for (text, _) in NOISE {
            line = line.strip_suffix(text).unwrap_or(line).trim_end();
        }
        if line == before {
            return line;
        }
    }
}

fn read_chrome_cors(line: &str) -> Option<MessageHit> {
    let (line, xhr_suffix) = strip_chrome_suffixes(line);
    let (_, captures) = match_line(CHROME_LINE_REDIRECTED, line)
        .or_else(|| match_line(CHROME_LINE, line))
        .or_else(|| match_line(CHROME_SUMMARY, line))?;
    let mut facts = Facts::default();
    let mut tail = "";
    for (name, value) in captures {
        if name == "tail" {
            tail = value;
        } else {
            facts.set(name, value);
        }
    }
    if xhr_suffix {
        facts.api = Some(Api::Xhr);
    }
    CHROME
        .iter()
        .filter(|m| m.layout == Layout::ChromeTail)
        .find_map(|message| {
            let (start, captures) = match_line(message.template, tail)?;
            (start == 0).then(|| {
                let mut facts = facts.clone();
                captures
                    .into_iter()
                    .for_each(|(name, value)| facts.set(name, value));
                MessageHit {
                    message,
                    facts,
                    via_redirect: false,
                }
            })
        })
}

/// DevTools' Network panel: a request's status `CORS error`, whose tooltip names the failure by its
/// `CorsError` value (`Cross-Origin Resource Sharing error: PreflightMissingAllowOriginHeader`): the
/// Chromium message of that name.
fn read_devtools_status(line: &str) -> Option<MessageHit> {
    const TOOLTIP: &str = "Cross-Origin Resource Sharing error: {cdp_name}";
    let (_, captures) = match_line(TOOLTIP, line)?;
    let name = captures.first()?.1.split_whitespace().next()?;
    let message = CHROME
        .iter()
        .find(|m| m.layout == Layout::ChromeTail && m.code.strip_prefix('k') == Some(name))?;
    Some(MessageHit {
        message,
        facts: Facts::default(),
        via_redirect: false,
    })
}

/// Firefox's Network Monitor: a blocked request's "Transferred" column (`CORS Missing Allow Origin`), the
/// whole line: the console message it stands for.
fn read_netmonitor_label(line: &str) -> Option<MessageHit> {
    let code = catalog::NETMONITOR_LABELS
        .iter()
        .find(|(label, _)| line.eq_ignore_ascii_case(label))?
        .1;
    Some(MessageHit {
        message: catalog::find(code)?,
        facts: Facts::default(),
        via_redirect: false,
    })
}

fn strip_chrome_suffixes(mut line: &str) -> (&str, bool) {
    let mut xhr = false;
    loop {
        let Some(suffix) = CHROME_SUFFIXES.iter().find(|s| line.ends_with(*s)) else {
            return (line, xhr);
        };
        xhr |= *suffix == XHR_SUFFIX;
        line = &line[..line.len() - suffix.len()];
    }
}

fn read_whole(line: &str) -> Option<MessageHit> {
    catalog::all()
        .filter(|m| matches!(m.layout, Layout::Whole | Layout::WholeLine))
        .find_map(|message| {
            let (_, captures) = if message.layout == Layout::WholeLine {
                match_whole_line(message.template, line)?
            } else {
                match_line(message.template, line)?
            };
            let mut facts = Facts::default();
            let mut reason = None;
            for (name, value) in captures {
                if name == "reason" {
                    reason = Some(value);
                }
                facts.set(name, value);
            }
            set_api_from_code(message.code, &mut facts);
            match reason {
                Some(reason) => read_redirect_reason(reason, facts),
                None => Some(MessageHit {
                    message,
                    facts,
                    via_redirect: false,
                }),
            }
        })
}

fn set_api_from_code(code: &str, facts: &mut Facts) {
    facts.api = match code {
        "WEBKIT_CANNOT_LOAD_XHR" | "CHROMIUM_JS_SYNC_XHR" | "CHROMIUM_MIXED_CONTENT_XHR" => {
            Some(Api::Xhr)
        }
        "WEBKIT_CANNOT_LOAD_FETCH"
        | "CHROMIUM_JS_FETCH_TYPEERROR"
        | "FIREFOX_JS_FETCH_TYPEERROR"
        | "WEBKIT_JS_FETCH_TYPEERROR"
        | "CHROMIUM_RENDERER_SAME_ORIGIN_MODE"
        | "CHROMIUM_RENDERER_SCHEME_NOT_SUPPORTED"
        | "CHROMIUM_RENDERER_NO_CORS_REDIRECT_MODE" => Some(Api::Fetch),
        _ => facts.api,
    };
}

/// Safari's redirect message nests the reason the redirect response failed; its URL is the redirect's
/// target, so it becomes the location and the request URL comes from the "cannot load" line.
fn read_redirect_reason(reason: &str, outer: Facts) -> Option<MessageHit> {
    let outer = Facts {
        location: outer.url.clone(),
        url: None,
        ..outer
    };
    let inner = read_whole(reason)?;
    let mut facts = inner.facts;
    facts.fill_from(&outer);
    Some(MessageHit {
        message: inner.message,
        facts,
        via_redirect: true,
    })
}
