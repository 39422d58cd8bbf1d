//! The landing page's front door in a real browser at 1280x800: a pasted message of each browser is
//! explained on the first screen, without scrolling, with what the server must send for the
//! message's own origin (or the stated assumption); no internal name reaches the visible text; an
//! edited assumption changes the fix; axe-core finds nothing on the diagnosis in either theme.
//! Screenshots (`artifacts/front-door-*.png`) at 1280 and 390 px, light and dark.

mod support;

use serde_json::Value;
use support::{repo_root, App, HarnessError, Site, TestResult};

const CHROME: &str = "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.";
const FIREFOX: &str = "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/data. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200.";
const SAFARI: &str = "Origin http://localhost:3000 is not allowed by Access-Control-Allow-Origin. Status code: 200\nFetch API cannot load https://api.example.com/data due to access control checks.";

/// Resizes the window so the page's viewport is `width` x `height` CSS pixels.
async fn viewport(app: &App, width: u32, height: u32) -> Result<(), HarnessError> {
    app.client()
        .set_window_size(width, height)
        .await
        .map_err(HarnessError::webdriver("resizing the window"))?;
    let inner = app
        .execute("return [window.innerWidth, window.innerHeight];", vec![])
        .await?;
    let got = |i: usize| inner[i].as_u64().unwrap_or(0) as u32;
    let (extra_w, extra_h) = (width.saturating_sub(got(0)), height.saturating_sub(got(1)));
    if (extra_w > 0 || extra_h > 0) && extra_w < 200 && extra_h < 200 {
        app.client()
            .set_window_size(width + extra_w, height + extra_h)
            .await
            .map_err(HarnessError::webdriver("resizing the window"))?;
    }
    Ok(())
}

/// Sets the paste box's value the way pasting does (one `input` event), without clicking anything.
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

/// Waits until the diagnosis's verdict says the request is blocked.
async fn wait_for_blocked_verdict(app: &App) -> Result<(), HarnessError> {
    app.wait_until("the verdict", || async {
        Ok(app
            .text_of_testid("diagnose-verdict")
            .await?
            .contains("Blocked"))
    })
    .await
}

/// Types a value into an input (one `input` event).
async fn type_into(app: &App, testid: &str, text: &str) -> Result<(), HarnessError> {
    app.execute(
        "const input = document.querySelector(`[data-testid=\"${arguments[0]}\"]`);
         input.value = arguments[1];
         input.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![
            Value::String(testid.to_owned()),
            Value::String(text.to_owned()),
        ],
    )
    .await
    .map(|_| ())
}

/// Whether some element matching `selector`, whose text contains `text`, lies wholly inside the
/// viewport, and the page is not scrolled.
async fn on_first_screen(app: &App, selector: &str, text: &str) -> Result<bool, HarnessError> {
    let found = app
        .execute(
            "if (window.scrollY !== 0) return false;
             return [...document.querySelectorAll(arguments[0])].some(e => {
               const r = e.getBoundingClientRect();
               return e.innerText.includes(arguments[1]) && r.height > 0 && r.top >= 0
                 && r.bottom <= window.innerHeight;
             });",
            vec![
                Value::String(selector.to_owned()),
                Value::String(text.to_owned()),
            ],
        )
        .await?;
    Ok(found == Value::Bool(true))
}

async fn wait_on_first_screen(app: &App, selector: &str, text: &str) -> Result<(), HarnessError> {
    app.wait_until(
        &format!("{selector} with {text:?} on the first screen"),
        || async { on_first_screen(app, selector, text).await },
    )
    .await
}

/// Check ids that are also the Fetch standard's own words in prose: the `same-origin` mode and the
/// `credentials` option (`credentials: 'include'`).
const PLAIN_WORDS: [&str; 2] = ["same-origin", "credentials"];

/// Every Chromium enum name and engine check id found in the page's visible text.
async fn internal_names(app: &App) -> Result<Vec<String>, HarnessError> {
    let ids: Vec<Value> = cors_rules::CheckId::ALL
        .iter()
        .map(|c| c.id())
        .filter(|id| !PLAIN_WORDS.contains(id))
        .map(|id| Value::String(id.to_owned()))
        .collect();
    let found = app
        .execute(
            "const text = document.body.innerText;
             const enums = text.match(/\\bk[A-Z][a-zA-Z]+/g) || [];
             const ids = arguments[0].filter(id => new RegExp('(^|[^a-z-])' + id + '($|[^a-z-])').test(text));
             return enums.concat(ids);",
            vec![Value::Array(ids)],
        )
        .await?;
    Ok(found
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default())
}

async fn landing(theme: &str, width: u32, height: u32) -> Result<App, HarnessError> {
    let app = App::launch(Site::dist()).await?;
    viewport(&app, width, height).await?;
    app.goto(&format!("?theme={theme}")).await?;
    app.wait_for_testid("diagnose-input").await?;
    Ok(app)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_first_screen_offers_pasting_walking_through_and_the_gallery() -> TestResult {
    let app = landing("light", 1280, 800).await?;
    wait_on_first_screen(&app, "[data-testid=diagnose]", "Paste the error you see").await?;
    wait_on_first_screen(&app, "[data-testid=door-walk]", "step by step").await?;
    wait_on_first_screen(&app, "[data-testid=to-gallery]", "gallery").await?;
    app.click_testid("walk-through").await?;
    app.wait_until("focus on the step heading", || async {
        let focused = app
            .execute(
                "return document.activeElement && document.activeElement.id;",
                vec![],
            )
            .await?;
        Ok(focused == Value::String("step-heading".to_owned()))
    })
    .await?;
    app.assert_no_console_errors().await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn on_a_phone_pasting_comes_first() -> TestResult {
    let app = landing("light", 390, 844).await?;
    let order = app
        .execute(
            "const paste = document.querySelector('[data-testid=diagnose-input]').getBoundingClientRect();
             const walk = document.querySelector('[data-testid=door-walk]').getBoundingClientRect();
             return [paste.bottom <= window.innerHeight, paste.top < walk.top,
                     document.documentElement.scrollWidth - document.documentElement.clientWidth];",
            vec![],
        )
        .await?;
    assert_eq!(
        order[0],
        Value::Bool(true),
        "the paste box is below the first screen"
    );
    assert_eq!(
        order[1],
        Value::Bool(true),
        "walking through comes before pasting"
    );
    assert_eq!(order[2].as_i64(), Some(0), "the page scrolls sideways");
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn on_a_phone_the_verdict_comes_right_under_the_message_before_what_it_assumes() -> TestResult
{
    let app = landing("light", 390, 844).await?;
    paste(&app, CHROME).await?;
    wait_for_blocked_verdict(&app).await?;
    let tops = app
        .execute(
            "const top = (id) => document.querySelector(`[data-testid=${id}]`).getBoundingClientRect().top;
             return [top('diagnose-check'), top('diagnose-verdict'), top('diagnose-assumptions')];",
            vec![],
        )
        .await?;
    let top = |i: usize| tops[i].as_f64().unwrap_or(f64::NAN);
    assert!(top(0) < top(1), "the verdict is above the title: {tops}");
    assert!(
        top(1) < top(2),
        "what the message assumes comes before the verdict: {tops}"
    );
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pasted_chrome_preflight_message_is_explained_and_its_method_can_be_given() -> TestResult
{
    let app = landing("light", 1280, 800).await?;
    paste(&app, CHROME).await?;
    wait_on_first_screen(&app, "[data-testid=diagnose-check]", "preflight").await?;
    wait_on_first_screen(&app, "[data-testid=diagnose-verdict]", "Blocked").await?;
    wait_on_first_screen(
        &app,
        ".must-send .fix-line",
        "Access-Control-Allow-Origin: http://localhost:3000",
    )
    .await?;
    wait_on_first_screen(&app, ".assumption", "Method").await?;
    let names = internal_names(&app).await?;
    assert!(names.is_empty(), "internal names in the page: {names:?}");

    type_into(&app, "assumed-method", "DELETE").await?;
    app.wait_until("the fix to allow DELETE", || async {
        let snippet = app.text_of_testid("diagnose-snippet").await?;
        Ok(snippet.contains("DELETE"))
    })
    .await?;
    let value = app
        .execute(
            "return document.querySelector('[data-testid=assumed-method]').value;",
            vec![],
        )
        .await?;
    assert_eq!(value, Value::String("DELETE".to_owned()));
    app.assert_no_console_errors().await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pasted_firefox_message_states_the_page_origin_it_assumes_and_follows_an_edit(
) -> TestResult {
    let app = landing("light", 1280, 800).await?;
    paste(&app, FIREFOX).await?;
    wait_on_first_screen(
        &app,
        "[data-testid=diagnose-check]",
        "Access-Control-Allow-Origin",
    )
    .await?;
    let assumed = app
        .execute(
            "return document.querySelector('[data-testid=assumed-page-origin]').value;",
            vec![],
        )
        .await?;
    let assumed = assumed.as_str().unwrap_or_default().to_owned();
    assert!(assumed.starts_with("http"), "assumed origin {assumed:?}");
    wait_on_first_screen(&app, ".assumption", "Page origin").await?;
    wait_on_first_screen(
        &app,
        ".must-send .fix-line",
        &format!("Access-Control-Allow-Origin: {assumed}"),
    )
    .await?;
    let names = internal_names(&app).await?;
    assert!(names.is_empty(), "internal names in the page: {names:?}");

    type_into(&app, "assumed-page-origin", "https://shop.example").await?;
    app.wait_until("the fix to name the edited origin", || async {
        let must_send = app.text_of_testid("diagnose-must-send").await?;
        let snippet = app.text_of_testid("diagnose-snippet").await?;
        Ok(
            must_send.contains("Access-Control-Allow-Origin: https://shop.example")
                && snippet.contains("https://shop.example"),
        )
    })
    .await?;
    app.assert_no_console_errors().await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pasted_safari_message_is_explained_with_its_origin() -> TestResult {
    let app = landing("light", 1280, 800).await?;
    paste(&app, SAFARI).await?;
    wait_on_first_screen(&app, "[data-testid=diagnose-check]", "").await?;
    wait_on_first_screen(&app, "[data-testid=diagnose-verdict]", "Blocked").await?;
    wait_on_first_screen(
        &app,
        ".must-send .fix-line",
        "Access-Control-Allow-Origin: http://localhost:3000",
    )
    .await?;
    let names = internal_names(&app).await?;
    assert!(names.is_empty(), "internal names in the page: {names:?}");
    let reference = app
        .execute(
            "const a = document.querySelector('[data-testid=diagnose-reference]'); return a && a.getAttribute('href');",
            vec![],
        )
        .await?;
    let reference = reference.as_str().unwrap_or_default().to_owned();
    assert!(
        reference.starts_with("errors/") && reference.ends_with(".html"),
        "reference link {reference:?}"
    );
    app.assert_no_console_errors().await?;
    app.close().await
}

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
    Ok(answer
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_owned())
        .collect())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_diagnosis_has_no_axe_violations_in_either_theme_and_is_photographed() -> TestResult {
    let mut found = Vec::new();
    for theme in ["light", "dark"] {
        for (width, height) in [(1280, 800), (390, 844)] {
            let app = landing(theme, width, height).await?;
            app.screenshot(&format!("front-door-{width}-{theme}"))
                .await?;
            for (browser, text) in [("chrome", CHROME), ("firefox", FIREFOX), ("safari", SAFARI)] {
                paste(&app, text).await?;
                app.wait_for_testid("diagnose-must-send").await?;
                tokio::time::sleep(std::time::Duration::from_millis(150)).await;
                app.screenshot(&format!("front-door-{width}-{theme}-{browser}"))
                    .await?;
                if browser == "chrome" {
                    // The whole diagnosis, down to the security review, in one picture.
                    let bottom = app
                        .execute(
                            "const r = document.querySelector('[data-testid=diagnose-review]').getBoundingClientRect(); return Math.ceil(r.bottom + window.scrollY + 16);",
                            vec![],
                        )
                        .await?;
                    let tall = bottom.as_u64().unwrap_or(3000).min(8000) as u32;
                    viewport(&app, width, tall).await?;
                    app.screenshot(&format!("front-door-{width}-{theme}-{browser}-whole"))
                        .await?;
                    viewport(&app, width, height).await?;
                }
                if width == 1280 {
                    for violation in axe_violations(&app).await? {
                        found.push(format!("{theme} {browser}: {violation}"));
                    }
                }
            }
            app.close().await?;
        }
    }
    assert!(found.is_empty(), "axe violations:\n{}", found.join("\n"));
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_safelisted_header_chrome_listed_in_a_preflight_is_blocked_and_the_value_is_stated(
) -> TestResult {
    let app = landing("dark", 390, 844).await?;
    paste(
        &app,
        "Access to fetch at 'http://localhost:8080/api/items' from origin 'http://localhost:5173' has been blocked by CORS policy: Request header field content-language is not allowed by Access-Control-Allow-Headers in preflight response.",
    )
    .await?;
    wait_for_blocked_verdict(&app).await?;
    app.wait_until("the assumed header value", || async {
        let text = app
            .execute(
                "const row = document.querySelector('.assumption[data-field=assumed-header-values]');
                 return row ? row.textContent : '';",
                vec![],
            )
            .await?;
        Ok(text.as_str().is_some_and(|t| t.contains("content-language: en_US")))
    })
    .await?;
    let why = app
        .execute(
            "const why = document.querySelector('.assumption[data-field=assumed-header-values] .assumed-why');
             return [why.textContent, why.querySelectorAll('code').length];",
            vec![],
        )
        .await?;
    let text = why[0].as_str().unwrap_or_default();
    assert!(!text.contains('`'), "backticks shown as text: {text}");
    assert!(why[1].as_u64().unwrap_or(0) >= 1, "no code in {text}");
    app.assert_no_console_errors().await?;
    app.close().await
}
