//! The exact console lines each browser prints, one table file per browser.
//!
//! Sources and verification status are documented at the top of each file. In short: every Chrome
//! line was observed in Chromium 156.0.8078.79 (headless, driven over WebDriver against a local
//! server); Firefox and Safari lines come from their source code and real console logs and were not
//! run here.

mod chrome;
mod firefox;
mod safari;
mod spec;

pub use firefox::names_no_request_url as firefox_line_names_no_request_url;

use super::{failing_step, RenderContext};
use crate::browser::Browser;
use crate::trace::{CheckId, Key, Stage, StepOutcome, TraceStep};
use crate::verdict::Outcome;

/// One line of the browsers' console tables: what `browser` prints when `check` fails, with the values
/// as `{name}` holes (`{url}`, `{origin}`, `{value}`…). Read-only: the renderers fill the same tables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsoleTemplate {
    /// Whose words.
    pub browser: Browser,
    /// The failed check.
    pub check: CheckId,
    /// The line (for Chrome, as `fetch()` prints it), values as `{name}` holes.
    pub text: String,
}

/// The main failure line of every check in the Chrome, Firefox and Safari tables, in check order.
pub(super) fn templates() -> Vec<ConsoleTemplate> {
    let mut out = Vec::new();
    for browser in [Browser::Chrome, Browser::Firefox, Browser::Safari] {
        for &check in CheckId::ALL {
            let text = match browser {
                Browser::Chrome => chrome::template(check),
                Browser::Firefox => firefox::template(check),
                _ => safari::template(check),
            };
            if let Some(text) = text {
                out.push(ConsoleTemplate {
                    browser,
                    check,
                    text,
                });
            }
        }
    }
    out
}

/// Every console line for this fetch, in the order the browser prints them.
pub(super) fn lines(ctx: &RenderContext, trace: &[TraceStep], outcome: Outcome) -> Vec<String> {
    let mut out: Vec<String> = trace
        .iter()
        .filter_map(|step| info_line(ctx, step))
        .collect();
    match outcome {
        Outcome::Blocked => {
            if let Some(step) = failing_step(trace) {
                out.extend(failure_lines(ctx, trace, step));
            }
        }
        Outcome::Allowed => out.extend(error_status_line(ctx, trace)),
        // Chrome logs an opaque response's error status too (observed in Chromium 148).
        Outcome::Opaque if ctx.browser == Browser::Chrome => {
            out.extend(error_status_line(ctx, trace));
        }
        Outcome::RequestError | Outcome::Opaque | Outcome::OpaqueRedirect | Outcome::NoEvent => {}
    }
    out
}

/// A line printed for a fact along the way (a header the script may not set).
fn info_line(ctx: &RenderContext, step: &TraceStep) -> Option<String> {
    match ctx.browser {
        Browser::Chrome => chrome::info(ctx, step),
        Browser::Safari => safari::info(ctx, step),
        Browser::Firefox => firefox::info(ctx, step),
        _ => None,
    }
}

/// The lines for the step that blocked the fetch.
fn failure_lines(ctx: &RenderContext, trace: &[TraceStep], step: &TraceStep) -> Vec<String> {
    match ctx.browser {
        Browser::Chrome => chrome::failure(ctx, trace, step),
        Browser::Firefox => firefox::failure(ctx, trace, step),
        Browser::Safari => safari::failure(ctx, trace, step),
        _ => spec::failure(ctx, step),
    }
}

/// Chrome and Safari log an allowed response with an error status (`Failed to load resource: the
/// server responded with a status of 404 (Not Found)`); Firefox does not.
fn error_status_line(ctx: &RenderContext, trace: &[TraceStep]) -> Option<String> {
    let step = trace
        .iter()
        .rev()
        .find(|s| s.check == CheckId::HttpStatus && s.stage == Stage::Response)?;
    let status = step.value(Key::Status)?;
    if !super::values::is_error_status(status) {
        return None;
    }
    match ctx.browser {
        Browser::Chrome | Browser::Safari => Some(format!(
            "Failed to load resource: the server responded with a status of {status} ({})",
            super::values::reason_phrase(status)
        )),
        _ => None,
    }
}

/// Whether the request is cross-origin to the page (the `same-origin` check recorded `Info`).
pub(super) fn is_cross_origin(trace: &[TraceStep]) -> bool {
    trace
        .iter()
        .any(|step| step.check == CheckId::SameOrigin && step.outcome == StepOutcome::Info)
}

/// The page's URL as the browser prints it: the `PageUrl` the step recorded, else the root URL of the
/// page's origin (`https://app.example.com/`).
pub(super) fn page_url(ctx: &RenderContext, step: &TraceStep) -> String {
    if let Some(url) = step.value(Key::PageUrl).filter(|url| !url.is_empty()) {
        return url.to_owned();
    }
    if ctx.page_origin == "null" || ctx.page_origin.ends_with('/') {
        ctx.page_origin.to_owned()
    } else {
        format!("{}/", ctx.page_origin)
    }
}

#[cfg(test)]
mod examples_tests;
#[cfg(test)]
mod observed_firefox_tests;
#[cfg(test)]
mod observed_tests;
#[cfg(test)]
mod observed_webkit_tests;
#[cfg(test)]
mod reference_table;
#[cfg(test)]
mod tests;
