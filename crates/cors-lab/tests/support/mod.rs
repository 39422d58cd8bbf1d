//! Starting a lab on ephemeral loopback ports, and a raw HTTP/1.1 client that shows responses byte for byte.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use cors_lab::api::LabOrigins;
use cors_lab::server::{Config, LabServer};
use cors_lab::Limits;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::oneshot;

/// A running lab; dropping it stops the lab.
pub struct Lab {
    pub origins: LabOrigins,
    pub app: SocketAddr,
    pub scenario: Vec<SocketAddr>,
    stop: Option<oneshot::Sender<()>>,
}

impl Drop for Lab {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// Settings for a test lab.
pub struct Setup {
    pub limits: Limits,
    pub hold: Duration,
    pub dist: Option<PathBuf>,
}

impl Default for Setup {
    fn default() -> Self {
        Setup {
            limits: Limits::default(),
            hold: Duration::from_millis(300),
            dist: None,
        }
    }
}

pub async fn start(setup: Setup) -> Lab {
    let config = Config {
        port: 0,
        scenario_ports: vec![0, 0],
        limits: setup.limits,
        timeout_hold: setup.hold,
        dist: setup.dist,
        ..Config::default()
    };
    let server = LabServer::bind(config).await.expect("binds loopback ports");
    let origins = server.origins().clone();
    let app = server.app_addr().expect("app address");
    let scenario = server.scenario_addrs();
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(server.serve(async {
        let _ = stopped.await;
    }));
    Lab {
        origins,
        app,
        scenario,
        stop: Some(stop),
    }
}

/// A response as received.
#[derive(Debug)]
pub struct Reply {
    /// Everything up to and including the blank line.
    pub head: String,
    pub body: String,
}

impl Reply {
    pub fn status(&self) -> u16 {
        self.head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0)
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|line| {
            let (n, v) = line.split_once(": ")?;
            n.eq_ignore_ascii_case(name).then_some(v)
        })
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).expect("JSON body")
    }

    pub fn raw(&self) -> String {
        format!("{}{}", self.head, self.body)
    }
}

impl Lab {
    /// `host:port` of an origin such as `http://localhost:1234`.
    pub fn authority(origin: &str) -> &str {
        origin.trim_start_matches("http://")
    }

    /// The socket address that answers a lab URL or origin.
    pub fn addr_of(&self, url: &str) -> SocketAddr {
        let port: u16 = url
            .trim_start_matches("http://")
            .split('/')
            .next()
            .and_then(|authority| authority.rsplit(':').next())
            .and_then(|port| port.parse().ok())
            .expect("a lab URL has a port");
        SocketAddr::from(([127, 0, 0, 1], port))
    }

    /// Sends one request to a lab URL (absolute) and reads the reply (the connection is closed after it).
    pub async fn send(
        &self,
        method: &str,
        url: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> Reply {
        let rest = url.trim_start_matches("http://");
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let path = if path.is_empty() { "/" } else { path };
        let mut text = format!("{method} {path} HTTP/1.1\r\nHost: {authority}\r\n");
        for (name, value) in headers {
            text.push_str(&format!("{name}: {value}\r\n"));
        }
        if !body.is_empty() {
            text.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        text.push_str("Connection: close\r\n\r\n");
        text.push_str(body);
        let bytes = raw(self.addr_of(url), text.as_bytes())
            .await
            .expect("the lab answers");
        split(&bytes)
    }

    pub fn api(&self, path: &str) -> String {
        format!("{}{path}", self.origins.app[0])
    }

    /// Registers a scenario (JSON text) and returns the 201 body.
    pub async fn register(&self, body: &str) -> serde_json::Value {
        let reply = self
            .send(
                "POST",
                &self.api("/api/scenarios"),
                &[("Content-Type", "application/json")],
                body,
            )
            .await;
        assert_eq!(reply.status(), 201, "{}", reply.raw());
        reply.json()
    }
}

/// Writes bytes to a fresh connection and reads until the server closes it; `Err` when it was reset.
pub async fn raw(addr: SocketAddr, request: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut stream = TcpStream::connect(addr).await?;
    stream.write_all(request).await?;
    let mut out = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut out)).await??;
    Ok(out)
}

/// Splits a response into head and body.
pub fn split(bytes: &[u8]) -> Reply {
    let text = String::from_utf8_lossy(bytes).into_owned();
    match text.find("\r\n\r\n") {
        Some(end) => Reply {
            head: text[..end + 4].to_owned(),
            body: text[end + 4..].to_owned(),
        },
        None => Reply {
            head: text,
            body: String::new(),
        },
    }
}

/// The translated URL of `scenario_url` in a registration answer.
pub fn lab_url(registered: &serde_json::Value, scenario_url: &str) -> String {
    registered["urls"]
        .as_array()
        .expect("urls")
        .iter()
        .find(|pair| pair[0] == scenario_url)
        .and_then(|pair| pair[1].as_str())
        .expect("the URL was translated")
        .to_owned()
}
