//! Idle and slow clients cannot keep the lab from answering.

mod support;

use std::time::{Duration, Instant};

use cors_lab::Limits;
use support::{start, Setup};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

#[tokio::test(flavor = "multi_thread")]
async fn a_lab_full_of_idle_connections_still_answers_the_api() {
    let limits = Limits {
        max_connections: 8,
        ..Limits::default()
    };
    let lab = start(Setup {
        limits,
        ..Setup::default()
    })
    .await;
    let mut idle = Vec::new();
    for _ in 0..24 {
        idle.push(TcpStream::connect(lab.app).await.expect("connects"));
    }
    for _ in 0..3 {
        let started = Instant::now();
        let reply = lab.send("GET", &lab.api("/api/health"), &[], "").await;
        assert_eq!(reply.status(), 200, "{}", reply.raw());
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "took {:?}",
            started.elapsed()
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_request_head_sent_too_slowly_is_cut_off() {
    let limits = Limits {
        request_head_deadline: Duration::from_millis(300),
        ..Limits::default()
    };
    let lab = start(Setup {
        limits,
        ..Setup::default()
    })
    .await;
    let mut stream = TcpStream::connect(lab.app).await.expect("connects");
    stream
        .write_all(b"GET /api/health HTTP/1.1\r\n")
        .await
        .expect("writes");
    let mut rest = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(3), stream.read_to_end(&mut rest)).await;
    assert!(
        matches!(read, Ok(Ok(0))),
        "the lab kept the connection: {read:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_kept_alive_connection_may_idle_longer_than_the_head_deadline() {
    let limits = Limits {
        request_head_deadline: Duration::from_millis(200),
        ..Limits::default()
    };
    let lab = start(Setup {
        limits,
        ..Setup::default()
    })
    .await;
    let host = lab.origins.app[0].trim_start_matches("http://").to_owned();
    let request = format!("GET /api/health HTTP/1.1\r\nHost: {host}\r\n\r\n");
    let mut stream = TcpStream::connect(lab.app).await.expect("connects");
    for _ in 0..2 {
        stream.write_all(request.as_bytes()).await.expect("writes");
        let mut answer = [0u8; 12];
        stream.read_exact(&mut answer).await.expect("answers");
        assert_eq!(&answer, b"HTTP/1.1 200");
        drain(&mut stream).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

/// Reads what is left of an answer already started: the rest of its head, then exactly the body its
/// `Content-Length` announces (however slowly it arrives).
async fn drain(stream: &mut TcpStream) {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        stream
            .read_exact(&mut byte)
            .await
            .expect("the answer's head");
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head).to_ascii_lowercase();
    let length = head
        .lines()
        .find_map(|line| line.strip_prefix("content-length:"))
        .and_then(|n| n.trim().parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = vec![0u8; length];
    stream
        .read_exact(&mut body)
        .await
        .expect("the answer's body");
}
