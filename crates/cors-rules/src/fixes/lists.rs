//! Header lists (`Access-Control-Allow-Methods`, `-Headers`): reading what a server sends and writing
//! the smallest list that also allows what the request needs.

use crate::header_list::is_token;

/// The valid items of a comma-separated list. Items separated by spaces instead of commas are split
/// too, so `GET POST` yields `GET` and `POST`.
pub(crate) fn items(value: &str) -> Vec<String> {
    value
        .split(|c: char| c == ',' || c.is_ascii_whitespace())
        .map(str::trim)
        .filter(|item| is_token(item.as_bytes()))
        .map(str::to_owned)
        .collect()
}

/// `existing`'s valid items plus each of `needed` that is not already there, joined with `, `.
/// `matches` decides whether a listed item already covers a needed name (exact for methods,
/// case-insensitive for header names).
pub(crate) fn with_added(
    existing: &str,
    needed: &[&str],
    matches: fn(&str, &str) -> bool,
) -> String {
    let mut list = items(existing);
    for name in needed.iter().filter(|name| !name.is_empty()) {
        if !list.iter().any(|item| matches(item, name)) {
            list.push((*name).to_owned());
        }
    }
    list.join(", ")
}

/// Method names compare exactly (`PATCH` does not allow `patch`).
pub(crate) fn same_method(listed: &str, method: &str) -> bool {
    listed == method
}

/// Header names compare case-insensitively.
pub(crate) fn same_header(listed: &str, name: &str) -> bool {
    listed.eq_ignore_ascii_case(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_space_separated_list_is_split_into_its_tokens() {
        assert_eq!(items("GET POST"), ["GET", "POST"]);
        assert_eq!(items(",,PUT , \"bad\", DELETE"), ["PUT", "DELETE"]);
    }

    #[test]
    fn needed_names_are_appended_once() {
        assert_eq!(
            with_added("GET, POST", &["PUT"], same_method),
            "GET, POST, PUT"
        );
        assert_eq!(with_added("PATCH", &["patch"], same_method), "PATCH, patch");
        assert_eq!(
            with_added("Content-Type", &["content-type", "x-id"], same_header),
            "Content-Type, x-id"
        );
        assert_eq!(with_added("", &["PUT"], same_method), "PUT");
    }
}
