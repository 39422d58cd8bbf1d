//! Shared by the end-to-end tests: running the binary, a lab on loopback ports, and listeners that fail
//! in chosen ways (refuse, never answer, speak garbage).

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use cors_lab::api::{LabOrigins, Registered};
use cors_lab::server::{Config, LabServer};
use tokio::runtime::Runtime;
use tokio::sync::oneshot;

/// Runs `cors-explain` with `args`, `input` on standard input.
pub fn run(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cors-explain"))
        .args(args)
        .env_remove("CORS_EXPLAIN_APP")
        .env("NO_COLOR", "1")
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

/// Standard output as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Standard output as JSON.
pub fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
            stdout(output),
            stderr(output)
        )
    })
}

/// A lab on free loopback ports, in-process; dropping it stops it.
pub struct Lab {
    pub origins: LabOrigins,
    stop: Option<oneshot::Sender<()>>,
    runtime: Runtime,
}

impl Lab {
    pub fn start() -> Lab {
        let runtime = Runtime::new().expect("a runtime");
        let config = Config {
            port: 0,
            scenario_ports: vec![0, 0],
            timeout_hold: Duration::from_millis(300),
            ..Config::default()
        };
        let server = runtime
            .block_on(LabServer::bind(config))
            .expect("the lab binds loopback ports");
        let origins = server.origins().clone();
        let (stop, stopped) = oneshot::channel::<()>();
        runtime.spawn(server.serve(async {
            let _ = stopped.await;
        }));
        Lab {
            origins,
            stop: Some(stop),
            runtime,
        }
    }

    /// The app origin, `http://127.0.0.1:PORT`.
    pub fn app(&self) -> &str {
        &self.origins.app[0]
    }

    /// Registers `scenario` for a page on `page_origin` and returns the lab's translation.
    pub fn register(&self, scenario: &serde_json::Value, page_origin: &str) -> Registered {
        let body = serde_json::json!({ "scenario": scenario, "page_origin": page_origin });
        let mut response = ureq::post(format!("{}/api/scenarios", self.app()))
            .header("Content-Type", "application/json")
            .send(body.to_string())
            .expect("the lab registers the scenario");
        let text = response
            .body_mut()
            .read_to_string()
            .expect("the registration answer");
        serde_json::from_str(&text).expect("a registration")
    }
}

impl Drop for Lab {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// A loopback port nothing listens on.
pub fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("its address").port()
}

/// A loopback listener whose connections each get `reply` (possibly nothing) and are then held open
/// for `hold`; it runs until the test process ends.
pub fn listener(reply: &'static [u8], hold: Duration) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    let addr = listener.local_addr().expect("its address");
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            std::thread::spawn(move || {
                let mut buffer = [0u8; 1024];
                let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
                let _ = stream.read(&mut buffer);
                let _ = stream.write_all(reply);
                std::thread::sleep(hold);
            });
        }
    });
    addr
}

/// A loopback https server with a self-signed certificate (`tests/fixtures/self-signed-*.pem`, for
/// `127.0.0.1` and `localhost`, made with openssl for these tests only) that answers every request with
/// `reply`; it runs until the test process ends.
pub fn self_signed_https(reply: &'static [u8]) -> SocketAddr {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    use std::sync::Arc;

    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let cert = CertificateDer::from_pem_file(fixtures.join("self-signed-cert.pem"))
        .expect("the test certificate");
    let key =
        PrivateKeyDer::from_pem_file(fixtures.join("self-signed-key.pem")).expect("the test key");
    let config = rustls::ServerConfig::builder()
        .with_no_client_auth()
        .with_single_cert(vec![cert], key)
        .expect("a TLS server configuration");
    let config = Arc::new(config);
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    let addr = listener.local_addr().expect("its address");
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let config = Arc::clone(&config);
            std::thread::spawn(move || {
                let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
                let Ok(connection) = rustls::ServerConnection::new(config) else {
                    return;
                };
                let mut tls = rustls::StreamOwned::new(connection, stream);
                let mut head = Vec::new();
                let mut byte = [0u8; 1];
                while !head.ends_with(b"\r\n\r\n") {
                    match tls.read(&mut byte) {
                        Ok(1) => head.push(byte[0]),
                        _ => return,
                    }
                }
                let _ = tls.write_all(reply);
                let _ = tls.flush();
                tls.conn.send_close_notify();
                let _ = tls.flush();
            });
        }
    });
    addr
}
