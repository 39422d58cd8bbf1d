//! # cors-conformance
//!
//! Proves the `cors-rules` engine against real browsers: generated scenarios run in Chromium, Firefox and
//! WebKit against the `cors-lab` server, and every observable (outcome, `Response.type`, status, readable
//! headers, the exception text, what went on the wire, the console) is compared with the engine's
//! prediction for that browser's profile.
//!
//! ```
//! use cors_conformance::generator::{generate, GeneratorConfig};
//!
//! let cases = generate(&GeneratorConfig { seed: 1, count: 32 });
//! assert_eq!(cases.len(), 32);
//! assert_eq!(cases, generate(&GeneratorConfig { seed: 1, count: 32 }));
//! ```

#![deny(unsafe_code)]
#![warn(missing_docs)]

pub mod browsers;
pub mod compare;
pub mod console;
pub mod credentials;
pub mod deviations;
pub mod error;
pub mod generator;
pub mod groups;
pub mod harness;
pub mod item;
pub mod lab;
pub mod observation;
pub mod readings;
pub mod readings_corpus;
pub mod report;
pub mod report_md;
pub mod report_md_groups;
pub mod rng;
pub mod run;
pub mod suite;
pub mod wire;
