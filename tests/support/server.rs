//! A small static file server for a built site, on a free loopback port.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tower_http::services::ServeDir;

use super::error::HarnessError;
use super::site::Site;

/// One request the server answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServedRequest {
    /// Path and query as requested.
    pub path: String,
    /// HTTP status of the answer.
    pub status: u16,
}

type RequestLog = Arc<Mutex<Vec<ServedRequest>>>;

/// Serves a [`Site`] on `127.0.0.1` until stopped or dropped.
pub struct StaticServer {
    addr: SocketAddr,
    mount: String,
    log: RequestLog,
    shutdown: Option<oneshot::Sender<()>>,
    task: JoinHandle<()>,
}

impl StaticServer {
    /// Starts serving `site` on a free port; fails if the site is not built.
    pub async fn start(site: &Site) -> Result<Self, HarnessError> {
        site.check_built()?;
        let log = RequestLog::default();
        let files = ServeDir::new(site.dir());
        let router = match site.mount().trim_end_matches('/') {
            "" => Router::new().fallback_service(files),
            prefix => Router::new().nest_service(prefix, files),
        }
        .layer(middleware::from_fn_with_state(log.clone(), record));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .map_err(HarnessError::io("binding the static server"))?;
        let addr = listener
            .local_addr()
            .map_err(HarnessError::io("reading the static server's address"))?;
        let (shutdown, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let serving = axum::serve(listener, router).with_graceful_shutdown(async {
                let _ = stopped.await;
            });
            if let Err(error) = serving.await {
                eprintln!("static server stopped: {error}");
            }
        });
        Ok(StaticServer {
            addr,
            mount: site.mount().to_owned(),
            log,
            shutdown: Some(shutdown),
            task,
        })
    }

    /// `http://127.0.0.1:<port>`, without a trailing slash.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The absolute URL of `path`, relative to the site's mount point.
    pub fn url(&self, path: &str) -> String {
        format!(
            "{}{}{}",
            self.origin(),
            self.mount,
            path.trim_start_matches('/')
        )
    }

    /// Every request answered so far, in order.
    pub fn requests(&self) -> Vec<ServedRequest> {
        self.log.lock().map(|log| log.clone()).unwrap_or_default()
    }

    /// The requests answered with a 4xx or 5xx status, as `"<status> <path>"`.
    pub fn failed_requests(&self) -> Vec<String> {
        self.requests()
            .into_iter()
            .filter(|r| r.status >= 400)
            .map(|r| format!("{} {}", r.status, r.path))
            .collect()
    }

    /// Stops accepting connections and waits for the server task to end.
    pub async fn stop(mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        let _ = (&mut self.task).await;
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn record(State(log): State<RequestLog>, request: Request, next: Next) -> Response {
    let path = request
        .uri()
        .path_and_query()
        .map_or_else(|| request.uri().path().to_owned(), |pq| pq.to_string());
    let response = next.run(request).await;
    if let Ok(mut log) = log.lock() {
        log.push(ServedRequest {
            path,
            status: response.status().as_u16(),
        });
    }
    response
}
