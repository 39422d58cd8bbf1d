//! Reading one HTTP/1.1 request head (request line and header lines) off a connection, with `httparse`.

use std::borrow::Cow;

use bytes::{Buf, BytesMut};
use tokio::io::AsyncReadExt;
use tokio::net::TcpStream;

/// Most header lines in a request; more is answered `431`.
const MAX_REQUEST_HEADERS: usize = 100;

/// A parsed request head. Header names keep the casing they were sent with.
#[derive(Debug)]
pub(crate) struct RequestHead {
    pub(crate) method: String,
    pub(crate) target: String,
    /// `1` for HTTP/1.1, `0` for HTTP/1.0.
    pub(crate) minor_version: u8,
    pub(crate) headers: Vec<(String, Vec<u8>)>,
}

/// Why no request head could be read.
#[derive(Debug)]
pub(crate) enum HeadError {
    /// Larger than the limit: answered `431`.
    TooLarge,
    /// Not HTTP/1.x: answered `400`.
    Malformed,
    /// The connection failed or closed mid-head.
    Closed,
}

/// The request body's framing, from `Content-Length` / `Transfer-Encoding`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Framing {
    /// `Content-Length: n` (or no body: 0).
    Length(u64),
    /// `Transfer-Encoding` of any kind; the lab does not read such bodies and closes after answering.
    Encoded,
}

impl RequestHead {
    /// The first header with this name (case-insensitive).
    pub(crate) fn header(&self, name: &str) -> Option<&[u8]> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_slice())
    }

    /// The first header with this name, as text (bytes above 0x7F are taken as Latin-1, as browsers send them).
    pub(crate) fn header_text(&self, name: &str) -> Option<String> {
        self.header(name).map(latin1)
    }

    /// The body's framing. Several or invalid `Content-Length`s make the request malformed.
    pub(crate) fn framing(&self) -> Result<Framing, HeadError> {
        if self.header("transfer-encoding").is_some() {
            return Ok(Framing::Encoded);
        }
        let mut lengths = self
            .headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case("content-length"));
        match (lengths.next(), lengths.next()) {
            (None, _) => Ok(Framing::Length(0)),
            (Some((_, value)), None) => std::str::from_utf8(value)
                .ok()
                .and_then(|v| v.trim().parse().ok())
                .map(Framing::Length)
                .ok_or(HeadError::Malformed),
            (Some(_), Some(_)) => Err(HeadError::Malformed),
        }
    }

    /// Whether the connection stays open after the answer (HTTP/1.1 without `Connection: close`).
    pub(crate) fn keep_alive(&self) -> bool {
        let close = self
            .header("connection")
            .is_some_and(|v| latin1(v).to_ascii_lowercase().contains("close"));
        self.minor_version == 1 && !close
    }

    /// Whether the client waits for `100 Continue` before sending the body.
    pub(crate) fn expects_continue(&self) -> bool {
        self.header("expect")
            .is_some_and(|v| v.eq_ignore_ascii_case(b"100-continue"))
    }
}

/// Bytes as Latin-1 text.
pub(crate) fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// Reads the next request head; `Ok(None)` when the client closed the connection between requests.
pub(crate) async fn read_head(
    stream: &mut TcpStream,
    buf: &mut BytesMut,
    max: usize,
) -> Result<Option<RequestHead>, HeadError> {
    loop {
        if !buf.is_empty() {
            if let Some((head, len)) = parse(buf)? {
                buf.advance(len);
                return Ok(Some(head));
            }
        }
        if buf.len() >= max {
            return Err(HeadError::TooLarge);
        }
        match stream.read_buf(buf).await {
            Ok(0) if buf.is_empty() => return Ok(None),
            Ok(0) | Err(_) => return Err(HeadError::Closed),
            Ok(_) => {}
        }
    }
}

/// Parses a complete request head at the start of `buf`; `Ok(None)` when more bytes are needed.
///
/// A browser may send a header value with control characters other than CR, LF and NUL (`fetch()` allows
/// a vertical tab), which `httparse` refuses; the lab answers such requests as the scenario says. So the
/// head is parsed from a copy with those bytes in header values made visible, and each value is taken from
/// `buf` itself.
pub(crate) fn parse(buf: &[u8]) -> Result<Option<(RequestHead, usize)>, HeadError> {
    let shape = with_visible_value_controls(buf);
    let mut headers = [httparse::EMPTY_HEADER; MAX_REQUEST_HEADERS];
    let mut request = httparse::Request::new(&mut headers);
    let len = match request.parse(&shape) {
        Ok(httparse::Status::Complete(len)) => len,
        Ok(httparse::Status::Partial) => return Ok(None),
        Err(httparse::Error::TooManyHeaders) => return Err(HeadError::TooLarge),
        Err(_) => return Err(HeadError::Malformed),
    };
    let (Some(method), Some(target), Some(minor_version)) =
        (request.method, request.path, request.version)
    else {
        return Err(HeadError::Malformed);
    };
    let headers = request
        .headers
        .iter()
        .map(|h| {
            let start = (h.value.as_ptr() as usize).checked_sub(shape.as_ptr() as usize)?;
            let value = buf.get(start..start.checked_add(h.value.len())?)?;
            Some((h.name.to_owned(), value.to_vec()))
        })
        .collect::<Option<Vec<_>>>()
        .ok_or(HeadError::Malformed)?;
    let head = RequestHead {
        method: method.to_owned(),
        target: target.to_owned(),
        minor_version,
        headers,
    };
    Ok(Some((head, len)))
}

/// `buf` with each control byte in a header value (after a header line's first `:`), other than tab, CR,
/// LF and NUL, replaced by `!`; the request line and the names are left as they are. Borrowed as it is
/// when it holds no such byte anywhere (every request a browser sends without one).
fn with_visible_value_controls(buf: &[u8]) -> Cow<'_, [u8]> {
    let is_replaced = |byte: u8| matches!(byte, 0x01..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F | 0x7F);
    if !buf.iter().any(|&byte| is_replaced(byte)) {
        return Cow::Borrowed(buf);
    }
    let mut shape = buf.to_vec();
    let mut first_line = true;
    let mut in_value = false;
    for byte in &mut shape {
        match *byte {
            b'\n' => {
                first_line = false;
                in_value = false;
            }
            b':' if !first_line => in_value = true,
            replaced if in_value && is_replaced(replaced) => *byte = b'!',
            _ => {}
        }
    }
    Cow::Owned(shape)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_with_a_vertical_tab_is_read_as_sent() {
        let head = head("GET / HTTP/1.1\r\nHost: a\r\nX-A: \u{b}a\u{c}:\u{7f}\r\n\r\n");
        assert_eq!(head.header("x-a"), Some(&b"\x0ba\x0c:\x7f"[..]));
    }

    #[test]
    fn controls_in_a_name_a_nul_or_the_request_line_stay_malformed() {
        for text in [
            "GET / HTTP/1.1\r\nX\u{b}A: 1\r\n\r\n",
            "GET / HTTP/1.1\r\nX-A: a\u{0}b\r\n\r\n",
            "GET /\u{b} HTTP/1.1\r\n\r\n",
        ] {
            assert!(
                matches!(parse(text.as_bytes()), Err(HeadError::Malformed)),
                "{text:?}"
            );
        }
    }

    fn head(text: &str) -> RequestHead {
        parse(text.as_bytes())
            .ok()
            .flatten()
            .map(|(head, _)| head)
            .expect("complete head")
    }

    #[test]
    fn header_names_keep_their_casing_and_order() {
        let head = head("GET / HTTP/1.1\r\nHost: a\r\nX-Odd-CASE: 1\r\nx-odd-case: 2\r\n\r\n");
        let names: Vec<&str> = head.headers.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Host", "X-Odd-CASE", "x-odd-case"]);
    }

    #[test]
    fn two_content_lengths_make_a_malformed_request() {
        let head = head("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n");
        assert!(matches!(head.framing(), Err(HeadError::Malformed)));
    }

    #[test]
    fn http_1_0_and_connection_close_end_the_connection() {
        assert!(!head("GET / HTTP/1.0\r\n\r\n").keep_alive());
        assert!(!head("GET / HTTP/1.1\r\nConnection: Close\r\n\r\n").keep_alive());
        assert!(head("GET / HTTP/1.1\r\n\r\n").keep_alive());
    }

    #[test]
    fn a_partial_head_asks_for_more_bytes() {
        assert!(matches!(parse(b"GET / HTTP/1.1\r\nHost: a\r\n"), Ok(None)));
    }
}
