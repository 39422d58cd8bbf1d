//! Headless Chromium driven through chromedriver with fantoccini.

use std::future::Future;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::error::CmdError;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};
use tokio::process::{Child, Command};

use super::console::{ConsoleEntry, ReadBrowserLog, ResourceEntry, RESOURCE_ENTRIES_JS};
use super::error::HarnessError;
use super::paths::artifacts_dir;

/// How long waits last: `E2E_TIMEOUT_SECS` seconds, 20 by default.
pub fn wait_timeout() -> Duration {
    let seconds = std::env::var("E2E_TIMEOUT_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    Duration::from_secs(seconds)
}

const POLL_EVERY: Duration = Duration::from_millis(100);

/// Flags that let Chromium run headless as root on a machine without outside network.
const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,900",
    "--enable-logging=stderr",
    "--v=0",
];

static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// One headless Chromium session and the chromedriver serving it.
pub struct Browser {
    id: String,
    client: Option<Client>,
    driver: Option<Child>,
    profile_dir: PathBuf,
    console: Mutex<Vec<ConsoleEntry>>,
}

impl Browser {
    /// Starts chromedriver on a free port and opens a fresh Chromium session.
    pub async fn start() -> Result<Self, HarnessError> {
        let id = format!(
            "{}-{}",
            std::process::id(),
            NEXT_ID.fetch_add(1, Ordering::Relaxed)
        );
        let profile_dir = std::env::temp_dir().join(format!("cors-explainer-chromium-{id}"));
        let port = free_port()?;
        let driver = spawn_chromedriver(port, &id)?;
        let mut browser = Browser {
            id,
            client: None,
            driver: Some(driver),
            profile_dir,
            console: Mutex::new(Vec::new()),
        };
        browser.client = Some(browser.connect(port).await?);
        Ok(browser)
    }

    async fn connect(&self, port: u16) -> Result<Client, HarnessError> {
        let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|s| (*s).to_owned()).collect();
        args.push(format!("--user-data-dir={}", self.profile_dir.display()));
        let mut capabilities = fantoccini::wd::Capabilities::new();
        capabilities.insert("browserName".into(), json!("chrome"));
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({ "binary": chromium_binary(), "args": args }),
        );
        capabilities.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + wait_timeout();
        loop {
            let attempt = ClientBuilder::new(HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&url)
                .await;
            match attempt {
                Ok(client) => return Ok(client),
                Err(error) if Instant::now() >= deadline => {
                    return Err(HarnessError::DriverNotReady {
                        port,
                        last_error: error.to_string(),
                    })
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
            }
        }
    }

    /// The raw WebDriver client, for anything the helpers do not cover.
    pub fn client(&self) -> &Client {
        self.client
            .as_ref()
            .expect("a started browser keeps its client until close()")
    }

    /// A name unique to this browser within the test run (used for its log file).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Opens `url` and waits for the page to load and, on the app's page, for the app to take the
    /// prerendered landing page's place ([`Browser::wait_for_app`]).
    pub async fn goto(&self, url: &str) -> Result<(), HarnessError> {
        self.client()
            .goto(url)
            .await
            .map_err(HarnessError::webdriver(format!("opening {url}")))?;
        self.wait_for_app().await
    }

    /// Waits until the app has taken the prerendered landing page's place (`src/prerendered.rs`):
    /// until then the page holds a static copy whose elements have the app's ids and test ids but do
    /// nothing. Pages without the copy pass at once.
    pub async fn wait_for_app(&self) -> Result<(), HarnessError> {
        self.wait_until(
            "the app to replace the prerendered landing page",
            || async {
                let gone = self
                    .execute(
                        "return document.getElementById('prerendered') === null;",
                        Vec::new(),
                    )
                    .await?;
                Ok(gone == Value::Bool(true))
            },
        )
        .await
    }

    /// Waits until an element matches the CSS `selector` and returns the first.
    pub async fn wait_for_css(&self, selector: &str) -> Result<Element, HarnessError> {
        let timeout = wait_timeout();
        let found = self
            .client()
            .wait()
            .at_most(timeout)
            .every(POLL_EVERY)
            .for_element(Locator::Css(selector))
            .await;
        match found {
            Ok(element) => Ok(element),
            Err(CmdError::WaitTimeout) => Err(HarnessError::Timeout {
                waiting_for: format!("an element matching {selector:?}"),
                after: timeout,
                screenshot: self.screenshot(&format!("{}-timeout", self.id)).await.ok(),
            }),
            Err(source) => Err(HarnessError::WebDriver {
                doing: format!("waiting for {selector:?}"),
                source,
            }),
        }
    }

    /// Waits for the element with `data-testid="<id>"`.
    pub async fn wait_for_testid(&self, id: &str) -> Result<Element, HarnessError> {
        self.wait_for_css(&testid_selector(id)).await
    }

    /// The visible text of the element with `data-testid="<id>"`, once it exists.
    pub async fn text_of_testid(&self, id: &str) -> Result<String, HarnessError> {
        let element = self.wait_for_testid(id).await?;
        element
            .text()
            .await
            .map_err(HarnessError::webdriver(format!(
                "reading the text of {id:?}"
            )))
    }

    /// Scrolls the element with `data-testid="<id>"` to the middle of the window, once it exists.
    pub async fn scroll_to_testid(&self, id: &str) -> Result<(), HarnessError> {
        self.wait_for_testid(id).await?;
        self.execute(
            "document.querySelector(`[data-testid=${arguments[0]}]`).scrollIntoView({ block: 'center', behavior: 'instant' });",
            vec![Value::String(id.to_owned())],
        )
        .await
        .map(|_| ())
    }

    /// Scrolls `section` into view until an element with `data-testid="<wanted>"` exists.
    pub async fn scroll_until_present(
        &self,
        section: &str,
        wanted: &str,
    ) -> Result<(), HarnessError> {
        self.wait_until(&format!("{wanted:?} to appear in {section:?}"), || async {
            self.scroll_to_testid(section).await?;
            Ok(self.count_css(&testid_selector(wanted)).await? > 0)
        })
        .await
    }

    /// Clicks the element with `data-testid="<id>"`, once it exists.
    pub async fn click_testid(&self, id: &str) -> Result<(), HarnessError> {
        let element = self.wait_for_testid(id).await?;
        element
            .click()
            .await
            .map_err(HarnessError::webdriver(format!("clicking {id:?}")))
    }

    /// How many elements match the CSS `selector` now (no waiting).
    pub async fn count_css(&self, selector: &str) -> Result<usize, HarnessError> {
        let found = self.client().find_all(Locator::Css(selector)).await;
        found
            .map(|elements| elements.len())
            .map_err(HarnessError::webdriver(format!("finding {selector:?}")))
    }

    /// Polls `condition` until it returns `Ok(true)`; `what` names it in the timeout error.
    pub async fn wait_until<F, Fut>(&self, what: &str, mut condition: F) -> Result<(), HarnessError>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<bool, HarnessError>>,
    {
        let timeout = wait_timeout();
        let deadline = Instant::now() + timeout;
        while !condition().await? {
            if Instant::now() >= deadline {
                return Err(HarnessError::Timeout {
                    waiting_for: what.to_owned(),
                    after: timeout,
                    screenshot: self.screenshot(&format!("{}-timeout", self.id)).await.ok(),
                });
            }
            tokio::time::sleep(POLL_EVERY).await;
        }
        Ok(())
    }

    /// Runs `script` (a function body: use `return`) in the page with `arguments` = `args`.
    pub async fn execute(&self, script: &str, args: Vec<Value>) -> Result<Value, HarnessError> {
        self.client()
            .execute(script, args)
            .await
            .map_err(HarnessError::webdriver("running a script in the page"))
    }

    /// Every console entry of this session so far (navigation does not clear it).
    pub async fn console(&self) -> Result<Vec<ConsoleEntry>, HarnessError> {
        let answer = self.client().issue_cmd(ReadBrowserLog).await;
        let fresh = answer.map_err(HarnessError::webdriver("reading the console log"))?;
        let mut all = self
            .console
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        all.extend(ConsoleEntry::list_from(&fresh));
        Ok(all.clone())
    }

    /// The console entries that are errors, panics or uncaught exceptions.
    pub async fn console_errors(&self) -> Result<Vec<ConsoleEntry>, HarnessError> {
        let entries = self.console().await?;
        Ok(entries.into_iter().filter(ConsoleEntry::is_error).collect())
    }

    /// Fails with every error entry when the console has any.
    pub async fn assert_no_console_errors(&self) -> Result<(), HarnessError> {
        let errors = self.console_errors().await?;
        if errors.is_empty() {
            return Ok(());
        }
        Err(HarnessError::ConsoleErrors {
            entries: errors.into_iter().map(|e| e.message).collect(),
        })
    }

    /// The page's own URL and every resource it loaded, with HTTP status.
    pub async fn resource_entries(&self) -> Result<Vec<ResourceEntry>, HarnessError> {
        let value = self.execute(RESOURCE_ENTRIES_JS, Vec::new()).await?;
        ResourceEntry::list_from(&value).ok_or_else(|| HarnessError::UnexpectedScriptResult {
            script: RESOURCE_ENTRIES_JS.to_owned(),
            value,
        })
    }

    /// Saves a PNG of the viewport as `artifacts/<name>.png` and returns its path.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf, HarnessError> {
        let png = self.client().screenshot().await;
        let png = png.map_err(HarnessError::webdriver("taking a screenshot"))?;
        let path = artifacts_dir().join(format!("{name}.png"));
        tokio::fs::write(&path, png)
            .await
            .map_err(HarnessError::io(format!("writing {}", path.display())))?;
        Ok(path)
    }

    /// Ends the session (Chromium quits), stops chromedriver and removes the profile.
    pub async fn close(mut self) -> Result<(), Box<dyn std::error::Error>> {
        let ended = match self.client.take() {
            Some(client) => client.close().await,
            None => Ok(()),
        };
        if let Some(mut driver) = self.driver.take() {
            kill_process_group(&driver);
            let _ = driver.wait().await;
        }
        let _ = std::fs::remove_dir_all(&self.profile_dir);
        ended.map_err(|source| HarnessError::WebDriver {
            doing: "ending the browser session".to_owned(),
            source,
        })?;
        Ok(())
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(driver) = self.driver.take() {
            kill_process_group(&driver);
        }
        let _ = std::fs::remove_dir_all(&self.profile_dir);
    }
}

/// The CSS selector of `data-testid="<id>"`.
pub fn testid_selector(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

fn chromium_binary() -> String {
    std::env::var("CHROMIUM_BIN").unwrap_or_else(|_| "/usr/bin/chromium".to_owned())
}

fn free_port() -> Result<u16, HarnessError> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")
        .map_err(HarnessError::io("finding a free port"))?;
    let addr = listener
        .local_addr()
        .map_err(HarnessError::io("finding a free port"))?;
    Ok(addr.port())
}

/// Starts chromedriver in its own process group, so that killing the group also ends
/// the Chromium processes it started.
fn spawn_chromedriver(port: u16, id: &str) -> Result<Child, HarnessError> {
    let program = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".to_owned());
    let log_path = artifacts_dir().join(format!("{id}-chromedriver.log"));
    let log = std::fs::File::create(&log_path)
        .map_err(HarnessError::io(format!("creating {}", log_path.display())))?;
    let log_err = log
        .try_clone()
        .map_err(HarnessError::io("sharing the chromedriver log"))?;
    Command::new(&program)
        .arg(format!("--port={port}"))
        .stdin(Stdio::null())
        .stdout(log)
        .stderr(log_err)
        .process_group(0)
        .kill_on_drop(true)
        .spawn()
        .map_err(HarnessError::io(format!(
            "starting {program} (is `chromium-driver` installed? ./scripts/setup.sh installs it)"
        )))
}

fn kill_process_group(child: &Child) {
    if let Some(pid) = child.id() {
        let _ = std::process::Command::new("kill")
            .args(["-KILL", "--", &format!("-{pid}")])
            .stderr(Stdio::null())
            .status();
    }
}
