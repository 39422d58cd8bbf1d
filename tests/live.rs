//! "Run it live" end to end: the lab (in-process, serving the built `dist/`) and one headless Chromium.
//!
//! For every case the app is opened from the lab's app origin with the scenario's share link, "Run it
//! live" is clicked, and the test checks that every agreement mark beside the prediction reads "agree",
//! that the engine (run here, natively, on the lab's translation) gives the case's expected outcome and
//! failing check, and that the lab's log holds exactly the predicted requests. `LIVE_E2E_DIST` serves
//! another build directory instead of `dist/`.

mod support;

use std::path::PathBuf;
use std::time::Duration;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use cors_lab::api::{LogEntry, LoggedAnswer, Registered};
use cors_lab::server::{Config, LabServer};
use cors_rules::{Browser as Profile, Scenario};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use support::{Browser, HarnessError, Site, TestResult};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

mod cases {
    //! The scenarios: page `https://app.example.com`, API `https://api.example.com/v1/items` (same site,
    //! so the lab serves it on the page's host, where its test cookie is), `https://other.example.net`
    //! for a cross-site redirect.
    use serde_json::{json, Value};

    pub const PAGE: &str = "https://app.example.com";
    pub const API: &str = "https://api.example.com/v1/items";
    pub const OTHER: &str = "https://other.example.net/v1/items";

    /// One live case: its name, the scenario, and (for the cases written here) the outcome and failing
    /// check the engine must predict on Chrome, so each case covers what its name says.
    pub struct Case {
        pub name: String,
        pub scenario: Value,
        pub expect: Option<(&'static str, Option<&'static str>)>,
    }

    /// The app's gallery (`src/gallery/*.json`), run as they are.
    pub fn gallery() -> Result<Vec<Case>, Box<dyn std::error::Error>> {
        let mut cases = Vec::new();
        for entry in std::fs::read_dir(super::support::repo_root().join("src/gallery"))? {
            let path = entry?.path();
            if path.extension().and_then(|e| e.to_str()) == Some("json") {
                let scenario: Value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
                let name = format!(
                    "gallery {}",
                    path.file_stem().and_then(|s| s.to_str()).unwrap_or("?")
                );
                cases.push(Case {
                    name,
                    scenario,
                    expect: None,
                });
            }
        }
        cases.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(cases)
    }

    fn case(
        name: &'static str,
        request: Value,
        server: Value,
        outcome: &'static str,
        check: Option<&'static str>,
    ) -> Case {
        let mut request = request;
        if request.get("url").is_none() {
            request["url"] = json!(API);
        }
        Case {
            name: name.to_owned(),
            scenario: json!({"page": PAGE, "request": request, "server": server}),
            expect: Some((outcome, check)),
        }
    }

    fn at(url: &str, preflight: Option<Value>, response: Value) -> Value {
        match preflight {
            Some(preflight) => json!({"url": url, "preflight": preflight, "response": response}),
            None => json!({"url": url, "response": response}),
        }
    }

    fn answer(status: u16, headers: &[(&str, &str)]) -> Value {
        json!({"status": status, "headers": headers})
    }

    const ACAO: (&str, &str) = ("Access-Control-Allow-Origin", PAGE);
    const ACAC: (&str, &str) = ("Access-Control-Allow-Credentials", "true");

    fn put_json() -> Value {
        json!({"method": "PUT", "headers": [["Content-Type", "application/json"]]})
    }

    fn preflighted(
        name: &'static str,
        preflight: &[(&str, &str)],
        status: u16,
        check: &'static str,
    ) -> Case {
        let server = json!([at(
            API,
            Some(answer(status, preflight)),
            answer(200, &[ACAO])
        )]);
        case(name, put_json(), server, "blocked", Some(check))
    }

    fn responding(
        name: &'static str,
        request: Value,
        response: Value,
        check: &'static str,
    ) -> Case {
        case(
            name,
            request,
            json!([at(API, None, response)]),
            "blocked",
            Some(check),
        )
    }

    pub fn all() -> Vec<Case> {
        let ok_preflight = |extra: &[(&str, &str)]| {
            let mut headers = vec![
                ACAO,
                ("Access-Control-Allow-Methods", "PUT, patch"),
                ("Access-Control-Allow-Headers", "content-type, x-note"),
            ];
            headers.extend_from_slice(extra);
            answer(204, &headers)
        };
        let include = |method: &str| json!({"method": method, "credentials": "include"});
        vec![
            case(
                "simple GET allowed",
                json!({}),
                json!([at(API, None, answer(200, &[ACAO]))]),
                "allowed",
                None,
            ),
            case(
                "wildcard GET with an exposed header",
                json!({}),
                json!([at(
                    API,
                    None,
                    answer(
                        200,
                        &[
                            ("Access-Control-Allow-Origin", "*"),
                            ("Access-Control-Expose-Headers", "X-Total"),
                            ("X-Total", "3"),
                            ("X-Hidden", "1")
                        ]
                    )
                )]),
                "allowed",
                None,
            ),
            case(
                "preflighted PUT allowed, markup in a header value shown as text",
                json!({"method": "PUT", "headers": [["Content-Type", "application/json"], ["X-Note", "<img src=x onerror=window.__pwned=1>"]]}),
                json!([at(API, Some(ok_preflight(&[])), answer(201, &[ACAO]))]),
                "allowed",
                None,
            ),
            case(
                "lower-case patch allowed by an exact-case list",
                json!({"method": "patch"}),
                json!([at(API, Some(ok_preflight(&[])), answer(200, &[ACAO]))]),
                "allowed",
                None,
            ),
            case(
                "credentialed GET allowed, cookie attached",
                include("GET"),
                json!([at(API, None, answer(200, &[ACAO, ACAC]))]),
                "allowed",
                None,
            ),
            case(
                "XHR with credentials allowed",
                json!({"api": "xhr", "credentials": "include"}),
                json!([at(API, None, answer(200, &[ACAO, ACAC]))]),
                "allowed",
                None,
            ),
            case(
                "XHR upload listener forces an allowed preflight",
                json!({"api": "xhr", "method": "POST", "preflight_flag": true, "headers": [["Content-Type", "text/plain"]]}),
                json!([at(
                    API,
                    Some(answer(
                        204,
                        &[ACAO, ("Access-Control-Allow-Methods", "POST")]
                    )),
                    answer(200, &[ACAO])
                )]),
                "allowed",
                None,
            ),
            preflighted(
                "preflight without CORS headers",
                &[],
                204,
                "preflight-allow-origin-missing",
            ),
            preflighted(
                "preflight answered 405",
                &[
                    ACAO,
                    ("Access-Control-Allow-Methods", "PUT"),
                    ("Access-Control-Allow-Headers", "content-type"),
                ],
                405,
                "preflight-ok-status",
            ),
            preflighted(
                "preflight for another origin",
                &[
                    (
                        "Access-Control-Allow-Origin",
                        "https://elsewhere.example.org",
                    ),
                    ("Access-Control-Allow-Methods", "PUT"),
                    ("Access-Control-Allow-Headers", "content-type"),
                ],
                204,
                "preflight-allow-origin-mismatch",
            ),
            preflighted(
                "PUT not in Allow-Methods",
                &[
                    ACAO,
                    ("Access-Control-Allow-Methods", "GET, POST"),
                    ("Access-Control-Allow-Headers", "content-type"),
                ],
                204,
                "method-allowed",
            ),
            preflighted(
                "Content-Type not in Allow-Headers",
                &[ACAO, ("Access-Control-Allow-Methods", "PUT")],
                204,
                "header-allowed",
            ),
            case(
                "lower-case patch against an upper-case list",
                json!({"method": "patch"}),
                json!([at(
                    API,
                    Some(answer(
                        204,
                        &[ACAO, ("Access-Control-Allow-Methods", "PATCH")]
                    )),
                    answer(200, &[ACAO])
                )]),
                "blocked",
                Some("method-allowed"),
            ),
            case(
                "credentialed preflight without Allow-Credentials",
                json!({"method": "PUT", "credentials": "include"}),
                json!([at(
                    API,
                    Some(answer(
                        204,
                        &[ACAO, ("Access-Control-Allow-Methods", "PUT")]
                    )),
                    answer(200, &[ACAO, ACAC])
                )]),
                "blocked",
                Some("preflight-allow-credentials"),
            ),
            case(
                "preflight that redirects",
                put_json(),
                json!([at(
                    API,
                    Some(answer(
                        308,
                        &[("Location", "https://api.example.com/v1/items/"), ACAO]
                    )),
                    answer(200, &[ACAO])
                )]),
                "blocked",
                Some("preflight-redirect"),
            ),
            responding(
                "response without Allow-Origin",
                json!({}),
                answer(200, &[]),
                "allow-origin-missing",
            ),
            responding(
                "Allow-Origin with a trailing slash",
                json!({}),
                answer(
                    200,
                    &[("Access-Control-Allow-Origin", "https://app.example.com/")],
                ),
                "allow-origin-mismatch",
            ),
            responding(
                "two Allow-Origin values",
                json!({}),
                answer(200, &[ACAO, ACAO]),
                "allow-origin-multiple",
            ),
            responding(
                "wildcard with credentials",
                include("GET"),
                answer(200, &[("Access-Control-Allow-Origin", "*"), ACAC]),
                "allow-origin-wildcard",
            ),
            responding(
                "credentials without Allow-Credentials",
                include("GET"),
                answer(200, &[ACAO]),
                "allow-credentials",
            ),
            responding(
                "500 without CORS headers",
                json!({}),
                answer(500, &[]),
                "allow-origin-missing",
            ),
            responding(
                "connection reset",
                json!({}),
                json!({"error": "connection-refused"}),
                "network-error",
            ),
            responding(
                "XHR to a server that holds the connection, then drops it",
                json!({"api": "xhr"}),
                json!({"error": "timeout"}),
                "network-error",
            ),
            case(
                "no-cors GET is opaque",
                json!({"mode": "no-cors"}),
                json!([at(API, None, answer(200, &[]))]),
                "opaque",
                None,
            ),
            case(
                "no-cors PUT throws",
                json!({"mode": "no-cors", "method": "PUT"}),
                json!([at(API, None, answer(200, &[]))]),
                "request-error",
                Some("no-cors-method"),
            ),
            case(
                "redirect chain to another site allowed for origin null",
                json!({}),
                json!([
                    at(API, None, answer(307, &[("Location", OTHER), ACAO])),
                    at(
                        OTHER,
                        None,
                        answer(200, &[("Access-Control-Allow-Origin", "*")])
                    )
                ]),
                "allowed",
                None,
            ),
            case(
                "redirect chain to another site blocked for the page's origin",
                json!({}),
                json!([
                    at(API, None, answer(302, &[("Location", OTHER), ACAO])),
                    at(OTHER, None, answer(200, &[ACAO]))
                ]),
                "blocked",
                Some("allow-origin-mismatch"),
            ),
            case(
                "redirect mode manual is an opaque redirect",
                json!({"redirect": "manual"}),
                json!([
                    at(API, None, answer(302, &[("Location", OTHER), ACAO])),
                    at(OTHER, None, answer(200, &[ACAO]))
                ]),
                "opaqueredirect",
                None,
            ),
            case(
                "redirect mode error fails on the redirect",
                json!({"redirect": "error"}),
                json!([
                    at(API, None, answer(302, &[("Location", OTHER), ACAO])),
                    at(OTHER, None, answer(200, &[ACAO]))
                ]),
                "blocked",
                Some("redirect-mode"),
            ),
        ]
    }
}

/// The build the live tests serve: `dist/`, or `LIVE_E2E_DIST`.
trait LiveSite {
    fn dist_for_live() -> Site;
}

impl LiveSite for Site {
    fn dist_for_live() -> Site {
        match std::env::var_os("LIVE_E2E_DIST") {
            Some(dir) => Site::new(PathBuf::from(dir)),
            None => Site::dist(),
        }
    }
}

/// The lab, in-process on free loopback ports, serving the built app.
struct Lab {
    app: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<()>,
}

impl Lab {
    async fn start() -> Result<Lab, Box<dyn std::error::Error>> {
        let site = Site::dist_for_live();
        site.check_built()?;
        let config = Config {
            port: 0,
            scenario_ports: vec![0, 0, 0],
            dist: Some(site.dir().to_owned()),
            timeout_hold: Duration::from_millis(300),
            ..Config::default()
        };
        let server = LabServer::bind(config).await?;
        let app = server
            .origins()
            .app
            .first()
            .cloned()
            .ok_or("the lab has no app origin")?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(server.serve(async move {
            let _ = stopped.await;
        }));
        Ok(Lab {
            app,
            stop: Some(stop),
            task,
        })
    }

    /// `GET path` on the app origin with a plain HTTP/1.1 request, read as JSON.
    async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, Box<dyn std::error::Error>> {
        let authority = self.app.trim_start_matches("http://");
        let mut stream = tokio::net::TcpStream::connect(authority).await?;
        let request =
            format!("GET {path} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).await?;
        let mut raw = Vec::new();
        tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut raw)).await??;
        let text = String::from_utf8(raw)?;
        let (head, body) = text
            .split_once("\r\n\r\n")
            .ok_or("an answer without a body")?;
        if !head.starts_with("HTTP/1.1 200") {
            return Err(format!("GET {path}: {head}").into());
        }
        Ok(serde_json::from_str(body)?)
    }

    async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let _ = self.task.await;
    }
}

/// Everything the panel shows after a run, read in one script.
const READ_PANEL: &str = r#"
const q = id => document.querySelector(`[data-testid="${id}"]`);
const text = id => { const e = q(id); return e ? e.textContent : null; };
const marks = {};
document.querySelectorAll('[data-testid^="live-mark-"]').forEach(e => { marks[e.dataset.testid.slice(10)] = e.textContent; });
const report = q('live-report');
return { status: text('live-status'), error: text('live-error'), marks,
         id: report ? report.dataset.scenarioId || null : null,
         observed: text('live-observed-outcome'), predicted: text('live-predicted-outcome'),
         pwned: typeof window.__pwned };
"#;

async fn read_panel(browser: &Browser) -> Result<Value, HarnessError> {
    browser.execute(READ_PANEL, vec![]).await
}

fn share_link(app: &str, scenario: &Value) -> String {
    format!(
        "{app}/?s={}&step=7",
        URL_SAFE_NO_PAD.encode(scenario.to_string())
    )
}

/// Clicks "Run it live" once it is scrolled to the middle of the viewport (at once: the site scrolls smoothly,
/// which would move the button under WebDriver's click).
async fn click_run(browser: &Browser) -> Result<(), HarnessError> {
    browser.wait_for_testid("live-run").await?;
    browser
        .execute("document.querySelector('[data-testid=\"live-run\"]').scrollIntoView({block: 'center', behavior: 'instant'});", vec![])
        .await?;
    browser.click_testid("live-run").await
}

/// Opens the case, runs it live and returns the panel's state once the run has ended.
async fn run_case(browser: &Browser, app: &str, case: &cases::Case) -> Result<Value, HarnessError> {
    browser.goto(&share_link(app, &case.scenario)).await?;
    click_run(browser).await?;
    browser
        .wait_until(
            &format!("the live run of {:?} to end", case.name),
            || async {
                let panel = read_panel(browser).await?;
                let done = panel["status"]
                    .as_str()
                    .is_some_and(|s| s.starts_with("Done"));
                Ok(done || !panel["error"].is_null())
            },
        )
        .await?;
    read_panel(browser).await
}

/// What is wrong with one case's run, if anything.
async fn check_case(
    lab: &Lab,
    case: &cases::Case,
    panel: &Value,
) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let mut problems = Vec::new();
    if !panel["error"].is_null() {
        return Ok(vec![format!("the run failed: {}", panel["error"])]);
    }
    let marks = panel["marks"].as_object().cloned().unwrap_or_default();
    let is_xhr = case.scenario["request"]["api"] == "xhr";
    for (field, mark) in &marks {
        let allowed =
            mark == "agree" || (is_xhr && field == "response-type" && mark == "not observable");
        if !allowed {
            problems.push(format!("{field} is {mark}"));
        }
    }
    if marks.len() != 6 {
        problems.push(format!("{} agreement marks instead of 6", marks.len()));
    }
    if panel["pwned"] != "undefined" {
        problems.push("markup from the scenario ran".to_owned());
    }
    let id = panel["id"]
        .as_str()
        .ok_or("the report names no lab scenario")?;
    let registered: Registered = lab.get(&format!("/api/scenarios/{id}")).await?;
    let log: Vec<LogEntry> = lab.get(&format!("/api/scenarios/{id}/log")).await?;
    let ran = Scenario {
        browser: Profile::Chrome,
        ..registered.scenario
    };
    let verdict = cors_rules::evaluate(&ran)?;
    let outcome = serde_json::to_value(verdict.outcome)?;
    let check = verdict.failure.as_ref().map(|f| f.check.id());
    if let Some((expected, expected_check)) = case.expect {
        if outcome != expected || check != expected_check {
            problems.push(format!(
                "the engine predicts {outcome} / {check:?}, the case expects {expected} / {expected_check:?}"
            ));
        }
    }
    let predicted: Vec<(String, String, Option<String>)> = verdict
        .requests
        .iter()
        .map(|r| {
            (
                r.method.clone(),
                r.url.clone(),
                header(&r.headers, "origin"),
            )
        })
        .collect();
    let mut logged: Vec<(String, String, Option<String>)> = Vec::new();
    for (index, entry) in log.iter().enumerate() {
        // The network stack sends a request again after a connection reset; Fetch sees one request.
        let retry = index > 0
            && matches!(
                log[index - 1].answer,
                LoggedAnswer::ConnectionReset | LoggedAnswer::Timeout
            )
            && log[index - 1].url == entry.url;
        if !retry {
            logged.push((
                entry.method.clone(),
                entry.url.clone(),
                entry.origin.clone(),
            ));
        }
    }
    if predicted != logged {
        problems.push(format!(
            "the lab logged {logged:?}, the engine predicts {predicted:?}"
        ));
    }
    Ok(problems)
}

fn header(headers: &[(String, String)], name: &str) -> Option<String> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.clone())
}

#[tokio::test(flavor = "multi_thread")]
async fn every_live_run_agrees_with_the_prediction_beside_it_and_the_lab_saw_the_predicted_requests(
) -> TestResult {
    let lab = Lab::start().await?;
    let browser = Browser::start().await?;
    let mut all = cases::all();
    assert!(all.len() >= 20, "only {} cases", all.len());
    all.extend(cases::gallery()?);
    let mut failures = Vec::new();
    for case in &all {
        let outcome = match run_case(&browser, &lab.app, case).await {
            Ok(panel) => check_case(&lab, case, &panel)
                .await
                .map_err(|e| e.to_string()),
            Err(error) => Err(error.to_string()),
        };
        match outcome {
            Ok(problems) if problems.is_empty() => {}
            Ok(problems) => failures.push(format!("{}: {}", case.name, problems.join("; "))),
            Err(error) => failures.push(format!("{}: {error}", case.name)),
        }
    }
    if !failures.is_empty() {
        browser.screenshot("live-last-case").await?;
    }
    browser.close().await?;
    lab.stop().await;
    assert!(
        failures.is_empty(),
        "{} of {} live cases failed:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_typed_url_is_fetched_for_real_and_only_what_the_script_sees_is_compared() -> TestResult {
    let lab = Lab::start().await?;
    let browser = Browser::start().await?;
    // A scenario the lab answers for the app's page; its URL is then typed in as "your own URL".
    let scenario = json!({"page": cases::PAGE, "request": {"url": cases::API},
        "server": [{"url": cases::API, "response": {"status": 200, "headers": [["Access-Control-Allow-Origin", cases::PAGE]]}}]});
    browser.goto(&share_link(&lab.app, &scenario)).await?;
    browser.wait_for_testid("live-run").await?;
    let registered: Value = browser
        .execute(
            "return fetch('/api/scenarios', {method: 'POST', headers: {'Content-Type': 'application/json'}, \
             body: JSON.stringify({scenario: arguments[0], page_origin: location.origin})}).then(r => r.json());",
            vec![scenario.clone()],
        )
        .await?;
    // The link now describes the scenario as the lab answers it, so the prediction is for that server.
    let url = registered["scenario"]["request"]["url"]
        .as_str()
        .ok_or("no translated URL")?
        .to_owned();
    browser
        .goto(&share_link(&lab.app, &registered["scenario"]))
        .await?;
    browser.wait_for_testid("live-run").await?;
    browser
        .execute("const r = document.getElementById('live-target-url'); r.scrollIntoView({block: 'center', behavior: 'instant'}); r.click();", vec![])
        .await?;
    browser
        .wait_for_testid("live-url")
        .await?
        .send_keys(&url)
        .await?;
    click_run(&browser).await?;
    browser
        .wait_until("the typed-URL run to end", || async {
            Ok(read_panel(&browser).await?["status"]
                .as_str()
                .is_some_and(|s| s.starts_with("Done")))
        })
        .await?;
    let panel = read_panel(&browser).await?;
    let marks = &panel["marks"];
    for field in ["outcome", "response-type", "status", "readable-headers"] {
        assert_eq!(marks[field], "agree", "{field}: {panel}");
    }
    for field in ["preflight-sent", "wire-requests"] {
        assert_eq!(marks[field], "not observable", "{field}: {panel}");
    }
    assert_eq!(
        panel["id"],
        Value::Null,
        "a typed URL is not a lab scenario"
    );
    browser.close().await?;
    lab.stop().await;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_run_button_works_from_the_keyboard_and_the_result_is_announced() -> TestResult {
    let lab = Lab::start().await?;
    let browser = Browser::start().await?;
    let scenario = json!({"page": cases::PAGE, "request": {"url": cases::API}, "server": [{"url": cases::API}]});
    browser.goto(&share_link(&lab.app, &scenario)).await?;
    let button = browser.wait_for_testid("live-run").await?;
    button.send_keys("\u{E007}").await?;
    browser
        .wait_until("the keyboard-started run to end", || async {
            Ok(read_panel(&browser).await?["status"]
                .as_str()
                .is_some_and(|s| s.starts_with("Done")))
        })
        .await?;
    let status = browser.wait_for_testid("live-status").await?;
    assert_eq!(status.attr("aria-live").await?.as_deref(), Some("polite"));
    let focused = browser
        .execute(
            "return document.activeElement.dataset.testid || null;",
            vec![],
        )
        .await?;
    assert_eq!(
        focused,
        json!("live-run"),
        "the keyboard focus stays on the button"
    );
    assert_eq!(
        browser.text_of_testid("live-observed-outcome").await?,
        "blocked (network error)"
    );
    let hidden = browser.text_of_testid("live-hidden").await?;
    assert!(
        hidden.contains("No 'Access-Control-Allow-Origin' header"),
        "{hidden}"
    );
    let to_report = "document.querySelector('[data-testid=\"live-report\"]')\
                     .scrollIntoView({block: 'start', behavior: 'instant'});";
    browser.execute(to_report, vec![]).await?;
    browser.screenshot("live-report").await?;
    browser.close().await?;
    lab.stop().await;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_lab_the_panel_names_the_command_that_starts_one() -> TestResult {
    // Port 8080 is where the app looks for a lab besides its own origin; while this test holds it, it
    // closes every connection, so no lab answers there. (If another program holds it, whatever answers
    // must still end the run with a message.)
    let squatter = tokio::net::TcpListener::bind("127.0.0.1:8080").await.ok();
    let holding = squatter.is_some();
    if let Some(listener) = squatter {
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                drop(stream);
            }
        });
    }
    let app = support::App::launch(Site::dist_for_live()).await?;
    let scenario = json!({"page": cases::PAGE, "request": {"url": cases::API}, "server": [{"url": cases::API}]});
    app.goto(&format!(
        "?s={}&step=7",
        URL_SAFE_NO_PAD.encode(scenario.to_string())
    ))
    .await?;
    click_run(&app).await?;
    app.wait_until("the run to end", || async {
        let panel = read_panel(&app).await?;
        let done = panel["status"]
            .as_str()
            .is_some_and(|s| s.starts_with("Done"));
        Ok(done || !panel["error"].is_null())
    })
    .await?;
    if holding {
        let error = app.text_of_testid("live-error").await?;
        assert!(error.contains("./scripts/serve.sh"), "{error}");
        assert!(error.contains("Your own URL"), "{error}");
    }
    app.close().await
}
