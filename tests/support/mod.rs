//! End-to-end test harness: the built site, served on loopback, in headless Chromium.
//!
//! Every browser test of the root package (`tests/*.rs`) starts with `mod support;` and
//! drives the release build that `./scripts/test.sh` makes with trunk (`dist/`, and
//! `dist-subpath/` built with `--public-url /cors-explainer/`). A missing build is a
//! failure, never a skip: run the test command, or `trunk build --release` yourself.
//!
//! ```ignore
//! mod support;
//! use support::{App, Site, TestResult};
//!
//! #[tokio::test(flavor = "multi_thread")]
//! async fn verdict_appears_after_choosing_a_preset() -> TestResult {
//!     let app = App::launch(Site::dist()).await?;       // serves dist/ at /, opens it
//!     app.goto("/?preset=simple-get").await?;           // a path relative to the site
//!     app.click_testid("next").await?;                  // clicks [data-testid="next"]
//!     let verdict = app.text_of_testid("verdict").await?;
//!     assert!(verdict.contains("Allowed"), "verdict was {verdict:?}");
//!     app.assert_no_console_errors().await?;            // console errors and panics fail
//!     app.screenshot("verdict-after-preset").await?;   // artifacts/verdict-after-preset.png
//!     app.close().await                                 // quits Chromium, stops the server
//! }
//! ```
//!
//! # API
//! - [`Site`]: what to serve. `Site::dist()` is `dist/` at `/`; `Site::subpath()` is
//!   `dist-subpath/` at `/cors-explainer/`; `Site::new(dir).mounted_at("/x/")` for others.
//!   `Site` checks that `<dir>/index.html` exists ([`HarnessError::BuildMissing`]).
//! - [`StaticServer::start(&site)`](StaticServer::start): axum + tower-http `ServeDir` on
//!   `127.0.0.1:<free port>`; `url(path)`, `origin()`, `requests()` (every path served with its
//!   status), `failed_requests()` (those answered 4xx/5xx), `stop()`.
//! - [`Browser::start()`](Browser::start): chromedriver on a free port and one headless
//!   Chromium session with a fresh profile and console logging on. Use it alone to open
//!   pages of another server (the lab). Methods:
//!   `goto(url)`, `wait_for_app()`, `wait_for_testid(id)`, `wait_for_css(selector)`,
//!   `text_of_testid(id)`, `click_testid(id)`, `count_css(selector)`, `wait_until(what, condition)`,
//!   `console()` (every console entry so far, as [`ConsoleEntry`]), `console_errors()`,
//!   `assert_no_console_errors()`, `run_before_every_page(js)` (a script run in every document
//!   before the page's own, through DevTools), `resource_entries()` (Performance API: every URL the
//!   page loaded, with HTTP status), `execute(js, args)`, `screenshot(name)` (PNG under
//!   `artifacts/`), `client()` (the raw `fantoccini::Client`), `close()`.
//! - [`App::launch(site)`](App::launch): a [`StaticServer`] for `site` plus a [`Browser`]
//!   already at the site's root, waiting until the app has mounted (it has replaced the
//!   prerendered landing page; `goto` waits for that after every navigation).
//!   `App` dereferences to [`Browser`]; `app.goto(path)` takes a path relative to the site
//!   and `app.server()` gives the server.
//!
//! Waits give up after [`wait_timeout`] (20 s, or `E2E_TIMEOUT_SECS`). Chromium is
//! `/usr/bin/chromium` (or `CHROMIUM_BIN`) and chromedriver is `chromedriver` on `PATH` (or
//! `CHROMEDRIVER`). Each browser logs to `artifacts/<browser-id>-chromedriver.log`.
//! Call `close()` at the end of a test; if a test panics first, dropping the `Browser`
//! kills chromedriver and Chromium anyway.
#![allow(dead_code, unused_imports)]

mod browser;
mod cdp;
mod console;
mod error;
mod paths;
mod server;
mod site;

pub use browser::{wait_timeout, Browser};
pub use console::{ConsoleEntry, ConsoleLevel, ResourceEntry};
pub use error::HarnessError;
pub use paths::{artifacts_dir, repo_root};
pub use server::{ServedRequest, StaticServer};
pub use site::Site;

use std::ops::Deref;

/// What a test function returns: any error fails the test with its message.
pub type TestResult = Result<(), Box<dyn std::error::Error>>;

/// A served site opened in a fresh headless Chromium.
pub struct App {
    browser: Browser,
    server: StaticServer,
}

impl App {
    /// Serves `site`, starts a browser, opens the site's root and waits for the app to mount.
    pub async fn launch(site: Site) -> Result<Self, HarnessError> {
        let server = StaticServer::start(&site).await?;
        let browser = Browser::start().await?;
        let app = App { browser, server };
        match app.goto("").await {
            Ok(()) => Ok(app),
            Err(HarnessError::Timeout { after, .. }) => Err(HarnessError::AppDidNotMount {
                after,
                failed_requests: app.server.failed_requests(),
            }),
            Err(other) => Err(other),
        }
    }

    /// Navigates to `path`, relative to the site's mount point (`""` is the root).
    pub async fn goto(&self, path: &str) -> Result<(), HarnessError> {
        self.browser.goto(&self.server.url(path)).await
    }

    /// The static server behind this app.
    pub fn server(&self) -> &StaticServer {
        &self.server
    }

    /// Quits the browser and stops the server.
    pub async fn close(self) -> TestResult {
        let closed = self.browser.close().await;
        self.server.stop().await;
        closed
    }
}

impl Deref for App {
    type Target = Browser;

    fn deref(&self) -> &Browser {
        &self.browser
    }
}
