//! Writing to standard output without panicking when the reader has gone (`cors-explain … | head`), and
//! the JSON shape of a check: `{"scenario": …, "verdicts": {browser: verdict}}` with the fields in the
//! order docs/reference/scenario-format.md writes them.

use std::io::Write;

use cors_rules::{Browser, Scenario, Verdict};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// Writes `text` to standard output; a closed pipe is not an error worth a message.
pub fn emit(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}

/// A check (or an explained paste) as JSON.
#[derive(Serialize)]
pub struct CheckJson<'a> {
    /// The recorded scenario.
    pub scenario: &'a Scenario,
    /// Each browser's verdict, in the order asked.
    pub verdicts: Verdicts<'a>,
    /// The app link, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<&'a str>,
}

impl CheckJson<'_> {
    /// Pretty-printed, with a final newline.
    #[must_use]
    pub fn text(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }
}

/// `{browser: verdict}` in the order the browsers were asked.
pub struct Verdicts<'a>(pub &'a [(Browser, Verdict)]);

impl Serialize for Verdicts<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (browser, verdict) in self.0 {
            map.serialize_entry(browser.id(), verdict)?;
        }
        map.end()
    }
}
