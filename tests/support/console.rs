//! What the page printed to its console and which resources it loaded.

use fantoccini::wd::WebDriverCompatibleCommand;
use http::Method;
use serde_json::Value;
use url::{ParseError, Url};

/// Severity of a console entry as chromedriver reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConsoleLevel {
    /// `console.error`, uncaught exceptions, panics, failed loads, CORS errors.
    Severe,
    /// `console.warn`.
    Warning,
    /// `console.log` and `console.info`.
    Info,
    /// `console.debug`.
    Debug,
    /// Any other level name.
    Other(String),
}

impl ConsoleLevel {
    fn parse(level: &str) -> Self {
        match level {
            "SEVERE" => ConsoleLevel::Severe,
            "WARNING" => ConsoleLevel::Warning,
            "INFO" => ConsoleLevel::Info,
            "DEBUG" => ConsoleLevel::Debug,
            other => ConsoleLevel::Other(other.to_owned()),
        }
    }
}

/// One console message of the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsoleEntry {
    /// Severity.
    pub level: ConsoleLevel,
    /// Text as Chromium prints it (often prefixed with the source URL and line).
    pub message: String,
    /// Where it came from: `console-api`, `javascript`, `network`, …
    pub source: String,
}

impl ConsoleEntry {
    /// Whether this entry is an error, a panic or an uncaught exception.
    pub fn is_error(&self) -> bool {
        self.level == ConsoleLevel::Severe || self.message.contains("panicked at")
    }

    /// Reads the entries of a chromedriver `se/log` answer.
    pub(crate) fn list_from(value: &Value) -> Vec<ConsoleEntry> {
        let field = |entry: &Value, key: &str| {
            entry
                .get(key)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        value
            .as_array()
            .map(|entries| {
                entries
                    .iter()
                    .map(|entry| ConsoleEntry {
                        level: ConsoleLevel::parse(&field(entry, "level")),
                        message: field(entry, "message"),
                        source: field(entry, "source"),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// One resource the page loaded, from the Performance API.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceEntry {
    /// Absolute URL.
    pub url: String,
    /// HTTP status (`responseStatus`); 0 when the browser does not know it.
    pub status: u16,
    /// `script`, `link`, `fetch`, `other`, …
    pub initiator: String,
}

/// The script that lists the navigation and resource entries of the page.
pub(crate) const RESOURCE_ENTRIES_JS: &str = "return performance.getEntriesByType('navigation')\
     .concat(performance.getEntriesByType('resource'))\
     .map(e => ({ url: e.name, status: e.responseStatus || 0, initiator: e.initiatorType || '' }));";

impl ResourceEntry {
    pub(crate) fn list_from(value: &Value) -> Option<Vec<ResourceEntry>> {
        value
            .as_array()?
            .iter()
            .map(|entry| {
                Some(ResourceEntry {
                    url: entry.get("url")?.as_str()?.to_owned(),
                    status: u16::try_from(entry.get("status")?.as_u64()?).ok()?,
                    initiator: entry.get("initiator")?.as_str()?.to_owned(),
                })
            })
            .collect()
    }
}

/// chromedriver's `POST /session/{id}/se/log` for the `browser` log: returns the console
/// entries logged since the previous call (needs `goog:loggingPrefs` `browser: ALL`).
#[derive(Debug)]
pub(crate) struct ReadBrowserLog;

impl WebDriverCompatibleCommand for ReadBrowserLog {
    fn endpoint(&self, base_url: &Url, session_id: Option<&str>) -> Result<Url, ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &Url) -> (Method, Option<String>) {
        (Method::POST, Some(r#"{"type":"browser"}"#.to_owned()))
    }
}
