//! Calling the axum `Router` for a request read by the connection layer, and writing its response.

use axum::body::Body;
use axum::http::{header, HeaderName, Request, Response};
use axum::Router;
use bytes::Bytes;
use http_body_util::BodyExt;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tower::ServiceExt;

use super::head::RequestHead;

/// Largest response body collected when its length is not known up front.
const MAX_COLLECTED: usize = 64 * 1024 * 1024;

/// Whether the connection closes after this response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AfterResponse {
    KeepOpen,
    Close,
}

/// Sends the request through the router; `None` when the head cannot form an `http::Request`.
pub(crate) async fn call(
    router: &Router,
    head: &RequestHead,
    body: Bytes,
) -> Option<Response<Body>> {
    let mut builder = Request::builder()
        .method(head.method.as_bytes())
        .uri(head.target.as_str());
    for (name, value) in &head.headers {
        builder = builder.header(name.as_str(), value.as_slice());
    }
    let request = builder.body(Body::from(body)).ok()?;
    router.clone().oneshot(request).await.ok()
}

/// Writes a router response as HTTP/1.1, streaming a body of known length.
pub(crate) async fn write(
    stream: &mut TcpStream,
    response: Response<Body>,
    head_only: bool,
    after: AfterResponse,
) -> std::io::Result<()> {
    let (parts, body) = response.into_parts();
    let mut out = Vec::with_capacity(512);
    let reason = parts.status.canonical_reason().unwrap_or("");
    out.extend_from_slice(format!("HTTP/1.1 {} {reason}\r\n", parts.status.as_u16()).as_bytes());
    let framing: [HeaderName; 3] = [
        header::CONTENT_LENGTH,
        header::TRANSFER_ENCODING,
        header::CONNECTION,
    ];
    for (name, value) in &parts.headers {
        if !framing.contains(name) {
            line(&mut out, name.as_str(), value.as_bytes());
        }
    }
    if after == AfterResponse::Close {
        line(&mut out, "connection", b"close");
    }
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if head_only || parts.status.as_u16() == 204 || parts.status.as_u16() == 304 {
        if let Some(len) = declared {
            line(&mut out, "content-length", len.to_string().as_bytes());
        }
        out.extend_from_slice(b"\r\n");
        return stream.write_all(&out).await;
    }
    match declared.or_else(|| axum::body::HttpBody::size_hint(&body).exact()) {
        Some(len) => {
            line(&mut out, "content-length", len.to_string().as_bytes());
            out.extend_from_slice(b"\r\n");
            stream.write_all(&out).await?;
            stream_body(stream, body).await
        }
        None => {
            let bytes = axum::body::to_bytes(body, MAX_COLLECTED)
                .await
                .map_err(std::io::Error::other)?;
            line(
                &mut out,
                "content-length",
                bytes.len().to_string().as_bytes(),
            );
            out.extend_from_slice(b"\r\n");
            out.extend_from_slice(&bytes);
            stream.write_all(&out).await
        }
    }
}

fn line(out: &mut Vec<u8>, name: &str, value: &[u8]) {
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b": ");
    out.extend_from_slice(value);
    out.extend_from_slice(b"\r\n");
}

async fn stream_body(stream: &mut TcpStream, mut body: Body) -> std::io::Result<()> {
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(std::io::Error::other)?;
        if let Ok(data) = frame.into_data() {
            stream.write_all(&data).await?;
        }
    }
    Ok(())
}
