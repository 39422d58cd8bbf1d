//! `explain`: a paste on standard input, explained like a check.

mod support;

use support::{json, run, stderr, stdout};

const CHROME_MESSAGE: &str = "Access to fetch at 'https://api.example.com/data' from origin \
    'http://localhost:3000' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header \
    is present on the requested resource.";

#[test]
fn a_console_message_is_explained_with_its_fix() {
    let output = run(&["explain"], CHROME_MESSAGE);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("console message"), "{text}");
    assert!(text.contains("BLOCKED (allow-origin-missing"), "{text}");
    assert!(
        text.contains("Access-Control-Allow-Origin: http://localhost:3000"),
        "{text}"
    );
}

#[test]
fn response_headers_are_read_and_give_json_in_the_check_shape() {
    let pasted =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nAccess-Control-Allow-Origin: *\r\n";
    let output = run(&["explain", "--json"], pasted);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let value = json(&output);
    let browser = value["scenario"]["browser"].as_str().expect("a browser");
    assert!(value["verdicts"][browser]["outcome"].is_string(), "{value}");
}

#[test]
fn an_empty_paste_exits_2() {
    let output = run(&["explain"], "  \n");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("nothing pasted"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_unknown_message_exits_2() {
    let output = run(&["explain"], "Something went wrong somewhere");
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
}
