//! `cors-explain` end to end: standard input in, JSON and exit status out.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cors-explain"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("the binary ends")
}

const ALLOWED: &str = r#"{"page": "https://app.example", "request": {"url": "https://api.example/x"},
  "server": [{"url": "https://api.example/x", "response": {"status": 200, "headers": [["Access-Control-Allow-Origin", "*"]]}}]}"#;
const BLOCKED: &str = r#"{"browser": "chrome", "page": "https://app.example", "request": {"url": "https://api.example/x"},
  "server": [{"url": "https://api.example/x"}]}"#;

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

#[test]
fn eval_writes_the_verdict_of_one_scenario() {
    let output = run(&["eval"], ALLOWED);
    assert!(output.status.success());
    let verdict = json(&output);
    assert_eq!(verdict["outcome"], "allowed");
    assert_eq!(verdict["response_type"], "cors");
    assert_eq!(verdict["failure"], serde_json::Value::Null);
}

#[test]
fn eval_names_the_failing_check_of_a_blocked_request() {
    let verdict = json(&run(&["eval"], BLOCKED));
    assert_eq!(verdict["outcome"], "blocked");
    assert_eq!(verdict["failure"]["check"], "allow-origin-missing");
    assert_eq!(verdict["js_error"], "TypeError: Failed to fetch");
}

#[test]
fn eval_answers_an_array_in_order_with_errors_in_their_slots() {
    let input = format!("[{ALLOWED}, {{\"page\": 1}}, {BLOCKED}]");
    let output = run(&["eval"], &input);
    assert!(output.status.success());
    let verdicts = json(&output);
    let list = verdicts.as_array().expect("an array");
    assert_eq!(list.len(), 3);
    assert_eq!(list[0]["outcome"], "allowed");
    assert!(list[1]["error"]
        .as_str()
        .expect("an error message")
        .contains("page"));
    assert_eq!(list[2]["outcome"], "blocked");
}

#[test]
fn malformed_input_exits_2_naming_the_field() {
    let output = run(
        &["eval"],
        r#"{"page": "https://app.example", "request": {"url": "https://api.example/x", "mode": "nope"}, "server": []}"#,
    );
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("request.mode"), "{message}");
}

#[test]
fn an_input_error_from_the_engine_exits_2() {
    let output = run(
        &["eval"],
        r#"{"page": "https://app.example", "request": {"url": "https://api.example/x"}, "server": []}"#,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("server"));
}

#[test]
fn text_that_is_not_json_exits_2() {
    let output = run(&["eval"], "not json");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not JSON"));
}

#[test]
fn help_describes_the_eval_command() {
    let output = run(&["--help"], "");
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("cors-explain eval"));
    assert!(text.contains("EXIT STATUS"));
}

#[test]
fn unknown_arguments_exit_2() {
    assert_eq!(run(&["frobnicate"], "").status.code(), Some(2));
}

/// `check` records response header names lower-case (the HTTP client's `HeaderMap` lower-cases them):
/// the engine must judge them as it judges the names as the server wrote them.
#[test]
fn eval_judges_lower_case_response_header_names_like_the_names_as_written() {
    let scenario = |allow_origin: &str, allow_methods: &str| {
        format!(
            r#"{{"browser": "firefox", "page": "https://app.example", "request": {{"url": "https://api.example/x",
            "method": "PUT", "credentials": "include"}}, "server": [{{"url": "https://api.example/x",
            "preflight": {{"status": 204, "headers": [["{allow_origin}", "https://app.example"],
                ["{allow_methods}", "PUT"], ["access-control-allow-credentials", "true"]]}},
            "response": {{"status": 200, "headers": [["{allow_origin}", "https://app.example"],
                ["Access-Control-Allow-Credentials", "true"]]}}}}]}}"#
        )
    };
    let written = json(&run(
        &["eval"],
        &scenario(
            "Access-Control-Allow-Origin",
            "Access-Control-Allow-Methods",
        ),
    ));
    let lower = json(&run(
        &["eval"],
        &scenario(
            "access-control-allow-origin",
            "access-control-allow-methods",
        ),
    ));
    assert_eq!(written["outcome"], "allowed");
    assert_eq!(lower["outcome"], written["outcome"]);
    assert_eq!(
        lower["steps"].as_array().map(Vec::len),
        written["steps"].as_array().map(Vec::len)
    );
}
