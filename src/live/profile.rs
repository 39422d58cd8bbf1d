//! Which engine profile describes the browser running the page, read from its user agent.

use cors_rules::Browser;

/// The profile for a `navigator.userAgent` string, or `None` when it names no engine the rules model.
///
/// Every browser on iOS is WebKit underneath (`CriOS`, `FxiOS`, `EdgiOS`), so it gets the Safari profile;
/// Chromium-based browsers (Edge, Opera, Samsung Internet, headless Chrome) get the Chrome profile.
#[must_use]
pub fn browser_from_user_agent(user_agent: &str) -> Option<Browser> {
    let has = |token: &str| user_agent.contains(token);
    if has("CriOS/") || has("FxiOS/") || has("EdgiOS/") {
        return Some(Browser::Safari);
    }
    if has("Firefox/") {
        return Some(Browser::Firefox);
    }
    if has("Chrome/") || has("Chromium/") || has("HeadlessChrome/") {
        return Some(Browser::Chrome);
    }
    if has("Safari/") || has("AppleWebKit/") {
        return Some(Browser::Safari);
    }
    None
}

/// The profile used for a live prediction: the user agent's, or Chrome when it is not recognised.
#[must_use]
pub fn live_profile(user_agent: &str) -> (Browser, Recognition) {
    match browser_from_user_agent(user_agent) {
        Some(browser) => (browser, Recognition::FromUserAgent),
        None => (Browser::Chrome, Recognition::Assumed),
    }
}

/// Whether the live profile was read from the user agent or assumed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recognition {
    /// The user agent names the engine.
    FromUserAgent,
    /// Unknown user agent: Chrome's profile is used.
    Assumed,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn desktop_and_headless_chrome_get_the_chrome_profile() {
        let desktop = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
        let headless = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36";
        assert_eq!(browser_from_user_agent(desktop), Some(Browser::Chrome));
        assert_eq!(browser_from_user_agent(headless), Some(Browser::Chrome));
    }

    #[test]
    fn edge_and_opera_are_chromium_so_they_get_the_chrome_profile() {
        let edge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0";
        assert_eq!(browser_from_user_agent(edge), Some(Browser::Chrome));
    }

    #[test]
    fn firefox_gets_the_firefox_profile() {
        let firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
        assert_eq!(browser_from_user_agent(firefox), Some(Browser::Firefox));
    }

    #[test]
    fn safari_gets_the_safari_profile() {
        let safari = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
        assert_eq!(browser_from_user_agent(safari), Some(Browser::Safari));
    }

    #[test]
    fn chrome_and_firefox_on_ios_are_webkit_so_they_get_the_safari_profile() {
        let crios = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1";
        let fxios = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/127.0 Mobile/15E148 Safari/605.1.15";
        assert_eq!(browser_from_user_agent(crios), Some(Browser::Safari));
        assert_eq!(browser_from_user_agent(fxios), Some(Browser::Safari));
    }

    #[test]
    fn an_unknown_user_agent_is_assumed_to_be_chrome_and_says_so() {
        assert_eq!(browser_from_user_agent("curl/8.5"), None);
        assert_eq!(live_profile(""), (Browser::Chrome, Recognition::Assumed));
    }
}
