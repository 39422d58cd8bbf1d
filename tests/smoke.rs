//! The release build mounts in headless Chromium without console errors.

mod support;

use support::{App, Site, TestResult};

#[tokio::test(flavor = "multi_thread")]
async fn release_build_mounts_with_a_visible_heading_and_a_clean_console() -> TestResult {
    let app = App::launch(Site::dist()).await?;

    let heading = app.wait_for_css("h1").await?;
    assert!(
        heading.is_displayed().await?,
        "the h1 heading is not visible"
    );
    let text = heading.text().await?;
    assert!(!text.trim().is_empty(), "the h1 heading is empty");

    let title = app.client().title().await?;
    assert!(title.contains("CORS Explainer"), "page title was {title:?}");

    app.screenshot("smoke-home").await?;
    app.assert_no_console_errors().await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn harness_reports_console_errors_and_missing_files_of_a_broken_page() -> TestResult {
    let fixture = support::repo_root().join("tests/support/fixtures/console-error");
    let app = App::launch(Site::new(fixture)).await?;
    assert_eq!(app.text_of_testid("fixture-heading").await?, "Fixture");

    app.wait_until("the failed fetch to reach the server", || async {
        let served = app.server().requests();
        Ok(served.iter().any(|r| r.path == "/missing.json"))
    })
    .await?;
    let missing = app.server().requests();
    assert!(
        missing
            .iter()
            .any(|r| r.path == "/missing.json" && r.status == 404),
        "served: {missing:?}"
    );

    let errors = app.console_errors().await?;
    assert!(
        errors.iter().any(|e| e
            .message
            .contains("deliberate error from the harness fixture")),
        "console errors: {errors:?}"
    );
    assert!(app.assert_no_console_errors().await.is_err());
    app.close().await
}
