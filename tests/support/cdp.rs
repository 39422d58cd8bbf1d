//! Chrome DevTools Protocol commands through chromedriver (`goog/cdp/execute`), for what WebDriver
//! cannot do: running a script in every document before the page's own scripts.

use fantoccini::wd::WebDriverCompatibleCommand;
use http::Method;
use serde_json::{json, Value};
use url::{ParseError, Url};

use super::browser::Browser;
use super::error::HarnessError;

/// chromedriver's `POST /session/{id}/goog/cdp/execute`: one DevTools command and its parameters.
#[derive(Debug)]
struct CdpCommand {
    cmd: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for CdpCommand {
    fn endpoint(&self, base_url: &Url, session_id: Option<&str>) -> Result<Url, ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &Url) -> (Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (Method::POST, Some(body.to_string()))
    }
}

impl Browser {
    /// Runs `source` in every document this browser opens from now on (frames included), before any
    /// script of the page: `Page.addScriptToEvaluateOnNewDocument`. The page's Content-Security-Policy
    /// does not apply to it.
    pub async fn run_before_every_page(&self, source: &str) -> Result<(), HarnessError> {
        let command = CdpCommand {
            cmd: "Page.addScriptToEvaluateOnNewDocument",
            params: json!({ "source": source }),
        };
        self.client()
            .issue_cmd(command)
            .await
            .map(|_| ())
            .map_err(HarnessError::webdriver(
                "adding a script for every new document",
            ))
    }
}
