//! Share links in a real browser: a link restores the scenario, the step and the view; edits land in
//! the address; malformed or hostile links show a friendly message and inject nothing.

mod support;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use fantoccini::Locator;
use serde_json::{json, Value};
use support::{App, Browser, HarnessError, Site, TestResult};

fn link(scenario: &Value, rest: &str) -> String {
    format!("?s={}{rest}", URL_SAFE_NO_PAD.encode(scenario.to_string()))
}

async fn input_value(app: &App, id: &str) -> Result<String, HarnessError> {
    let element = app.wait_for_css(&format!("#{id}")).await?;
    let value = element.prop("value").await;
    Ok(value
        .map_err(HarnessError::webdriver(format!("reading #{id}")))?
        .unwrap_or_default())
}

/// Elements a hostile link could try to inject, and whether its script ran.
async fn injected(app: &App) -> Result<Value, HarnessError> {
    app.execute(
        "return [document.querySelectorAll('body script, body img, body iframe').length, typeof window.__pwned];",
        vec![],
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_share_link_restores_the_scenario_the_step_and_the_view() -> TestResult {
    let scenario = json!({
        "page": "http://localhost:5173",
        "request": {"url": "http://localhost:8080/api/todos", "method": "patch", "headers": [["X-Trace", "1"]]},
        "server": [{"url": "http://localhost:8080/api/todos", "response": {"status": 200, "headers": []}}]
    });
    let app = App::launch(Site::dist()).await?;
    app.goto(&link(&scenario, "&step=3")).await?;
    assert_eq!(
        app.text_of_testid("step-heading").await?,
        "Which HTTP method does the script use?"
    );
    assert_eq!(input_value(&app, "method").await?, "patch");

    app.goto(&link(&scenario, "&view=expert")).await?;
    app.wait_for_testid("expert-view").await?;
    assert_eq!(
        input_value(&app, "page-origin").await?,
        "http://localhost:5173"
    );
    assert_eq!(
        input_value(&app, "target-url").await?,
        "http://localhost:8080/api/todos"
    );
    assert_eq!(input_value(&app, "req-headers-0-name").await?, "X-Trace");
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn an_edit_lands_in_the_address_and_reloading_it_restores_the_edit() -> TestResult {
    let app = App::launch(Site::dist()).await?;
    app.goto("?step=3").await?;
    app.click_testid("method-DELETE").await?;
    app.wait_until("the address to carry the scenario", || async {
        let url = app
            .client()
            .current_url()
            .await
            .map_err(HarnessError::webdriver("reading the address"))?;
        Ok(url.query().unwrap_or_default().contains("s="))
    })
    .await?;
    let address = app.client().current_url().await?;
    app.client().goto("about:blank").await?;
    Browser::goto(&app, address.as_str()).await?;
    assert_eq!(input_value(&app, "method").await?, "DELETE");
    assert_eq!(
        app.text_of_testid("step-heading").await?,
        "Which HTTP method does the script use?"
    );
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn garbage_in_the_link_shows_a_friendly_message_and_the_default_example() -> TestResult {
    let app = App::launch(Site::dist()).await?;
    app.goto("?s=%25%25not*base64!!&step=2").await?;
    let message = app.text_of_testid("link-problem").await?;
    assert!(message.contains("could not be opened"), "{message}");
    assert_eq!(
        input_value(&app, "target-url").await?,
        "https://api.example.com/v1/items"
    );
    app.assert_no_console_errors().await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn markup_inside_a_scenario_is_shown_as_text_and_never_runs() -> TestResult {
    let payload = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=1</script>";
    let scenario = json!({
        "page": "https://app.example.com",
        "request": {"url": "https://api.example.com/v1/items", "headers": [["X-Note", payload]]},
        "server": [{"url": "https://api.example.com/v1/items",
                    "response": {"status": 200, "headers": [["Access-Control-Allow-Origin", payload]]}}]
    });
    let app = App::launch(Site::dist()).await?;
    app.goto(&link(&scenario, "&view=expert")).await?;
    app.wait_for_testid("verdict-banner").await?;
    assert_eq!(input_value(&app, "req-headers-0-value").await?, payload);
    let page_text = app.wait_for_css("main").await?.text().await?;
    assert!(
        page_text.contains("<script>"),
        "the markup is not shown as text"
    );
    assert_eq!(injected(&app).await?, json!([0, "undefined"]));
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unknown_field_named_like_markup_is_refused_with_a_message_and_injects_nothing(
) -> TestResult {
    let scenario = json!({
        "page": "https://app.example.com",
        "request": {"url": "https://api.example.com/"},
        "server": [],
        "<script>window.__pwned=1</script>": 1
    });
    let app = App::launch(Site::dist()).await?;
    app.goto(&link(&scenario, "")).await?;
    let message = app.text_of_testid("link-problem").await?;
    assert!(message.contains("<script>"), "{message}");
    assert_eq!(injected(&app).await?, json!([0, "undefined"]));
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_copy_link_button_reports_what_happened() -> TestResult {
    let app = App::launch(Site::dist()).await?;
    app.goto("?case=trailing-slash").await?;
    app.click_testid("copy-link").await?;
    app.wait_until("a copy status", || async {
        let status = app
            .client()
            .find(Locator::Css("[data-testid=copy-status]"))
            .await;
        let status = status.map_err(HarnessError::webdriver("finding the copy status"))?;
        Ok(!status
            .text()
            .await
            .map_err(HarnessError::webdriver("reading the copy status"))?
            .trim()
            .is_empty())
    })
    .await?;
    app.close().await
}
