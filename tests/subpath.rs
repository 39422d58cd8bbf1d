//! The site built for a sub-path (`--public-url /cors-explainer/`, as on GitHub Pages)
//! mounts there and loads every asset from under that path, as one Wasm module.

mod support;

use support::{App, Site, TestResult};

const MOUNT: &str = "/cors-explainer/";

#[tokio::test(flavor = "multi_thread")]
async fn site_built_for_a_subpath_mounts_and_loads_every_asset_from_it() -> TestResult {
    let app = App::launch(Site::subpath()).await?;
    app.wait_for_css("h1").await?;
    app.goto("?step=7").await?;
    app.wait_for_testid("live-run").await?;
    app.execute(
        "document.getElementById('diagnose').scrollIntoView({ block: 'start', behavior: 'instant' });",
        vec![],
    )
    .await?;
    app.wait_for_testid("diagnose-input").await?;

    let served = app.server().requests();
    let failed: Vec<_> = served.iter().filter(|r| r.status >= 400).collect();
    assert!(failed.is_empty(), "the server answered errors: {failed:?}");
    let outside: Vec<_> = served
        .iter()
        .filter(|r| !r.path.starts_with(MOUNT))
        .collect();
    assert!(outside.is_empty(), "requests outside {MOUNT}: {outside:?}");

    let origin = app.server().origin();
    let resources = app.resource_entries().await?;
    assert!(
        resources
            .iter()
            .filter(|r| r.url.ends_with(".wasm"))
            .count()
            == 1,
        "the page did not load exactly one .wasm module: {resources:?}"
    );
    for resource in resources.iter().filter(|r| r.url.starts_with(&origin)) {
        let path = &resource.url[origin.len()..];
        assert!(
            path.starts_with(MOUNT),
            "{} is outside {MOUNT}",
            resource.url
        );
        assert!(
            resource.status < 400,
            "{} answered {}",
            resource.url,
            resource.status
        );
    }

    app.screenshot("subpath-home").await?;
    app.assert_no_console_errors().await?;
    app.close().await
}
