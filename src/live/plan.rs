//! Where a live run goes and what it predicts, as plain functions: the lab's candidate origins, and the
//! scenario retargeted at a URL the person typed.

use cors_rules::{Browser, Scenario};

use crate::host_names::parse_url;

/// Where a lab started with the README's serve command listens.
pub const DEFAULT_LAB: &str = "http://127.0.0.1:8080";

/// The one command that starts the lab locally (the README's serve command).
pub const SERVE_COMMAND: &str = "./scripts/serve.sh";

/// Where the live run sends the request.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Target {
    /// The lab: it answers exactly as the scenario's servers do, and logs what it received.
    #[default]
    Lab,
    /// A URL the person typed (their real API): only what the page's script sees is reported.
    Url(String),
}

/// The origins to ask `GET /api/health`, in order: the page's own (when the lab serves the app) and the
/// lab's default address.
#[must_use]
pub fn lab_candidates(page_origin: &str) -> Vec<String> {
    let mut candidates = Vec::with_capacity(2);
    let served_over_http = url::Url::parse(page_origin)
        .is_ok_and(|url| matches!(url.scheme(), "http" | "https") && url.host().is_some());
    if served_over_http {
        candidates.push(page_origin.trim_end_matches('/').to_owned());
    }
    if !candidates.iter().any(|c| c == DEFAULT_LAB) {
        candidates.push(DEFAULT_LAB.to_owned());
    }
    candidates
}

/// Why a typed URL cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlProblem {
    /// Nothing typed.
    Empty,
    /// Not an absolute URL.
    NotAbsolute,
    /// Not `http:` or `https:`.
    NotHttp {
        /// The scheme found.
        scheme: String,
    },
}

impl std::fmt::Display for UrlProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UrlProblem::Empty => {
                f.write_str("Type the URL of your API, such as https://api.example.com/v1/items.")
            }
            UrlProblem::NotAbsolute => {
                f.write_str("This is not an absolute URL: start it with http:// or https://.")
            }
            UrlProblem::NotHttp { scheme } => write!(
                f,
                "Only http and https URLs can be fetched live, not {scheme}:."
            ),
        }
    }
}

/// Checks a typed URL and returns it in its parsed form.
///
/// # Errors
/// A [`UrlProblem`] saying what is wrong with it.
pub fn check_url(text: &str) -> Result<String, UrlProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(UrlProblem::Empty);
    }
    let url = parse_url(text).ok_or(UrlProblem::NotAbsolute)?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(UrlProblem::NotHttp {
            scheme: url.scheme().to_owned(),
        });
    }
    Ok(url.to_string())
}

/// The scenario as it runs against a typed URL: the real page, the typed URL in place of the request URL
/// (server entries for that URL move with it), the live browser profile. Server answers stay as
/// described, so the prediction says what happens if the real server answers that way.
#[must_use]
pub fn retarget(scenario: &Scenario, page_origin: &str, url: &str, browser: Browser) -> Scenario {
    let mut out = scenario.clone();
    out.browser = browser;
    out.page = (page_origin != "null").then(|| page_origin.to_owned());
    let same = |a: &str, b: &str| {
        a == b || matches!((parse_url(a), parse_url(b)), (Some(a), Some(b)) if a == b)
    };
    for entry in &mut out.server {
        if same(&entry.url, &scenario.request.url) {
            url.clone_into(&mut entry.url);
        }
    }
    url.clone_into(&mut out.request.url);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::default_scenario;

    #[test]
    fn a_page_served_over_http_is_asked_first_then_the_default_lab() {
        assert_eq!(
            lab_candidates("http://127.0.0.1:9000"),
            ["http://127.0.0.1:9000", DEFAULT_LAB]
        );
    }

    #[test]
    fn a_page_on_the_default_lab_is_asked_once() {
        assert_eq!(lab_candidates(DEFAULT_LAB), [DEFAULT_LAB]);
    }

    #[test]
    fn an_opaque_or_file_page_asks_only_the_default_lab() {
        assert_eq!(lab_candidates("null"), [DEFAULT_LAB]);
        assert_eq!(lab_candidates("file:///tmp/index.html"), [DEFAULT_LAB]);
    }

    #[test]
    fn typed_urls_must_be_absolute_http_urls() {
        assert_eq!(check_url("  "), Err(UrlProblem::Empty));
        assert_eq!(check_url("/api/items"), Err(UrlProblem::NotAbsolute));
        assert_eq!(
            check_url("javascript:alert(1)"),
            Err(UrlProblem::NotHttp {
                scheme: "javascript".to_owned()
            })
        );
        assert_eq!(
            check_url(" https://API.example.com/x "),
            Ok("https://api.example.com/x".to_owned())
        );
    }

    #[test]
    fn retargeting_moves_the_request_and_its_server_entry_and_sets_the_real_page() {
        let scenario = default_scenario();
        let url = "https://real.example.org/items";
        let out = retarget(&scenario, "http://127.0.0.1:8080", url, Browser::Firefox);
        assert_eq!(out.request.url, url);
        assert_eq!(out.server[0].url, url);
        assert_eq!(out.page.as_deref(), Some("http://127.0.0.1:8080"));
        assert_eq!(out.browser, Browser::Firefox);
        assert_eq!(out.server[0].response, scenario.server[0].response);
    }

    #[test]
    fn retargeting_from_an_opaque_page_keeps_the_page_opaque() {
        let out = retarget(
            &default_scenario(),
            "null",
            "https://a.example/",
            Browser::Chrome,
        );
        assert_eq!(out.page, None);
    }
}
