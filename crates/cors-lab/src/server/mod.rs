//! The lab server: one app listener (the built app, the API, scenario URLs same-origin with the app) and
//! scenario listeners (the API and scenario URLs), all on loopback by default.
//!
//! Why the lab has its own HTTP/1.1 connection layer instead of hyper's: a scenario answer must reach the
//! browser byte for byte as written, with header names in their own casing, duplicate names interleaved in
//! their own order and values a CORS middleware would never produce. hyper stores headers in a `HeaderMap`,
//! which lower-cases names and groups duplicates, so scenario answers are rendered to bytes once at
//! registration and written to the socket as they are. Everything else (the API, the app's files) is an
//! ordinary axum `Router` called as a service from the same connection loop.

mod api_routes;
mod config;
mod conn;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
mod head;
mod listen;
mod prepared;
mod registration;
mod router_bridge;
mod sanitize;
mod scenario_route;
mod slots;
mod store;

pub use config::Config;
pub use listen::{run, LabServer, StartError};
