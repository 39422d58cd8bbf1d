//! Choosing one check when a browser uses one sentence for several.

use cors_rules::{CheckId, Stage};

use super::catalog::{is_preflight_check, preflight_twin};
use super::facts::Facts;
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
        "CORSAllowOriginNotMatchingOrigin" => {
            facts.value.as_deref().map_or(first, classify_allow_origin)
        }
        "WEBKIT_PREFLIGHT_NOT_SUCCESSFUL" | "WEBKIT_PREFLIGHT_NOT_SUCCESSFUL_OLD" => {
            if facts.status.is_some_and(|s| (300..400).contains(&s)) {
                CheckId::PreflightRedirect
            } else {
                CheckId::PreflightOkStatus
            }
        }
        "CORSRequestNotHttp" | "WEBKIT_FTP_DISABLED" => {
            let http = facts
                .url
                .as_deref()
                .is_some_and(|u| u.starts_with("http:") || u.starts_with("https:"));
            if http {
                CheckId::RedirectScheme
            } else {
                CheckId::CorsScheme
            }
        }
        _ => first,
    };
    let twin_applies = hit.message.browser == cors_rules::Browser::Firefox
        && hint == PreflightHint::PreflightFailed;
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

/// What Chromium's `Access-Control-Allow-Origin` check would call a value that is not the origin.
#[must_use]
pub fn classify_allow_origin(value: &str) -> CheckId {
    if value.contains(',') || value.contains(' ') {
        CheckId::AllowOriginMultiple
    } else if value == "null" || url::Url::parse(value).is_ok() {
        CheckId::AllowOriginMismatch
    } else {
        CheckId::AllowOriginInvalid
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trailing_slash_origin_is_a_mismatch() {
        assert_eq!(
            classify_allow_origin("http://localhost:3000/"),
            CheckId::AllowOriginMismatch
        );
    }

    #[test]
    fn a_bare_host_is_an_invalid_value() {
        assert_eq!(
            classify_allow_origin("example.com"),
            CheckId::AllowOriginInvalid
        );
    }

    #[test]
    fn a_comma_separated_list_is_multiple_values() {
        assert_eq!(
            classify_allow_origin("https://a.example, https://b.example"),
            CheckId::AllowOriginMultiple
        );
    }
}
