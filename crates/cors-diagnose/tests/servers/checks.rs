//! The checks every stack must pass, judged by the rules engine: a small HTTP/1.1 client sends the
//! browser's requests to the server under test, and the answers become a scenario's server answers.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use cors_diagnose::parse::headers::parse_headers;
use cors_rules::scenario::{Answer, CredentialsMode, HttpAnswer, Request, ServerEntry};
use cors_rules::{evaluate, Outcome, Scenario};

use super::{ORIGIN, OTHER_ORIGIN};

/// Sends one HTTP/1.1 request and returns the answer (status and headers).
pub fn send(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Result<HttpAnswer, String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .map_err(|e| e.to_string())?;
    let mut head =
        format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    stream
        .write_all(head.as_bytes())
        .map_err(|e| e.to_string())?;
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw);
    let head = text.split("\r\n\r\n").next().unwrap_or("");
    let capture = parse_headers(head)
        .map_err(|e| format!("unreadable answer to {method} {path}: {e}\n{text}"))?;
    capture
        .exchanges
        .into_iter()
        .next()
        .and_then(|e| e.answer)
        .ok_or_else(|| format!("no answer to {method} {path}"))
}

fn scenario(
    page: &str,
    url: String,
    method: &str,
    headers: &[(&str, &str)],
    answers: (Option<HttpAnswer>, HttpAnswer),
) -> Scenario {
    let request = Request {
        url: url.clone(),
        method: method.to_owned(),
        headers: headers
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect(),
        mode: Default::default(),
        credentials: CredentialsMode::Include,
        redirect: Default::default(),
        api: Default::default(),
        preflight_flag: false,
    };
    let entry = ServerEntry {
        url,
        preflight: answers.0.map(Answer::Http),
        response: Answer::Http(answers.1),
    };
    Scenario {
        browser: Default::default(),
        page: Some(page.to_owned()),
        request,
        server: vec![entry],
    }
}

fn judge(
    what: &str,
    scenario: &Scenario,
    want: Outcome,
    status: Option<u16>,
) -> Result<(), String> {
    let verdict =
        evaluate(scenario).map_err(|e| format!("{what}: engine rejects the scenario: {e}"))?;
    let readable = verdict.readable.as_ref().map(|r| r.status);
    if verdict.outcome != want || (status.is_some() && readable != status) {
        let json = serde_json::to_string_pretty(scenario).unwrap_or_default();
        return Err(format!(
            "{what}: expected {want:?} (status {status:?}), engine says {:?} ({:?}) readable {readable:?}\n{json}",
            verdict.outcome, verdict.failure
        ));
    }
    Ok(())
}

/// The public URL the answers are judged for. The servers listen on loopback, but a public page
/// fetching loopback would (rightly) meet Chrome's Local Network Access rules, which are not what these
/// tests are about; the answers are the same whatever the host name.
const API: &str = "https://api.example.com";

/// Every check for a server listening on `port` with the [`policy`] on `/api/`.
pub fn verify(port: u16) -> Result<(), String> {
    let url = format!("{API}/api/items");
    let script_headers = [("Content-Type", "application/json"), ("X-Request-Id", "7")];
    for origin in [ORIGIN, OTHER_ORIGIN] {
        let preflight = send(
            port,
            "OPTIONS",
            "/api/items",
            &[
                ("Origin", origin),
                ("Access-Control-Request-Method", "PUT"),
                (
                    "Access-Control-Request-Headers",
                    "content-type,x-request-id",
                ),
            ],
            "",
        )?;
        let mut sent = vec![("Origin", origin), ("Cookie", "session=ok")];
        sent.extend(script_headers);
        let actual = send(port, "PUT", "/api/items", &sent, "{}")?;
        let s = scenario(
            origin,
            url.clone(),
            "PUT",
            &script_headers,
            (Some(preflight), actual.clone()),
        );
        judge(
            &format!("PUT from {origin}"),
            &s,
            Outcome::Allowed,
            Some(200),
        )?;
        let verdict = evaluate(&s).map_err(|e| e.to_string())?;
        let exposed = verdict.readable.map(|r| r.headers).unwrap_or_default();
        if !exposed.iter().any(|h| h == "x-total-count") {
            return Err(format!(
                "x-total-count is not readable: {exposed:?}\n{actual:?}"
            ));
        }
        let vary = actual
            .headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case("vary"))
            .any(|(_, v)| v.to_ascii_lowercase().contains("origin"));
        if !vary {
            return Err(format!("no Vary: Origin on the response: {actual:?}"));
        }
    }
    let error = send(
        port,
        "GET",
        "/api/fail",
        &[("Origin", ORIGIN), ("Cookie", "session=ok")],
        "",
    )?;
    judge(
        "GET /api/fail (500)",
        &scenario(ORIGIN, format!("{API}/api/fail"), "GET", &[], (None, error)),
        Outcome::Allowed,
        Some(500),
    )?;
    let unauthorized = send(port, "GET", "/api/items", &[("Origin", ORIGIN)], "")?;
    judge(
        "GET without the session cookie (401)",
        &scenario(ORIGIN, url.clone(), "GET", &[], (None, unauthorized)),
        Outcome::Allowed,
        Some(401),
    )?;
    let mut seen = Vec::new();
    for probe in cors_diagnose::security::probes(ORIGIN, &url) {
        let answer = send(
            port,
            "GET",
            "/api/items",
            &[("Origin", &probe.origin), ("Cookie", "session=ok")],
            "",
        )?;
        seen.push(cors_diagnose::security::Observation::from_answer(
            &probe.origin,
            &answer,
        ));
    }
    let allowed = send(
        port,
        "GET",
        "/api/items",
        &[("Origin", ORIGIN), ("Cookie", "session=ok")],
        "",
    )?;
    seen.push(cors_diagnose::security::Observation::from_answer(
        ORIGIN, &allowed,
    ));
    let findings = cors_diagnose::security::review(ORIGIN, &url, &seen);
    if !findings.is_empty() {
        return Err(format!("security review: {findings:#?}"));
    }
    let evil = "https://app.example.com.evil.example";
    let refused = send(
        port,
        "GET",
        "/api/items",
        &[("Origin", evil), ("Cookie", "session=ok")],
        "",
    )?;
    judge(
        "GET from another origin",
        &scenario(evil, url, "GET", &[], (None, refused)),
        Outcome::Blocked,
        None,
    )?;
    check_with_cli(port)
}

/// `cors-explain check` (crates/cors-cli) against the running server, when `CORS_EXPLAIN_BIN` names the
/// binary (scripts/test.d/40-diagnose-servers.sh builds it): the credentialed PUT passes in every browser
/// from an allowed origin (exit 0) and fails from another (exit 1). The page origins are on loopback, as
/// the server is, so Chrome's Local Network Access rules do not apply.
fn check_with_cli(port: u16) -> Result<(), String> {
    let Some(bin) = std::env::var_os("CORS_EXPLAIN_BIN") else {
        if super::required() {
            return Err(
                "CORS_EXPLAIN_BIN is not set: the cors-explain check cannot run".to_owned(),
            );
        }
        return Ok(());
    };
    let url = format!("http://127.0.0.1:{port}/api/items");
    for (origin, want) in [(OTHER_ORIGIN, 0), ("http://localhost:5174", 1)] {
        let output = std::process::Command::new(&bin)
            .args([
                "check",
                &url,
                "--origin",
                origin,
                "-X",
                "PUT",
                "--credentials",
            ])
            .args([
                "-H",
                "Content-Type: application/json",
                "-H",
                "X-Request-Id: 7",
            ])
            .output()
            .map_err(|e| format!("cors-explain does not run: {e}"))?;
        if output.status.code() != Some(want) {
            return Err(format!(
                "cors-explain check from {origin}: exit {:?}, expected {want}\n{}{}",
                output.status.code(),
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            ));
        }
    }
    Ok(())
}
