//! Matching one console line against a message template with `{name}` placeholders.
//!
//! Templates are the browsers' message texts, verbatim, with the quoted values replaced by `{name}` holes
//! (the notation of `docs/reference/browser-messages.md`). A hole matches any text on the line; the match is anchored on
//! the template's first literal, which may start anywhere in the line (console copies put a source location
//! such as `index.html:1` or a level such as `[Error]` in front), and text after the last literal is
//! allowed (`Understand this error`, `[Learn More]`, a trailing location).

use std::borrow::Cow;

/// A text as the matcher compares it: typographic quotes as ASCII ones, and each run of spaces (tabs,
/// no-break spaces) as one space. Chat apps, editors and forums turn a console's straight quotes into
/// curly ones, or Firefox's curly ones into straight ones, and re-wrap lines; lines and templates are
/// compared in this form on both sides.
pub(crate) fn normalize(text: &str) -> Cow<'_, str> {
    fn plain(c: char) -> char {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => '"',
            '\u{00A0}' | '\u{2009}' | '\u{202F}' | '\t' => ' ',
            c => c,
        }
    }
    let changes = text.chars().any(|c| plain(c) != c) || text.contains("  ");
    if !changes {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars().map(plain) {
        if !(c == ' ' && out.ends_with(' ')) {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One piece of a template; a literal is kept in the form lines are compared in ([`normalize`]).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece<'t> {
    Literal(Cow<'t, str>),
    Hole(&'t str),
}

/// The values a match captured, by hole name, in template order.
pub(crate) type Captures<'t, 'a> = Vec<(&'t str, &'a str)>;

/// The longest line the matcher looks at; longer lines are cut (the messages are all shorter).
const MAX_LINE: usize = 8 * 1024;

fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        if open > 0 {
            out.push(Piece::Literal(normalize(&rest[..open])));
        }
        out.push(Piece::Hole(&rest[open + 1..open + close]));
        rest = &rest[open + close + 1..];
    }
    if !rest.is_empty() {
        out.push(Piece::Literal(normalize(rest)));
    }
    out
}

/// Matches `line` against `template`; on success returns the captured values and the byte offset at which
/// the template's text starts in the line.
pub(crate) fn match_line<'t, 'a>(
    template: &'t str,
    line: &'a str,
) -> Option<(usize, Captures<'t, 'a>)> {
    let line = cut(line);
    let pieces = pieces(template);
    let Some(Piece::Literal(first)) = pieces.first() else {
        let mut captures = Vec::new();
        return match_from(&pieces, line, &mut captures).then_some((0, captures));
    };
    for (start, _) in line.match_indices(&**first) {
        let mut captures = Vec::new();
        if match_from(&pieces, &line[start..], &mut captures) {
            return Some((start, captures));
        }
    }
    None
}

/// [`match_line`] for a template that must end the line, with no space in any hole.
pub(crate) fn match_whole_line<'t, 'a>(
    template: &'t str,
    line: &'a str,
) -> Option<(usize, Captures<'t, 'a>)> {
    let line = line.trim_end();
    let (start, captures) = match_line(template, line)?;
    let literals: usize = pieces(template)
        .iter()
        .map(|piece| match piece {
            Piece::Literal(text) => text.len(),
            Piece::Hole(_) => 0,
        })
        .sum();
    let holes: usize = captures.iter().map(|(_, value)| value.len()).sum();
    let whole = start + literals + holes == line.len();
    let spaceless = captures
        .iter()
        .all(|(_, value)| !value.contains(char::is_whitespace));
    (whole && spaceless).then_some((start, captures))
}

fn cut(line: &str) -> &str {
    if line.len() <= MAX_LINE {
        return line;
    }
    let mut end = MAX_LINE;
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    &line[..end]
}

/// Anchored match of `pieces` at the start of `text`; trailing text after a final literal is allowed, a
/// final hole takes the rest of the line.
fn match_from<'t, 'a>(
    pieces: &[Piece<'t>],
    text: &'a str,
    captures: &mut Captures<'t, 'a>,
) -> bool {
    match pieces {
        [] => true,
        [Piece::Literal(lit), rest @ ..] => {
            text.starts_with(&**lit) && match_from(rest, &text[lit.len()..], captures)
        }
        [Piece::Hole(name)] => {
            captures.push((name, text.trim_end()));
            true
        }
        [Piece::Hole(name), Piece::Literal(next), rest @ ..] => {
            let next = &**next;
            // Before the final literal (often just `.`), the hole runs to an occurrence that ends the
            // message (end of line or a space before trailing noise), so a value may contain the
            // literal itself (`https://app.example.com.`).
            let ends_message = |at: usize| {
                let after = &text[at + next.len()..];
                after.is_empty() || after.starts_with(char::is_whitespace)
            };
            let final_ends =
                rest.is_empty() && text.match_indices(next).any(|(at, _)| ends_message(at));
            for (at, _) in text.match_indices(next) {
                if final_ends && !ends_message(at) {
                    continue;
                }
                let mark = captures.len();
                captures.push((name, &text[..at]));
                if match_from(&pieces[1..], &text[at..], captures) {
                    return true;
                }
                captures.truncate(mark);
            }
            false
        }
        [Piece::Hole(_), Piece::Hole(_), ..] => false,
    }
}

/// The template with its holes removed, as words, for similarity ranking.
pub(crate) fn literal_words(template: &'static str) -> Vec<String> {
    pieces(template)
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Literal(text) => Some(text),
            Piece::Hole(_) => None,
        })
        .flat_map(|text| words(&text))
        .collect()
}

/// Lower-case words of a text (letters and digits only).
pub(crate) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.len() > 1)
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holes_capture_the_quoted_values() {
        let (start, caps) = match_line(
            "Access to {kind} at '{url}' from origin '{origin}' has been blocked",
            "index.html:1 Access to fetch at 'https://a.example/x' from origin 'http://b.example' has been blocked",
        )
        .expect("matches");
        assert_eq!(start, "index.html:1 ".len());
        assert_eq!(
            caps,
            vec![
                ("kind", "fetch"),
                ("url", "https://a.example/x"),
                ("origin", "http://b.example")
            ]
        );
    }

    #[test]
    fn a_final_hole_takes_the_rest_of_the_line() {
        let (_, caps) =
            match_line("Status code: {status}", "[Error] Status code: 405  ").expect("matches");
        assert_eq!(caps, vec![("status", "405")]);
    }

    #[test]
    fn a_value_may_contain_the_final_literal() {
        let (_, caps) = match_line(
            "the request origin {origin}.",
            "the request origin https://app.example.com. app.js:3",
        )
        .expect("matches");
        assert_eq!(caps, vec![("origin", "https://app.example.com")]);
    }

    #[test]
    fn a_missing_literal_is_no_match() {
        assert!(match_line("Method {method} is not allowed.", "Method PUT is allowed.").is_none());
    }

    #[test]
    fn an_empty_value_between_quotes_is_captured() {
        let (_, caps) = match_line("is '{value}' which", "is '' which").expect("matches");
        assert_eq!(caps, vec![("value", "")]);
    }

    #[test]
    fn curly_and_straight_quotes_and_wrapped_spaces_match_either_way() {
        let firefox = "(Reason: CORS header ‘Access-Control-Allow-Origin’ missing).";
        let line = normalize("(Reason:  CORS header 'Access-Control-Allow-Origin'\tmissing).");
        assert!(match_line(firefox, &line).is_some());
        let chrome = "at '{url}' from origin '{origin}' has";
        let line = normalize("at ‘https://a.example/x’ from\u{a0}origin ’http://b.example’ has");
        let (_, caps) = match_line(chrome, &line).expect("matches");
        assert_eq!(
            caps,
            vec![
                ("url", "https://a.example/x"),
                ("origin", "http://b.example")
            ]
        );
    }

    #[test]
    fn a_very_long_line_is_cut_without_panicking() {
        let line = "é".repeat(10_000);
        assert!(match_line("Access to {kind} at", &line).is_none());
    }
}
