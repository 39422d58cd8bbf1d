//! The three browsers, each behind its WebDriver server, started from Debian's packages.

mod chromium;
mod firefox;
mod process;
mod webkit;
mod webkit_console;

use std::path::Path;

use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

pub use chromium::ConsoleLine;
use process::{free_port, wait_for_port, Child};
pub use webkit_console::{capture as capture_webkit_console, ConsolePage};

use crate::error::{HarnessError, Result};

/// A real browser the harness drives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BrowserKind {
    /// Chromium + chromedriver; predicted with the `chrome` profile.
    Chromium,
    /// Firefox ESR + geckodriver; predicted with the `firefox` profile.
    Firefox,
    /// WebKitGTK MiniBrowser + WebKitWebDriver under Xvfb; predicted with the `safari` profile.
    Webkit,
}

impl BrowserKind {
    /// Every browser, in report order.
    pub const ALL: [BrowserKind; 3] = [
        BrowserKind::Chromium,
        BrowserKind::Firefox,
        BrowserKind::Webkit,
    ];

    /// The id used on the command line and in reports.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            BrowserKind::Chromium => "chromium",
            BrowserKind::Firefox => "firefox",
            BrowserKind::Webkit => "webkit",
        }
    }

    /// Looks a browser up by id.
    #[must_use]
    pub fn from_id(id: &str) -> Option<BrowserKind> {
        BrowserKind::ALL.into_iter().find(|kind| kind.id() == id)
    }

    /// Which console lines this browser's capture delivers.
    #[must_use]
    pub fn console_scope(self) -> crate::compare::ConsoleScope {
        match self {
            BrowserKind::Chromium => crate::compare::ConsoleScope::Everything,
            BrowserKind::Firefox => crate::compare::ConsoleScope::ErrorsOnly,
            BrowserKind::Webkit => crate::compare::ConsoleScope::PageConsole,
        }
    }

    /// The engine profile that predicts this browser.
    #[must_use]
    pub fn profile(self) -> cors_rules::Browser {
        match self {
            BrowserKind::Chromium => cors_rules::Browser::Chrome,
            BrowserKind::Firefox => cors_rules::Browser::Firefox,
            BrowserKind::Webkit => cors_rules::Browser::Safari,
        }
    }
}

/// How a session's console lines are read.
#[derive(Debug)]
enum Console {
    /// Chromium: the legacy `goog:loggingPrefs` browser log.
    ChromiumLog,
    /// Firefox: WebDriver BiDi `log.entryAdded` on the session's WebSocket.
    Bidi(firefox::BidiLog),
    /// WebKit: MiniBrowser's console written to a file.
    File(webkit::ConsoleFile),
    /// Not captured.
    None,
}

/// A running browser session with its driver (and display) processes.
pub struct Session {
    /// The WebDriver client.
    pub client: Client,
    /// Which browser.
    pub kind: BrowserKind,
    /// The browser's version as its driver reports it.
    pub version: String,
    console: Console,
    _processes: Vec<Child>,
}

impl Session {
    /// Starts `kind`'s driver and a fresh browser session; driver logs and profiles go under `workdir`.
    ///
    /// # Errors
    /// [`HarnessError::DriverStart`] when the driver or the browser does not start.
    pub async fn start(kind: BrowserKind, workdir: &Path) -> Result<Session> {
        let start_error = |reason: String| HarnessError::DriverStart {
            browser: kind.id(),
            reason,
        };
        std::fs::create_dir_all(workdir).map_err(|error| start_error(error.to_string()))?;
        let port = free_port().map_err(|error| start_error(error.to_string()))?;
        let mut console_file = None;
        let (processes, capabilities) = match kind {
            BrowserKind::Chromium => chromium::launch(port, workdir)?,
            BrowserKind::Firefox => firefox::launch(port, workdir)?,
            BrowserKind::Webkit => {
                let (processes, caps, console) = webkit::launch(port, workdir).await?;
                console_file = Some(webkit::ConsoleFile::new(console));
                (processes, caps)
            }
        };
        wait_for_port(port).await.map_err(start_error)?;
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .map_err(|error| start_error(error.to_string()))?;
        let created = client
            .session_creation_response()
            .and_then(|response| response.capabilities())
            .map(|caps| Value::Object(caps.clone()));
        let version = created
            .as_ref()
            .and_then(|caps| caps.get("browserVersion").and_then(Value::as_str))
            .unwrap_or("unknown")
            .to_owned();
        let bidi_url = created
            .as_ref()
            .and_then(|caps| caps.get("webSocketUrl")?.as_str());
        let console = match (kind, bidi_url, console_file) {
            (BrowserKind::Chromium, _, _) => Console::ChromiumLog,
            (_, Some(url), _) => Console::Bidi(firefox::BidiLog::connect(url).await?),
            (_, None, Some(file)) => Console::File(file),
            (_, None, None) => Console::None,
        };
        Ok(Session {
            client,
            kind,
            version,
            console,
            _processes: processes,
        })
    }

    /// Checks that console lines really arrive (a marker line printed by the page comes back); if not, the
    /// session stops claiming to capture the console. Call it with a page open.
    ///
    /// # Errors
    /// [`HarnessError::WebDriver`] when the marker cannot be printed.
    pub async fn verify_console(&mut self) -> Result<()> {
        if matches!(self.console, Console::None) {
            return Ok(());
        }
        let _ = self.take_console().await?;
        self.client
            .execute("console.log('conformance-console-check')", Vec::new())
            .await?;
        for _ in 0..20 {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            if self
                .take_console()
                .await?
                .iter()
                .any(|line| line.text.contains("conformance-console-check"))
            {
                return Ok(());
            }
        }
        self.console = Console::None;
        Ok(())
    }

    /// Whether this session captures console lines.
    #[must_use]
    pub fn captures_console(&self) -> bool {
        !matches!(self.console, Console::None)
    }

    /// Console lines printed since the last call, in order.
    ///
    /// # Errors
    /// [`HarnessError::WebDriver`] when the log cannot be read.
    pub async fn take_console(&mut self) -> Result<Vec<ConsoleLine>> {
        match &mut self.console {
            Console::ChromiumLog => chromium::take_log(&self.client).await,
            Console::Bidi(log) => Ok(log.take()),
            Console::File(file) => Ok(file.take()),
            Console::None => Ok(Vec::new()),
        }
    }

    /// Ends the session, then stops the driver and any display server.
    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}

/// A capabilities object from a JSON literal (`Map::new()` if it is not an object).
fn capabilities(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}
