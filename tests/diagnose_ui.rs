//! The "Paste what you see" panel in a real browser: a pasted Chrome message is recognised, loads into the
//! wizard with the same verdict, the stack picker shows the fix, and pasted markup stays text.

mod support;

use serde_json::Value;
use support::{App, HarnessError, Site, TestResult};

const MESSAGE: &str = "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'http://localhost:3000/' that is not equal to the supplied origin. Have the server send the header with a valid value.";

/// Scrolls to the diagnose section and waits for its panels.
async fn open_panel(app: &App) -> Result<(), HarnessError> {
    app.scroll_until_present("diagnose", "diagnose-input").await
}

/// Sets the textarea's value the way typing does (an `input` event), without typing 300 characters.
async fn paste(app: &App, text: &str) -> Result<(), HarnessError> {
    app.execute(
        "const box = document.querySelector('[data-testid=diagnose-input]');
         box.value = arguments[0];
         box.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![Value::String(text.to_owned())],
    )
    .await
    .map(|_| ())
}

async fn choose_stack(app: &App, id: &str) -> Result<(), HarnessError> {
    app.execute(
        "const select = document.querySelector('[data-testid=diagnose-stack]');
         select.value = arguments[0];
         select.dispatchEvent(new Event('change', { bubbles: true }));",
        vec![Value::String(id.to_owned())],
    )
    .await
    .map(|_| ())
}

/// Scrolls an element to the middle of the window (clear of the sticky verdict bar), then clicks it.
async fn click(app: &App, testid: &str) -> Result<(), HarnessError> {
    app.scroll_to_testid(testid).await?;
    app.click_testid(testid).await
}

async fn wait_for_text(app: &App, testid: &str, expected: &str) -> Result<(), HarnessError> {
    app.wait_until(&format!("{testid} to contain {expected:?}"), || async {
        Ok(app.text_of_testid(testid).await?.contains(expected))
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pasted_chrome_message_becomes_a_scenario_and_a_fix() -> TestResult {
    let app = App::launch(Site::dist()).await?;
    open_panel(&app).await?;
    paste(&app, MESSAGE).await?;
    click(&app, "diagnose-read").await?;
    wait_for_text(&app, "diagnose-check", "names another origin").await?;
    let detected = app.text_of_testid("diagnose-detected").await?;
    assert!(
        detected.to_lowercase().contains("console message"),
        "detected as {detected:?}"
    );

    click(&app, "diagnose-load").await?;
    wait_for_text(&app, "banner-title", "Blocked").await?;
    wait_for_text(
        &app,
        "console-text",
        "that is not equal to the supplied origin",
    )
    .await?;

    choose_stack(&app, "nginx").await?;
    wait_for_text(&app, "diagnose-snippet", "map $http_origin $cors_origin").await?;
    wait_for_text(
        &app,
        "diagnose-snippet",
        "\"http://localhost:3000\" $http_origin;",
    )
    .await?;
    let curl = app.text_of_testid("diagnose-curl").await?;
    assert!(
        curl.contains("Origin: http://localhost:3000"),
        "curl commands: {curl}"
    );
    app.assert_no_console_errors().await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn pasted_markup_is_shown_as_text_and_unknown_text_gets_suggestions() -> TestResult {
    let app = App::launch(Site::dist()).await?;
    open_panel(&app).await?;
    paste(&app, "<img src=x onerror=\"document.title='pwned'\"> No Access-Control-Allow-Origin header on the resource").await?;
    click(&app, "diagnose-read").await?;
    app.wait_for_testid("diagnose-closest").await?;
    assert_eq!(
        app.count_css("#diagnose img").await?,
        0,
        "pasted markup became an element"
    );
    let lines = app.text_of_testid("diagnose-lines").await?;
    assert!(lines.contains("ignored"), "lines: {lines}");
    let title = app.execute("return document.title", vec![]).await?;
    assert_ne!(title, Value::String("pwned".to_owned()));
    app.assert_no_console_errors().await?;
    app.close().await
}
