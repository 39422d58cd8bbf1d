//! Everything the engine *says*: the English explanation of each step, each browser's exact console
//! lines, the exception the script sees and the DevTools Network rows.
//!
//! The engine records a trace of [`TraceStep`]s (data only); these functions turn it into words. Every
//! text lives in a table, one file per language or browser:
//!
//! | file | holds |
//! |---|---|
//! | `english/*.rs` | summary and detail per check id and outcome |
//! | `spec_links.rs` | the Fetch standard anchor per check id |
//! | `console/chrome.rs`, `firefox.rs`, `safari.rs`, `spec.rs` | the console lines per check id |
//! | `js_error.rs` | the exception text per browser |
//! | `byte_string_error.rs` | the exception when a method or header is not a `ByteString` |
//! | `network.rs` | the DevTools Network panel rows |
//!
//! Missing values render as empty strings; no input makes these functions panic.

mod byte_string_error;
mod console;
pub use console::{firefox_line_names_no_request_url, ConsoleTemplate};
mod english;
mod js_error;
pub mod labels;
mod network;
mod spec_links;
mod template;
pub(crate) mod values;

use crate::browser::Browser;
use crate::scenario::{Api, CredentialsMode, RedirectMode, RequestMode};
use crate::trace::{StepOutcome, TraceStep};
use crate::verdict::{NetworkRow, Outcome, Step, WireRequest};

/// What the renderers need to know about the fetch besides its trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RenderContext<'a> {
    /// Whose words to use.
    pub browser: Browser,
    /// `fetch` or `xhr`: the console wording differs.
    pub api: Api,
    /// The serialized page origin (`null` for an opaque origin).
    pub page_origin: &'a str,
    /// The request URL as serialized by the URL parser.
    pub initial_url: &'a str,
    /// The URL being fetched when the fetch ended (after redirects).
    pub final_url: &'a str,
    /// The normalized method.
    pub method: &'a str,
    /// The request's credentials mode.
    pub credentials: CredentialsMode,
    /// The request's mode.
    pub mode: RequestMode,
    /// The request's redirect mode (Firefox's console depends on it).
    pub redirect: RedirectMode,
}

/// The explanation trace in plain English: one [`Step`] per traced check, in order.
///
/// `passed` is `false` only for the failed step (the one that stopped the fetch); informational steps
/// count as passed.
#[must_use]
pub fn steps(ctx: &RenderContext, trace: &[TraceStep]) -> Vec<Step> {
    trace.iter().map(|step| english::step(ctx, step)).collect()
}

/// [`steps`] for a trace that is no longer needed: the recorded values move into the steps instead of
/// being copied.
pub(crate) fn steps_owned(ctx: &RenderContext, trace: Vec<TraceStep>) -> Vec<Step> {
    trace
        .into_iter()
        .map(|step| english::step_owned(ctx, step))
        .collect()
}

/// Every console line `ctx.browser` prints for this fetch, in order, exact text.
///
/// The exception itself (`TypeError: Failed to fetch`…) is not included: it is [`js_error`], and
/// appears in the console only when the script does not catch it (`Uncaught (in promise) …`).
#[must_use]
pub fn console(ctx: &RenderContext, trace: &[TraceStep], outcome: Outcome) -> Vec<String> {
    console::lines(ctx, trace, outcome)
}

/// The main failure line of each check in the Chrome, Firefox and Safari console tables, values as
/// `{name}` holes: the tables [`console`] fills, enumerable (the recogniser checks it reads them all;
/// the error reference quotes them).
#[must_use]
pub fn console_templates() -> Vec<ConsoleTemplate> {
    console::templates()
}

/// The exception the script sees, in `ctx.browser`'s words, or `None` when nothing is thrown.
///
/// * `blocked` + `fetch`: the promise rejects with a `TypeError` (`Failed to fetch`, `NetworkError when
///   attempting to fetch resource.`, `Load failed`).
/// * `blocked` + `xhr`: `None`: nothing is thrown; the `error` event fires and `status` is 0.
/// * `request-error`: the exception thrown by `fetch()` / `xhr.open()` / `setRequestHeader()`: a
///   `TypeError` for fetch, a `SyntaxError` or `SecurityError` `DOMException` for XHR.
/// * `allowed`, `opaque`, `opaqueredirect`: `None`.
#[must_use]
pub fn js_error(ctx: &RenderContext, outcome: Outcome, trace: &[TraceStep]) -> Option<String> {
    js_error::text(ctx, outcome, trace)
}

/// The DevTools Network panel rows of `ctx.browser` for this fetch.
#[must_use]
pub fn network_rows(
    ctx: &RenderContext,
    requests: &[WireRequest],
    trace: &[TraceStep],
    outcome: Outcome,
) -> Vec<NetworkRow> {
    network::rows(ctx, requests, trace, outcome)
}

/// The step that stopped the fetch: the last `Fail` step, if any.
pub(crate) fn failing_step(trace: &[TraceStep]) -> Option<&TraceStep> {
    trace
        .iter()
        .rev()
        .find(|step| step.outcome == StepOutcome::Fail)
}

#[cfg(test)]
mod js_error_tests;
#[cfg(test)]
mod network_tests;
#[cfg(test)]
pub(crate) mod test_support;
