//! The app's share links (`src/share.rs`): `?s=<base64url(JSON scenario)>`, no padding, and
//! `step=7` for the result.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use cors_rules::Scenario;

/// The `s=` value of a scenario.
#[must_use]
pub fn encode_scenario(scenario: &Scenario) -> String {
    let json = serde_json::to_string(scenario).unwrap_or_default();
    URL_SAFE_NO_PAD.encode(json.as_bytes())
}

/// The scenario of an `s=` value, or `None` when it is not one.
#[must_use]
pub fn decode_scenario(encoded: &str) -> Option<Scenario> {
    let bytes = URL_SAFE_NO_PAD.decode(encoded.as_bytes()).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    Scenario::from_json(&text).ok()
}

/// The link from a page in `errors/` to the app showing the scenario's result.
#[must_use]
pub fn app_link(scenario: &Scenario) -> String {
    format!("../?s={}&step=7", encode_scenario(scenario))
}

/// The scenario of a link written by [`app_link`] (or any `?s=` link), or `None`.
#[must_use]
pub fn scenario_of_link(link: &str) -> Option<Scenario> {
    let query = link.split_once('?')?.1;
    let value = query.split('&').find_map(|pair| pair.strip_prefix("s="))?;
    decode_scenario(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_reads_back_to_its_scenario() {
        let scenario = Scenario::from_json(
            r#"{"page":"https://app.example.com","request":{"url":"https://api.example.com/x"},"server":[]}"#,
        )
        .expect("valid");
        let link = app_link(&scenario);
        assert!(link.starts_with("../?s="));
        assert!(!link.contains('='.to_string().repeat(2).as_str()));
        assert_eq!(scenario_of_link(&link), Some(scenario));
    }

    #[test]
    fn a_broken_link_is_no_scenario() {
        assert_eq!(scenario_of_link("../?s=%%%"), None);
        assert_eq!(scenario_of_link("../?case=x"), None);
    }
}
