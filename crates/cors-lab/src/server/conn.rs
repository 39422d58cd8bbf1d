//! One connection: read a request, answer it, repeat while the client keeps the connection open.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use bytes::{Buf, Bytes, BytesMut};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::watch;
use tokio::time::timeout;

use super::api_routes::Role;
use super::head::{read_head, Framing, HeadError, RequestHead};
use super::prepared::Prepared;
use super::router_bridge::{self, AfterResponse};
use super::scenario_route::{self, PREFIX};
use super::slots::Slots;
use super::store::Store;
use crate::limits::Limits;

/// How long a kept-alive connection may sit idle before the client starts its next request.
const KEEP_ALIVE_IDLE: Duration = Duration::from_secs(30);

/// How long a request body may take to arrive, and an answer to be written.
const TRANSFER_DEADLINE: Duration = Duration::from_secs(10);

/// Largest request body read (and dropped) for a scenario URL; larger ones are answered, then the connection closes.
const MAX_DISCARD: u64 = 16 * 1024 * 1024;

/// What every connection shares.
pub(crate) struct Shared {
    pub(crate) store: Arc<Store>,
    pub(crate) app_router: Router,
    pub(crate) scenario_router: Router,
    /// `host:port` values of the lab's origins, the only `Host` values answered (DNS-rebinding protection).
    pub(crate) allowed_hosts: Vec<String>,
    pub(crate) limits: Limits,
    pub(crate) hold: Duration,
    /// The connection slots, shared by every listener.
    pub(crate) slots: Slots,
    pub(crate) shutdown: watch::Receiver<bool>,
}

/// Serves one connection until the client closes it, an answer ends it, it is too slow, the lab needs its
/// slot for another connection, or the lab stops.
pub(crate) async fn serve(mut stream: TcpStream, role: Role, shared: Arc<Shared>) {
    let mut shutdown = shared.shutdown.clone();
    let mut buf = BytesMut::with_capacity(4096);
    let mut kept_alive = false;
    loop {
        let next = next_head(&mut stream, &mut buf, &shared.limits, kept_alive);
        let read = tokio::select! {
            read = shared.slots.waiting_for_client(next) => read,
            _ = shutdown.changed() => return,
        };
        let head = match read {
            Some(Ok(Some(head))) => head,
            Some(Err(HeadError::TooLarge)) => {
                return plain(&mut stream, "431 Request Header Fields Too Large").await
            }
            Some(Err(HeadError::Malformed)) => return plain(&mut stream, "400 Bad Request").await,
            Some(Ok(None) | Err(HeadError::Closed)) | None => return,
        };
        if handle(&mut stream, &mut buf, &head, role, &shared).await == AfterResponse::Close {
            return;
        }
        kept_alive = true;
    }
}

/// Waits for the next request head. A kept-alive connection may idle for [`KEEP_ALIVE_IDLE`] before its
/// client starts the request; from then on (from the start for a new connection) the whole head must
/// arrive within the request-head deadline, so a client sending it byte by byte cannot hold the
/// connection. Running out of time ends the connection like a close.
async fn next_head(
    stream: &mut TcpStream,
    buf: &mut BytesMut,
    limits: &Limits,
    kept_alive: bool,
) -> Result<Option<RequestHead>, HeadError> {
    if kept_alive && buf.is_empty() && timeout(KEEP_ALIVE_IDLE, stream.readable()).await.is_err() {
        return Err(HeadError::Closed);
    }
    timeout(
        limits.request_head_deadline,
        read_head(stream, buf, limits.max_request_head),
    )
    .await
    .unwrap_or(Err(HeadError::Closed))
}

async fn handle(
    stream: &mut TcpStream,
    buf: &mut BytesMut,
    head: &RequestHead,
    role: Role,
    shared: &Shared,
) -> AfterResponse {
    let host = head.header_text("host").map(|h| h.to_ascii_lowercase());
    let Some(host) = host.filter(|h| shared.allowed_hosts.contains(h)) else {
        plain(stream, "421 Misdirected Request").await;
        return AfterResponse::Close;
    };
    let Ok(framing) = head.framing() else {
        plain(stream, "400 Bad Request").await;
        return AfterResponse::Close;
    };
    if head.expects_continue() && framing != Framing::Length(0) {
        let _ = stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n").await;
    }
    let keep_alive = if head.keep_alive() {
        AfterResponse::KeepOpen
    } else {
        AfterResponse::Close
    };
    if head.target.starts_with(PREFIX) {
        let discard = timeout(TRANSFER_DEADLINE, discard_body(stream, buf, framing));
        let consumed = shared
            .slots
            .waiting_for_client(discard)
            .await
            .and_then(Result::ok)
            .unwrap_or(false);
        let prepared = scenario_route::answer(&shared.store, head, &host);
        let after = if consumed {
            keep_alive
        } else {
            AfterResponse::Close
        };
        return send_prepared(stream, prepared, head.method == "HEAD", after, shared).await;
    }
    let read = timeout(
        TRANSFER_DEADLINE,
        read_body(stream, buf, framing, shared.limits.max_registration_bytes),
    );
    let body = match shared.slots.waiting_for_client(read).await {
        Some(Ok(Ok(body))) => body,
        Some(Ok(Err(status))) => {
            api_plain(stream, status).await;
            return AfterResponse::Close;
        }
        Some(Err(_)) | None => return AfterResponse::Close,
    };
    let router = if role == Role::App {
        &shared.app_router
    } else {
        &shared.scenario_router
    };
    let Some(response) = router_bridge::call(router, head, body).await else {
        plain(stream, "400 Bad Request").await;
        return AfterResponse::Close;
    };
    let write = router_bridge::write(stream, response, head.method == "HEAD", keep_alive);
    match timeout(TRANSFER_DEADLINE, write).await {
        Ok(Ok(())) => keep_alive,
        Ok(Err(_)) | Err(_) => AfterResponse::Close,
    }
}

/// Writes a scenario answer: bytes as rendered, a reset, or a hold then a reset.
async fn send_prepared(
    stream: &mut TcpStream,
    prepared: Prepared,
    head_only: bool,
    after: AfterResponse,
    shared: &Shared,
) -> AfterResponse {
    match prepared {
        Prepared::Http(rendered) => {
            let bytes = if head_only {
                &rendered.bytes[..rendered.head_len]
            } else {
                &rendered.bytes[..]
            };
            let closing = rendered.close && !head_only;
            match timeout(TRANSFER_DEADLINE, stream.write_all(bytes)).await {
                Ok(Ok(())) if !closing => after,
                _ => AfterResponse::Close,
            }
        }
        Prepared::Reset => {
            reset(stream);
            AfterResponse::Close
        }
        Prepared::Hold => {
            // Holding the line is waiting too: a full lab may end the hold early to make room.
            let mut shutdown = shared.shutdown.clone();
            let hold = async {
                tokio::select! {
                    () = tokio::time::sleep(shared.hold) => {},
                    _ = shutdown.changed() => {},
                }
            };
            let _ = shared.slots.waiting_for_client(hold).await;
            reset(stream);
            AfterResponse::Close
        }
    }
}

/// Makes the coming close a TCP reset (RST) rather than an orderly FIN: the closest loopback gets to a
/// refused connection once it has been accepted.
fn reset(stream: &TcpStream) {
    let _ = socket2::SockRef::from(stream).set_linger(Some(Duration::ZERO));
}

/// Reads and drops a request body; `false` when it could not be consumed (encoded, too large, cut short).
async fn discard_body(stream: &mut TcpStream, buf: &mut BytesMut, framing: Framing) -> bool {
    let Framing::Length(mut left) = framing else {
        return false;
    };
    if left > MAX_DISCARD {
        return false;
    }
    let buffered = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
    buf.advance(buffered);
    left -= buffered as u64;
    let mut scratch = [0u8; 8192];
    while left > 0 {
        let want = scratch
            .len()
            .min(usize::try_from(left).unwrap_or(usize::MAX));
        match stream.read(&mut scratch[..want]).await {
            Ok(0) | Err(_) => return false,
            Ok(n) => left -= n as u64,
        }
    }
    true
}

/// Reads a request body of at most `max` bytes; `Err` carries the status line to answer with.
async fn read_body(
    stream: &mut TcpStream,
    buf: &mut BytesMut,
    framing: Framing,
    max: usize,
) -> Result<Bytes, &'static str> {
    let Framing::Length(len) = framing else {
        return Err("411 Length Required");
    };
    let Some(len) = usize::try_from(len).ok().filter(|len| *len <= max) else {
        // Read the body before answering: closing with unread data would reset the connection and lose the answer.
        discard_body(stream, buf, framing).await;
        return Err("413 Content Too Large");
    };
    while buf.len() < len {
        match stream.read_buf(buf).await {
            Ok(0) | Err(_) => return Err("400 Bad Request"),
            Ok(_) => {}
        }
    }
    Ok(buf.split_to(len).freeze())
}

/// Closes after an error answer without losing it: sends FIN, then reads what the client is still sending for
/// a moment, since closing with unread data would reset the connection before the client reads the answer.
async fn lingering_close(stream: &mut TcpStream) {
    let _ = stream.shutdown().await;
    let mut scratch = [0u8; 8192];
    let mut left: usize = 1024 * 1024;
    let drain = async {
        while left > 0 {
            match stream.read(&mut scratch).await {
                Ok(0) | Err(_) => break,
                Ok(n) => left = left.saturating_sub(n),
            }
        }
    };
    let _ = timeout(Duration::from_secs(1), drain).await;
}

/// A fixed plain-text answer that closes the connection; `status` is a status line such as `400 Bad Request`.
async fn plain(stream: &mut TcpStream, status: &str) {
    let body = format!("cors-lab: {status}\n");
    let text = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.write_all(text.as_bytes()).await;
    lingering_close(stream).await;
}

/// The same for the API: a JSON error the app can read cross-origin.
async fn api_plain(stream: &mut TcpStream, status: &str) {
    let body = format!("{{\"error\":\"{status}: the registration body is at most 64 KiB, sent with Content-Length\",\"field\":null}}");
    let text = format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nAccess-Control-Allow-Origin: *\r\n\
         X-Content-Type-Options: nosniff\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.write_all(text.as_bytes()).await;
    lingering_close(stream).await;
}
