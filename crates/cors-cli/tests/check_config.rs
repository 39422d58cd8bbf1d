//! `check --config FILE`: one line per check (origins × requests), then `N passed, N failed`.

mod support;

use std::path::PathBuf;

use support::{run, stderr, stdout, Lab};

/// Writes `text` to a fresh file named for the test.
fn config_file(name: &str, text: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("cors-checks-{name}-{}.toml", std::process::id()));
    std::fs::write(&path, text).expect("the config file is written");
    path
}

/// A lab scenario that allows the lab's app origin, with credentials; returns (lab, its URL).
fn allowing_lab() -> (Lab, String) {
    let lab = Lab::start();
    let scenario = serde_json::json!({
        "page": "https://app.example.com",
        "request": {"url": "https://api.example.com/items", "credentials": "include"},
        "server": [{"url": "https://api.example.com/items", "response": {"status": 200, "headers": [
            ["Access-Control-Allow-Origin", "https://app.example.com"],
            ["Access-Control-Allow-Credentials", "true"], ["Vary", "Origin"]]}}]
    });
    let registered = lab.register(&scenario, lab.app());
    let url = registered.scenario.request.url.clone();
    (lab, url)
}

#[test]
fn each_origin_is_one_line_and_the_count_closes_the_run() {
    let (lab, url) = allowing_lab();
    let app = lab.app().to_owned();
    let path = config_file(
        "lines",
        &format!(
            r#"
timeout = 5

[[check]]
name = "the app reads items"
url = "{url}"
origins = ["{app}", "http://localhost:1"]
credentials = true
expect = "allowed"

[[check]]
url = "{url}"
origins = ["http://localhost:1"]
browser = "firefox"
expect = "blocked"
"#
        ),
    );
    let output = run(
        &["check", "--config", path.to_str().expect("a UTF-8 path")],
        "",
    );
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}{}", stderr(&output));
    assert!(
        lines[0].starts_with("PASS") && lines[0].contains(&app),
        "{text}"
    );
    assert!(
        lines[1].starts_with("FAIL") && lines[1].contains("expected allowed"),
        "{text}"
    );
    assert!(
        lines[2].starts_with("PASS") && lines[2].contains("blocked in firefox"),
        "{text}"
    );
    assert_eq!(lines[3], "2 passed, 1 failed");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_run_where_every_check_passes_exits_0_and_the_command_line_browser_is_the_default() {
    let (lab, url) = allowing_lab();
    let path = config_file(
        "pass",
        &format!(
            "[[check]]\nurl = \"{url}\"\norigins = [\"{}\"]\nexpect = \"allowed\"\n",
            lab.app()
        ),
    );
    let output = run(
        &["check", "--config", path.to_str().expect("a UTF-8 path")],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).ends_with("1 passed, 0 failed\n"));
}

#[test]
fn an_unreachable_server_fails_its_check_saying_why() {
    let port = support::closed_port();
    let path = config_file(
        "down",
        &format!(
            "[[check]]\nurl = \"http://127.0.0.1:{port}/x\"\norigins = [\"http://localhost:3000\"]\nexpect = \"blocked\"\n"
        ),
    );
    let output = run(
        &["check", "--config", path.to_str().expect("a UTF-8 path")],
        "",
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("connection error"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_bad_origin_in_the_file_exits_2_naming_its_place() {
    let path = config_file(
        "bad-origin",
        "[[check]]\nurl = \"http://127.0.0.1:9/x\"\norigins = [\"app.example.com\"]\nexpect = \"allowed\"\n",
    );
    let output = run(
        &["check", "--config", path.to_str().expect("a UTF-8 path")],
        "",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("check[0].origins[0]"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_unknown_key_in_the_file_exits_2() {
    let path = config_file(
        "unknown-key",
        "[[check]]\nurl = \"http://127.0.0.1:9/x\"\norigins = [\"http://a.example\"]\nexpect = \"allowed\"\nexpected = 1\n",
    );
    let output = run(
        &["check", "--config", path.to_str().expect("a UTF-8 path")],
        "",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("expected"), "{}", stderr(&output));
}
