//! A known message with realistic values in its holes: what a person would paste. The error reference
//! builds its reproductions from these, and tests feed them to the recogniser.

use super::catalog::KnownMessage;

/// The page origin used in examples.
pub const EXAMPLE_ORIGIN: &str = "https://app.example.com";
/// The request URL used in examples.
pub const EXAMPLE_URL: &str = "https://api.example.com/v1/items";

/// A realistic value for the hole `name` of `message`.
#[must_use]
pub fn example_value(message: &KnownMessage, name: &str) -> &'static str {
    let code = message.code;
    let has = |part: &str| code.contains(part);
    match name {
        "url" if has("SCHEME") || has("NotHttp") || has("DisabledScheme") => {
            "file:///home/me/data.json"
        }
        "url" if has("MIXED") => "http://api.example.com/v1/items",
        "url" | "final_url" => EXAMPLE_URL,
        "initial_url" => "https://api.example.com/v1/old",
        "origin" => EXAMPLE_ORIGIN,
        "page" => "https://app.example.com/",
        "kind" | "resource_kind" => "fetch",
        "value" if has("Multiple") => "https://a.example, https://b.example",
        "value" if has("InvalidAllowOrigin") => "app.example.com",
        "value" if has("AllowOriginMismatch") || has("NotMatching") => "https://app.example.com/",
        "value" if has("Credentials") => "",
        "value" if has("Method") || has("METHODS") => "GET POST",
        "value" if has("Header") || has("HEADERS") => "x-a x-b",
        "value" => "false",
        "location" if has("UNSAFE_ATTEMPT") => EXAMPLE_URL,
        "location" => "https://user:secret@api.example.com/next",
        "count" => "20",
        "method" => "PUT",
        "header" if code.starts_with("WEBKIT") => "X-Api-Key",
        "header" => "x-api-key",
        "status" if code.starts_with("CORSDidNotSucceed") => "(null)",
        "status" if has("Preflight") || has("PREFLIGHT") => "405",
        "status" => "200",
        "scheme" => "file",
        "schemes" => "chrome, chrome-extension, data, http, https",
        "address_space" | "target_address_space" => "loopback",
        "directive" => "connect-src 'self'",
        "reason" => {
            "Origin https://app.example.com is not allowed by Access-Control-Allow-Origin. Status code: 302"
        }
        _ => "x",
    }
}

/// The message as a person would paste it, every hole filled with [`example_value`].
#[must_use]
pub fn example_text(message: &KnownMessage) -> String {
    let text = message.text();
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text.as_str();
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(example_value(message, &rest[open + 1..close]));
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::console::{catalog, recognise};

    /// Safari's redirect line nests another message: the recognition is the nested one's.
    const NESTING: &[(&str, &str)] = &[("WEBKIT_REDIRECT_DENIED", "WEBKIT_ORIGIN_NOT_ALLOWED")];

    #[test]
    fn every_example_is_recognised_as_its_own_message() {
        let mut wrong = Vec::new();
        for message in catalog::all() {
            let text = example_text(message);
            assert!(!text.contains('{'), "{}: {text}", message.code);
            let expected = NESTING
                .iter()
                .find(|(outer, _)| *outer == message.code)
                .map_or(message.code, |(_, inner)| inner);
            let found = recognise(&text).recognised.map(|r| r.code);
            if found.as_deref() != Some(expected) {
                wrong.push(format!("{}: read as {found:?}: {text}", message.code));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
