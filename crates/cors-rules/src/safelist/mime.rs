//! The strict MIME-type parser, limited to what `Content-Type` safelisting needs: the essence
//! (<https://mimesniff.spec.whatwg.org/#parse-a-mime-type>, rule S-4).

use crate::header_list::{is_http_whitespace, is_tchar};

/// <https://mimesniff.spec.whatwg.org/#parse-a-mime-type>, steps 1–9: the lower-case essence
/// `type/subtype` of the isomorphic-decoded `value`, or `None` on failure. Parameters never make the parse
/// fail, so they are not parsed.
#[must_use]
pub fn parse_mime_type_essence(value: &[u8]) -> Option<String> {
    // "Remove any leading and trailing HTTP whitespace from input."
    let start = value.iter().position(|&b| !is_http_whitespace(b))?;
    let end = value.iter().rposition(|&b| !is_http_whitespace(b))? + 1;
    let input = &value[start..end];
    // "Let type be the result of collecting a sequence of code points that are not U+002F (/)."
    let slash = input.iter().position(|&b| b == b'/')?;
    let mime_type = &input[..slash];
    // "If type is the empty string or does not solely contain HTTP token code points, then return failure."
    if mime_type.is_empty() || !mime_type.iter().all(|&b| is_tchar(b)) {
        return None;
    }
    // "Let subtype be the result of collecting a sequence of code points that are not U+003B (;)."
    let rest = &input[slash + 1..];
    let subtype_end = rest.iter().position(|&b| b == b';').unwrap_or(rest.len());
    // "Remove any trailing HTTP whitespace from subtype."
    let subtype = &rest[..subtype_end];
    let trimmed_len = subtype
        .iter()
        .rposition(|&b| !is_http_whitespace(b))
        .map_or(0, |i| i + 1);
    let subtype = &subtype[..trimmed_len];
    // "If subtype is the empty string or does not solely contain HTTP token code points, then return failure."
    if subtype.is_empty() || !subtype.iter().all(|&b| is_tchar(b)) {
        return None;
    }
    let mut essence = String::with_capacity(mime_type.len() + 1 + subtype.len());
    essence.extend(
        mime_type
            .iter()
            .map(|&b| char::from(b.to_ascii_lowercase())),
    );
    essence.push('/');
    essence.extend(subtype.iter().map(|&b| char::from(b.to_ascii_lowercase())));
    Some(essence)
}

#[cfg(test)]
mod tests {
    use super::parse_mime_type_essence as essence;

    #[test]
    fn essence_is_lowercased_and_parameters_ignored() {
        assert_eq!(
            essence(b"Text/Plain;charset=utf-8").as_deref(),
            Some("text/plain")
        );
        assert_eq!(essence(b"text/plain;").as_deref(), Some("text/plain"));
        assert_eq!(
            essence(b"text/plain;garbage").as_deref(),
            Some("text/plain")
        );
        assert_eq!(essence(b" text/plain \t;x").as_deref(), Some("text/plain"));
    }

    #[test]
    fn invalid_types_fail() {
        for value in [
            &b"text /plain"[..],
            b"text\t/\tplain",
            b"text/plain,",
            b",text/plain",
            b"text",
            b"/plain",
            b"text/",
            b"",
        ] {
            assert_eq!(essence(value), None, "{:?}", String::from_utf8_lossy(value));
        }
    }
}
