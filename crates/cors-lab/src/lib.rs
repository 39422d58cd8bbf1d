//! # cors-lab
//!
//! The live-fetch lab: a real HTTP server that answers a scenario exactly as the scenario's servers would, so
//! a browser can run the request for real and be compared with the prediction.
//!
//! Without the `server` feature the crate is the API's types ([`api`]), the pure [`translate`] function and
//! the projection of requests on the wire that the live run and the conformance harness compare ([`wire`]),
//! which build for wasm32 too:
//!
//! ```
//! use cors_lab::api::LabOrigins;
//! use cors_lab::{translate, LabError};
//! use cors_rules::scenario::Answer;
//! use cors_rules::Scenario;
//!
//! let lab = LabOrigins {
//!     app: vec!["http://127.0.0.1:8080".into()],
//!     scenario: vec!["http://127.0.0.1:8081".into()],
//! };
//! let scenario = Scenario::from_json(r#"{
//!     "page": "https://app.example.com",
//!     "request": {"url": "https://api.example.com/items"},
//!     "server": [{"url": "https://api.example.com/items",
//!                 "response": {"status": 200, "headers": [["Access-Control-Allow-Origin", "https://app.example.com/"]]}}]
//! }"#).unwrap();
//!
//! let lab_run = translate(&scenario, "http://127.0.0.1:8080", &lab, "k1").unwrap();
//! assert_eq!(lab_run.scenario.request.url, "http://127.0.0.1:8081/s/k1/items");
//! let Answer::Http(answer) = &lab_run.scenario.server[0].response else { unreachable!() };
//! assert_eq!(answer.headers[0], ("Access-Control-Allow-Origin".into(), "http://127.0.0.1:8080/".into()));
//!
//! // A page on another site cannot be given a same-origin URL: the lab does not serve that origin.
//! let same_origin = Scenario::from_json(r#"{"page": "https://api.example.com",
//!     "request": {"url": "https://api.example.com/items"}, "server": []}"#).unwrap();
//! let err = translate(&same_origin, "https://elsewhere.example", &lab, "k2").unwrap_err();
//! assert_eq!(err, LabError::PageOriginNotServed { field: "request.url".into() });
//! ```

#![deny(unsafe_code)]
#![warn(missing_docs)]

pub mod api;
mod error;
mod limits;
mod translate;
pub mod wire;

#[cfg(feature = "server")]
pub mod server;

pub use error::LabError;
pub use limits::Limits;
pub use translate::{translate, Translated};
