//! Error texts that never carry request text: no response of the lab may reflect what a client sent.
//!
//! Parser messages quote the offending input (`unknown field `x``, `invalid type: string "y"`). A quoted
//! part is kept only when it is a short plain name (letters, digits, `_ - . [ ]`), which is what naming a
//! field needs; anything else becomes `(value not shown)`.

/// Longest quoted part kept.
const MAX_QUOTED: usize = 40;

/// Longest message kept.
const MAX_MESSAGE: usize = 300;

/// `text` with every quoted part that is not a plain name replaced.
pub(crate) fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(['`', '"']) {
        let quote = rest[open..].chars().next().unwrap_or('"');
        out.push_str(&plain(&rest[..open]));
        let after = &rest[open + 1..];
        let Some(close) = after.find(quote) else {
            rest = "";
            break;
        };
        let quoted = &after[..close];
        out.push(quote);
        out.push_str(if is_plain_name(quoted) {
            quoted
        } else {
            "(value not shown)"
        });
        out.push(quote);
        rest = &after[close + 1..];
    }
    out.push_str(&plain(rest));
    out.chars().take(MAX_MESSAGE).collect()
}

/// A field path, kept only if it is made of plain names.
pub(crate) fn sanitize_field(field: &str) -> String {
    if field.len() <= 200 && field.chars().all(|c| is_plain_char(c) || c == '?') {
        field.to_owned()
    } else {
        "(field not shown)".to_owned()
    }
}

/// Unquoted message text comes from the parser, but drop markup characters all the same.
fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '<' | '>' | '&'))
        .collect()
}

fn is_plain_name(text: &str) -> bool {
    text.len() <= MAX_QUOTED && text.chars().all(is_plain_char)
}

fn is_plain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '[' | ']' | ' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_in_messages_are_kept() {
        let text = "unknown field `colour`, expected one of `browser`, `page`";
        assert_eq!(sanitize(text), text);
    }

    #[test]
    fn quoted_markup_is_not_shown() {
        let text = "invalid type: string \"<img src=x onerror=alert(1)>\", expected u16";
        assert_eq!(
            sanitize(text),
            "invalid type: string \"(value not shown)\", expected u16"
        );
    }

    #[test]
    fn an_unclosed_quote_drops_the_rest() {
        assert_eq!(sanitize("bad `<script>"), "bad ");
    }

    #[test]
    fn a_field_path_with_markup_is_not_shown() {
        assert_eq!(
            sanitize_field("server[0].response.status"),
            "server[0].response.status"
        );
        assert_eq!(sanitize_field("<b>"), "(field not shown)");
    }
}
