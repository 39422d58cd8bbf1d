//! `{name}` placeholders in the text tables, filled from named values.

/// Named values for [`fill`]: `(placeholder name, text)`.
pub(crate) type Vars<'a> = [(&'a str, &'a str)];

/// Replaces every `{name}` in `template` by its value in `vars`; an unknown name becomes the empty
/// string (a missing value must never break a message). A `{` not followed by a placeholder name and
/// `}` is kept as it is.
pub(crate) fn fill(template: &str, vars: &Vars) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    fill_into(&mut out, template, |name, out| {
        out.push_str(lookup(vars, name))
    });
    out
}

/// [`fill`] with the values written by `value(name, out)`, appended to `out`: a value is computed only
/// when its placeholder occurs, and nothing is allocated per placeholder.
pub(crate) fn fill_into(
    out: &mut String,
    template: &str,
    mut value: impl FnMut(&str, &mut String),
) {
    let mut rest = template;
    while let Some(open) = memchr::memchr(b'{', rest.as_bytes()) {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match placeholder(after) {
            Some(name) => {
                value(name, out);
                rest = &after[name.len() + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

/// The placeholder name at the start of `text` (up to the closing `}`), if it is one.
fn placeholder(text: &str) -> Option<&str> {
    // The name runs up to the first byte that cannot be in one, which must be the closing `}`.
    let len = text
        .bytes()
        .take_while(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        .count();
    (len > 0 && text.as_bytes().get(len) == Some(&b'}')).then(|| &text[..len])
}

fn lookup<'a>(vars: &'a Vars, name: &str) -> &'a str {
    vars.iter()
        .find(|(key, _)| *key == name)
        .map_or("", |(_, value)| value)
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn placeholders_are_replaced_by_their_values() {
        let text = fill(
            "Access to {kind} at '{url}'",
            &[("kind", "fetch"), ("url", "https://a.example/")],
        );
        assert_eq!(text, "Access to fetch at 'https://a.example/'");
    }

    #[test]
    fn an_unknown_placeholder_renders_empty() {
        assert_eq!(fill("value '{value}'", &[]), "value ''");
    }

    #[test]
    fn braces_that_are_not_placeholders_are_kept() {
        assert_eq!(fill("a {b c} {", &[]), "a {b c} {");
        assert_eq!(fill("{}", &[]), "{}");
    }

    #[test]
    fn values_are_not_expanded_again() {
        assert_eq!(fill("{a}", &[("a", "{a}")]), "{a}");
    }
}
