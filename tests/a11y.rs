//! Accessibility in a real browser: axe-core finds no violations on any step, the expert view, the
//! gallery or the widget, in both themes; the console tabs work by keyboard. Screenshots of every step
//! in both themes (and on a 360 px phone) go to `artifacts/`.

mod support;

use serde_json::Value;
use support::{repo_root, App, HarnessError, Site, TestResult};

/// A case that fills every step (headers, a preflight answer, fixes).
const RICH_CASE: &str = "custom-header-not-allowed";

async fn axe_violations(app: &App) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let axe = std::fs::read_to_string(repo_root().join("node_modules/axe-core/axe.min.js"))
        .map_err(|e| format!("node_modules/axe-core is missing (npm ci): {e}"))?;
    app.execute(&axe, vec![]).await?;
    let script = "const done = arguments[arguments.length - 1];
        axe.run(document, { resultTypes: ['violations'] })
           .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(' | '))))
           .catch(e => done(['axe failed: ' + e]));";
    let answer = app
        .client()
        .execute_async(script, vec![])
        .await
        .map_err(HarnessError::webdriver("running axe"))?;
    let list = answer.as_array().cloned().unwrap_or_default();
    Ok(list
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_owned())
        .collect())
}

async fn open(app: &App, query: &str, ready: &str) -> Result<(), HarnessError> {
    app.goto(query).await?;
    app.wait_for_testid(ready).await?;
    // Let the reactive updates settle before measuring.
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_has_no_axe_violations_in_light_and_dark() -> TestResult {
    let app = App::launch(Site::dist()).await?;
    let mut found = Vec::new();
    for theme in ["light", "dark"] {
        let mut screens: Vec<(String, String, &str)> = (1..=7)
            .map(|n| {
                (
                    format!("step-{n}-{theme}"),
                    format!("?case={RICH_CASE}&step={n}&theme={theme}"),
                    "step-heading",
                )
            })
            .collect();
        screens.push((
            format!("expert-{theme}"),
            format!("?case={RICH_CASE}&view=expert&theme={theme}"),
            "expert-view",
        ));
        screens.push((
            format!("embed-{theme}"),
            format!("?case={RICH_CASE}&embed=1&edit=1&theme={theme}"),
            "embed",
        ));
        screens.push((
            format!("first-visit-{theme}"),
            format!("?theme={theme}"),
            "gallery",
        ));
        for (name, query, ready) in screens {
            open(&app, &query, ready).await?;
            app.screenshot(&name).await?;
            for violation in axe_violations(&app).await? {
                found.push(format!("{name}: {violation}"));
            }
        }
    }
    assert!(found.is_empty(), "axe violations:\n{}", found.join("\n"));
    app.assert_no_console_errors().await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn every_step_fits_a_360_pixel_phone_without_sideways_scrolling() -> TestResult {
    let app = App::launch(Site::dist()).await?;
    app.client().set_window_size(360, 780).await?;
    for n in 1..=7 {
        for theme in ["light", "dark"] {
            open(
                &app,
                &format!("?case={RICH_CASE}&step={n}&theme={theme}"),
                "step-heading",
            )
            .await?;
            app.screenshot(&format!("phone-step-{n}-{theme}")).await?;
        }
        let overflow = app
            .execute("return document.documentElement.scrollWidth - document.documentElement.clientWidth;", vec![])
            .await?;
        assert!(
            overflow.as_f64().unwrap_or_default() <= 0.0,
            "step {n} scrolls sideways by {overflow}px"
        );
    }
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_console_tabs_follow_the_arrow_keys() -> TestResult {
    let app = App::launch(Site::dist()).await?;
    open(&app, "?case=trailing-slash&step=7", "console-tab-chrome").await?;
    let chrome = app.wait_for_testid("console-tab-chrome").await?;
    chrome.send_keys("\u{E014}").await?; // ArrowRight
    app.wait_until("Firefox to be selected and focused", || async {
        let state = app
            .execute(
                "const t = document.querySelector('[data-testid=console-tab-firefox]');
                 return [t.getAttribute('aria-selected'), document.activeElement === t];",
                vec![],
            )
            .await?;
        Ok(state == Value::from(vec![Value::from("true"), Value::from(true)]))
    })
    .await?;
    app.close().await
}
