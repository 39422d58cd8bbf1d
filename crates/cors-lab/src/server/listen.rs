//! Binding the lab's listeners, accepting connections, and stopping on request.

use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::{TcpListener, TcpSocket};
use tokio::sync::watch;

use super::api_routes::{router, ApiState, Role};
use super::config::{origins_for, Config};
use super::conn::{self, Shared};
use super::slots::Slots;
use super::store::Store;
use crate::api::LabOrigins;

/// Why the lab could not start.
#[derive(Debug)]
#[non_exhaustive]
pub enum StartError {
    /// A port could not be bound (in use, or not permitted).
    Bind {
        /// The address.
        addr: SocketAddr,
        /// The system's reason.
        source: std::io::Error,
    },
    /// `--dist` is not a directory.
    DistMissing {
        /// The path given.
        path: PathBuf,
    },
}

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StartError::Bind { addr, source } => write!(f, "cannot listen on {addr}: {source}"),
            StartError::DistMissing { path } => {
                write!(
                    f,
                    "--dist {}: not a directory (build the app first: trunk build --release)",
                    path.display()
                )
            }
        }
    }
}

impl std::error::Error for StartError {}

/// A lab whose listeners are bound, ready to serve.
pub struct LabServer {
    app: TcpListener,
    scenario: Vec<TcpListener>,
    origins: LabOrigins,
    config: Config,
}

impl LabServer {
    /// Binds the app port and the scenario ports (port 0 picks a free one).
    ///
    /// # Errors
    /// [`StartError`] when a port cannot be bound or `--dist` is not a directory.
    pub async fn bind(config: Config) -> Result<LabServer, StartError> {
        if let Some(dist) = config.dist.as_ref().filter(|dist| !dist.is_dir()) {
            return Err(StartError::DistMissing { path: dist.clone() });
        }
        let app = bind_one(SocketAddr::new(config.host, config.port)).await?;
        let mut scenario = Vec::with_capacity(config.scenario_ports.len());
        for port in &config.scenario_ports {
            scenario.push(bind_one(SocketAddr::new(config.host, *port)).await?);
        }
        let port_of = |listener: &TcpListener| listener.local_addr().map_or(0, |addr| addr.port());
        let scenario_ports: Vec<u16> = scenario.iter().map(port_of).collect();
        let origins = origins_for(config.host, port_of(&app), &scenario_ports);
        Ok(LabServer {
            app,
            scenario,
            origins,
            config,
        })
    }

    /// The origins the lab answers on.
    #[must_use]
    pub fn origins(&self) -> &LabOrigins {
        &self.origins
    }

    /// The app listener's address.
    #[must_use]
    pub fn app_addr(&self) -> Option<SocketAddr> {
        self.app.local_addr().ok()
    }

    /// The scenario listeners' addresses.
    #[must_use]
    pub fn scenario_addrs(&self) -> Vec<SocketAddr> {
        self.scenario
            .iter()
            .filter_map(|listener| listener.local_addr().ok())
            .collect()
    }

    /// Serves until `shutdown` completes, then stops accepting and closes open connections.
    pub async fn serve(self, shutdown: impl Future<Output = ()>) {
        let (stop, stopped) = watch::channel(false);
        let shared = Arc::new(self.shared(stopped.clone()));
        let mut loops = Vec::new();
        let listeners = std::iter::once((self.app, Role::App))
            .chain(self.scenario.into_iter().map(|l| (l, Role::Scenario)));
        for (listener, role) in listeners {
            let accept = accept_loop(listener, role, shared.clone(), stopped.clone());
            loops.push(tokio::spawn(accept));
        }
        shutdown.await;
        let _ = stop.send(true);
        for accept in loops {
            let _ = accept.await;
        }
    }

    fn shared(&self, shutdown: watch::Receiver<bool>) -> Shared {
        let store = Arc::new(Store::new(self.config.limits.clone()));
        let state = Arc::new(ApiState {
            store: store.clone(),
            origins: self.origins.clone(),
            limits: self.config.limits.clone(),
        });
        let dist = self.config.dist.as_deref();
        Shared {
            store,
            app_router: router(state.clone(), Role::App, dist),
            scenario_router: router(state, Role::Scenario, dist),
            allowed_hosts: self
                .origins
                .all()
                .map(|o| o.trim_start_matches("http://").to_owned())
                .collect(),
            limits: self.config.limits.clone(),
            hold: self.config.timeout_hold,
            slots: Slots::new(self.config.limits.max_connections),
            shutdown,
        }
    }
}

/// How many connections the system may queue for a listener before the lab accepts them (capped by
/// `net.core.somaxconn`). A burst of clients beyond the queue has its connection attempts dropped and
/// retried a second later, so the queue is made room for a thousand at once.
const LISTEN_BACKLOG: u32 = 4096;

async fn bind_one(addr: SocketAddr) -> Result<TcpListener, StartError> {
    let listen = || {
        let socket = if addr.is_ipv4() {
            TcpSocket::new_v4()?
        } else {
            TcpSocket::new_v6()?
        };
        socket.set_reuseaddr(true)?;
        socket.bind(addr)?;
        socket.listen(LISTEN_BACKLOG)
    };
    listen().map_err(|source| StartError::Bind { addr, source })
}

/// Accepts connections while the lab runs. Each needs a slot: when all are taken, the connections that
/// have waited longest for their clients make room (`slots.rs`), so idle and slow clients cannot keep new
/// requests out. Connections are accepted at once and find their slots beside the accept loop, so the
/// listen queue never fills and one connection's wait never holds up the next; how many wait at once is
/// bounded by the process's file descriptors.
async fn accept_loop(
    listener: TcpListener,
    role: Role,
    shared: Arc<Shared>,
    mut stopped: watch::Receiver<bool>,
) {
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = stopped.changed() => return,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            // Out of file descriptors or a connection reset before accept: wait a little, go on.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let shared = shared.clone();
        let mut stopped = stopped.clone();
        tokio::spawn(async move {
            let slot = tokio::select! {
                slot = shared.slots.acquire() => slot,
                _ = stopped.changed() => None,
            };
            if let Some(slot) = slot {
                conn::serve(stream, role, shared).await;
                drop(slot);
            }
        });
    }
}

/// Binds, prints the URL to open, and serves until Ctrl-C.
///
/// # Errors
/// [`StartError`] when the lab cannot start.
pub async fn run(config: Config) -> Result<(), StartError> {
    let lab = LabServer::bind(config).await?;
    print_banner(&lab);
    lab.serve(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await;
    println!("cors-lab stopped");
    Ok(())
}

fn print_banner(lab: &LabServer) {
    let origins = lab.origins();
    let app = origins.app.first().map_or("", String::as_str);
    println!("cors-lab {}", env!("CARGO_PKG_VERSION"));
    println!(
        "  app and API:      {app}/  (also {})",
        origins.app[1..].join(", ")
    );
    println!("  scenario origins: {}", origins.scenario.join(" "));
    match &lab.config.dist {
        Some(dist) => println!("  serving the app from {}", dist.display()),
        None => println!("  no --dist given: the app origin serves the API and scenario URLs only"),
    }
    println!("Open {app}/");
    println!("Press Ctrl-C to stop.");
}
