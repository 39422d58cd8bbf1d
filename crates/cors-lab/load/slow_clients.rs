//! Slow and idle clients against the lab (loopback only), while a probe measures `/api/health`.
//!
//! ```text
//! cargo run --release -p cors-lab --example slow-clients -- 127.0.0.1:18280 [CONNECTIONS] [SECONDS]
//! ```
//!
//! Keeps CONNECTIONS (default 1,000) connections to the lab open for SECONDS (default 20): half send
//! nothing, half send a request head one byte per second (a slowloris). A connection the lab closes is
//! opened again after a second, so the pressure stays the same. Meanwhile a probe opens a new connection
//! every 50 ms and asks `GET /api/health` (for 3 s before the slow clients start too, as a baseline);
//! every answer must be `200` within 100 ms. Prints the probe's figures and how often the lab closed slow
//! connections; exits 1 if any probe failed or was late.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The slowest acceptable answer to the probe.
const LATE: Duration = Duration::from_millis(100);

/// How long a slow client waits before opening a connection the lab closed again.
const RECONNECT_PAUSE: Duration = Duration::from_secs(1);

/// What the slow clients observed.
#[derive(Default)]
struct Pressure {
    /// Clients that have connected at least once.
    started: AtomicUsize,
    open: AtomicUsize,
    /// The most connections open at once.
    most_open: AtomicUsize,
    closed_by_lab: AtomicUsize,
    connect_failures: AtomicUsize,
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(addr) = args.first().and_then(|a| a.parse::<SocketAddr>().ok()) else {
        eprintln!("usage: slow-clients HOST:PORT [CONNECTIONS] [SECONDS]");
        return ExitCode::from(2);
    };
    let connections: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(1_000);
    let seconds: u64 = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(20);
    // The same probe first without slow clients: what the machine itself allows.
    let quiet_until = Instant::now() + Duration::from_secs(3);
    let (mut quiet, quiet_failures) = probe_until(addr, quiet_until).await;
    summary(
        "/api/health probes, no slow clients",
        &mut quiet,
        quiet_failures,
    );
    let until = Instant::now() + Duration::from_secs(seconds);
    let pressure = Arc::new(Pressure::default());
    for n in 0..connections {
        let pressure = pressure.clone();
        tokio::spawn(slow_client(addr, n % 2 == 0, until, pressure));
    }
    // Let every slow client connect once before measuring.
    while pressure.started.load(Ordering::Relaxed) < connections && Instant::now() < until {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let (mut times, failures) = probe_until(addr, until).await;
    report(connections, &pressure, &mut times, failures)
}

/// Probes `/api/health` every 50 ms until `until`: the answer times, and how many probes failed.
async fn probe_until(addr: SocketAddr, until: Instant) -> (Vec<Duration>, usize) {
    let mut times = Vec::new();
    let mut failures = 0usize;
    while Instant::now() < until {
        match probe(addr).await {
            Ok(took) => times.push(took),
            Err(why) => {
                failures += 1;
                eprintln!("probe failed: {why}");
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    (times, failures)
}

/// Prints the probes' figures; returns how many were slower than [`LATE`].
fn summary(what: &str, times: &mut [Duration], failures: usize) -> usize {
    times.sort();
    let at = |q: f64| {
        let i = ((times.len() as f64 - 1.0) * q).round() as usize;
        times.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    let late = times.iter().filter(|t| **t > LATE).count();
    println!(
        "{what}: {} answered, {failures} failed, {late} slower than {} ms; p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        times.len(),
        LATE.as_millis(),
        at(0.5),
        at(0.99),
        at(1.0),
    );
    late
}

fn report(
    connections: usize,
    pressure: &Pressure,
    times: &mut [Duration],
    failures: usize,
) -> ExitCode {
    println!(
        "slow clients: {connections}, at most {} open at once, {} closed by the lab and reopened, {} connect failures",
        pressure.most_open.load(Ordering::Relaxed),
        pressure.closed_by_lab.load(Ordering::Relaxed),
        pressure.connect_failures.load(Ordering::Relaxed),
    );
    let late = summary("/api/health probes, with slow clients", times, failures);
    if failures == 0 && late == 0 && !times.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// One slow client: connects, sends nothing (`idle`) or a head one byte a second, and reconnects when the
/// lab closes it, until `until`.
async fn slow_client(addr: SocketAddr, idle: bool, until: Instant, pressure: Arc<Pressure>) {
    let head = format!(
        "GET /api/health HTTP/1.1\r\nHost: {addr}\r\nX-Slow: {}\r\n\r\n",
        "x".repeat(64)
    );
    let mut first = true;
    while Instant::now() < until {
        let connected = TcpStream::connect(addr).await;
        if std::mem::take(&mut first) {
            pressure.started.fetch_add(1, Ordering::Relaxed);
        }
        let Ok(mut stream) = connected else {
            pressure.connect_failures.fetch_add(1, Ordering::Relaxed);
            tokio::time::sleep(Duration::from_millis(100)).await;
            continue;
        };
        let open = pressure.open.fetch_add(1, Ordering::Relaxed) + 1;
        pressure.most_open.fetch_max(open, Ordering::Relaxed);
        let mut sent = 0;
        let mut scratch = [0u8; 256];
        loop {
            let tick = tokio::time::sleep(Duration::from_secs(1));
            tokio::select! {
                read = stream.read(&mut scratch) => {
                    if matches!(read, Ok(0) | Err(_)) {
                        pressure.closed_by_lab.fetch_add(1, Ordering::Relaxed);
                        break;
                    }
                }
                () = tick => {
                    if Instant::now() >= until {
                        pressure.open.fetch_sub(1, Ordering::Relaxed);
                        return;
                    }
                    if !idle && sent < head.len() {
                        if stream.write_all(&head.as_bytes()[sent..=sent]).await.is_err() {
                            pressure.closed_by_lab.fetch_add(1, Ordering::Relaxed);
                            break;
                        }
                        sent += 1;
                    }
                }
            }
        }
        pressure.open.fetch_sub(1, Ordering::Relaxed);
        // Reconnect after a pause: a pause-free reconnect would measure this client's loop, not the lab.
        tokio::time::sleep(RECONNECT_PAUSE).await;
    }
}

/// `GET /api/health` on a new connection: the time from connecting to the whole answer.
async fn probe(addr: SocketAddr) -> Result<Duration, String> {
    let started = Instant::now();
    let exchange = async {
        let mut stream = TcpStream::connect(addr)
            .await
            .map_err(|e| format!("connect: {e}"))?;
        let request =
            format!("GET /api/health HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
        stream
            .write_all(request.as_bytes())
            .await
            .map_err(|e| format!("write: {e}"))?;
        let mut answer = Vec::new();
        stream
            .read_to_end(&mut answer)
            .await
            .map_err(|e| format!("read: {e}"))?;
        if answer.starts_with(b"HTTP/1.1 200") {
            Ok(())
        } else {
            Err(format!(
                "answered {:?}",
                String::from_utf8_lossy(&answer[..answer.len().min(40)])
            ))
        }
    };
    match tokio::time::timeout(Duration::from_secs(5), exchange).await {
        Ok(Ok(())) => Ok(started.elapsed()),
        Ok(Err(why)) => Err(why),
        Err(_) => Err("no answer within 5 s".to_owned()),
    }
}
