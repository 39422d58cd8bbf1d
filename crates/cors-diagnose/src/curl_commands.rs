//! `curl` commands that replay what the browser sends, with the answer a correct server gives.

use cors_rules::scenario::Request;
use cors_rules::{Browser, Scenario};
use serde::Serialize;

use crate::policy::{needs_preflight_in, Policy};

/// One command and what a correct server answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CurlCommand {
    /// What it replays (`preflight`, `request`).
    pub purpose: &'static str,
    /// The command line, ready to paste into a POSIX shell.
    pub command: String,
    /// The status a correct server answers with.
    pub expect_status: &'static str,
    /// Response headers a correct server sends (`name`, `value`).
    pub expect_headers: Vec<(String, String)>,
}

/// Quotes a word for a POSIX shell.
#[must_use]
pub fn shell_quote(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}

/// Whether the browser sends a preflight for this request (method or headers outside the safelist, or the
/// XHR upload flag).
#[must_use]
pub fn needs_preflight(request: &Request) -> bool {
    needs_preflight_in(request, Browser::Spec)
}

/// The commands for a scenario's request, and what the policy's server answers.
#[must_use]
pub fn curl_commands(scenario: &Scenario, policy: &Policy) -> Vec<CurlCommand> {
    let request = &scenario.request;
    let origin = policy
        .origins
        .first()
        .cloned()
        .unwrap_or_else(|| "null".to_owned());
    let url = shell_quote(&request.url);
    let mut cors = vec![("Access-Control-Allow-Origin".to_owned(), origin.clone())];
    if policy.allows_credentials() {
        cors.push((
            "Access-Control-Allow-Credentials".to_owned(),
            "true".to_owned(),
        ));
    }
    cors.push(("Vary".to_owned(), "Origin".to_owned()));
    let mut out = Vec::new();
    if needs_preflight(request) {
        let names: Vec<String> = request
            .headers
            .iter()
            .map(|(n, _)| n.to_ascii_lowercase())
            .collect();
        let mut command = format!(
            "curl -i -X OPTIONS {url} \\\n  -H {} \\\n  -H {}",
            shell_quote(&format!("Origin: {origin}")),
            shell_quote(&format!(
                "Access-Control-Request-Method: {}",
                request.method
            ))
        );
        let mut expect = cors.clone();
        expect.push((
            "Access-Control-Allow-Methods".to_owned(),
            format!("(includes {})", request.method),
        ));
        if !names.is_empty() {
            let list = names.join(",");
            command.push_str(&format!(
                " \\\n  -H {}",
                shell_quote(&format!("Access-Control-Request-Headers: {list}"))
            ));
            expect.push((
                "Access-Control-Allow-Headers".to_owned(),
                format!("(includes {})", names.join(", ")),
            ));
        }
        out.push(CurlCommand {
            purpose: "preflight",
            command,
            expect_status: "200-299 (usually 204)",
            expect_headers: expect,
        });
    }
    let mut command = format!(
        "curl -i -X {} {url} \\\n  -H {}",
        request.method,
        shell_quote(&format!("Origin: {origin}"))
    );
    for (name, value) in &request.headers {
        command.push_str(&format!(
            " \\\n  -H {}",
            shell_quote(&format!("{name}: {value}"))
        ));
    }
    if policy.allows_credentials() {
        command.push_str(" \\\n  -H 'Cookie: session=YOUR_SESSION'");
    }
    let mut expect = cors;
    if !policy.expose_headers.is_empty() {
        expect.push((
            "Access-Control-Expose-Headers".to_owned(),
            policy.expose_headers.join(", "),
        ));
    }
    out.push(CurlCommand {
        purpose: "request",
        command,
        expect_status: "your API's status",
        expect_headers: expect,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(json: &str) -> Scenario {
        Scenario::from_json(json).expect("valid")
    }

    #[test]
    fn a_json_put_gets_a_preflight_and_a_request_command() {
        let s = scenario(
            r#"{"page":"https://app.example","request":{"url":"https://api.example/x","method":"PUT","headers":[["Content-Type","application/json"]]},"server":[{"url":"https://api.example/x"}]}"#,
        );
        let commands = curl_commands(&s, &Policy::from_scenario(&s));
        assert_eq!(commands.len(), 2);
        assert!(commands[0]
            .command
            .contains("Access-Control-Request-Method: PUT"));
        assert!(commands[0]
            .command
            .contains("Access-Control-Request-Headers: content-type"));
        assert!(commands[1]
            .command
            .starts_with("curl -i -X PUT 'https://api.example/x'"));
    }

    #[test]
    fn a_simple_get_has_no_preflight_command() {
        let s = scenario(
            r#"{"page":"https://app.example","request":{"url":"https://api.example/x"},"server":[{"url":"https://api.example/x"}]}"#,
        );
        assert_eq!(curl_commands(&s, &Policy::from_scenario(&s)).len(), 1);
    }

    #[test]
    fn quotes_in_values_cannot_break_the_command() {
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
    }
}
