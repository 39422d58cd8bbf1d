//! # cors-rules
//!
//! The CORS rules of the [Fetch standard](https://fetch.spec.whatwg.org/#http-cors-protocol), per browser, as a
//! pure library: given a [`Scenario`] (the page, the request its script makes, how the servers answer) it
//! decides exactly what the browser does and explains why, in a [`Verdict`].
//!
//! No I/O, no clock, no web or async dependency: the same code runs in the web app (as Wasm), the
//! `cors-explain` command line, the lab server and the tests.

#![deny(unsafe_code)]
#![warn(missing_docs)]

pub mod browser;
pub mod scenario;
pub mod trace;
pub mod verdict;

pub use browser::Browser;
pub use scenario::{InputError, Scenario};
pub use trace::{CheckId, Key, Stage, StepOutcome, TraceStep};
pub use verdict::{Outcome, ResponseType, Verdict};

/// Evaluates a scenario: what the browser does with the request, and why.
///
/// # Errors
/// An [`InputError`] naming the field when the scenario cannot be evaluated (an invalid URL, a header name
/// that is not a token in a server answer, no server entry for a requested URL…).
pub fn evaluate(scenario: &Scenario) -> Result<Verdict, InputError> {
    let _ = scenario;
    Err(InputError { field: String::new(), problem: "the rules engine is not built yet".to_owned() })
}
