//! Choosing one check when a browser uses one sentence for several.

use cors_rules::redirect::is_redirect_status;
use cors_rules::{CheckId, Stage};

use super::catalog::{is_preflight_check, preflight_twin};
use super::facts::{is_http_url, Facts};
use super::read::MessageHit;

/// Whether the paste shows that a preflight failed before the request (Firefox's trailing
/// `CORS request did not succeed ... Status code: (null).` line).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PreflightHint {
    /// A line after the message says the actual request never got an answer.
    PreflightFailed,
    /// Nothing tells.
    Unknown,
}

/// The chosen check, the other checks the same text could mean, and the stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Choice {
    pub check: CheckId,
    pub alternatives: Vec<CheckId>,
    pub stage: Stage,
}

/// Picks the most likely check for a recognised failure message.
pub(crate) fn choose(hit: &MessageHit, facts: &Facts, hint: PreflightHint) -> Option<Choice> {
    let candidates = hit.message.checks();
    let first = *candidates.first()?;
    let check = match hit.message.code {
        "WEBKIT_PREFLIGHT_NOT_SUCCESSFUL" | "WEBKIT_PREFLIGHT_NOT_SUCCESSFUL_OLD" => {
            if facts.status.is_some_and(is_redirect_status) {
                CheckId::PreflightRedirect
            } else {
                CheckId::PreflightOkStatus
            }
        }
        // Safari prints it for a redirect to ftp: (observed), and names only an HTTP(S) URL then.
        "WEBKIT_FTP_DISABLED" => {
            let ftp = facts.url.as_deref().is_some_and(|u| u.starts_with("ftp:"));
            if ftp {
                CheckId::CorsScheme
            } else {
                CheckId::RedirectScheme
            }
        }
        // The page may not read a non-HTTP(S) URL it was redirected to.
        "FIREFOX_SECURITY_ERROR_LOAD_DATA" if facts.location.is_some() => CheckId::RedirectScheme,
        "CORSRequestNotHttp" => {
            if facts.url.as_deref().is_some_and(is_http_url) {
                CheckId::RedirectScheme
            } else {
                CheckId::CorsScheme
            }
        }
        // Chromium names the redirect's target and the URL first requested: the redirect went there.
        "kCorsDisabledScheme" if facts.initial_url.is_some() => CheckId::RedirectScheme,
        _ => first,
    };
    // Firefox's trailing "did not succeed" line tells a failed preflight; otherwise a 204 is far more
    // often a preflight's answer than a request's.
    let twin_applies = (hit.message.browser == cors_rules::Browser::Firefox
        && hint == PreflightHint::PreflightFailed)
        || facts.status == Some(204);
    let check = match preflight_twin(check) {
        Some(twin) if twin_applies && candidates.contains(&twin) => twin,
        _ => check,
    };
    let alternatives = candidates.iter().copied().filter(|c| *c != check).collect();
    Some(Choice {
        check,
        alternatives,
        stage: stage_of(check, hit.via_redirect),
    })
}

/// The stage a check belongs to.
#[must_use]
pub fn stage_of(check: CheckId, via_redirect: bool) -> Stage {
    // After a redirect a preflight is sent to the new URL; its failure is the preflight's.
    if is_preflight_check(check) {
        return Stage::Preflight;
    }
    if via_redirect {
        return Stage::Redirect;
    }
    match check {
        CheckId::SameOriginMode
        | CheckId::CorsScheme
        | CheckId::NoCorsRedirectMode
        | CheckId::MixedContent
        | CheckId::LocalNetworkAccess
        | CheckId::BadPort => Stage::Request,
        CheckId::RedirectCredentials | CheckId::RedirectScheme | CheckId::RedirectMode => {
            Stage::Redirect
        }
        _ => Stage::Response,
    }
}
