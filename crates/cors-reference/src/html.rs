//! Writing HTML safely: every interpolated string goes through [`escape`].

use std::fmt::Write as _;

/// Escapes text for HTML element content and double- or single-quoted attribute values.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// The engine's sentences mark names and values with backticks (`` `Origin` ``): escaped text, with
/// those spans as `<code>`.
#[must_use]
pub fn prose(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", escape(part));
        } else {
            out.push_str(&escape(part));
        }
    }
    // An odd number of backticks leaves the last span open as plain text.
    if text.matches('`').count() % 2 == 1 {
        return escape(text);
    }
    out
}

/// A message template with its `{holes}` shown as readable placeholders (`<var>URL</var>`).
#[must_use]
pub fn template(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        out.push_str(&escape(&rest[..open]));
        let _ = write!(
            out,
            "<var>{}</var>",
            escape(hole_name(&rest[open + 1..close]))
        );
        rest = &rest[close + 1..];
    }
    out.push_str(&escape(rest));
    out
}

/// The template with its holes as `…`, for titles and descriptions.
#[must_use]
pub fn template_plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push('…');
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// How a hole is shown to people.
fn hole_name(hole: &str) -> &str {
    match hole {
        "url" | "final_url" => "URL",
        "initial_url" => "first URL",
        "origin" => "page origin",
        "page" => "page URL",
        "kind" | "resource_kind" => "fetch or XMLHttpRequest",
        "value" => "header value",
        "status" => "status code",
        "method" => "METHOD",
        "header" => "header name",
        "location" => "redirect URL",
        "scheme" => "scheme",
        "schemes" => "list of schemes",
        "address_space" | "target_address_space" => "address space",
        "directive" => "CSP directive",
        "reason" => "reason",
        other => other,
    }
}

/// Cuts text to at most `max` characters at a word boundary, with `…` when cut.
#[must_use]
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', '.', ':', ';', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_everywhere() {
        assert_eq!(
            escape(r#"<script>alert("x" & 'y')</script>"#),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
        assert_eq!(prose("`<b>` & more"), "<code>&lt;b&gt;</code> &amp; more");
        assert_eq!(
            template("at '{url}' <i>"),
            "at &#39;<var>URL</var>&#39; &lt;i&gt;"
        );
    }

    #[test]
    fn an_unbalanced_backtick_is_plain_text() {
        assert_eq!(prose("a `b"), "a `b");
    }

    #[test]
    fn holes_become_readable_placeholders() {
        assert_eq!(
            template("Method {method} is"),
            "Method <var>METHOD</var> is"
        );
        assert_eq!(template_plain("Method {method} is"), "Method … is");
    }

    #[test]
    fn long_text_is_cut_at_a_word() {
        assert_eq!(shorten("one two three", 9), "one two…");
        assert_eq!(shorten("short", 9), "short");
    }
}
