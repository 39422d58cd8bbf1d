//! Firefox's console lines (Gecko).
//!
//! Source: `dom/locales/en-US/chrome/security/security.properties` (the `CORS*` keys) and
//! `nsCORSListenerProxy.cpp`, via `reference/browser-messages.md` §2, cross-checked with real console
//! logs quoted in public repositories; mixed content from `BlockMixedActiveContent`. Not run here:
//! no Firefox binary is available. Quotes are typographic (‘ ’, “ ”), as Firefox prints them.
//!
//! Verified by real logs: the missing-ACAO line with `Status code:`, the `CORS request did not succeed`
//! line with `Status code: (null).` that follows every preflight failure, the header-not-allowed and
//! mixed-content lines. Unverified: a preflight network error printing one line (not two), the
//! redirect-to-another-scheme line, and no line at all for `same-origin`/`no-cors` mode failures,
//! bad ports, redirect limits and Cross-Origin-Resource-Policy.

use super::is_cross_origin;
use crate::render::template::fill;
use crate::render::values::{url_or, val};
use crate::render::RenderContext;
use crate::trace::{CheckId, Key, Stage, StepOutcome, TraceStep};

const BLOCKED: &str = "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ";
const DID_NOT_SUCCEED: &str = "CORS request did not succeed). Status code: (null).";

/// The `(Reason: …` tail of the `CORS*` message for a failed check id.
fn reason(check: CheckId) -> Option<&'static str> {
    use CheckId as C;
    let reason = match check {
        C::AllowOriginMissing | C::PreflightAllowOriginMissing => {
            "CORS header ‘Access-Control-Allow-Origin’ missing). Status code: {status}."
        }
        C::AllowOriginMultiple | C::PreflightAllowOriginMultiple => {
            "Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed)."
        }
        C::AllowOriginInvalid | C::PreflightAllowOriginInvalid | C::AllowOriginMismatch | C::PreflightAllowOriginMismatch => {
            "CORS header ‘Access-Control-Allow-Origin’ does not match ‘{value}’)."
        }
        C::AllowCredentials | C::PreflightAllowCredentials => {
            "expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’)."
        }
        C::PreflightOkStatus => "CORS preflight response did not succeed). Status code: {status}.",
        C::PreflightRedirect => "CORS request external redirect not allowed).",
        C::AllowMethodsParse => "invalid token ‘{names}’ in CORS header ‘Access-Control-Allow-Methods’).",
        C::AllowHeadersParse => "invalid token ‘{names}’ in CORS header ‘Access-Control-Allow-Headers’).",
        C::MethodAllowed => "Did not find method in CORS header ‘Access-Control-Allow-Methods’).",
        C::HeaderAllowed | C::AuthorizationAllowed => {
            "header ‘{header}’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight \
             response)."
        }
        C::NetworkError | C::PreflightNetworkError => DID_NOT_SUCCEED,
        C::CorsScheme | C::RedirectScheme => "CORS request not http).",
        _ => return None,
    };
    Some(reason)
}

/// The warning Firefox prints when `Authorization` passes only because `Access-Control-Allow-Headers`
/// is `*` (pref `network.cors_preflight.authorization_covered_by_wildcard`; unverified at runtime).
pub(super) fn info(ctx: &RenderContext, step: &TraceStep) -> Option<String> {
    let passed = step.check == CheckId::HeaderAllowed && step.outcome == StepOutcome::Pass;
    let allowed: Vec<&str> = val(step, Key::Allowed).split(',').map(str::trim).collect();
    let sends = val(step, Key::Names)
        .split(',')
        .any(|n| n.trim().eq_ignore_ascii_case("authorization"));
    let by_star = allowed.contains(&"*")
        && !allowed
            .iter()
            .any(|a| a.eq_ignore_ascii_case("authorization"));
    (passed && sends && by_star).then(|| {
        format!(
            "Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at {} \
             soon. (Reason: When the `Access-Control-Allow-Headers` is `*`, the `Authorization` header is not \
             covered. To include the `Authorization` header, it must be explicitly listed in CORS header \
             `Access-Control-Allow-Headers`).",
            ctx.final_url
        )
    })
}

/// The lines Firefox prints for the failed step.
pub(super) fn failure(ctx: &RenderContext, trace: &[TraceStep], step: &TraceStep) -> Vec<String> {
    let url = url_or(step, ctx.final_url);
    if step.check == CheckId::MixedContent {
        return vec![format!("Blocked loading mixed active content “{url}”")];
    }
    if matches!(
        step.check,
        CheckId::NetworkError | CheckId::PreflightNetworkError
    ) && !is_cross_origin(trace)
    {
        return Vec::new();
    }
    let mut lines = Vec::new();
    if matches!(
        step.check,
        CheckId::AllowOriginWildcard | CheckId::PreflightAllowOriginWildcard
    ) {
        lines.push(format!(
            "{BLOCKED}‘{url}’. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ \
             is ‘*’)."
        ));
    } else if let Some(reason) = reason(step.check) {
        let location = val(step, Key::Location);
        let shown = if step.check == CheckId::RedirectScheme && !location.is_empty() {
            location
        } else {
            url
        };
        lines.push(blocked(shown, reason, step));
    }
    let preflight_failed =
        step.stage == Stage::Preflight && step.check != CheckId::PreflightNetworkError;
    if preflight_failed && !lines.is_empty() {
        lines.push(format!(
            "{BLOCKED}{}. (Reason: {DID_NOT_SUCCEED}",
            ctx.final_url
        ));
    }
    lines
}

fn blocked(url: &str, reason: &str, step: &TraceStep) -> String {
    let status = match val(step, Key::Status) {
        "" => "(null)",
        status => status,
    };
    let vars = [
        ("status", status),
        ("value", val(step, Key::Value)),
        ("names", val(step, Key::Names)),
        ("header", val(step, Key::Header)),
    ];
    format!("{BLOCKED}{url}. (Reason: {}", fill(reason, &vars))
}
