//! Browser profiles: which engine's behaviour the verdict describes.

use serde::{Deserialize, Serialize};

/// The browser whose behaviour a verdict predicts.
///
/// Profiles differ only where real browsers differ from the Fetch standard or from each other; every such
/// difference is one entry of the quirks table (see `quirks.rs`), never an `if` scattered through the checks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Browser {
    /// Chromium-based browsers (Chrome, Edge, Brave, Opera, Electron).
    #[default]
    Chrome,
    /// Firefox (Gecko).
    Firefox,
    /// Safari and every WebKit-based browser.
    Safari,
    /// The Fetch standard to the letter.
    Spec,
}

impl Browser {
    /// Every profile, in display order.
    pub const ALL: [Browser; 4] = [
        Browser::Chrome,
        Browser::Firefox,
        Browser::Safari,
        Browser::Spec,
    ];

    /// The profile's id as used in scenarios (`chrome`, `firefox`, `safari`, `spec`).
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Browser::Chrome => "chrome",
            Browser::Firefox => "firefox",
            Browser::Safari => "safari",
            Browser::Spec => "spec",
        }
    }

    /// A human name for the profile.
    #[must_use]
    pub fn display_name(self) -> &'static str {
        match self {
            Browser::Chrome => "Chrome",
            Browser::Firefox => "Firefox",
            Browser::Safari => "Safari",
            Browser::Spec => "Fetch standard",
        }
    }
}
