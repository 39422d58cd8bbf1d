//! The harness page: a page on the lab's app origin that runs a batch of requests per WebDriver call.

use std::time::Duration;

use fantoccini::wd::TimeoutConfiguration;
use serde_json::json;

use crate::browsers::Session;
use crate::error::{HarnessError, Result};
use crate::item::{Item, REQUEST_TIMEOUT};
use crate::lab::Lab;
use crate::observation::ScriptReport;

const RUNNER: &str = include_str!("../assets/runner.js");

/// Requests in flight at once on the page (HTTP/1.1 browsers open about six connections per host).
const CONCURRENCY: u32 = 6;

/// Opens the harness page: the root of the lab's app origin (without `--dist`, a short text page). The
/// page's URL is its origin plus `/`, which is what the engine assumes when a scenario's page is an origin.
///
/// # Errors
/// A WebDriver error.
pub async fn open_page(session: &Session, lab: &Lab) -> Result<()> {
    session
        .client
        .goto(&format!("{}/", lab.app_origin()))
        .await?;
    Ok(())
}

/// Plants the lab's test cookie on every lab host: from a page on that host, a same-origin `fetch` of
/// `/api/cookie`, first `SameSite=Lax`, then `SameSite=None; Secure` (which replaces it where the browser
/// accepts it). A navigation to `/api/cookie` itself would never finish in some browsers (it answers 204).
/// Also sets the session's timeouts. Open the harness page afterwards.
///
/// # Errors
/// A WebDriver error.
pub async fn plant_cookies(session: &Session, lab: &Lab) -> Result<()> {
    let timeouts = TimeoutConfiguration::new(
        Some(Duration::from_secs(600)),
        Some(Duration::from_secs(60)),
        None,
    );
    session.client.update_timeouts(timeouts).await?;
    let script = "var done = arguments[arguments.length - 1];\n\
        fetch('/api/cookie?samesite=lax', {credentials: 'include'})\n\
          .then(function () { return fetch('/api/cookie?samesite=none', {credentials: 'include'}); })\n\
          .then(function () { done(document.cookie); }, function (e) { done(String(e)); });";
    for origin in &lab.origins().app {
        session.client.goto(&format!("{origin}/")).await?;
        session.client.execute_async(script, Vec::new()).await?;
    }
    Ok(())
}

/// Runs `items` on the open harness page and returns one report per item, in the same order.
///
/// # Errors
/// [`HarnessError::Script`] when the page's script fails or returns something else.
pub async fn run_batch(session: &Session, items: &[Item]) -> Result<Vec<ScriptReport>> {
    let script = format!(
        "{RUNNER}\nvar done = arguments[arguments.length - 1];\n\
         conformanceRunAll(arguments[0], arguments[1], arguments[2]).then(done, function (e) {{ done(String(e)); }});"
    );
    let timeout_ms = u64::try_from(REQUEST_TIMEOUT.as_millis()).unwrap_or(10_000);
    let args = vec![json!(items), json!(timeout_ms), json!(CONCURRENCY)];
    let value = session.client.execute_async(&script, args).await?;
    let reports: Vec<ScriptReport> = serde_json::from_value(value.clone()).map_err(|error| {
        HarnessError::Script(format!("{error}: {}", truncate(&value.to_string())))
    })?;
    let mut ordered = Vec::with_capacity(items.len());
    for item in items {
        let report = reports.iter().find(|report| report.id == item.id).cloned();
        ordered.push(
            report.ok_or_else(|| HarnessError::Script(format!("no report for {}", item.id)))?,
        );
    }
    Ok(ordered)
}

fn truncate(text: &str) -> String {
    text.chars().take(400).collect()
}
