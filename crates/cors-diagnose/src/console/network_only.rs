//! Pastes with only network lines: a connection failure (not CORS), an extension block, or only the
//! generic `net::ERR_FAILED`.

use cors_rules::{Browser, CheckId, Stage};

use super::choose::stage_of;
use super::facts::{network_error_words, Facts};
use super::network_line::{NetError, NetworkLine};
use super::read::MessageHit;
use super::reproduce::reproduce;
use super::target::Target;
use super::{titles, Finding, Recognised};
use crate::assumption::Edit;

/// A network line alone: a connection failure, an extension, or only the generic `net::ERR_FAILED`.
/// Companion lines fill the URL and API; the preflight is the one that failed when the line's method is
/// `OPTIONS`, or when Safari still prints "... due to access control checks." (it does so for preflights).
pub(super) fn from_network(
    networks: &[NetworkLine],
    companions: &[MessageHit],
    edits: &[Edit],
) -> Option<Recognised> {
    let net = networks.iter().find(|n| {
        matches!(
            n.error,
            Some(NetError::Network(_) | NetError::NotCors(_) | NetError::Check(_))
        )
    })?;
    let mut facts = Facts {
        url: net.url.clone(),
        method: net.method.clone(),
        ..Facts::default()
    };
    for hit in companions {
        facts.fill_from(&hit.facts);
    }
    facts.apply(edits);
    let browser = if net.code.starts_with("net::") {
        Browser::Chrome
    } else {
        Browser::Safari
    };
    let base = Recognised {
        browser,
        title: "The request got no answer",
        code: net.code.clone(),
        reference: None,
        finding: Finding::NetworkFailure,
        check: None,
        alternatives: Vec::new(),
        stage: Stage::Response,
        facts,
        explanation: None,
        scenario: None,
        assumptions: Vec::new(),
    };
    let kind = match net.error {
        Some(NetError::Network(kind)) => kind,
        Some(NetError::Check(check)) => return Some(from_check(check, net, base)),
        Some(NetError::NotCors(why)) => {
            return Some(Recognised {
                finding: Finding::NotCors,
                title: "Blocked by something other than CORS",
                explanation: Some(why.to_owned()),
                ..base
            })
        }
        _ => return None,
    };
    let preflight = net.method.as_deref() == Some("OPTIONS")
        || companions
            .iter()
            .any(|h| h.message.code.starts_with("WEBKIT_CANNOT_LOAD"));
    let (check, other, stage) = if preflight {
        (
            CheckId::PreflightNetworkError,
            CheckId::NetworkError,
            Stage::Preflight,
        )
    } else {
        (
            CheckId::NetworkError,
            CheckId::PreflightNetworkError,
            Stage::Response,
        )
    };
    let mut facts = Facts {
        network_error: Some(kind),
        ..base.facts.clone()
    };
    if preflight && facts.method.as_deref() == Some("OPTIONS") {
        facts.method = None;
    }
    let target = Target {
        check,
        stage,
        browser,
        facts: &facts,
    };
    let reproduction = reproduce(&target);
    Some(Recognised {
        title: titles::check_title(check),
        check: Some(check),
        alternatives: vec![other],
        stage,
        explanation: Some(format!(
            "{} means the server never answered ({}): nothing to do with CORS headers. Check that the server runs, the host name and port are right, and the certificate is valid.",
            net.code,
            network_error_words(kind)
        )),
        scenario: Some(reproduction.scenario),
        assumptions: reproduction.assumptions,
        facts,
        ..base
    })
}

/// A code that stands for a check of the fetch (`net::ERR_TOO_MANY_REDIRECTS`): that check, reproduced.
fn from_check(check: CheckId, net: &NetworkLine, base: Recognised) -> Recognised {
    let stage = stage_of(check, false);
    let target = Target {
        check,
        stage,
        browser: base.browser,
        facts: &base.facts,
    };
    let reproduction = reproduce(&target);
    let alternatives = if check == CheckId::RedirectScheme {
        // Chromium also gives this code to a redirect refused by `redirect: 'error'`.
        vec![CheckId::RedirectMode]
    } else {
        Vec::new()
    };
    Recognised {
        title: titles::check_title(check),
        finding: Finding::CorsFailure,
        check: Some(check),
        alternatives,
        stage,
        explanation: Some(format!(
            "Chrome prints only {} for this: the fetch itself stopped at a redirect, before any CORS header \
             was read.",
            net.code
        )),
        scenario: Some(reproduction.scenario),
        assumptions: reproduction.assumptions,
        ..base
    }
}
