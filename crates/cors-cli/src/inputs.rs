//! The values a check is given: the URL, the page's origin and the script's header lines, each checked
//! before anything is sent. The messages say what is wrong; clap adds the flag.

use cors_rules::forbidden::forbidden_request_header_in;
use cors_rules::header_list::normalize_header_value;
use cors_rules::origin::Origin;
use cors_rules::quirks::quirks;
use cors_rules::Browser;
use url::Url;

/// The page's origin: a serialized tuple origin, or `null` (an opaque origin: sandboxed iframe, `file:`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageOrigin {
    /// `scheme://host[:port]`, as the browser serializes it.
    Tuple(String),
    /// `null`.
    Opaque,
}

impl PageOrigin {
    /// The scenario's `page` field.
    #[must_use]
    pub fn page(&self) -> Option<String> {
        match self {
            PageOrigin::Tuple(origin) => Some(origin.clone()),
            PageOrigin::Opaque => None,
        }
    }

    /// The origin as the `Origin` header would carry it.
    #[must_use]
    pub fn serialized(&self) -> &str {
        match self {
            PageOrigin::Tuple(origin) => origin,
            PageOrigin::Opaque => "null",
        }
    }
}

/// One `Name: value` line as the script sets it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeaderLine {
    /// The name, as written.
    pub name: String,
    /// The value, leading and trailing spaces and tabs removed (as `fetch()` normalizes it).
    pub value: String,
}

/// `URL`: an absolute http or https URL.
///
/// # Errors
/// Why the text is not such a URL.
pub fn parse_url(text: &str) -> Result<Url, String> {
    let url = Url::parse(text).map_err(|e| format!("'{text}' is not an absolute URL ({e})"))?;
    match url.scheme() {
        "http" | "https" => Ok(url),
        other => Err(format!(
            "'{text}' is a {other}: URL; a check asks an http or https server"
        )),
    }
}

/// `--origin`: `scheme://host[:port]` with nothing after it (a trailing `/` is tolerated), or `null`.
///
/// # Errors
/// Why the text is not an origin, with the origin it might have meant.
pub fn parse_origin(text: &str) -> Result<PageOrigin, String> {
    if text == "null" {
        return Ok(PageOrigin::Opaque);
    }
    let url = Url::parse(text).map_err(|e| {
        format!("'{text}' is not an origin ({e}); an origin looks like https://app.example.com")
    })?;
    let origin = Origin::of_url(&url);
    if matches!(origin, Origin::Opaque) {
        return Err(format!(
            "'{text}' has an opaque origin; give scheme://host[:port], or null for an opaque origin"
        ));
    }
    let serialized = origin.ascii_serialization();
    let extra = if !url.username().is_empty() || url.password().is_some() {
        Some("a user name or password")
    } else if url.path() != "/" {
        Some("a path")
    } else if url.query().is_some() {
        Some("a query")
    } else if url.fragment().is_some() {
        Some("a fragment")
    } else {
        None
    };
    match extra {
        Some(what) => Err(format!(
            "'{text}' is not an origin: it has {what}; the origin is {serialized}"
        )),
        None => Ok(PageOrigin::Tuple(serialized)),
    }
}

/// `-H`: `Name: value`.
///
/// # Errors
/// When there is no colon or no name.
pub fn parse_header(text: &str) -> Result<HeaderLine, String> {
    let Some((name, value)) = text.split_once(':') else {
        return Err(format!(
            "'{text}' has no colon; write a header as 'Name: value'"
        ));
    };
    let name = name.trim();
    if name.is_empty() {
        return Err(format!("'{text}' has no header name before the colon"));
    }
    let value = String::from_utf8_lossy(normalize_header_value(value.as_bytes())).into_owned();
    Ok(HeaderLine {
        name: name.to_owned(),
        value,
    })
}

/// Why `browser` drops `line` silently as a forbidden request header (F-1…F-3, F-7), as the engine's reason
/// code, or `None` when it sends it. For a warning only: the engine drops the line itself.
#[must_use]
pub fn forbidden_reason(line: &HeaderLine, browser: Browser) -> Option<&'static str> {
    forbidden_request_header_in(&line.name, line.value.as_bytes(), quirks(browser))
        .map(|reason| reason.id())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_origin_with_a_default_port_is_serialized_without_it() {
        assert_eq!(
            parse_origin("https://App.Example.com:443"),
            Ok(PageOrigin::Tuple("https://app.example.com".to_owned()))
        );
    }

    #[test]
    fn an_origin_with_a_path_is_refused_naming_the_origin() {
        let err = parse_origin("https://app.example.com/home").unwrap_err();
        assert!(
            err.contains("a path") && err.contains("https://app.example.com"),
            "{err}"
        );
    }

    #[test]
    fn null_is_the_opaque_origin() {
        assert_eq!(parse_origin("null"), Ok(PageOrigin::Opaque));
    }

    #[test]
    fn a_word_is_not_an_origin() {
        assert!(parse_origin("app.example.com").is_err());
    }

    #[test]
    fn a_header_without_a_colon_is_refused() {
        assert!(parse_header("X-Token abc")
            .unwrap_err()
            .contains("no colon"));
    }

    #[test]
    fn a_header_value_is_trimmed_and_keeps_later_colons() {
        assert_eq!(
            parse_header("X-Url:  http://a:1  "),
            Ok(HeaderLine {
                name: "X-Url".to_owned(),
                value: "http://a:1".to_owned()
            })
        );
    }

    #[test]
    fn cookie_is_named_as_forbidden_and_a_custom_header_is_not() {
        let cookie = parse_header("Cookie: a=1").unwrap();
        let custom = parse_header("X-Id: 7").unwrap();
        assert_eq!(
            forbidden_reason(&cookie, Browser::Firefox),
            Some("forbidden-name")
        );
        assert_eq!(forbidden_reason(&custom, Browser::Firefox), None);
    }

    #[test]
    fn only_chrome_drops_user_agent() {
        let user_agent = parse_header("User-Agent: bot").unwrap();
        assert!(forbidden_reason(&user_agent, Browser::Chrome).is_some());
        assert_eq!(forbidden_reason(&user_agent, Browser::Firefox), None);
    }
}
