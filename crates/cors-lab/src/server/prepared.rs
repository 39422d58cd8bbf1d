//! Scenario answers rendered to bytes once, at registration, and written to the socket as they are.
//!
//! Headers are written by hand, never through a CORS middleware or a `HeaderMap`: the lab must be able to
//! send exactly the broken combinations a scenario describes (`Access-Control-Allow-Origin` twice,
//! `access-control-allow-ORIGIN`, `*` with credentials), in the scenario's order and casing.
//!
//! The lab adds only what HTTP/1.1 framing needs and what keeps bodies inert: `Content-Length` (unless the
//! scenario sets `Content-Length` or `Transfer-Encoding` itself) and `Content-Type: text/plain; charset=utf-8`
//! (unless the scenario sets a `Content-Type`). No `Date`, no `Server`. Bodies are fixed text that never
//! contains anything from a request.

use bytes::Bytes;
use cors_rules::scenario::{Answer, HttpAnswer, NetworkErrorKind};

/// Largest body a scenario's own `Content-Length` may ask for.
const MAX_BODY: usize = 64 * 1024;

/// A scenario answer, ready for the wire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Prepared {
    /// An HTTP response.
    Http(Rendered),
    /// No response: reset the connection (`connection-refused`, and `dns`/`tls`, which loopback cannot produce).
    Reset,
    /// No response: hold the connection, then reset it (`timeout`).
    Hold,
}

/// An HTTP response as bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Rendered {
    /// Status line, header lines, blank line, body.
    pub(crate) bytes: Bytes,
    /// Length of everything before the body (what a `HEAD` request gets).
    pub(crate) head_len: usize,
    /// Whether the body ends only when the connection closes.
    pub(crate) close: bool,
}

/// How the body is delimited.
enum BodyFraming {
    /// The lab appends `Content-Length`.
    LabLength,
    /// The scenario's own valid `Content-Length`: the body is fitted to it.
    ScenarioLength(usize),
    /// The scenario's `Transfer-Encoding: chunked`: the body is sent as one chunk.
    Chunked,
    /// Anything else (invalid or repeated lengths, other codings): the body ends when the connection closes.
    CloseDelimited,
}

/// Renders an answer; `body` is the fixed text to send.
pub(crate) fn prepare(answer: &Answer, body: &str) -> Prepared {
    match answer {
        Answer::Http(http) => Prepared::Http(render(http, body)),
        Answer::Error(NetworkErrorKind::Timeout) => Prepared::Hold,
        Answer::Error(_) => Prepared::Reset,
    }
}

fn render(http: &HttpAnswer, body: &str) -> Rendered {
    let reason = reason_phrase(http.status);
    let mut out = format!("HTTP/1.1 {} {reason}\r\n", http.status).into_bytes();
    for (name, value) in &http.headers {
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(value.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    let has = |wanted: &str| {
        http.headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case(wanted))
    };
    if matches!(http.status, 204 | 304) {
        out.extend_from_slice(b"\r\n");
        return Rendered {
            head_len: out.len(),
            bytes: out.into(),
            close: false,
        };
    }
    if !has("content-type") {
        out.extend_from_slice(b"Content-Type: text/plain; charset=utf-8\r\n");
    }
    let framing = framing_of(http);
    let body = match framing {
        BodyFraming::LabLength => {
            out.extend_from_slice(format!("Content-Length: {}\r\n", body.len()).as_bytes());
            body.as_bytes().to_vec()
        }
        BodyFraming::ScenarioLength(len) => fit(body, len),
        BodyFraming::Chunked => format!("{:x}\r\n{body}\r\n0\r\n\r\n", body.len()).into_bytes(),
        BodyFraming::CloseDelimited => body.as_bytes().to_vec(),
    };
    out.extend_from_slice(b"\r\n");
    let head_len = out.len();
    out.extend_from_slice(&body);
    Rendered {
        bytes: out.into(),
        head_len,
        close: matches!(framing, BodyFraming::CloseDelimited),
    }
}

fn framing_of(http: &HttpAnswer) -> BodyFraming {
    let values = |wanted: &str| -> Vec<&str> {
        http.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(wanted))
            .map(|(_, v)| v.trim())
            .collect()
    };
    let codings = values("transfer-encoding");
    let lengths = values("content-length");
    match (codings.as_slice(), lengths.as_slice()) {
        ([], []) => BodyFraming::LabLength,
        ([coding], _) if coding.eq_ignore_ascii_case("chunked") => BodyFraming::Chunked,
        ([], [length]) => match length.parse::<usize>() {
            Ok(len) if len <= MAX_BODY && length.bytes().all(|b| b.is_ascii_digit()) => {
                BodyFraming::ScenarioLength(len)
            }
            _ => BodyFraming::CloseDelimited,
        },
        _ => BodyFraming::CloseDelimited,
    }
}

/// The body cut or padded with spaces to `len` bytes.
fn fit(body: &str, len: usize) -> Vec<u8> {
    let mut bytes = body.as_bytes().to_vec();
    bytes.resize(len, b' ');
    bytes
}

fn reason_phrase(status: u16) -> &'static str {
    axum::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("")
}

/// A fixed `404` for URLs the lab has no answer for; `what` is fixed text, never request data.
pub(crate) fn not_found(what: &'static str) -> Rendered {
    let body = format!("cors-lab: {what}\n");
    let text = format!(
        "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    Rendered {
        head_len: text.len() - body.len(),
        bytes: text.into(),
        close: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn http(status: u16, headers: &[(&str, &str)]) -> Answer {
        let headers = headers
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect();
        Answer::Http(HttpAnswer { status, headers })
    }

    fn text(prepared: &Prepared) -> String {
        let Prepared::Http(rendered) = prepared else {
            panic!("expected an HTTP answer")
        };
        String::from_utf8(rendered.bytes.to_vec()).expect("utf-8")
    }

    #[test]
    fn headers_are_written_in_order_with_their_casing_and_duplicates() {
        let answer = http(
            200,
            &[
                ("access-control-allow-ORIGIN", "*"),
                ("X-A", "1"),
                ("Access-Control-Allow-Origin", "*"),
            ],
        );
        assert_eq!(
            text(&prepare(&answer, "hi")),
            "HTTP/1.1 200 OK\r\naccess-control-allow-ORIGIN: *\r\nX-A: 1\r\nAccess-Control-Allow-Origin: *\r\n\
             Content-Type: text/plain; charset=utf-8\r\nContent-Length: 2\r\n\r\nhi"
        );
    }

    #[test]
    fn a_no_content_answer_gets_no_body_and_no_added_headers() {
        assert_eq!(
            text(&prepare(&http(204, &[("Vary", "Origin")]), "hi")),
            "HTTP/1.1 204 No Content\r\nVary: Origin\r\n\r\n"
        );
    }

    #[test]
    fn a_scenario_content_length_sizes_the_body() {
        let sent = text(&prepare(
            &http(
                200,
                &[("Content-Length", "4"), ("Content-Type", "text/csv")],
            ),
            "hi",
        ));
        assert_eq!(
            sent,
            "HTTP/1.1 200 OK\r\nContent-Length: 4\r\nContent-Type: text/csv\r\n\r\nhi  "
        );
    }

    #[test]
    fn a_scenario_chunked_coding_sends_one_chunk() {
        let sent = text(&prepare(
            &http(200, &[("Transfer-Encoding", "chunked")]),
            "hi",
        ));
        assert!(sent.ends_with("\r\n\r\n2\r\nhi\r\n0\r\n\r\n"), "{sent}");
    }

    #[test]
    fn an_invalid_content_length_delimits_the_body_by_closing() {
        let Prepared::Http(rendered) = prepare(&http(200, &[("Content-Length", "1, 2")]), "hi")
        else {
            panic!()
        };
        assert!(rendered.close);
    }

    #[test]
    fn network_errors_become_resets_and_timeouts_holds() {
        assert_eq!(
            prepare(&Answer::Error(NetworkErrorKind::ConnectionRefused), ""),
            Prepared::Reset
        );
        assert_eq!(
            prepare(&Answer::Error(NetworkErrorKind::Tls), ""),
            Prepared::Reset
        );
        assert_eq!(
            prepare(&Answer::Error(NetworkErrorKind::Timeout), ""),
            Prepared::Hold
        );
    }

    #[test]
    fn an_unknown_status_gets_an_empty_reason_phrase() {
        assert!(text(&prepare(&http(299, &[]), "")).starts_with("HTTP/1.1 299 \r\n"));
    }
}
