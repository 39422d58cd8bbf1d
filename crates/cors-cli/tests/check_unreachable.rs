//! `check` against servers that give no HTTP answer: exit status 3, and the words say which failure.

mod support;

use std::time::{Duration, Instant};

use support::{closed_port, listener, run, stderr};

const ORIGIN: &str = "http://localhost:3000";

#[test]
fn a_closed_port_exits_3_saying_connection() {
    let url = format!("http://127.0.0.1:{}/api", closed_port());
    let output = run(&["check", &url, "--origin", ORIGIN], "");
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(message.contains("connection error"), "{message}");
    assert!(message.contains(&url), "{message}");
}

#[test]
fn a_listener_that_never_answers_exits_3_saying_timeout() {
    let addr = listener(b"", Duration::from_secs(30));
    let url = format!("http://{addr}/slow");
    let started = Instant::now();
    let output = run(&["check", &url, "--origin", ORIGIN, "--timeout", "1"], "");
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("timeout error"),
        "{}",
        stderr(&output)
    );
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "the timeout was not kept"
    );
}

#[test]
fn https_to_a_listener_that_speaks_plain_http_exits_3_saying_tls() {
    let addr = listener(
        b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
        Duration::from_millis(500),
    );
    let url = format!("https://{addr}/secure");
    let output = run(&["check", &url, "--origin", ORIGIN], "");
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert!(stderr(&output).contains("TLS error"), "{}", stderr(&output));
}

#[test]
fn the_recorded_scenario_says_the_request_got_no_answer() {
    let url = format!("http://127.0.0.1:{}/api", closed_port());
    let output = run(&["check", &url, "--origin", ORIGIN, "--json"], "");
    assert_eq!(output.status.code(), Some(3));
    let checked = support::json(&output);
    assert_eq!(
        checked["scenario"]["server"][0]["response"]["error"],
        "connection-refused"
    );
    assert_eq!(
        checked["verdicts"]["chrome"]["failure"]["check"],
        "network-error"
    );
}

#[test]
fn insecure_is_announced_on_standard_error() {
    let url = format!("https://127.0.0.1:{}/api", closed_port());
    let output = run(&["check", &url, "--origin", ORIGIN, "--insecure"], "");
    assert!(
        stderr(&output).contains("NOT verified"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn https_to_a_listener_that_hangs_up_exits_3_saying_tls() {
    let addr = listener(b"", Duration::ZERO);
    let url = format!("https://{addr}/secure");
    let output = run(&["check", &url, "--origin", ORIGIN], "");
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert!(stderr(&output).contains("TLS error"), "{}", stderr(&output));
}

const SELF_SIGNED_ANSWER: &[u8] =
    b"HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

#[test]
fn a_self_signed_certificate_exits_3_saying_tls_and_the_reason() {
    let addr = support::self_signed_https(SELF_SIGNED_ANSWER);
    let url = format!("https://{addr}/api");
    let output = run(&["check", &url, "--origin", ORIGIN], "");
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(message.contains("TLS error"), "{message}");
    assert!(message.contains("certificate"), "{message}");
}

#[test]
fn insecure_reaches_a_self_signed_server_and_judges_its_answer() {
    let addr = support::self_signed_https(SELF_SIGNED_ANSWER);
    let url = format!("https://{addr}/api");
    let output = run(&["check", &url, "--origin", ORIGIN, "--insecure"], "");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}{}",
        support::stdout(&output),
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("NOT verified"),
        "{}",
        stderr(&output)
    );
    assert!(support::stdout(&output).starts_with("Chrome: ALLOWED (HTTP 200)"));
}
