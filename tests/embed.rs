//! The embeddable widget: a page on another origin embeds it with the documented snippet; it renders
//! without site chrome and its iframe follows its height through `postMessage`.

mod support;

use std::path::PathBuf;

use support::{App, Browser, HarnessError, Site, StaticServer, TestResult};

/// Writes the README's snippet into a host page for another origin, pointing at `app_origin`.
fn host_page(app_origin: &str, case: &str) -> Result<PathBuf, std::io::Error> {
    let dir = std::env::temp_dir().join(format!(
        "cors-explainer-embed-host-{}-{case}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir)?;
    let html = format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title></head><body>
<h1 data-testid="host-heading">A blog post about CORS</h1>
<iframe src="{app_origin}/?embed=1&amp;edit=1&amp;case={case}" title="CORS Explainer: {case}"
        data-cors-explainer style="width:100%;border:0;height:60px"></iframe>
<script src="{app_origin}/embed.js"></script>
</body></html>"#
    );
    std::fs::write(dir.join("index.html"), html)?;
    Ok(dir)
}

async fn iframe_height(browser: &Browser) -> Result<f64, HarnessError> {
    let value = browser
        .execute(
            "return document.querySelector('iframe').getBoundingClientRect().height;",
            vec![],
        )
        .await?;
    Ok(value.as_f64().unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_widget_embedded_on_another_origin_renders_and_resizes_its_iframe() -> TestResult {
    let app = App::launch(Site::dist()).await?;
    let host = StaticServer::start(&Site::new(host_page(
        &app.server().origin(),
        "wildcard-with-credentials",
    )?))
    .await?;
    assert_ne!(host.origin(), app.server().origin());
    app.client().goto(&host.url("")).await?;
    app.text_of_testid("host-heading").await?;

    app.wait_until("the iframe to grow to its content", || async {
        Ok(iframe_height(&app).await? > 200.0)
    })
    .await?;
    let closed = iframe_height(&app).await?;

    app.client().enter_frame(0).await?;
    let title = app.text_of_testid("banner-title").await?;
    assert_eq!(title, "Blocked by CORS");
    assert_eq!(
        app.count_css(".site-header, [data-testid=gallery]").await?,
        0,
        "site chrome inside the widget"
    );
    let summary = app
        .wait_for_css("[data-testid=embed-edit] > summary")
        .await?;
    summary.click().await?;
    app.client().enter_parent_frame().await?;

    app.wait_until("the iframe to follow the opened editor", || async {
        Ok(iframe_height(&app).await? > closed + 200.0)
    })
    .await?;
    app.screenshot("embed-on-another-origin").await?;
    app.assert_no_console_errors().await?;
    host.stop().await;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_widget_links_back_to_the_full_site_with_the_same_scenario() -> TestResult {
    let app = App::launch(Site::dist()).await?;
    app.goto("?embed=1&case=trailing-slash").await?;
    let link = app.wait_for_testid("open-in-site").await?;
    let href = link.attr("href").await?.unwrap_or_default();
    assert!(href.contains("s=") && !href.contains("embed=1"), "{href}");
    app.goto(href.trim_start_matches('/')).await?;
    assert_eq!(app.text_of_testid("banner-title").await?, "Blocked by CORS");
    app.close().await
}
