//! The HTTP client: sends one request exactly as the engine says the browser puts it on the wire, and
//! reads the answer back as a scenario answer. ureq over rustls, certificates checked against the
//! webpki roots unless `--insecure`; redirects are never followed here (each hop is one call, so each
//! is recorded), and an HTTP error status is an answer like any other.
//!
//! What the client cannot keep: ureq (like every client built on the `http` crate) reads headers into a
//! `HeaderMap`, which lower-cases names and groups the lines of one name together (their order among
//! themselves is kept). The recorded answers therefore carry each name in its conventional case
//! (`Access-Control-Allow-Origin`, [`conventional_case`]), as HTTP/1.1 servers almost always send it:
//! the engine compares names case-insensitively except where Firefox does not (it reports two lines
//! named exactly `Access-Control-Allow-Origin` as two values, and merges lines named in another case).
//! Request header names go out lower-case (HTTP/1.1 names are case-insensitive).

use std::net::ToSocketAddrs;
use std::time::Duration;

use cors_rules::header_list::isomorphic_decode;
use cors_rules::scenario::{HttpAnswer, NetworkErrorKind};
use cors_rules::verdict::WireRequest;
use ureq::http;
use ureq::tls::TlsConfig;
use ureq::Agent;

/// Why no HTTP answer came back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreachable {
    /// DNS, TLS, connection or timeout.
    pub kind: NetworkErrorKind,
    /// The URL asked.
    pub url: String,
    /// What the client said, for people.
    pub detail: String,
}

impl Unreachable {
    /// The kind in the words of the exit-status contract: DNS, TLS, connection, timeout.
    #[must_use]
    pub fn kind_word(&self) -> &'static str {
        match self.kind {
            NetworkErrorKind::Dns => "DNS",
            NetworkErrorKind::Tls => "TLS",
            NetworkErrorKind::ConnectionRefused => "connection",
            NetworkErrorKind::Timeout => "timeout",
        }
    }
}

impl std::fmt::Display for Unreachable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} error: {} could not be reached: {}",
            self.kind_word(),
            self.url,
            self.detail
        )
    }
}

/// Certificates checked, or not (`--insecure`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Certificates {
    /// Verified against the webpki root certificates.
    Verified,
    /// Not verified.
    Unverified,
}

/// A configured client.
pub struct Client {
    agent: Agent,
    timeout: Duration,
}

impl Client {
    /// A client that waits at most `timeout` for each answer.
    #[must_use]
    pub fn new(timeout: Duration, certificates: Certificates) -> Client {
        let tls = TlsConfig::builder()
            .disable_verification(certificates == Certificates::Unverified)
            .build();
        let agent: Agent = Agent::config_builder()
            .max_redirects(0)
            .http_status_as_error(false)
            .allow_non_standard_methods(true)
            .timeout_global(Some(timeout))
            .user_agent(concat!("cors-explain/", env!("CARGO_PKG_VERSION")))
            .tls_config(tls)
            .build()
            .into();
        Client { agent, timeout }
    }

    /// Sends `request` (method, URL and header lines as the engine lists them) and returns the answer.
    ///
    /// # Errors
    /// [`Unreachable`] when no HTTP answer came back.
    pub fn send(&self, request: &WireRequest) -> Result<HttpAnswer, Unreachable> {
        let unreachable = |kind, detail: String| Unreachable {
            kind,
            url: request.url.clone(),
            detail,
        };
        // The fragment stays in the page; it never goes on the wire.
        let uri = request.url.split('#').next().unwrap_or_default();
        let mut builder = http::Request::builder()
            .method(request.method.as_str())
            .uri(uri);
        for (name, value) in &request.headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        // A method with a body goes out with `Content-Length: 0` (servers may refuse a body-less POST).
        let carries_body = !matches!(request.method.as_str(), "GET" | "HEAD" | "OPTIONS");
        let body: &[u8] = b"";
        let sent = if carries_body {
            builder.body(body).map(|r| self.agent.run(r))
        } else {
            builder.body(()).map(|r| self.agent.run(r))
        };
        let response = match sent {
            Ok(Ok(response)) => response,
            Ok(Err(err)) => {
                let (kind, detail) = self.classify(&err, &request.url);
                return Err(unreachable(kind, detail));
            }
            Err(err) => {
                return Err(unreachable(
                    NetworkErrorKind::ConnectionRefused,
                    format!("the request cannot be written: {err}"),
                ))
            }
        };
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| {
                (
                    conventional_case(name.as_str()),
                    isomorphic_decode(value.as_bytes()),
                )
            })
            .collect();
        Ok(HttpAnswer {
            status: response.status().as_u16(),
            headers,
        })
    }

    /// Which of DNS, TLS, connection or timeout an error is, with the words to show.
    fn classify(&self, err: &ureq::Error, url: &str) -> (NetworkErrorKind, String) {
        let seconds = self.timeout.as_secs_f64();
        match err {
            ureq::Error::Timeout(_) => (
                NetworkErrorKind::Timeout,
                format!("no answer within {seconds} s"),
            ),
            ureq::Error::HostNotFound => (
                NetworkErrorKind::Dns,
                "the host name does not resolve".to_owned(),
            ),
            ureq::Error::Tls(what) => (NetworkErrorKind::Tls, (*what).to_owned()),
            ureq::Error::Rustls(tls) => (
                NetworkErrorKind::Tls,
                format!("the TLS handshake failed: {tls}"),
            ),
            ureq::Error::Io(io) => classify_io(io, url, seconds),
            ureq::Error::Protocol(protocol) => (
                NetworkErrorKind::ConnectionRefused,
                format!("the answer is not HTTP: {protocol}"),
            ),
            other => (NetworkErrorKind::ConnectionRefused, other.to_string()),
        }
    }
}

/// An I/O error: a TLS alert or a certificate rustls refused, a time-out, a name lookup that failed, or
/// a connection refused or reset.
fn classify_io(io: &std::io::Error, url: &str, seconds: f64) -> (NetworkErrorKind, String) {
    use std::io::ErrorKind;
    if let Some(tls) = io
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<rustls::Error>())
    {
        return (
            NetworkErrorKind::Tls,
            format!("the TLS handshake failed: {tls}"),
        );
    }
    // rustls reports a peer that hangs up mid-handshake as a bare `UnexpectedEof` (ureq's own "peer
    // disconnected" errors carry a message): an https server that is not speaking TLS.
    if io.kind() == ErrorKind::UnexpectedEof && io.get_ref().is_none() && url.starts_with("https:")
    {
        return (
            NetworkErrorKind::Tls,
            "the server closed the connection during the TLS handshake (is it speaking TLS?)"
                .to_owned(),
        );
    }
    match io.kind() {
        ErrorKind::TimedOut | ErrorKind::WouldBlock => (
            NetworkErrorKind::Timeout,
            format!("no answer within {seconds} s"),
        ),
        ErrorKind::ConnectionRefused => (
            NetworkErrorKind::ConnectionRefused,
            "the connection was refused (nothing listens on that port)".to_owned(),
        ),
        _ if !resolves(url) => (
            NetworkErrorKind::Dns,
            format!("the host name does not resolve ({io})"),
        ),
        _ => (NetworkErrorKind::ConnectionRefused, io.to_string()),
    }
}

/// Whether the URL's host resolves to at least one address.
fn resolves(url: &str) -> bool {
    let Ok(url) = url::Url::parse(url) else {
        return false;
    };
    match (url.host_str(), url.port_or_known_default()) {
        (Some(host), Some(port)) => (host.trim_start_matches('[').trim_end_matches(']'), port)
            .to_socket_addrs()
            .is_ok_and(|mut addrs| addrs.next().is_some()),
        _ => false,
    }
}

/// A lower-case header name in its conventional case: each `-`-separated word capitalised
/// (`access-control-allow-origin` → `Access-Control-Allow-Origin`).
#[must_use]
pub fn conventional_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut start = true;
    for c in name.chars() {
        out.push(if start { c.to_ascii_uppercase() } else { c });
        start = c == '-';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::conventional_case;

    #[test]
    fn names_come_back_in_their_conventional_case() {
        assert_eq!(
            conventional_case("access-control-allow-origin"),
            "Access-Control-Allow-Origin"
        );
        assert_eq!(conventional_case("vary"), "Vary");
        assert_eq!(conventional_case("x-a--b"), "X-A--B");
        assert_eq!(conventional_case(""), "");
    }
}
