//! Firefox's parse of a request's `Content-Type` for CORS safelisting (S-4): necko's
//! `NS_ParseRequestContentType`, the strict form of `net_ParseMediaType` (`netwerk/base/nsURLHelper.cpp`),
//! in place of the MIME Sniffing parser the standard names
//! (<https://fetch.spec.whatwg.org/#cors-safelisted-request-header>).
//!
//! Where the two parsers differ (observed in Firefox ESR 153, where Chromium and WebKit follow the
//! standard):
//! - a comma anywhere outside a quoted string fails the parse (`text/plain;charset=a,b`);
//! - the type ends at the first space, tab or `;`, so `text/plain x;a=b` is `text/plain`, where the
//!   standard's subtype `plain x` is not a token;
//! - after the last parameter only spaces and tabs may follow, and a `;` that ends the value after another
//!   `;` starts no parameter: `text/plain;;`, `text/plain;a=b;` and `text/plain; ;` fail, where
//!   `text/plain;`, `text/plain ;` and `text/plain;;a=b` parse.

/// `HTTP_LWS` in necko: space and tab.
fn is_lws(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// `net_ParseRequestContentType`: the lower-case type of `value` (`text/plain`), or `None` where Firefox
/// finds no type (it then never safelists the header). `value` is the header value as sent, with the
/// surrounding whitespace already removed by `Headers`.
#[must_use]
pub fn necko_request_content_type(value: &[u8]) -> Option<String> {
    // "rejects headers containing multiple media-types": a comma outside a quoted string.
    if find_media_delimiter(value, 0, b',') != value.len() {
        return None;
    }
    // `net_ParseMediaType(…, aStrict = true)`: the type runs from the first byte that is not LWS to the
    // next LWS or `;`.
    let type_start = value
        .iter()
        .position(|&b| !is_lws(b))
        .unwrap_or(value.len());
    let type_end = value[type_start..]
        .iter()
        .position(|&b| is_lws(b) || b == b';')
        .map_or(value.len(), |i| type_start + i);
    // `consumed` is a length from the type's start, later read as an offset from the value's start (the
    // two agree on a value without leading whitespace, which `Headers` guarantees).
    let mut consumed = type_end - type_start;
    if let Some(param_start) = value[type_end..].iter().position(|&b| b == b';') {
        let mut current = type_end + param_start + 1;
        // A do-while over the parameters: it stops as soon as a parameter's end leaves nothing after it,
        // so a final `;` after an earlier one is never consumed.
        loop {
            let current_end = find_media_delimiter(value, current, b';');
            consumed = current_end;
            current = current_end + 1;
            if current >= value.len() {
                break;
            }
        }
    }
    let media_type = &value[type_start..type_end];
    let rest = value.get(consumed..).unwrap_or_default();
    let parsed =
        !media_type.is_empty() && media_type.contains(&b'/') && rest.iter().all(|&b| is_lws(b));
    parsed.then(|| {
        media_type
            .iter()
            .map(|&b| char::from(b.to_ascii_lowercase()))
            .collect()
    })
}

/// `net_FindMediaDelimiter`: the index of the first `delimiter` at or after `from` outside a quoted string,
/// or the value's length.
fn find_media_delimiter(value: &[u8], from: usize, delimiter: u8) -> usize {
    let mut search = from;
    loop {
        let Some(offset) = value
            .get(search..)
            .and_then(|rest| rest.iter().position(|&b| b == delimiter || b == b'"'))
        else {
            return value.len();
        };
        let at = search + offset;
        if value[at] == delimiter {
            return at;
        }
        let string_end = find_string_end(value, at);
        if string_end == value.len() {
            return string_end;
        }
        search = string_end + 1;
    }
}

/// `net_FindStringEnd`: the index of the quote closing the string that opens at `start`, skipping
/// backslash escapes, or the value's length.
fn find_string_end(value: &[u8], start: usize) -> usize {
    let mut at = start;
    loop {
        let Some(offset) = value
            .get(at + 1..)
            .and_then(|rest| rest.iter().position(|&b| b == b'"' || b == b'\\'))
        else {
            return value.len();
        };
        let found = at + 1 + offset;
        if value[found] != b'\\' {
            return found;
        }
        at = found + 1;
        if at == value.len() {
            return at;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::necko_request_content_type as necko;

    /// Every value below was sent from `fetch()` as a `POST`'s `Content-Type` in Firefox ESR 153: those that
    /// parse to `text/plain` went out without a preflight, the others after one.
    #[test]
    fn values_firefox_sent_without_a_preflight_parse() {
        for value in [
            "text/plain;;a=b",
            "text/plain x;a=b",
            "text/plain ;a=b",
            "text/plain\t;",
            "text/plain;a=b;;c=d",
            "text/plain ;",
            "text/plain x y;a",
            "text/plain\tx;a",
            "text/plain x;",
            "TEXT/PLAIN x;a",
            "text/plain;",
            "text/plain",
        ] {
            assert_eq!(
                necko(value.as_bytes()).as_deref(),
                Some("text/plain"),
                "{value:?}"
            );
        }
    }

    #[test]
    fn values_firefox_preflighted_do_not_parse() {
        for value in [
            "text/plain;;",
            "text/plain;a=b;",
            "text/plain x",
            "text/plain; ;",
            "text/plain;=;",
            "multipart/form-data;boundary=a;",
            "text/plain;charset=utf-8 ;",
            "text/plain;a;",
            "text/plain;;;",
            "text/plain;a=b ;",
            "text/plain;a=b\t;",
            "application/x-www-form-urlencoded ; ;",
            "text/plain; a=b ; c=d;",
            "text/plain;charset=a,b",
            "text/plain, text/html",
        ] {
            assert!(
                !matches!(
                    necko(value.as_bytes()).as_deref(),
                    Some(
                        "text/plain" | "multipart/form-data" | "application/x-www-form-urlencoded"
                    )
                ),
                "{value:?}"
            );
        }
    }

    #[test]
    fn a_type_without_a_slash_or_nothing_at_all_is_no_type() {
        for value in ["", " ", "text", ";a=b", "text ;/plain"] {
            assert_eq!(necko(value.as_bytes()), None, "{value:?}");
        }
    }

    #[test]
    fn quoted_strings_hide_commas_and_semicolons() {
        assert_eq!(
            necko(br#"text/plain;a="x,y""#).as_deref(),
            Some("text/plain")
        );
        assert_eq!(
            necko(br#"text/plain;a="x;"b"#).as_deref(),
            Some("text/plain")
        );
        assert_eq!(
            necko(br#"text/plain;a="x\";""#).as_deref(),
            Some("text/plain")
        );
        assert_eq!(necko(br#"text/plain;a="x"#).as_deref(), Some("text/plain"));
        assert_eq!(necko(br#"text/plain;a="x\"#).as_deref(), Some("text/plain"));
    }
}
