//! `check` refuses input it cannot use with exit status 2 and a message naming the flag.

mod support;

use support::{run, stderr};

fn refused(args: &[&str]) -> String {
    let output = run(args, "");
    assert_eq!(
        output.status.code(),
        Some(2),
        "{args:?}: {}",
        stderr(&output)
    );
    stderr(&output)
}

#[test]
fn an_origin_with_a_path_names_the_flag_and_the_origin() {
    let message = refused(&[
        "check",
        "http://127.0.0.1:9/x",
        "--origin",
        "https://app.example.com/home",
    ]);
    assert!(message.contains("--origin"), "{message}");
    assert!(message.contains("https://app.example.com"), "{message}");
}

#[test]
fn a_host_name_alone_is_not_an_origin() {
    let message = refused(&[
        "check",
        "http://127.0.0.1:9/x",
        "--origin",
        "app.example.com",
    ]);
    assert!(message.contains("--origin"), "{message}");
}

#[test]
fn a_header_without_a_colon_names_the_flag() {
    let message = refused(&[
        "check",
        "http://127.0.0.1:9/x",
        "--origin",
        "http://localhost:3000",
        "-H",
        "X-Token abc",
    ]);
    assert!(message.contains("--header"), "{message}");
    assert!(message.contains("no colon"), "{message}");
}

#[test]
fn a_missing_origin_is_named() {
    let message = refused(&["check", "http://127.0.0.1:9/x"]);
    assert!(message.contains("--origin"), "{message}");
}

#[test]
fn a_relative_url_is_refused() {
    let message = refused(&["check", "/api/items", "--origin", "http://localhost:3000"]);
    assert!(message.contains("not an absolute URL"), "{message}");
}

#[test]
fn an_unknown_browser_is_refused_naming_the_flag() {
    let message = refused(&[
        "check",
        "http://127.0.0.1:9/x",
        "--origin",
        "http://localhost:3000",
        "--browser",
        "opera",
    ]);
    assert!(message.contains("--browser"), "{message}");
}

#[test]
fn a_zero_timeout_is_refused() {
    let message = refused(&[
        "check",
        "http://127.0.0.1:9/x",
        "--origin",
        "http://localhost:3000",
        "--timeout",
        "0",
    ]);
    assert!(message.contains("--timeout"), "{message}");
}
