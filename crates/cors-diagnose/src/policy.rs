//! A CORS policy: what a server should allow, as the stacks' configuration needs it.

use cors_rules::forbidden::forbidden_request_header;
use cors_rules::method::{is_cors_safelisted_method, normalize_method};
use cors_rules::quirks::{quirks, ExtraSafelist};
use cors_rules::safelist::{cors_unsafe_request_header_names, cors_unsafe_request_header_names_in};
use cors_rules::scenario::{Answer, CredentialsMode, Request};
use cors_rules::{Browser, Scenario};
use serde::{Deserialize, Serialize};

/// Whether the server lets cross-origin requests carry cookies / HTTP auth.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Credentials {
    /// Sends `Access-Control-Allow-Credentials: true`.
    Allowed,
    /// Sends no `Access-Control-Allow-Credentials`.
    #[default]
    NotAllowed,
}

/// What the server allows. Origins are an explicit allow-list of serialized origins, never `*` and never
/// whatever the request sends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policy {
    /// Serialized origins allowed (`https://app.example.com`, no path, no trailing slash).
    pub origins: Vec<String>,
    /// Methods allowed (as the script writes them; upper case for the standard ones).
    pub methods: Vec<String>,
    /// Request headers allowed (lower case).
    pub allow_headers: Vec<String>,
    /// Whether credentials are allowed.
    pub credentials: Credentials,
    /// Response headers the script may read beyond the safelisted ones (lower case).
    pub expose_headers: Vec<String>,
    /// How long browsers may cache a preflight, in seconds.
    pub max_age: Option<u32>,
    /// The path prefix the policy covers (`/api/`).
    pub path: String,
}

/// Preflight lifetime used by default: Safari caps at 600 seconds, Chrome at 7200.
pub const DEFAULT_MAX_AGE: u32 = 600;

/// The request headers a server must allow (`Access-Control-Allow-Headers`): the engine's CORS-unsafe
/// request-header names (S-8: sorted, lower-case) among the headers a script can set at all.
#[must_use]
pub fn headers_needing_permission(request: &Request) -> Vec<String> {
    let settable = request
        .headers
        .iter()
        .filter(|(name, value)| forbidden_request_header(name, value.as_bytes()).is_none())
        .map(|(name, value)| (name.as_str(), value.as_bytes()));
    cors_unsafe_request_header_names(settable, ExtraSafelist::None).names
}

/// Whether `browser` preflights this request (Fetch T-8): a method that is not CORS-safelisted once
/// normalized, a CORS-unsafe request-header name as the browser's profile judges it (the 128-byte and
/// 1024-byte limits, unsafe bytes, the parsed MIME type), or the XHR upload flag. The engine's own
/// predicates decide; nothing is re-implemented here.
#[must_use]
pub fn needs_preflight_in(request: &Request, browser: Browser) -> bool {
    let settable = request
        .headers
        .iter()
        .filter(|(name, value)| forbidden_request_header(name, value.as_bytes()).is_none())
        .map(|(name, value)| (name.as_str(), value.as_bytes()));
    !is_cors_safelisted_method(&normalize_method(&request.method))
        || !cors_unsafe_request_header_names_in(settable, quirks(browser))
            .names
            .is_empty()
        || request.preflight_flag
}

/// Response headers worth exposing when the server sends them.
fn worth_exposing(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    (name.starts_with("x-") && !name.starts_with("x-powered"))
        || matches!(
            name.as_str(),
            "location" | "etag" | "link" | "retry-after" | "content-disposition"
        )
}

impl Policy {
    /// The policy that makes a scenario's request work, and nothing more.
    #[must_use]
    pub fn from_scenario(scenario: &Scenario) -> Policy {
        let request = &scenario.request;
        let origins = scenario
            .page
            .as_deref()
            .and_then(|page| url::Url::parse(page).ok())
            .map(|url| url.origin().ascii_serialization())
            .filter(|origin| origin != "null")
            .into_iter()
            .collect();
        let method = normalize_method(&request.method);
        let mut methods = vec!["GET".to_owned()];
        push_unique(&mut methods, method);
        let allow_headers = headers_needing_permission(request);
        let mut expose_headers = Vec::new();
        let entry = scenario
            .server
            .iter()
            .find(|e| e.url == request.url)
            .or(scenario.server.first());
        if let Some(Answer::Http(http)) = entry.map(|e| &e.response) {
            for (name, _) in http.headers.iter().filter(|(n, _)| worth_exposing(n)) {
                push_unique(&mut expose_headers, name.to_ascii_lowercase());
            }
        }
        let credentials = match request.credentials {
            CredentialsMode::Include => Credentials::Allowed,
            _ => Credentials::NotAllowed,
        };
        Policy {
            origins,
            methods,
            allow_headers,
            credentials,
            expose_headers,
            max_age: Some(DEFAULT_MAX_AGE),
            path: path_prefix(&request.url),
        }
    }

    /// Whether credentials are allowed.
    #[must_use]
    pub fn allows_credentials(&self) -> bool {
        self.credentials == Credentials::Allowed
    }

    /// Problems that make the policy unsafe or unusable (empty when it is fine).
    #[must_use]
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.origins.is_empty() {
            out.push(
                "No origin is allowed: add the page's origin (e.g. https://app.example.com)."
                    .to_owned(),
            );
        }
        for origin in &self.origins {
            if origin == "*" || origin == "null" {
                out.push(format!(
                    "'{origin}' is not an origin to allow-list: list the real origins."
                ));
            } else if !is_serialized_origin(origin) {
                out.push(format!("'{origin}' is not a serialized origin (scheme://host[:port], no path, no trailing slash)."));
            }
        }
        out
    }
}

/// Whether a string is exactly a serialized tuple origin.
#[must_use]
pub fn is_serialized_origin(text: &str) -> bool {
    url::Url::parse(text).is_ok_and(|url| url.origin().ascii_serialization() == text)
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// `/api/` for `https://x/api/users/1`; `/` when the path has one segment or none.
fn path_prefix(url: &str) -> String {
    let Ok(url) = url::Url::parse(url) else {
        return "/".to_owned();
    };
    let mut segments = url
        .path_segments()
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty());
    match (segments.next(), segments.next()) {
        (Some(first), Some(_)) => format!("/{first}/"),
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(json: &str) -> Scenario {
        Scenario::from_json(json).expect("valid")
    }

    fn request(method: &str, name: &str, value: &str) -> Request {
        let json = serde_json::json!({"page": "https://app.example.com",
            "request": {"url": "https://api.example.com/", "method": method, "headers": [[name, value]]},
            "server": []});
        scenario(&json.to_string()).request
    }

    #[test]
    fn a_safelisted_header_longer_than_128_bytes_needs_a_preflight() {
        let long = "a".repeat(129);
        assert!(!needs_preflight_in(
            &request("GET", "Accept", "a"),
            Browser::Chrome
        ));
        assert!(needs_preflight_in(
            &request("GET", "Accept", &long),
            Browser::Chrome
        ));
    }

    #[test]
    fn a_content_type_is_judged_by_its_parsed_mime_type() {
        let plain = request("POST", "Content-Type", "Text/Plain; charset=utf-8");
        let json = request("POST", "Content-Type", "text/plain-json");
        assert!(!needs_preflight_in(&plain, Browser::Chrome));
        assert!(needs_preflight_in(&json, Browser::Chrome));
    }

    #[test]
    fn an_unsafe_byte_in_a_safelisted_header_needs_a_preflight() {
        assert!(needs_preflight_in(
            &request("GET", "Accept-Language", "en(\"x\")"),
            Browser::Chrome
        ));
    }

    #[test]
    fn a_lower_case_get_is_normalized_and_needs_no_preflight() {
        assert!(!needs_preflight_in(
            &request("get", "Accept", "*/*"),
            Browser::Firefox
        ));
        assert!(needs_preflight_in(
            &request("patch", "Accept", "*/*"),
            Browser::Firefox
        ));
    }

    #[test]
    fn only_settable_unsafe_headers_need_the_servers_permission() {
        let long = "a".repeat(129);
        let request = scenario(&format!(
            r#"{{"page":"https://app.example.com","request":{{"url":"https://api.example.com/","method":"POST","headers":[["X-Request-Id","7"],["Cookie","a=b"],["Content-Type","text/plain"],["Accept","{long}"],["Content-Language","en"]]}},"server":[]}}"#
        ))
        .request;
        assert_eq!(
            headers_needing_permission(&request),
            vec!["accept", "x-request-id"],
            "a forbidden header is never sent, a safelisted one needs nothing, a value over 128 bytes does"
        );
    }

    #[test]
    fn json_put_with_credentials_gives_the_matching_policy() {
        let policy = Policy::from_scenario(&scenario(
            r#"{"page":"https://app.example.com/shop/","request":{"url":"https://api.example.com/v1/items","method":"put","credentials":"include","headers":[["Content-Type","application/json"],["Accept","application/json"],["X-Request-Id","7"]]},"server":[{"url":"https://api.example.com/v1/items","response":{"headers":[["X-Total-Count","3"],["Date","x"]]}}]}"#,
        ));
        assert_eq!(policy.origins, vec!["https://app.example.com"]);
        assert_eq!(policy.methods, vec!["GET", "PUT"]);
        assert_eq!(policy.allow_headers, vec!["content-type", "x-request-id"]);
        assert_eq!(policy.expose_headers, vec!["x-total-count"]);
        assert!(policy.allows_credentials());
        assert_eq!(policy.path, "/v1/");
        assert!(policy.problems().is_empty());
    }

    #[test]
    fn an_opaque_page_yields_no_origin_and_a_problem() {
        let policy = Policy::from_scenario(&scenario(
            r#"{"page":null,"request":{"url":"https://api.example.com/x"},"server":[{"url":"https://api.example.com/x"}]}"#,
        ));
        assert!(policy.origins.is_empty());
        assert_eq!(policy.problems().len(), 1);
    }

    #[test]
    fn a_trailing_slash_is_not_a_serialized_origin() {
        assert!(!is_serialized_origin("https://app.example.com/"));
        assert!(is_serialized_origin("http://localhost:3000"));
    }
}
