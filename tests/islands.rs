//! Islands (`src/island.rs`) whose module cannot be loaded say so in their place, also after their root
//! is rendered again, and the rest of the page keeps working.

mod support;

use std::path::PathBuf;

use support::{App, HarnessError, Site, TestResult};

/// A copy of `dist/` without the result module's Wasm, as after a failed deploy or a dropped download.
fn site_without_the_result_module() -> std::io::Result<PathBuf> {
    let dist = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist");
    let copy = std::env::temp_dir().join(format!("cors-explainer-islands-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&copy);
    std::fs::create_dir_all(&copy)?;
    for entry in std::fs::read_dir(dist)? {
        let entry = entry?;
        if entry.file_name() != "result_bg.wasm" && entry.file_type()?.is_file() {
            std::fs::copy(entry.path(), copy.join(entry.file_name()))?;
        }
    }
    Ok(copy)
}

/// What the details' root shows in place of its content, once it is marked as failed.
async fn failure_text(app: &App) -> Result<Option<String>, HarnessError> {
    let text = app
        .execute(
            "const root = document.getElementById('result-details');
             if (!root || !root.hasAttribute('data-failed')) return null;
             return getComputedStyle(root, '::before').content;",
            vec![],
        )
        .await?;
    Ok(text.as_str().map(str::to_owned))
}

async fn wait_for_failure(app: &App) -> Result<String, HarnessError> {
    app.wait_until(
        "the result's details to say they could not be loaded",
        || async { Ok(failure_text(app).await?.is_some()) },
    )
    .await?;
    Ok(failure_text(app).await?.unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_module_that_cannot_load_says_so_in_its_place_and_the_verdict_stays() -> TestResult {
    let site = site_without_the_result_module()?;
    let app = App::launch(Site::new(&site)).await?;
    app.goto("?case=put-needs-preflight&step=7").await?;
    let text = wait_for_failure(&app).await?;
    assert!(text.contains("could not be loaded"), "{text:?}");
    let title = app.text_of_testid("banner-title").await?;
    assert!(title.contains("Blocked"), "the banner stays: {title:?}");

    // A root rendered again after the failure is marked at once.
    app.click_testid("back").await?;
    app.wait_for_testid("step-heading").await?;
    app.click_testid("next").await?;
    let text = wait_for_failure(&app).await?;
    assert!(text.contains("could not be loaded"), "{text:?}");
    app.close().await?;
    let _ = std::fs::remove_dir_all(site);
    Ok(())
}
