//! # cors-diagnose
//!
//! From what the user sees to the cause and a fix: a pasted browser console message, response headers,
//! `curl -v` output or a HAR file becomes the failed check of the rules engine and a [`Scenario`] that
//! reproduces it; a [`policy::Policy`] becomes copy-ready server configuration for fifteen stacks.
//!
//! ```
//! let pasted = "Access to fetch at 'https://api.example.com/data' from origin 'http://localhost:3000' \
//!     has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.";
//! let diagnosis = cors_diagnose::console::recognise(pasted);
//! let found = diagnosis.recognised.expect("a Chrome message");
//! assert_eq!(found.check, Some(cors_rules::CheckId::AllowOriginMissing));
//! assert_eq!(found.facts.origin.as_deref(), Some("http://localhost:3000"));
//!
//! let unknown = cors_diagnose::console::recognise("Something went wrong");
//! assert!(unknown.recognised.is_none());
//! ```
//!
//! [`Scenario`]: cors_rules::Scenario

#![deny(unsafe_code)]
#![warn(missing_docs)]

pub mod analyse;
pub mod assumption;
pub mod console;
pub mod curl_commands;
pub mod parse;
pub mod policy;
pub mod report;
pub mod security;
pub mod stacks;
pub mod status;

pub use analyse::{analyse, Analysis};
