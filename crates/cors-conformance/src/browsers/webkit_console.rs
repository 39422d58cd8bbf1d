//! Safari's console, observed. MiniBrowser in automation mode writes no console lines, so after the
//! WebDriver pass the harness starts MiniBrowser directly, with `--enable-write-console-messages-to-stdout`,
//! on a page of the lab's app origin (`assets/console-page.*`, served by the lab as its `dist`). The page
//! runs the cases one at a time between marker lines and prints a done line; the harness reads the lines
//! from MiniBrowser's output as it goes.
//!
//! What comes out is what the page's console gets: the CORS reason lines, `… cannot load … due to access
//! control checks.`, `Refused to set unsafe header …`. Web Inspector's network lines (`Failed to load
//! resource: …`) are not console messages of the page and never appear (see `ConsoleScope::PageConsole`).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::json;

use super::process::Child;
use super::webkit::{start_error, start_xvfb, ConsoleFile, MINIBROWSER};
use super::ConsoleLine;
use crate::error::Result;
use crate::item::{Item, REQUEST_TIMEOUT};

const PAGE_HTML: &str = include_str!("../../assets/console-page.html");
const PAGE_SCRIPT: &str = include_str!("../../assets/console-page.js");
const RUNNER: &str = include_str!("../../assets/runner.js");

/// The line the page prints when every case has run.
const DONE: &str = "conformance-console-done";

/// How long after its last request a case's page waits before its end marker, in milliseconds.
const SETTLE_MS: u64 = 5;

/// The directory the lab serves on its app origin during a WebKit run.
#[derive(Debug)]
pub struct ConsolePage {
    dir: PathBuf,
}

impl ConsolePage {
    /// Writes the page (as `index.html`), its scripts and an empty case list under `workdir`.
    ///
    /// # Errors
    /// The I/O error of a file that cannot be written.
    pub fn write(workdir: &Path) -> std::io::Result<ConsolePage> {
        let dir = workdir.join("console-page");
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join("index.html"), PAGE_HTML)?;
        std::fs::write(dir.join("runner.js"), RUNNER)?;
        std::fs::write(dir.join("console-page.js"), PAGE_SCRIPT)?;
        let page = ConsolePage { dir };
        page.set_items(&[])?;
        Ok(page)
    }

    /// The directory to serve.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn set_items(&self, items: &[Item]) -> std::io::Result<()> {
        let timeout_ms = u64::try_from(REQUEST_TIMEOUT.as_millis()).unwrap_or(10_000);
        let batch = json!({ "items": items, "timeout_ms": timeout_ms, "settle_ms": SETTLE_MS });
        std::fs::write(self.dir.join("console-cases.json"), batch.to_string())
    }
}

/// Runs `items` in a directly started MiniBrowser on `page` (served at `app_origin`) and returns every
/// console line it printed, markers included, in order; `None` when the page never finished (the run
/// stalled for longer than a case may take, or MiniBrowser exited).
///
/// # Errors
/// [`crate::error::HarnessError::DriverStart`] when Xvfb or MiniBrowser cannot start, or the case list
/// cannot be written.
pub async fn capture(
    page: &ConsolePage,
    app_origin: &str,
    items: &[Item],
    workdir: &Path,
) -> Result<Option<Vec<ConsoleLine>>> {
    page.set_items(items)
        .map_err(|error| start_error(error.to_string()))?;
    let (_xvfb, display) = start_xvfb(workdir).await?;
    let output = workdir.join("minibrowser-direct.log");
    let args = [
        "-oL".to_owned(),
        "-eL".to_owned(),
        MINIBROWSER.to_owned(),
        "--enable-write-console-messages-to-stdout=true".to_owned(),
        format!("{app_origin}/#console"),
    ];
    let _browser = Child::spawn("stdbuf", &args, &[("DISPLAY", display)], &output)
        .map_err(|error| start_error(format!("MiniBrowser: {error}")))?;
    let mut file = ConsoleFile::new(output);
    let mut lines = Vec::new();
    let stall = REQUEST_TIMEOUT * 2 + Duration::from_secs(20);
    let mut last_progress = Instant::now();
    loop {
        tokio::time::sleep(Duration::from_millis(200)).await;
        let new = file.take();
        if !new.is_empty() {
            last_progress = Instant::now();
        }
        let done = new.iter().any(|line| line.text == DONE);
        lines.extend(new.into_iter().filter(|line| line.text != DONE));
        if done {
            return Ok(Some(lines));
        }
        if last_progress.elapsed() > stall {
            return Ok(None);
        }
    }
}
