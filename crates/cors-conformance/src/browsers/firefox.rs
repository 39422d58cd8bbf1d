//! Firefox ESR through geckodriver; console lines from WebDriver BiDi `log.entryAdded`.

use std::path::Path;
use std::sync::{Arc, Mutex};

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Map, Value};
use tokio_tungstenite::tungstenite::Message;

use super::process::{free_port, Child};
use super::{capabilities, ConsoleLine};
use crate::error::{HarnessError, Result};

fn start_error(reason: String) -> HarnessError {
    HarnessError::DriverStart {
        browser: "firefox",
        reason,
    }
}

/// Starts geckodriver on `port` (BiDi on its own free port); returns it and the session capabilities.
pub fn launch(port: u16, workdir: &Path) -> Result<(Vec<Child>, Map<String, Value>)> {
    let bidi_port = free_port().map_err(|error| start_error(error.to_string()))?;
    let args = vec![
        format!("--port={port}"),
        format!("--websocket-port={bidi_port}"),
        "--binary=/usr/bin/firefox-esr".to_owned(),
    ];
    let driver = Child::spawn("geckodriver", &args, &[], &workdir.join("geckodriver.log"))
        .map_err(|error| start_error(format!("geckodriver: {error}")))?;
    let caps = capabilities(json!({
        "browserName": "firefox",
        "webSocketUrl": true,
        "moz:firefoxOptions": { "binary": "/usr/bin/firefox-esr", "args": ["-headless"] }
    }));
    Ok((vec![driver], caps))
}

/// A BiDi connection subscribed to `log.entryAdded`, collecting entries in the background.
#[derive(Debug)]
pub struct BidiLog {
    lines: Arc<Mutex<Vec<ConsoleLine>>>,
    _reader: tokio::task::JoinHandle<()>,
}

impl BidiLog {
    /// Connects to the session's BiDi WebSocket and subscribes to log entries.
    ///
    /// # Errors
    /// [`HarnessError::DriverStart`] when the WebSocket cannot be opened or the subscription fails.
    pub async fn connect(url: &str) -> Result<BidiLog> {
        let (mut socket, _) = tokio_tungstenite::connect_async(url)
            .await
            .map_err(|error| start_error(format!("BiDi: {error}")))?;
        let subscribe = json!({"id": 1, "method": "session.subscribe", "params": {"events": ["log.entryAdded"]}});
        socket
            .send(Message::text(subscribe.to_string()))
            .await
            .map_err(|error| start_error(format!("BiDi subscribe: {error}")))?;
        let lines = Arc::new(Mutex::new(Vec::new()));
        let sink = lines.clone();
        let reader = tokio::spawn(async move {
            while let Some(Ok(message)) = socket.next().await {
                let Message::Text(text) = message else {
                    continue;
                };
                let Ok(value) = serde_json::from_str::<Value>(text.as_str()) else {
                    continue;
                };
                if let Some(line) = parse_event(&value) {
                    if let Ok(mut lines) = sink.lock() {
                        lines.push(line);
                    }
                }
            }
        });
        Ok(BidiLog {
            lines,
            _reader: reader,
        })
    }

    /// The entries received since the last call.
    pub fn take(&mut self) -> Vec<ConsoleLine> {
        self.lines
            .lock()
            .map(|mut lines| std::mem::take(&mut *lines))
            .unwrap_or_default()
    }
}

impl Drop for BidiLog {
    fn drop(&mut self) {
        self._reader.abort();
    }
}

/// A `log.entryAdded` event → a console line (other messages → `None`).
fn parse_event(value: &Value) -> Option<ConsoleLine> {
    if value.get("method")?.as_str()? != "log.entryAdded" {
        return None;
    }
    let params = value.get("params")?;
    let text = params.get("text")?.as_str()?.to_owned();
    let level = params
        .get("level")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    let source = params
        .pointer("/source/realm")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    Some(ConsoleLine {
        level,
        text,
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::parse_event;
    use serde_json::json;

    #[test]
    fn a_log_entry_event_becomes_a_console_line() {
        let event = json!({"type": "event", "method": "log.entryAdded",
            "params": {"type": "javascript", "level": "error", "text": "Cross-Origin Request Blocked: …", "source": {"realm": "r1"}}});
        let line = parse_event(&event).unwrap();
        assert_eq!(
            (line.level.as_str(), line.text.as_str()),
            ("error", "Cross-Origin Request Blocked: …")
        );
    }

    #[test]
    fn command_results_and_other_events_are_not_console_lines() {
        assert!(parse_event(&json!({"type": "success", "id": 1, "result": {}})).is_none());
        assert!(parse_event(
            &json!({"type": "event", "method": "browsingContext.load", "params": {}})
        )
        .is_none());
    }
}
