//! What `check` prints for people and in JSON, against a lab scenario on loopback.

mod support;

use support::{json, run, stderr, stdout, Lab};

/// A lab scenario whose preflight allows the lab's app origin but not the `X-Id` header.
fn lab_with_preflight() -> (Lab, String) {
    let lab = Lab::start();
    let scenario = serde_json::json!({
        "page": "https://app.example.com",
        "request": {"url": "https://api.example.com/items", "method": "PUT", "headers": [["X-Id", "7"]]},
        "server": [{"url": "https://api.example.com/items",
            "preflight": {"status": 204, "headers": [
                ["Access-Control-Allow-Origin", "https://app.example.com"],
                ["Access-Control-Allow-Methods", "PUT"]]},
            "response": {"status": 200, "headers": [["Access-Control-Allow-Origin", "https://app.example.com"]]}}]
    });
    let registered = lab.register(&scenario, lab.app());
    let url = registered.scenario.request.url.clone();
    (lab, url)
}

#[test]
fn the_explanation_shows_verdict_console_wire_and_fix_without_colour_when_piped() {
    let (lab, url) = lab_with_preflight();
    let output = run(
        &[
            "check",
            &url,
            "--origin",
            lab.app(),
            "-X",
            "PUT",
            "-H",
            "X-Id: 7",
            "--browser",
            "chrome",
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("Chrome: BLOCKED (header-allowed"),
        "{text}"
    );
    assert!(
        text.contains("Request header field x-id is not allowed"),
        "{text}"
    );
    assert!(text.contains(&format!("> OPTIONS {url}")), "{text}");
    assert!(
        text.contains("> * Access-Control-Request-Headers: x-id"),
        "{text}"
    );
    assert!(text.contains("< 204"), "{text}");
    assert!(
        text.contains("Access-Control-Allow-Headers: x-id"),
        "{text}"
    );
    assert!(
        !text.contains('\x1b'),
        "colour escapes in piped output: {text:?}"
    );
    // The preflight failed, so the request itself was never sent.
    assert!(!text.contains(&format!("> PUT {url}")), "{text}");
}

#[test]
fn json_holds_the_recorded_scenario_and_a_verdict_per_browser() {
    let (lab, url) = lab_with_preflight();
    let output = run(
        &[
            "check",
            &url,
            "--origin",
            lab.app(),
            "-X",
            "PUT",
            "-H",
            "X-Id: 7",
            "--json",
        ],
        "",
    );
    let value = json(&output);
    let verdicts = value["verdicts"].as_object().expect("verdicts by browser");
    let browsers: Vec<&str> = verdicts.keys().map(String::as_str).collect();
    assert_eq!(browsers.len(), 3, "{browsers:?}");
    for browser in ["chrome", "firefox", "safari"] {
        assert_eq!(value["verdicts"][browser]["outcome"], "blocked");
    }
    let entry = &value["scenario"]["server"][0];
    // Only the preflight went out (it failed); its answer is recorded as the entry's one answer, which
    // docs/reference/scenario-format.md gives to `OPTIONS` too when `preflight` is absent.
    assert!(entry["preflight"].is_null(), "{entry}");
    assert_eq!(entry["response"]["status"], 204);
    assert!(value.get("link").is_none());
}

#[test]
fn a_forbidden_header_is_said_on_standard_error_and_not_sent() {
    let (lab, url) = lab_with_preflight();
    let output = run(
        &[
            "check",
            &url,
            "--origin",
            lab.app(),
            "-H",
            "Cookie: session=1",
            "--json",
        ],
        "",
    );
    assert!(
        stderr(&output).contains("-H 'Cookie': a forbidden request header"),
        "{}",
        stderr(&output)
    );
    let sent = json(&output)["verdicts"]["firefox"]["requests"][0]["headers"].to_string();
    assert!(!sent.to_ascii_lowercase().contains("cookie"), "{sent}");
}

#[test]
fn link_prints_the_app_link_of_the_recorded_scenario() {
    let (lab, url) = lab_with_preflight();
    let output = run(
        &[
            "check",
            &url,
            "--origin",
            lab.app(),
            "--link",
            "--app",
            "https://tool.example/",
        ],
        "",
    );
    let text = stdout(&output);
    let link = text
        .lines()
        .find_map(|line| line.strip_prefix("Open in the app: "))
        .expect("a link line");
    assert!(link.starts_with("https://tool.example/?s="), "{link}");
}
