//! The lab server, run in-process on free loopback ports, and a small client for its API.

use bytes::Bytes;
use cors_lab::api::{LabOrigins, LogEntry, RegisterRequest, Registered};
use cors_lab::server::{Config, LabServer};
use cors_rules::Scenario;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use serde::de::DeserializeOwned;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::error::{HarnessError, Result};
use crate::observation::Received;

/// A running lab and a client for its API.
pub struct Lab {
    origins: LabOrigins,
    http: Client<HttpConnector, Full<Bytes>>,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl Lab {
    /// Starts a lab on free ports: one app port and three scenario ports; the app origin's pages are a
    /// short text.
    ///
    /// # Errors
    /// [`HarnessError::LabStart`] when a port cannot be bound.
    pub async fn start() -> Result<Lab> {
        Lab::start_serving(None).await
    }

    /// Starts a lab on free ports that serves `dist` (a directory of pages) on its app origin.
    ///
    /// # Errors
    /// [`HarnessError::LabStart`] when a port cannot be bound or `dist` is not a directory.
    pub async fn start_serving(dist: Option<&std::path::Path>) -> Result<Lab> {
        let config = Config {
            port: 0,
            scenario_ports: vec![0, 0, 0],
            dist: dist.map(std::path::Path::to_path_buf),
            // A run keeps every case registered until its end (WebKit's console pass runs them again).
            limits: cors_lab::Limits {
                max_scenarios: 100_000,
                max_stored_bytes: 2 * 1024 * 1024 * 1024,
                max_log_total: 10_000_000,
                ..cors_lab::Limits::default()
            },
            ..Config::default()
        };
        let server = LabServer::bind(config)
            .await
            .map_err(|error| HarnessError::LabStart(error.to_string()))?;
        let origins = server.origins().clone();
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(server.serve(async move {
            let _ = stopped.await;
        }));
        let http = Client::builder(TokioExecutor::new()).build_http();
        Ok(Lab {
            origins,
            http,
            stop: Some(stop),
            task: Some(task),
        })
    }

    /// The lab's origins.
    #[must_use]
    pub fn origins(&self) -> &LabOrigins {
        &self.origins
    }

    /// The app origin the harness page lives on (`http://127.0.0.1:PORT`).
    #[must_use]
    pub fn app_origin(&self) -> &str {
        self.origins
            .app
            .first()
            .map_or("http://127.0.0.1", String::as_str)
    }

    /// Registers a scenario for a page whose origin is `page_origin` (`"null"` for an opaque origin).
    ///
    /// # Errors
    /// [`HarnessError::LabApi`] with the lab's message when it refuses the scenario.
    pub async fn register(&self, scenario: &Scenario, page_origin: &str) -> Result<Registered> {
        let body = RegisterRequest {
            scenario: scenario.clone(),
            page_origin: Some(page_origin.to_owned()),
        };
        let json = serde_json::to_vec(&body).map_err(|error| api_error("register", error))?;
        let request = http::Request::post(format!("{}/api/scenarios", self.app_origin()))
            .header("content-type", "application/json")
            .body(Full::new(Bytes::from(json)))
            .map_err(|error| api_error("register", error))?;
        self.call("register", request).await
    }

    /// What the lab received for the scenario `id`, in order.
    ///
    /// # Errors
    /// [`HarnessError::LabApi`] when the scenario is unknown or the lab cannot be reached.
    pub async fn received(&self, id: &str) -> Result<Vec<Received>> {
        let request = http::Request::get(format!("{}/api/scenarios/{id}/log", self.app_origin()))
            .body(Full::new(Bytes::new()))
            .map_err(|error| api_error("log", error))?;
        let entries: Vec<LogEntry> = self.call("log", request).await?;
        Ok(entries.into_iter().map(received_from).collect())
    }

    async fn call<T: DeserializeOwned>(
        &self,
        call: &str,
        request: http::Request<Full<Bytes>>,
    ) -> Result<T> {
        let response = self
            .http
            .request(request)
            .await
            .map_err(|error| api_error(call, error))?;
        let status = response.status();
        let body = response
            .into_body()
            .collect()
            .await
            .map_err(|error| api_error(call, error))?
            .to_bytes();
        if !status.is_success() {
            return Err(api_error(
                call,
                format!("{status}: {}", String::from_utf8_lossy(&body)),
            ));
        }
        serde_json::from_slice(&body).map_err(|error| api_error(call, error))
    }

    /// Stops the lab and waits for its listeners to close.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

fn api_error(call: &str, error: impl std::fmt::Display) -> HarnessError {
    HarnessError::LabApi {
        call: call.to_owned(),
        reason: error.to_string(),
    }
}

fn received_from(entry: LogEntry) -> Received {
    Received {
        method: entry.method,
        url: entry.url,
        cookies: entry.cookies,
        headers: entry.headers,
    }
}
