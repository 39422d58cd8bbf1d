//! What the script can read of a response
//! (<https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name>, rules E-1…E-7, F-5, T-11).

use crate::forbidden::is_forbidden_response_header_name;
use crate::header_list::{extract_token_list_values, same_name, sorted_lowercase_set, Extracted};
use crate::scenario::{CredentialsMode, HeaderPair};
use crate::tainting::ResponseTainting;

/// E-1: the CORS-safelisted response-header names.
pub const CORS_SAFELISTED_RESPONSE_HEADER_NAMES: [&str; 7] = [
    "cache-control",
    "content-language",
    "content-length",
    "content-type",
    "expires",
    "last-modified",
    "pragma",
];

/// The result of reading `Access-Control-Expose-Headers` (E-2, E-3).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExposedList {
    /// The header is absent.
    Absent,
    /// A line did not parse: nothing extra is exposed (E-3).
    Failure,
    /// `*` without credentials: every header (E-2).
    All,
    /// The listed names.
    Names(Vec<String>),
}

/// E-2: "Let headerNames be the result of extracting header list values given
/// `Access-Control-Expose-Headers`. If request's credentials mode is not "include" and headerNames contains
/// `*`, then set response's CORS-exposed header-name list to all unique header names. Otherwise, if
/// headerNames is non-null or failure, then set it to headerNames."
#[must_use]
pub fn cors_exposed_header_names(
    headers: &[HeaderPair],
    credentials: CredentialsMode,
) -> ExposedList {
    let parsed = extract_token_list_values(headers, "access-control-expose-headers");
    match parsed {
        Extracted::Absent => ExposedList::Absent,
        Extracted::Failure { .. } => ExposedList::Failure,
        Extracted::Values(names)
            if credentials != CredentialsMode::Include && names.iter().any(|n| n == "*") =>
        {
            ExposedList::All
        }
        Extracted::Values(names) => ExposedList::Names(names),
    }
}

/// T-11, E-1…E-5: the lower-case, sorted names of the response headers the script can read.
#[must_use]
pub fn readable_header_names(
    headers: &[HeaderPair],
    tainting: ResponseTainting,
    credentials: CredentialsMode,
) -> Vec<String> {
    let present = headers
        .iter()
        .map(|(n, _)| n.as_str())
        .filter(|n| !is_forbidden_response_header_name(n));
    match tainting {
        ResponseTainting::Basic => sorted_lowercase_set(present),
        ResponseTainting::Opaque => Vec::new(),
        ResponseTainting::Cors => {
            let exposed = cors_exposed_header_names(headers, credentials);
            let readable = |name: &&str| {
                CORS_SAFELISTED_RESPONSE_HEADER_NAMES
                    .iter()
                    .any(|s| same_name(s, name))
                    || match &exposed {
                        ExposedList::All => true,
                        ExposedList::Names(list) => list.iter().any(|l| same_name(l, name)),
                        ExposedList::Absent | ExposedList::Failure => false,
                    }
            };
            sorted_lowercase_set(present.filter(readable))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(list: &[(&str, &str)]) -> Vec<HeaderPair> {
        list.iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn set_cookie_is_never_readable() {
        let list = headers(&[
            ("Set-Cookie", "a=b"),
            ("ACCESS-CONTROL-EXPOSE-HEADERS", "*, set-cookie"),
            ("X-A", "1"),
        ]);
        assert_eq!(
            readable_header_names(&list, ResponseTainting::Cors, CredentialsMode::Omit),
            vec!["access-control-expose-headers", "x-a"]
        );
        assert_eq!(
            readable_header_names(&list, ResponseTainting::Basic, CredentialsMode::Omit),
            vec!["access-control-expose-headers", "x-a"]
        );
    }

    #[test]
    fn one_bad_element_exposes_nothing_extra() {
        let list = headers(&[
            ("Access-Control-Expose-Headers", "bb-8, no no"),
            ("bb-8", "x"),
            ("Content-Type", "t"),
        ]);
        assert_eq!(
            readable_header_names(&list, ResponseTainting::Cors, CredentialsMode::Omit),
            vec!["content-type"]
        );
    }

    #[test]
    fn wildcard_is_literal_with_credentials() {
        let list = headers(&[("Access-Control-Expose-Headers", "*"), ("X-A", "1")]);
        assert!(
            readable_header_names(&list, ResponseTainting::Cors, CredentialsMode::Include)
                .is_empty()
        );
    }
}
