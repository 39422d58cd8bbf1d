//! The known console messages, one table per browser, and what each one means.
//!
//! Texts are verbatim from `docs/reference/browser-messages.md` (Chromium `cors_error_string.cc`, Firefox
//! `security.properties`, WebKit `CrossOriginAccessControl.cpp`), with the quoted values as `{name}` holes.

use cors_rules::CheckId;

mod chrome;
mod firefox;
mod message;
mod safari;

pub(crate) use chrome::{CHROME, CHROME_SUFFIXES, XHR_SUFFIX};
use firefox::FIREFOX;
pub use firefox::NETMONITOR_LABELS;
use safari::SAFARI;

pub use message::{KnownMessage, Layout, Meaning, CHROME_PREFIX, CHROME_PREFIX_REDIRECTED};

/// The known message with this code (the browser's own name for it).
#[must_use]
pub fn find(code: &str) -> Option<&'static KnownMessage> {
    all().find(|message| message.code == code)
}

/// Every known message: Chromium, then Firefox, then Safari (the order lines are tried in).
pub fn all() -> impl Iterator<Item = &'static KnownMessage> {
    CHROME.iter().chain(FIREFOX.iter()).chain(SAFARI.iter())
}

/// Where the browser shows the message with this code, in a few words: its console, or (for the titles of
/// Chrome's Issues panel) DevTools' Issues panel.
#[must_use]
pub fn surface_words(code: &str) -> &'static str {
    if code.starts_with("CHROMIUM_ISSUE_") {
        "DevTools Issues panel"
    } else {
        "console message"
    }
}

/// The preflight twin of a response check (`allow-origin-missing` → `preflight-allow-origin-missing`).
#[must_use]
pub fn preflight_twin(check: CheckId) -> Option<CheckId> {
    Some(match check {
        CheckId::AllowOriginMissing => CheckId::PreflightAllowOriginMissing,
        CheckId::AllowOriginMultiple => CheckId::PreflightAllowOriginMultiple,
        CheckId::AllowOriginInvalid => CheckId::PreflightAllowOriginInvalid,
        CheckId::AllowOriginWildcard => CheckId::PreflightAllowOriginWildcard,
        CheckId::AllowOriginMismatch => CheckId::PreflightAllowOriginMismatch,
        CheckId::AllowCredentials => CheckId::PreflightAllowCredentials,
        CheckId::NetworkError => CheckId::PreflightNetworkError,
        _ => return None,
    })
}

/// Whether a check belongs to the preflight.
#[must_use]
pub fn is_preflight_check(check: CheckId) -> bool {
    matches!(
        check,
        CheckId::PreflightNetworkError
            | CheckId::PreflightRedirect
            | CheckId::PreflightOkStatus
            | CheckId::PreflightAllowOriginMissing
            | CheckId::PreflightAllowOriginMultiple
            | CheckId::PreflightAllowOriginInvalid
            | CheckId::PreflightAllowOriginWildcard
            | CheckId::PreflightAllowOriginMismatch
            | CheckId::PreflightAllowCredentials
            | CheckId::AllowMethodsParse
            | CheckId::AllowHeadersParse
            | CheckId::MethodAllowed
            | CheckId::AuthorizationAllowed
            | CheckId::HeaderAllowed
            | CheckId::AllowPrivateNetwork
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use cors_rules::Browser;

    #[test]
    fn every_template_has_balanced_holes() {
        for message in all() {
            let opens = message.template.matches('{').count();
            let closes = message.template.matches('}').count();
            assert_eq!(opens, closes, "{}", message.code);
        }
    }

    #[test]
    fn failures_name_at_least_one_check() {
        for message in all() {
            if let Meaning::Failure(checks) = message.meaning {
                assert!(!checks.is_empty(), "{}", message.code);
            }
        }
    }

    #[test]
    fn slugs_are_readable_and_unique() {
        let slug = |code: &str| find(code).map(KnownMessage::slug);
        assert_eq!(
            slug("kMissingAllowOriginHeader").as_deref(),
            Some("chrome-missing-allow-origin-header")
        );
        assert_eq!(
            slug("CORSMissingAllowOrigin2").as_deref(),
            Some("firefox-cors-missing-allow-origin-2")
        );
        assert_eq!(
            slug("WEBKIT_ORIGIN_NOT_ALLOWED").as_deref(),
            Some("safari-origin-not-allowed")
        );
        let mut slugs: Vec<String> = all().map(KnownMessage::slug).collect();
        let count = slugs.len();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), count, "two messages share a slug");
        assert!(slugs.iter().all(|s| s
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')));
    }

    #[test]
    fn a_line_matches_its_message_only() {
        let missing = find("kMissingAllowOriginHeader").expect("known");
        let preflight = find("kPreflightMissingAllowOriginHeader").expect("known");
        let line = "Access to XMLHttpRequest at 'https://a.example/x' from origin 'https://b.example' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.";
        assert!(missing.matches_line(line));
        assert!(!preflight.matches_line(line));
    }

    #[test]
    fn every_browser_has_messages() {
        for browser in [Browser::Chrome, Browser::Firefox, Browser::Safari] {
            assert!(
                all().filter(|m| m.browser == browser).count() >= 10,
                "{browser:?}"
            );
        }
    }
}
