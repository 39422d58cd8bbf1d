//! The site's Content-Security-Policy: every page it ships carries a strict one (no `unsafe-inline`, no
//! `unsafe-eval`; trunk's inline loader allowed by its hash), and no view of the app breaks it, the live
//! run against the lab included.
//!
//! Violations are caught twice: a `securitypolicyviolation` listener installed in every document before
//! the page's own scripts (DevTools, `run_before_every_page`), and the console, where Chromium reports
//! each refusal.

mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use cors_lab::server::{Config, LabServer};
use serde_json::{json, Value};
use support::{repo_root, App, Browser, HarnessError, Site, TestResult};

/// Records every violation of the page (and of its frames) in `window.__cspViolations`.
const LISTEN: &str = "window.__cspViolations = [];
addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample || ''}`);
}, true);";

const MESSAGE: &str = "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.";

/// The `content` of the page's CSP meta tag.
fn policy_of(html: &str) -> Option<String> {
    let at = html.find("http-equiv=\"Content-Security-Policy\"")?;
    let tag_start = html[..at].rfind('<')?;
    let tag = &html[tag_start..tag_start + html[tag_start..].find('>')?];
    let content = tag.split("content=\"").nth(1)?;
    Some(content[..content.find('"')?].to_owned())
}

/// The directive `name`'s sources.
fn directive<'p>(policy: &'p str, name: &str) -> Vec<&'p str> {
    policy
        .split(';')
        .map(str::trim)
        .find_map(|d| d.strip_prefix(name).filter(|rest| rest.starts_with(' ')))
        .map(|rest| rest.split_whitespace().collect())
        .unwrap_or_default()
}

/// The text of every inline `<script>` (without `src`).
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let Some(open_end) = rest[start..].find('>') else {
            break;
        };
        let attributes = &rest[start..start + open_end];
        let body_start = start + open_end + 1;
        let Some(len) = rest[body_start..].find("</script") else {
            break;
        };
        if !attributes.contains("src=") {
            scripts.push(&rest[body_start..body_start + len]);
        }
        rest = &rest[body_start + len..];
    }
    scripts
}

fn sha256_source(text: &str) -> String {
    // The hash sources name SHA-256 digests; the digest itself comes from the system's sha256sum.
    let output = std::process::Command::new("sha256sum")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            if let Some(mut stdin) = child.stdin.take() {
                stdin.write_all(text.as_bytes())?;
            }
            child.wait_with_output()
        })
        .expect("sha256sum runs");
    let hex = String::from_utf8_lossy(&output.stdout);
    let bytes: Vec<u8> = (0..64)
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex digest"))
        .collect();
    format!("'sha256-{}'", STANDARD.encode(bytes))
}

fn html_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            html_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "html") {
            found.push(path);
        }
    }
}

#[test]
fn every_page_of_the_built_site_carries_a_strict_policy() {
    for site in ["dist", "dist-subpath"] {
        let dir = repo_root().join(site);
        let mut pages = Vec::new();
        html_files(&dir, &mut pages);
        assert!(
            !pages.is_empty(),
            "{site}/ has no pages: build the site first"
        );
        for page in pages {
            let html = std::fs::read_to_string(&page).expect("readable page");
            let name = page.display();
            let policy = policy_of(&html).unwrap_or_else(|| panic!("{name} has no CSP meta tag"));
            let policy_at = html.find("Content-Security-Policy");
            assert!(
                html.find("<script")
                    .is_none_or(|script| policy_at.is_some_and(|at| at < script)),
                "{name}: the policy must come before every script"
            );
            // 'wasm-unsafe-eval' is the one allowed: it compiles WebAssembly, it does not evaluate text.
            assert!(
                !policy.replace("'wasm-unsafe-eval'", "").contains("unsafe-"),
                "{name}: {policy}"
            );
            assert_eq!(directive(&policy, "default-src"), ["'self'"], "{name}");
            assert_eq!(directive(&policy, "object-src"), ["'none'"], "{name}");
            assert_eq!(directive(&policy, "base-uri"), ["'none'"], "{name}");
            let scripts = directive(&policy, "script-src");
            assert!(scripts.contains(&"'self'"), "{name}: {policy}");
            assert!(
                scripts.iter().all(|s| *s == "'self'" || *s == "'wasm-unsafe-eval'" || s.starts_with("'sha256-")),
                "{name}: script-src allows more than the site, its hashed scripts and Wasm: {policy}"
            );
            for script in inline_scripts(&html) {
                let hash = sha256_source(script);
                assert!(
                    scripts.contains(&hash.as_str()),
                    "{name}: inline script without its hash {hash}: {script}"
                );
            }
        }
    }
}

/// Every violation so far: the listener's list of the current document, and the console's refusals.
async fn violations(browser: &Browser, view: &str) -> Result<Vec<String>, HarnessError> {
    let listened = browser
        .execute(
            "return window.__cspViolations || ['the listener is missing'];",
            vec![],
        )
        .await?;
    let mut found: Vec<String> = listened
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(|v| format!("{view}: {v}"))
        .collect();
    for entry in browser.console().await? {
        if entry.message.contains("Content Security Policy") {
            found.push(format!("{view} (console): {}", entry.message));
        }
    }
    Ok(found)
}

/// Opens `path`, waits for `testid`, and gives the page a moment to load what it loads late.
async fn visit(app: &App, path: &str, testid: &str) -> Result<(), HarnessError> {
    app.goto(path).await?;
    app.wait_for_testid(testid).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    Ok(())
}

/// Pastes a console message into the diagnosis once its section is in view.
async fn open_diagnosis(app: &App) -> Result<(), HarnessError> {
    app.goto("").await?;
    app.wait_for_testid("diagnose").await?;
    app.scroll_until_present("diagnose", "diagnose-input")
        .await?;
    app.execute(
        "const box = document.querySelector('[data-testid=diagnose-input]');
         box.value = arguments[0];
         box.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![Value::String(MESSAGE.to_owned())],
    )
    .await?;
    app.wait_for_testid("diagnose-check").await?;
    app.scroll_to_testid("diagnose-snippet").await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn no_view_of_the_app_violates_the_policy() -> TestResult {
    let app = App::launch(Site::dist()).await?;
    app.run_before_every_page(LISTEN).await?;
    let mut found = Vec::new();
    let mut views: Vec<(String, &str)> = (1..=7)
        .map(|step| {
            (
                format!("?step={step}&case=put-needs-preflight"),
                "step-heading",
            )
        })
        .collect();
    views.extend([
        (
            "?view=expert&case=preflight-redirect".to_owned(),
            "expert-view",
        ),
        (
            "?step=7&case=wildcard-with-credentials".to_owned(),
            "result",
        ),
        ("?step=7&case=simple-get".to_owned(), "live-run"),
        ("?embed=1&case=trailing-slash".to_owned(), "banner-title"),
        (
            "?embed=1&edit=1&case=trailing-slash".to_owned(),
            "embed-edit",
        ),
        ("?s=%25%25not*base64!!".to_owned(), "link-problem"),
    ]);
    // A view that does not render is reported with the violations seen, not on its own.
    for (path, testid) in &views {
        if let Err(error) = visit(&app, path, testid).await {
            found.push(format!("{path}: did not render: {error}"));
        }
        found.extend(violations(&app, path).await?);
    }
    if let Err(error) = open_diagnosis(&app).await {
        found.push(format!("diagnosis: did not open: {error}"));
    }
    found.extend(violations(&app, "diagnosis").await?);
    let errors = app.console_errors().await?;
    assert!(found.is_empty(), "policy violations:\n{}", found.join("\n"));
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_live_run_against_the_lab_stays_within_the_policy() -> TestResult {
    let site = Site::dist();
    site.check_built()?;
    let config = Config {
        port: 0,
        scenario_ports: vec![0, 0],
        dist: Some(site.dir().to_owned()),
        ..Config::default()
    };
    let server = LabServer::bind(config).await?;
    let lab = server
        .origins()
        .app
        .first()
        .cloned()
        .ok_or("no app origin")?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let serving = tokio::spawn(server.serve(async move {
        let _ = stopped.await;
    }));
    let browser = Browser::start().await?;
    browser.run_before_every_page(LISTEN).await?;
    let scenario = json!({"page": "https://app.example.com",
        "request": {"url": "https://api.example.com/v1/items", "method": "PUT", "headers": [["Content-Type", "application/json"]]},
        "server": [{"url": "https://api.example.com/v1/items",
            "preflight": {"status": 204, "headers": [["Access-Control-Allow-Origin", "https://app.example.com"], ["Access-Control-Allow-Methods", "PUT"], ["Access-Control-Allow-Headers", "content-type"]]},
            "response": {"status": 200, "headers": [["Access-Control-Allow-Origin", "https://app.example.com"]]}}]});
    let link = format!(
        "{lab}/?s={}&step=7",
        URL_SAFE_NO_PAD.encode(scenario.to_string())
    );
    browser.goto(&link).await?;
    browser.wait_for_testid("live-run").await?;
    browser
        .execute("document.querySelector('[data-testid=\"live-run\"]').scrollIntoView({block: 'center', behavior: 'instant'});", vec![])
        .await?;
    browser.click_testid("live-run").await?;
    browser
        .wait_until("the live run to end", || async {
            let observed = browser
                .execute("const e = document.querySelector('[data-testid=live-observed-outcome], [data-testid=live-error]'); return e ? e.textContent : null;", vec![])
                .await?;
            Ok(observed.as_str().is_some_and(|t| !t.trim().is_empty()))
        })
        .await?;
    let found = violations(&browser, "live run").await?;
    let closed = browser.close().await;
    let _ = stop.send(());
    let _ = serving.await;
    closed?;
    assert!(found.is_empty(), "policy violations:\n{}", found.join("\n"));
    Ok(())
}
