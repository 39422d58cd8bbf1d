//! Harness for the real-server tests: free ports, server processes that stop when dropped, a small
//! HTTP/1.1 client, and the checks every stack must pass, judged by the rules engine.

pub mod configs;
pub mod runtimes;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use cors_diagnose::parse::headers::parse_headers;
use cors_diagnose::policy::{Credentials, Policy};
use cors_rules::scenario::{Answer, CredentialsMode, HttpAnswer, Request, ServerEntry};
use cors_rules::{evaluate, Outcome, Scenario};

/// The origin the policy allows first.
pub const ORIGIN: &str = "https://app.example.com";
/// A second allowed origin.
pub const OTHER_ORIGIN: &str = "http://localhost:5173";

/// The policy every stack is configured with.
pub fn policy() -> Policy {
    Policy {
        origins: vec![ORIGIN.to_owned(), OTHER_ORIGIN.to_owned()],
        methods: vec!["GET".to_owned(), "PUT".to_owned()],
        allow_headers: vec!["content-type".to_owned(), "x-request-id".to_owned()],
        credentials: Credentials::Allowed,
        expose_headers: vec!["x-total-count".to_owned()],
        max_age: Some(600),
        path: "/api/".to_owned(),
    }
}

/// Whether the servers must be there (set by scripts/test.d/40-diagnose-servers.sh).
pub fn required() -> bool {
    std::env::var_os("CORS_DIAGNOSE_SERVERS").is_some()
}

/// A free loopback port.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A fresh scratch directory for one server.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cors-diagnose-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// A server process, killed when dropped.
pub struct Server {
    child: Child,
    log: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Starts `command`, logging to `dir/<name>.log`, and waits until `port` accepts connections.
    pub fn start(
        mut command: Command,
        dir: &Path,
        name: &str,
        port: u16,
    ) -> Result<Server, String> {
        let log = dir.join(format!("{name}.log"));
        let file = std::fs::File::create(&log).map_err(|e| e.to_string())?;
        let err = file.try_clone().map_err(|e| e.to_string())?;
        command
            .stdin(Stdio::null())
            .stdout(Stdio::from(file))
            .stderr(Stdio::from(err));
        let child = command
            .spawn()
            .map_err(|e| format!("{name} did not start: {e}"))?;
        let mut server = Server { child, log };
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Ok(server);
            }
            if let Ok(Some(status)) = server.child.try_wait() {
                return Err(format!("{name} exited ({status}):\n{}", server.log_text()));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err(format!(
            "{name} did not listen on {port} within 30 s:\n{}",
            server.log_text()
        ))
    }

    /// The server's output so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

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
    )
}

/// Runs `check` when the stack's tools are installed; skips (or fails, when required) otherwise.
pub fn run_if_available(stack: &str, available: bool, check: impl FnOnce() -> Result<(), String>) {
    if !available {
        assert!(
            !required(),
            "{stack}: not installed, but CORS_DIAGNOSE_SERVERS is set"
        );
        eprintln!(
            "{stack}: not installed; skipped (scripts/test.d/40-diagnose-servers.sh installs it)"
        );
        return;
    }
    if let Err(problem) = check() {
        panic!("{stack}: {problem}");
    }
}

/// Whether a program is on the PATH (or is an existing path).
pub fn has_program(program: &str) -> bool {
    if Path::new(program).is_absolute() {
        return Path::new(program).exists();
    }
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}
