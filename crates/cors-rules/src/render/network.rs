//! The DevTools Network panel rows, per browser.
//!
//! Chrome (chrome-devtools-frontend; `docs/reference/browser-messages.md` §1.5): the preflight is its own
//! row of type `preflight`; the request blocked by CORS shows `CORS error` in the Status column (it is
//! listed even when the preflight failed and it never went on the wire); a network failure shows
//! `(failed) net::ERR_…`; mixed content `(blocked:mixed-content)`. Firefox's Network Monitor shows the
//! status and a short label (`CORS Missing Allow Origin`…) for the blocked request, rendered here as
//! `200 (CORS Missing Allow Origin)`. Safari's Web Inspector lists no preflight rows; its failed request
//! is rendered as `(failed)`.
//!
//! Verified for Chrome through the DevTools protocol events DevTools draws its rows from (Chromium 156):
//! the preflight is a `Preflight` request whose `responseReceived` carries its status (405 stays 405),
//! and the blocked `fetch` gets `loadingFailed` with `net::ERR_FAILED` and a `corsErrorStatus`, which
//! DevTools shows as `CORS error`, also when the preflight failed and the request was never sent.
//! Unverified: the Firefox and Safari rows. Statuses come from the trace, which records one for every
//! response: the CORS check and `redirect-mode` steps of a redirect, `response-tainting` for the response
//! the script receives (same-origin and no-cors included), the preflight's own checks.

use super::values::{is_preflight_cors_check, is_response_cors_check, status_of, url_or, val};
use super::{failing_step, RenderContext};
use crate::browser::Browser;
use crate::scenario::Api;
use crate::trace::{CheckId, Key, Stage, TraceStep};
use crate::verdict::{NetworkRow, Outcome, WireRequest};

/// One row per request on the wire, plus the blocked request when it never left the browser.
pub(super) fn rows(
    ctx: &RenderContext,
    requests: &[WireRequest],
    trace: &[TraceStep],
    outcome: Outcome,
) -> Vec<NetworkRow> {
    let failure = (outcome == Outcome::Blocked)
        .then(|| failing_step(trace))
        .flatten();
    let last_actual = requests.iter().rposition(|r| !is_preflight(r));
    let mut rows: Vec<NetworkRow> = requests
        .iter()
        .enumerate()
        .filter(|(_, r)| !(ctx.browser == Browser::Safari && is_preflight(r)))
        .map(|(index, request)| {
            let is_last = Some(index) == last_actual;
            row(
                ctx,
                request,
                trace,
                failure.filter(|_| is_last || is_preflight(request)),
            )
        })
        .collect();
    if let Some(step) = failure {
        let shown = requests
            .iter()
            .any(|r| !is_preflight(r) && r.url == url_or(step, ctx.final_url));
        if !shown && step.stage != Stage::Redirect {
            if let Some(status) = unsent_status(ctx, step) {
                rows.push(NetworkRow {
                    method: ctx.method.to_owned(),
                    url: ctx.final_url.to_owned(),
                    status,
                    kind: kind(ctx.api).to_owned(),
                });
            }
        }
    }
    rows
}

fn is_preflight(request: &WireRequest) -> bool {
    request.method == "OPTIONS"
        && request
            .headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case("access-control-request-method"))
}

fn kind(api: Api) -> &'static str {
    match api {
        Api::Fetch => "fetch",
        Api::Xhr => "xhr",
    }
}

/// The row of a request that went on the wire; `failure` is the blocking step if it concerns this row.
fn row(
    ctx: &RenderContext,
    request: &WireRequest,
    trace: &[TraceStep],
    failure: Option<&TraceStep>,
) -> NetworkRow {
    let preflight = is_preflight(request);
    let stage_status = if preflight {
        status_of(trace, Stage::Preflight, &request.url)
    } else {
        status_of(trace, Stage::Response, &request.url)
            .or_else(|| status_of(trace, Stage::Redirect, &request.url))
    };
    let http_status = stage_status.unwrap_or("").to_owned();
    let status = match failure {
        Some(step) if preflight && step.check == CheckId::PreflightNetworkError => {
            net_failure(ctx, step)
        }
        Some(step) if !preflight => blocked_status(ctx, step, &http_status).unwrap_or(http_status),
        _ => http_status,
    };
    let kind = if preflight {
        "preflight"
    } else {
        kind(ctx.api)
    };
    NetworkRow {
        method: request.method.clone(),
        url: request.url.clone(),
        status,
        kind: kind.to_owned(),
    }
}

/// The status column of the request that was blocked.
fn blocked_status(ctx: &RenderContext, step: &TraceStep, http_status: &str) -> Option<String> {
    if matches!(step.check, CheckId::NetworkError) {
        return Some(net_failure(ctx, step));
    }
    let cors = is_response_cors_check(step.check)
        || is_preflight_cors_check(step.check)
        || step.stage == Stage::Preflight;
    match ctx.browser {
        Browser::Chrome if cors || step.check == CheckId::RedirectCredentials => {
            Some("CORS error".to_owned())
        }
        Browser::Chrome => Some("(failed) net::ERR_FAILED".to_owned()),
        Browser::Firefox => firefox_label(step.check).map(|label| match http_status {
            "" => label.to_owned(),
            status => format!("{status} ({label})"),
        }),
        Browser::Safari => Some("(failed)".to_owned()),
        _ => Some("network error".to_owned()),
    }
}

/// The row of a request blocked before it was sent (after a failed preflight, or by the browser itself).
fn unsent_status(ctx: &RenderContext, step: &TraceStep) -> Option<String> {
    match step.check {
        CheckId::MixedContent if ctx.browser == Browser::Chrome => {
            Some("(blocked:mixed-content)".to_owned())
        }
        CheckId::BadPort if ctx.browser == Browser::Chrome => {
            Some("(failed) net::ERR_UNSAFE_PORT".to_owned())
        }
        CheckId::PreflightNetworkError => Some(net_failure(ctx, step)),
        CheckId::LocalNetworkAccess if ctx.browser == Browser::Chrome => {
            Some("CORS error".to_owned())
        }
        _ if step.stage == Stage::Preflight => blocked_status(ctx, step, ""),
        _ => None,
    }
}

fn net_failure(ctx: &RenderContext, step: &TraceStep) -> String {
    let code = match val(step, Key::ErrorKind) {
        "connection-refused" => "ERR_CONNECTION_REFUSED",
        "dns" => "ERR_NAME_NOT_RESOLVED",
        "tls" => "ERR_CERT_AUTHORITY_INVALID",
        "timeout" => "ERR_CONNECTION_TIMED_OUT",
        _ => "ERR_FAILED",
    };
    match ctx.browser {
        Browser::Chrome => format!("(failed) net::{code}"),
        Browser::Firefox => "CORS Failed".to_owned(),
        _ => "(failed)".to_owned(),
    }
}

/// Firefox Network Monitor's label (`netmonitor/src/constants.js` `BLOCKED_REASON_MESSAGES`).
fn firefox_label(check: CheckId) -> Option<&'static str> {
    use CheckId as C;
    let label = match check {
        C::AllowOriginMissing | C::PreflightAllowOriginMissing => "CORS Missing Allow Origin",
        C::AllowOriginMultiple | C::PreflightAllowOriginMultiple => {
            "CORS Multiple Origin Not Allowed"
        }
        C::AllowOriginInvalid
        | C::AllowOriginMismatch
        | C::PreflightAllowOriginInvalid
        | C::PreflightAllowOriginMismatch => "CORS Allow Origin Not Matching Origin",
        C::AllowOriginWildcard | C::PreflightAllowOriginWildcard => "CORS No Allow Credentials",
        C::AllowCredentials | C::PreflightAllowCredentials => "CORS Missing Allow Credentials",
        C::PreflightOkStatus => "CORS Preflight Did Not Succeed",
        C::PreflightRedirect => "CORS External Redirect Not Allowed",
        C::AllowMethodsParse => "CORS Invalid Allow Method",
        C::AllowHeadersParse => "CORS Invalid Allow Header",
        C::MethodAllowed => "CORS Method Not Found",
        C::HeaderAllowed | C::AuthorizationAllowed => "CORS Missing Allow Header",
        C::CorsScheme => "CORS Not HTTP",
        C::NetworkError | C::PreflightNetworkError => "CORS Failed",
        _ => return None,
    };
    Some(label)
}
