//! Chromium through chromedriver; console lines from the `goog:loggingPrefs` browser log.

use std::path::Path;

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::Client;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::capabilities;
use super::process::Child;
use crate::error::{HarnessError, Result};

/// Flags that work headless as root (TOOLCHAIN.md).
/// `IsolateSandboxedIframes` off keeps the sandboxed iframe (opaque-origin cases) in the page's renderer,
/// so its console lines reach the page's browser log; CORS is enforced in the network service either way.
const FLAGS: [&str; 10] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--disable-features=IsolateSandboxedIframes",
];

/// One console line as a browser reported it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsoleLine {
    /// `SEVERE`, `WARNING`, `INFO`… (browser-specific).
    pub level: String,
    /// The message text, without the source prefix chromedriver adds.
    pub text: String,
    /// The source URL chromedriver prefixes (the page for CORS errors, the resource for network errors).
    pub source: String,
}

/// Starts chromedriver on `port`; returns its process and the session capabilities.
pub fn launch(port: u16, workdir: &Path) -> Result<(Vec<Child>, Map<String, Value>)> {
    let log = workdir.join("chromedriver.log");
    let args = vec![format!("--port={port}")];
    let driver = Child::spawn("chromedriver", &args, &[], &log).map_err(|error| {
        HarnessError::DriverStart {
            browser: "chromium",
            reason: format!("chromedriver: {error}"),
        }
    })?;
    let profile = workdir.join("profile");
    let _ = std::fs::remove_dir_all(&profile);
    let mut flags: Vec<String> = FLAGS.iter().map(|flag| (*flag).to_owned()).collect();
    flags.push(format!("--user-data-dir={}", profile.display()));
    let caps = capabilities(json!({
        "browserName": "chrome",
        "goog:chromeOptions": { "binary": "/usr/bin/chromium", "args": flags },
        "goog:loggingPrefs": { "browser": "ALL" }
    }));
    Ok((vec![driver], caps))
}

/// chromedriver's `POST /session/{id}/se/log` for the `browser` log: the entries since the last call.
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> std::result::Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.to_owned()))
    }
}

/// Reads and clears the browser log.
pub async fn take_log(client: &Client) -> Result<Vec<ConsoleLine>> {
    let entries = client.issue_cmd(BrowserLog).await?;
    let entries = entries.as_array().cloned().unwrap_or_default();
    Ok(entries.iter().filter_map(parse_entry).collect())
}

/// `{"level": "SEVERE", "message": "<source> - <text>"}` → a console line; messages with a script
/// position (`<source> <line>[:<column>] <text>`, console API calls and script-printed errors) lose the
/// source and the position.
fn parse_entry(entry: &Value) -> Option<ConsoleLine> {
    let level = entry.get("level")?.as_str()?.to_owned();
    let message = entry.get("message")?.as_str()?;
    let (source, text) = split_source(message);
    Some(ConsoleLine {
        level,
        text: text.to_owned(),
        source: source.to_owned(),
    })
}

fn split_source(message: &str) -> (&str, &str) {
    let Some((source, rest)) = message.split_once(' ') else {
        return ("", message);
    };
    if let Some(text) = rest.strip_prefix("- ") {
        return (source, text);
    }
    let (position, text) = rest.split_once(' ').unwrap_or((rest, ""));
    let is_position =
        !position.is_empty() && position.chars().all(|c| c.is_ascii_digit() || c == ':');
    if is_position {
        (source, text)
    } else {
        ("", message)
    }
}

#[cfg(test)]
mod tests {
    use super::parse_entry;
    use serde_json::json;

    #[test]
    fn a_cors_error_entry_loses_the_page_prefix() {
        let entry = json!({"level": "SEVERE", "message": "http://127.0.0.1:1/p - Access to fetch at 'x' from origin 'y' has been blocked"});
        let line = parse_entry(&entry).unwrap();
        assert_eq!(line.source, "http://127.0.0.1:1/p");
        assert_eq!(
            line.text,
            "Access to fetch at 'x' from origin 'y' has been blocked"
        );
    }
}
