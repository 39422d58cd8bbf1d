//! The prerendered pages (`scripts/prerender.mjs`, `src/prerendered.rs`) in a real browser.
//! The module's start is held back by a script run before the page's own, so the tests see the
//! page as a visitor on a slow network does while the module downloads: the landing page is there
//! to read; what the visitor pastes and chooses there, and the focus, carry over to the app; a
//! prerendered link (a gallery case, its widget, a link of the error reference) shows its own page
//! and the app then says the same; any other link that opens a scenario keeps only the copy's
//! header, and its widget hides it all; a link's theme applies at once; the built pages carry the
//! copy, the notice for browsers without JavaScript, and a page for every gallery case.

mod support;

use serde_json::Value;
use support::{repo_root, App, HarnessError, Site, TestResult};

/// Holds every WebAssembly instantiation until the page calls `window.releaseModule()`.
const HOLD_THE_MODULE: &str = r#"
(() => {
  let release;
  const released = new Promise((ok) => { release = ok; });
  window.releaseModule = () => release();
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = async (...args) => { await released; return original.apply(WebAssembly, args); };
  }
})();
"#;

const FIREFOX: &str = "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/data. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200.";

/// The app with every later page's module held back until [`release`].
async fn launch_held() -> Result<App, HarnessError> {
    let app = App::launch(Site::dist()).await?;
    app.run_before_every_page(HOLD_THE_MODULE).await?;
    Ok(app)
}

/// Opens `path` of the app with the module held back; the copy is on screen when this returns.
async fn open_held(app: &App, path: &str) -> Result<(), HarnessError> {
    app.client()
        .goto(&app.server().url(path))
        .await
        .map_err(HarnessError::webdriver("opening the page"))?;
    app.wait_for_css("#prerendered").await?;
    Ok(())
}

async fn script(app: &App, source: &str) -> Result<Value, HarnessError> {
    app.execute(source, Vec::new()).await
}

/// Lets the module start and waits until the app has replaced the copy.
async fn release(app: &App) -> Result<(), HarnessError> {
    script(app, "window.releaseModule();").await?;
    app.wait_for_app().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_visitor_reads_the_landing_page_and_what_they_paste_meanwhile_is_kept() -> TestResult {
    let app = launch_held().await?;
    open_held(&app, "").await?;
    let shown = script(
        &app,
        "const copy = document.getElementById('prerendered');
         return [getComputedStyle(copy).display, copy.querySelector('h1').textContent,
                 copy.textContent.includes('Paste the error you see'),
                 document.querySelectorAll('body > :not(#prerendered):not(noscript):not(script)').length];",
    )
    .await?;
    assert_eq!(shown[0], "block", "the copy is shown on a bare visit");
    assert!(
        shown[1]
            .as_str()
            .is_some_and(|h| h.contains("CORS Explainer")),
        "{shown}"
    );
    assert_eq!(shown[2], true, "the front door is in the copy: {shown}");
    assert_eq!(shown[3], 0, "the app has not started yet: {shown}");

    // The visitor pastes a message, forces its kind and leaves the focus in the box.
    script(
        &app,
        &format!(
            "const box = document.getElementById('diagnose-input');
             box.value = {FIREFOX:?};
             document.getElementById('diagnose-kind').value = 'console';
             box.focus();"
        ),
    )
    .await?;
    release(&app).await?;

    let kept = script(
        &app,
        "return [document.getElementById('diagnose-input').value,
                 document.getElementById('diagnose-kind').value,
                 document.activeElement && document.activeElement.id];",
    )
    .await?;
    assert_eq!(kept[0], FIREFOX, "the pasted text is in the app's box");
    assert_eq!(kept[1], "console", "the chosen kind is kept");
    assert_eq!(kept[2], "diagnose-input", "the focus stays in the box");
    // The app read the text: the diagnosis follows it.
    let verdict = app.text_of_testid("diagnose-verdict").await?;
    assert!(!verdict.is_empty(), "a diagnosis is shown");
    app.assert_no_console_errors().await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_link_that_opens_a_scenario_keeps_only_the_header_and_applies_its_theme_at_once(
) -> TestResult {
    let app = launch_held().await?;
    // Step 3 of a case is not one of the prerendered links: nothing is fetched for it.
    open_held(&app, "?case=trailing-slash&step=3&theme=dark").await?;
    let state = script(
        &app,
        "const copy = document.getElementById('prerendered');
         const shown = (selector) => getComputedStyle(copy.querySelector(selector)).display !== 'none';
         return [shown('.site-header'), shown('[data-testid=front-door]'), shown('.workbench'),
                 getComputedStyle(copy.querySelector('main'), '::before').content,
                 document.documentElement.dataset.theme];",
    )
    .await?;
    assert_eq!(state[0], true, "the header stays: {state}");
    assert_eq!(state[1], false, "the front door goes: {state}");
    assert_eq!(state[2], false, "the landing page's wizard goes: {state}");
    assert!(
        state[3]
            .as_str()
            .is_some_and(|c| c.contains("Opening the linked request")),
        "says what is coming: {state}"
    );
    assert_eq!(
        state[4], "dark",
        "the link's theme applies before the module"
    );
    let fetched = script(
        &app,
        "return performance.getEntriesByType('resource').filter((e) => e.name.includes('/prerendered/')).length;",
    )
    .await?;
    assert_eq!(
        fetched, 0,
        "no copy is fetched for a link the build did not prerender"
    );
    release(&app).await?;
    app.wait_for_testid("step-3").await?;

    // The widget of a link the build did not prerender shows nothing of the site.
    open_held(&app, "?embed=1&case=simple-get&step=3").await?;
    let display = script(
        &app,
        "return getComputedStyle(document.getElementById('prerendered')).display;",
    )
    .await?;
    assert_eq!(display, "none");
    release(&app).await?;

    // A bare visit with only a theme is still the landing page: the copy shows, in that theme.
    open_held(&app, "?theme=dark").await?;
    let state = script(
        &app,
        "return [getComputedStyle(document.getElementById('prerendered')).display,
                 document.documentElement.dataset.theme];",
    )
    .await?;
    assert_eq!(state[0], "block");
    assert_eq!(state[1], "dark");
    release(&app).await?;
    app.assert_no_console_errors().await?;
    app.close().await
}

/// The first link of the error reference into the app (`../?s=…&step=7`), as a path of the site.
fn first_reference_link() -> String {
    let dir = repo_root().join("dist/errors");
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}: build the site first", dir.display()))
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "html"))
        .collect();
    pages.sort();
    pages
        .iter()
        .find_map(|path| {
            let html = std::fs::read_to_string(path).ok()?;
            let start = html.find("href=\"../?s=")? + "href=\"../".len();
            let end = start + html[start..].find('"')?;
            Some(html[start..end].replace("&amp;", "&"))
        })
        .unwrap_or_else(|| panic!("{}: no page links into the app", dir.display()))
}

/// The copy's and then the app's text of each of `testids`.
async fn texts(app: &App, testids: &[&str]) -> Result<Vec<String>, HarnessError> {
    let mut out = Vec::new();
    for id in testids {
        out.push(app.text_of_testid(id).await?);
    }
    Ok(out)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_link_people_arrive_by_shows_its_page_before_the_module_and_the_app_takes_over(
) -> TestResult {
    let app = launch_held().await?;
    let shown = ["verdict", "banner-title", "console-text"];

    // A gallery case at its verdict, in the link's theme.
    open_held(&app, "?case=trailing-slash&step=7&theme=dark").await?;
    app.wait_for_css("#prerendered [data-testid=console-text]")
        .await?;
    let state = script(
        &app,
        "const root = document.documentElement;
         return [root.dataset.linked === undefined, root.dataset.theme,
                 getComputedStyle(document.querySelector('#prerendered [data-testid=step-7]')).display,
                 document.querySelectorAll('body > :not(#prerendered):not(noscript):not(script)').length];",
    )
    .await?;
    assert_eq!(
        state[0], true,
        "the copy of the linked page is shown in full: {state}"
    );
    assert_eq!(state[1], "dark", "in the link's theme: {state}");
    assert_ne!(state[2], "none", "at its step: {state}");
    assert_eq!(state[3], 0, "before the app started: {state}");
    let copy = texts(&app, &shown).await?;
    assert!(copy[2].contains("Access-Control-Allow-Origin"), "{copy:?}");
    // A console tab pressed in the copy is pressed in the app.
    app.wait_for_css("#prerendered [data-testid=console-tab-firefox]")
        .await?
        .click()
        .await
        .map_err(HarnessError::webdriver(
            "pressing the Firefox tab in the copy",
        ))?;
    release(&app).await?;
    let live = texts(&app, &shown[..2]).await?;
    assert_eq!(live, copy[..2], "the app says what the copy said");
    let console = app.text_of_testid("console-text").await?;
    assert!(
        console.starts_with("Cross-Origin Request Blocked"),
        "the Firefox tab is open: {console}"
    );

    // A gallery case's widget, as a page that embeds it opens it.
    open_held(&app, "?embed=1&case=wildcard-with-credentials").await?;
    app.wait_for_css("#prerendered [data-testid=embed]").await?;
    let display = script(
        &app,
        "return getComputedStyle(document.getElementById('prerendered')).display;",
    )
    .await?;
    assert_eq!(display, "block", "the widget's copy is shown");
    let copy = texts(&app, &["banner-title", "console-text"]).await?;
    release(&app).await?;
    app.wait_for_testid("embed").await?;
    assert_eq!(
        texts(&app, &["banner-title", "console-text"]).await?,
        copy,
        "the widget says what its copy said"
    );

    // A link of the error reference.
    let link = first_reference_link();
    open_held(&app, &link).await?;
    app.wait_for_css("#prerendered [data-testid=console-text]")
        .await?;
    let copy = texts(&app, &shown).await?;
    release(&app).await?;
    assert_eq!(
        texts(&app, &shown).await?,
        copy,
        "{link}: the app says what the copy said"
    );
    app.assert_no_console_errors().await?;
    app.close().await
}

#[test]
fn every_gallery_case_and_reference_link_has_its_prerendered_page() {
    for site in ["dist", "dist-subpath"] {
        let dir = repo_root().join(site).join("prerendered");
        let entries = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}: build the site first", dir.display()));
        let html = std::fs::read_to_string(repo_root().join(site).join("index.html"))
            .unwrap_or_else(|e| panic!("{site}/index.html: {e}"));
        let mut keys = Vec::new();
        for entry in entries {
            let path = entry.expect("a directory entry").path();
            let name = path
                .file_stem()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_owned();
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let key = text
                .strip_prefix("<div data-key=\"")
                .and_then(|rest| rest.split('"').next())
                .unwrap_or_else(|| panic!("{}: no key", path.display()));
            assert!(
                html.contains(&name),
                "{site}: index.html does not list {name}"
            );
            assert!(
                text.contains("data-testid=\"verdict\"") || text.contains("data-testid=\"embed\""),
                "{}: neither the site nor the widget",
                path.display()
            );
            keys.push(key.replace("&amp;", "&"));
        }
        for case in cors_explainer::gallery::CASES {
            for end in [
                "7|wizard",
                "1|wizard",
                "1|expert",
                "1|wizard|widget",
                "1|wizard|widget-editable",
            ] {
                let key = format!("case:{}|{end}", case.id);
                assert!(keys.contains(&key), "{site}: no page for {key}");
            }
        }
        let link = first_reference_link();
        let encoded = link
            .trim_start_matches("?s=")
            .split('&')
            .next()
            .unwrap_or_default();
        assert!(
            keys.iter()
                .any(|key| key.starts_with(&format!("s:{encoded}|7|"))),
            "{site}: no page for the reference's {link}"
        );
    }
}

#[test]
fn the_built_page_carries_the_landing_page_and_a_notice_for_browsers_without_javascript() {
    for site in ["dist", "dist-subpath"] {
        let path = repo_root().join(site).join("index.html");
        let html = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e}: build the site first", path.display()));
        assert_eq!(
            html.matches("id=\"prerendered\"").count(),
            1,
            "{site}: one copy"
        );
        assert_eq!(html.matches("<noscript").count(), 1, "{site}: one notice");
        let copy = &html[html.find("id=\"prerendered\"").unwrap_or(0)..];
        for text in [
            "Paste the error you see",
            "Walk through a request",
            "Gallery",
        ] {
            assert!(copy.contains(text), "{site}: the copy lacks {text:?}");
        }
        let notice =
            &html[html.find("<noscript").unwrap_or(0)..html.find("</noscript>").unwrap_or(0)];
        assert!(
            notice.contains("errors/"),
            "{site}: the notice links to the error reference: {notice}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_button_pressed_before_the_module_is_pressed_once_the_app_has_started() -> TestResult {
    let app = launch_held().await?;
    let press = |selector: &'static str| {
        let app = &app;
        async move {
            app.wait_for_css(selector)
                .await?
                .click()
                .await
                .map_err(HarnessError::webdriver(format!("clicking {selector}")))
        }
    };

    // A first visit: the tour's invitation is in the copy; "Take the tour" is pressed meanwhile.
    open_held(&app, "").await?;
    press("#prerendered [data-testid=tour-start]").await?;
    let pending = script(
        &app,
        "return document.documentElement.dataset.pendingClick || '';",
    )
    .await?;
    assert_ne!(pending, "", "the press is remembered");
    release(&app).await?;
    let count = app
        .wait_for_css(".tour-count")
        .await?
        .text()
        .await
        .map_err(HarnessError::webdriver("reading the tour's count"))?;
    assert!(
        count.to_lowercase().contains("case 1 of"),
        "the tour started: {count}"
    );

    // A returning visitor: the copy hides the invitation the app no longer renders, so the places
    // of the elements after it still match; a gallery case pressed meanwhile opens.
    script(
        &app,
        "localStorage.setItem('cors-explainer.tour-done', '1');",
    )
    .await?;
    open_held(&app, "").await?;
    press("#prerendered [data-testid=case-trailing-slash]").await?;
    release(&app).await?;
    app.wait_for_testid("step-7").await?;
    let console = app.text_of_testid("console-text").await?;
    assert!(console.contains("Access-Control-Allow-Origin"), "{console}");
    app.assert_no_console_errors().await?;
    app.close().await
}
