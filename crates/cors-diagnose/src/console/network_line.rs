//! The network lines around a CORS message: Chromium's `GET https://… net::ERR_FAILED 200 (OK)` and
//! `Failed to load resource: net::ERR_…`, Safari's `Failed to load resource: <description>`.
//!
//! They carry facts the CORS sentence lacks (the method, the HTTP status), and when no CORS sentence is
//! present they tell a network failure (refused, DNS, TLS, timeout) apart from a CORS one.

use cors_rules::scenario::NetworkErrorKind;
use cors_rules::CheckId;

/// What a network error code means for the diagnosis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetError {
    /// `net::ERR_FAILED`: the generic code Chromium gives every CORS failure.
    CorsFailed,
    /// No HTTP answer at all: not a CORS problem.
    Network(NetworkErrorKind),
    /// Blocked inside the browser for a reason that is not CORS.
    NotCors(&'static str),
    /// A check of the fetch itself that Chromium reports with a code of its own, not a CORS sentence
    /// (a redirect loop, a redirect to another scheme, two `Location` headers).
    Check(CheckId),
}

/// A network line, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NetworkLine {
    /// The method, when the line names it.
    pub method: Option<String>,
    /// The URL, when the line names it.
    pub url: Option<String>,
    /// The HTTP status the server answered, when the line shows it.
    pub status: Option<u16>,
    /// The error code's meaning; `None` for a plain HTTP error status line.
    pub error: Option<NetError>,
    /// The code or description as printed (`net::ERR_FAILED`).
    pub code: String,
}

/// Chromium's `net::ERR_*` codes that matter here.
fn chrome_code(code: &str) -> NetError {
    let kind = match code {
        "net::ERR_FAILED" => return NetError::CorsFailed,
        "net::ERR_BLOCKED_BY_CLIENT" => return NetError::NotCors(BLOCKED_BY_CLIENT),
        c if c.starts_with("net::ERR_BLOCKED_BY_RESPONSE") => {
            return NetError::NotCors(BLOCKED_BY_RESPONSE)
        }
        "net::ERR_TOO_MANY_REDIRECTS" => return NetError::Check(CheckId::RedirectLimit),
        "net::ERR_UNSAFE_REDIRECT" => return NetError::Check(CheckId::RedirectScheme),
        "net::ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION" | "net::ERR_INVALID_REDIRECT" => {
            return NetError::Check(CheckId::RedirectLocation)
        }
        "net::ERR_NAME_NOT_RESOLVED" | "net::ERR_NAME_RESOLUTION_FAILED" => NetworkErrorKind::Dns,
        "net::ERR_CONNECTION_TIMED_OUT" | "net::ERR_TIMED_OUT" => NetworkErrorKind::Timeout,
        c if c.starts_with("net::ERR_CERT_") || c.starts_with("net::ERR_SSL_") => {
            NetworkErrorKind::Tls
        }
        _ => NetworkErrorKind::ConnectionRefused,
    };
    NetError::Network(kind)
}

const BLOCKED_BY_CLIENT: &str = "A browser extension (an ad or tracker blocker) cancelled the request. No CORS header can change that: try with extensions disabled.";
const BLOCKED_BY_RESPONSE: &str = "The response was blocked by Cross-Origin-Resource-Policy / Cross-Origin-Embedder-Policy, not by CORS.";

/// Safari's `Failed to load resource:` descriptions for failures that are not CORS.
const SAFARI_DESCRIPTIONS: &[(&str, NetworkErrorKind)] = &[
    (
        "Could not connect to the server.",
        NetworkErrorKind::ConnectionRefused,
    ),
    (
        "A server with the specified hostname could not be found.",
        NetworkErrorKind::Dns,
    ),
    ("The request timed out.", NetworkErrorKind::Timeout),
    (
        "An SSL error has occurred and a secure connection to the server cannot be made.",
        NetworkErrorKind::Tls,
    ),
    (
        "The network connection was lost.",
        NetworkErrorKind::ConnectionRefused,
    ),
];

/// Reads a Chromium network line (`GET https://x net::ERR_FAILED 200 (OK)`, `Failed to load resource: net::ERR_…`).
#[must_use]
pub fn read_chrome(line: &str) -> Option<NetworkLine> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = words.iter().position(|w| w.starts_with("net::ERR_"))?;
    let code = words[at].to_owned();
    let url_at = words[..at].iter().rposition(|w| w.contains("://"));
    let url = url_at.map(|i| words[i].to_owned());
    let method = url_at
        .and_then(|i| i.checked_sub(1))
        .map(|i| words[i])
        .filter(|w| is_method(w))
        .map(str::to_owned);
    let status = words.get(at + 1).and_then(|w| w.parse::<u16>().ok());
    Some(NetworkLine {
        method,
        url,
        status,
        error: Some(chrome_code(&code)),
        code,
    })
}

/// Reads Chromium's `Failed to load resource: the server responded with a status of 404 (Not Found)`.
#[must_use]
pub fn read_http_status(line: &str) -> Option<NetworkLine> {
    const MARK: &str = "the server responded with a status of ";
    let at = line.find(MARK)?;
    let rest = &line[at + MARK.len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let status = digits.parse::<u16>().ok()?;
    Some(NetworkLine {
        method: None,
        url: None,
        status: Some(status),
        error: None,
        code: rest.trim().to_owned(),
    })
}

/// Reads Safari's `Failed to load resource: <description>` for network failures.
#[must_use]
pub fn read_safari(line: &str) -> Option<NetworkLine> {
    let (description, kind) = SAFARI_DESCRIPTIONS
        .iter()
        .find(|(text, _)| line.contains(text))?;
    Some(NetworkLine {
        method: None,
        url: None,
        status: None,
        error: Some(NetError::Network(*kind)),
        code: (*description).to_owned(),
    })
}

fn is_method(word: &str) -> bool {
    !word.is_empty() && word.len() <= 16 && word.bytes().all(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devtools_line_gives_method_url_and_status() {
        let read =
            read_chrome("index.html:12 GET https://api.example.com/data net::ERR_FAILED 200 (OK)")
                .expect("read");
        assert_eq!(read.method.as_deref(), Some("GET"));
        assert_eq!(read.url.as_deref(), Some("https://api.example.com/data"));
        assert_eq!(read.status, Some(200));
        assert_eq!(read.error, Some(NetError::CorsFailed));
    }

    #[test]
    fn connection_refused_is_a_network_error_not_cors() {
        let read =
            read_chrome("POST http://localhost:8080/x net::ERR_CONNECTION_REFUSED").expect("read");
        assert_eq!(
            read.error,
            Some(NetError::Network(NetworkErrorKind::ConnectionRefused))
        );
        assert_eq!(read.status, None);
    }

    #[test]
    fn certificate_errors_are_tls_failures() {
        let read =
            read_chrome("Failed to load resource: net::ERR_CERT_AUTHORITY_INVALID").expect("read");
        assert_eq!(read.error, Some(NetError::Network(NetworkErrorKind::Tls)));
    }

    #[test]
    fn server_error_status_line_is_read() {
        let read = read_http_status(
            "Failed to load resource: the server responded with a status of 502 (Bad Gateway)",
        )
        .expect("read");
        assert_eq!(read.status, Some(502));
    }

    #[test]
    fn safari_could_not_connect_is_connection_refused() {
        let read = read_safari("[Error] Failed to load resource: Could not connect to the server.")
            .expect("read");
        assert_eq!(
            read.error,
            Some(NetError::Network(NetworkErrorKind::ConnectionRefused))
        );
    }
}
