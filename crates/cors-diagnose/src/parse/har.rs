//! HAR files exported from DevTools ("Save all as HAR"): `log.entries[]` with `request` and `response`.
//!
//! A request the browser blocked is often recorded with status 0 and no headers (Chromium adds
//! `response._error`, e.g. `net::ERR_FAILED`); such an entry has no HTTP answer to replay.

use cors_rules::scenario::{HttpAnswer, NetworkErrorKind};
use serde::Deserialize;

use super::exchange::{Capture, Exchange, SeenRequest};
use crate::console::network_line::{read_chrome, NetError};
use crate::report::{LineNote, ParseError};

#[derive(Deserialize)]
struct Har {
    log: Log,
}

#[derive(Deserialize)]
struct Log {
    #[serde(default)]
    entries: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    request: HarRequest,
    #[serde(default)]
    response: Option<HarResponse>,
}

#[derive(Deserialize)]
struct HarRequest {
    method: String,
    url: String,
    #[serde(default)]
    headers: Vec<NameValue>,
}

#[derive(Deserialize)]
struct HarResponse {
    #[serde(default)]
    status: i64,
    #[serde(default)]
    headers: Vec<NameValue>,
    #[serde(default, rename = "_error")]
    error: Option<String>,
}

#[derive(Deserialize)]
struct NameValue {
    name: String,
    value: String,
}

/// Parses a HAR file. In the returned line notes, `line` counts entries (from 1), not text lines.
///
/// # Errors
/// A [`ParseError`] with the line and column of malformed JSON, or naming the missing HAR field.
pub fn parse_har(text: &str) -> Result<Capture, ParseError> {
    let har: Har = serde_json::from_str(text).map_err(|err| ParseError {
        line: err.line(),
        column: Some(err.column()),
        message: format!("not a HAR file: {err}"),
    })?;
    let mut capture = Capture::default();
    for (index, entry) in har.log.entries.into_iter().enumerate() {
        let summary = format!("{} {}", entry.request.method, entry.request.url);
        let exchange = exchange_of(entry);
        let note = match (&exchange.answer, exchange.network_error) {
            (Some(answer), _) => format!(
                "status {} with {} headers",
                answer.status,
                answer.headers.len()
            ),
            (None, Some(kind)) => format!("no HTTP answer: {}", kind.id()),
            (None, None) => "no answer recorded (the browser blocked it or it failed)".to_owned(),
        };
        let keep = exchange.answer.is_some()
            || exchange.network_error.is_some()
            || is_cross_origin_attempt(&exchange);
        capture.lines.push(if keep {
            LineNote::understood(index + 1, &summary, note)
        } else {
            LineNote::ignored(index + 1, &summary, note)
        });
        capture.exchanges.push(exchange);
    }
    if capture.exchanges.is_empty() {
        return Err(ParseError::at(
            1,
            "the HAR file has no entries (log.entries is empty)",
        ));
    }
    Ok(capture)
}

fn is_cross_origin_attempt(exchange: &Exchange) -> bool {
    exchange
        .request
        .as_ref()
        .is_some_and(|r| super::exchange::header(&r.headers, "origin").is_some())
}

fn exchange_of(entry: Entry) -> Exchange {
    let headers = |list: Vec<NameValue>| {
        list.into_iter()
            .map(|h| (h.name, h.value))
            .collect::<Vec<_>>()
    };
    let request = SeenRequest {
        method: entry.request.method,
        url: Some(entry.request.url),
        headers: headers(entry.request.headers)
            .into_iter()
            .filter(|(name, _)| !name.starts_with(':'))
            .collect(),
    };
    let (answer, network_error) = match entry.response {
        Some(response) => {
            let network_error = response.error.as_deref().and_then(network_error_of);
            let status = u16::try_from(response.status).unwrap_or(0);
            let headers: Vec<_> = headers(response.headers)
                .into_iter()
                .filter(|(n, _)| !n.starts_with(':'))
                .collect();
            let answer = (status != 0).then_some(HttpAnswer { status, headers });
            (answer, network_error)
        }
        None => (None, None),
    };
    Exchange {
        request: Some(request),
        answer,
        network_error,
    }
}

fn network_error_of(code: &str) -> Option<NetworkErrorKind> {
    match read_chrome(code)?.error? {
        NetError::Network(kind) => Some(kind),
        NetError::CorsFailed | NetError::NotCors(_) | NetError::Check(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_become_exchanges() {
        let har = r#"{"log":{"version":"1.2","entries":[
          {"request":{"method":"OPTIONS","url":"https://api.example/x","headers":[{"name":"Origin","value":"https://app.example"},{"name":"Access-Control-Request-Method","value":"PUT"}]},
           "response":{"status":204,"headers":[{"name":"access-control-allow-origin","value":"https://app.example"}]}},
          {"request":{"method":"PUT","url":"https://api.example/x","headers":[{"name":"Origin","value":"https://app.example"}]},
           "response":{"status":0,"headers":[],"_error":"net::ERR_FAILED"}}]}}"#;
        let capture = parse_har(har).expect("parsed");
        assert_eq!(capture.exchanges.len(), 2);
        assert!(capture.exchanges[0].is_preflight());
        assert!(capture.exchanges[1].answer.is_none());
    }

    #[test]
    fn malformed_json_reports_line_and_column() {
        let err = parse_har("{\n  \"log\": {\n    \"entries\": [,]\n  }\n}").expect_err("rejected");
        assert_eq!(err.line, 3);
        assert!(err.column.is_some());
    }

    #[test]
    fn json_that_is_not_a_har_names_the_missing_field() {
        let err = parse_har(r#"{"hello": 1}"#).expect_err("rejected");
        assert!(err.message.contains("log"), "{}", err.message);
    }

    #[test]
    fn refused_connection_is_kept_as_a_network_error() {
        let har = r#"{"log":{"entries":[{"request":{"method":"GET","url":"http://localhost:9/x"},"response":{"status":0,"_error":"net::ERR_CONNECTION_REFUSED"}}]}}"#;
        let capture = parse_har(har).expect("parsed");
        assert_eq!(
            capture.exchanges[0].network_error,
            Some(NetworkErrorKind::ConnectionRefused)
        );
    }
}
