//! Harness for the real-server tests: the policy, free ports, server processes that stop when dropped;
//! the checks every stack must pass are in [`checks`], how each stack is started in [`configs`] and
//! [`runtimes`].

mod checks;
pub mod configs;
pub mod runtimes;

pub use checks::verify;

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use cors_diagnose::policy::{Credentials, Policy};

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
