//! Parsing what users copy from their tools: response headers, `curl -v`/`-i` output, HAR files; and
//! detecting which of those (or a console excerpt) a paste is.

pub mod curl;
mod curl_command;
pub mod exchange;
pub mod har;
pub mod headers;
mod redirects;
pub mod scenario;

use serde::Serialize;

pub use exchange::{Capture, Exchange, SeenRequest};
pub use scenario::{scenario_from_capture, Built, Slot};

/// What a paste is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InputKind {
    /// Browser console lines.
    Console,
    /// Response headers (DevTools "Copy response headers", `curl -i`).
    ResponseHeaders,
    /// `curl -v` output.
    CurlVerbose,
    /// A HAR file.
    Har,
}

impl InputKind {
    /// A short label for the UI.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            InputKind::Console => "console message",
            InputKind::ResponseHeaders => "response headers",
            InputKind::CurlVerbose => "curl -v output",
            InputKind::Har => "HAR file",
        }
    }
}

/// Guesses what a paste is.
#[must_use]
pub fn detect(text: &str) -> InputKind {
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') {
        return InputKind::Har;
    }
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .collect();
    let marked = |c: char| lines.iter().filter(|l| l.starts_with(c)).count();
    let curl_command = lines
        .iter()
        .any(|l| l.trim_start_matches(['$', ' ']).starts_with("curl "));
    if marked('>') + marked('<') >= 2 || (curl_command && marked('*') > 0) {
        return InputKind::CurlVerbose;
    }
    if lines.iter().any(|l| l.trim_start().starts_with("HTTP/")) {
        return InputKind::ResponseHeaders;
    }
    let console = crate::console::recognise(text);
    if console.lines.iter().any(|l| l.is_understood()) {
        return InputKind::Console;
    }
    let header_lines = lines
        .iter()
        .filter(|l| exchange::split_header(l.trim()).is_some())
        .count();
    if header_lines > 0 && header_lines * 2 >= lines.len() {
        InputKind::ResponseHeaders
    } else {
        InputKind::Console
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_a_har() {
        assert_eq!(detect("  {\"log\": {}}"), InputKind::Har);
    }

    #[test]
    fn angle_bracket_lines_are_curl_verbose() {
        assert_eq!(
            detect("> GET / HTTP/1.1\n> Host: a\n< HTTP/1.1 200 OK"),
            InputKind::CurlVerbose
        );
    }

    #[test]
    fn a_status_line_is_headers() {
        assert_eq!(
            detect("HTTP/2 200\ncontent-type: text/html"),
            InputKind::ResponseHeaders
        );
    }

    #[test]
    fn header_lines_alone_are_headers() {
        assert_eq!(
            detect("access-control-allow-origin: *\nvary: Origin"),
            InputKind::ResponseHeaders
        );
    }

    #[test]
    fn a_chrome_message_is_console() {
        assert_eq!(detect("TypeError: Failed to fetch"), InputKind::Console);
    }

    #[test]
    fn prose_is_console() {
        assert_eq!(
            detect("my api does not work, please help"),
            InputKind::Console
        );
    }
}
