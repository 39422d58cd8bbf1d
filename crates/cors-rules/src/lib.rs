//! # cors-rules
//!
//! The CORS rules of the [Fetch standard](https://fetch.spec.whatwg.org/#http-cors-protocol), per browser, as a
//! pure library: given a [`Scenario`] (the page, the request its script makes, how the servers answer) it
//! decides exactly what the browser does and explains why, in a [`Verdict`].
//!
//! No I/O, no clock, no web or async dependency: the same code runs in the web app (as Wasm), the
//! `cors-explain` command line, the lab server and the tests.
//!
//! ```
//! use cors_rules::{evaluate_json, Outcome};
//!
//! // A simple GET the server allows.
//! let allowed = evaluate_json(r#"{"page": "https://app.example", "request": {"url": "https://api.example/x"},
//!     "server": [{"url": "https://api.example/x",
//!                 "response": {"status": 200, "headers": [["Access-Control-Allow-Origin", "*"]]}}]}"#).unwrap();
//! assert_eq!(allowed.outcome, Outcome::Allowed);
//!
//! // The same request, but the server sends no Access-Control-Allow-Origin.
//! let blocked = evaluate_json(r#"{"page": "https://app.example", "request": {"url": "https://api.example/x"},
//!     "server": [{"url": "https://api.example/x"}]}"#).unwrap();
//! assert_eq!(blocked.outcome, Outcome::Blocked);
//! assert_eq!(blocked.failure.unwrap().check.id(), "allow-origin-missing");
//! ```

#![deny(unsafe_code)]
#![warn(missing_docs)]

pub mod browser;
pub mod browser_managed;
pub mod scenario;
pub mod trace;
pub mod verdict;

mod ascii_case;
pub mod corp;
pub mod cors_check;
pub mod credentials;
pub mod decide;
pub mod evaluate;
pub mod expose;
mod fetch_state;
pub mod forbidden;
pub mod header_list;
mod http_fetch;
pub mod local_network;
mod main_fetch;
pub mod max_age;
pub mod method;
pub mod mixed_content;
pub mod origin;
pub mod port_blocking;
pub mod preflight;
mod preflight_cache;
mod preflight_step;
pub mod quirks;
mod recorder;
pub mod redirect;
pub mod request;
pub mod request_facts;
pub mod safelist;
pub mod short_sort;
pub mod tainting;
mod validate;

pub mod fixes;
pub mod render;

pub use browser::Browser;
pub use decide::{decide, Decision};
pub use evaluate::evaluate;
pub use scenario::{InputError, Scenario};
pub use trace::{CheckId, Key, Stage, StepOutcome, TraceStep};
pub use verdict::{Outcome, ResponseType, Verdict};

/// Parses a scenario from JSON and evaluates it.
///
/// # Errors
/// An [`InputError`] naming the field: a JSON or shape problem, or a scenario the engine cannot evaluate.
pub fn evaluate_json(text: &str) -> Result<Verdict, InputError> {
    evaluate(&Scenario::from_json(text)?)
}
