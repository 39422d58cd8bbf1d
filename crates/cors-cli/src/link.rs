//! The app link for a scenario, in the app's share-link format (`src/share.rs`): the scenario's JSON,
//! base64url without padding, in `?s=`.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use cors_rules::Scenario;

/// `app` with `s=<base64url(JSON scenario)>` added to its query.
#[must_use]
pub fn share_link(app: &str, scenario: &Scenario) -> String {
    let json = serde_json::to_string(scenario).unwrap_or_default();
    let encoded = URL_SAFE_NO_PAD.encode(json.as_bytes());
    let separator = if app.contains('?') { '&' } else { '?' };
    format!("{app}{separator}s={encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_link_decodes_back_to_the_same_scenario() {
        let scenario = Scenario::from_json(
            r#"{"page": "https://app.example", "request": {"url": "https://api.example/x?a=1&b=ü"},
                "server": [{"url": "https://api.example/x?a=1&b=ü"}]}"#,
        )
        .unwrap();
        let link = share_link("https://tool.example/cors/", &scenario);
        let encoded = link
            .strip_prefix("https://tool.example/cors/?s=")
            .expect("the scenario is in s=");
        assert!(encoded
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        let json = URL_SAFE_NO_PAD.decode(encoded).unwrap();
        let back = Scenario::from_json(std::str::from_utf8(&json).unwrap()).unwrap();
        assert_eq!(back, scenario);
    }

    #[test]
    fn an_app_url_with_a_query_gets_s_appended() {
        let scenario = Scenario::from_json(
            r#"{"page": null, "request": {"url": "https://api.example/"}, "server": []}"#,
        )
        .unwrap();
        assert!(share_link("http://127.0.0.1:8080/?view=expert", &scenario)
            .starts_with("http://127.0.0.1:8080/?view=expert&s="));
    }
}
