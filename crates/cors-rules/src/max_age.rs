//! `Access-Control-Max-Age`: how long a preflight result is cached
//! (<https://fetch.spec.whatwg.org/#http-access-control-max-age>, rules P-11, C-10).

use crate::header_list::{extract_header_list_values, trim_tab_or_space, Extracted};
use crate::quirks::{NegativeMaxAge, Quirks, DEFAULT_MAX_AGE};
use crate::scenario::HeaderPair;

/// RFC 9111 §1.2.2: a `delta-seconds` too large to represent is read as 2^31.
const DELTA_SECONDS_MAX: u64 = 2_147_483_648;

/// Where the effective lifetime came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum MaxAgeSource {
    /// The header was absent: the default.
    Default,
    /// The header did not parse (or several lines disagree): the default.
    Invalid,
    /// The header's value, within the browser's cap.
    Header,
    /// The header's value exceeded the browser's cap.
    Capped,
    /// Deviation(Chrome): a negative value means "do not cache".
    Negative,
}

/// The effective preflight cache lifetime.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MaxAge {
    /// Seconds the result is cached (0: not reused).
    pub seconds: u64,
    /// Why.
    pub source: MaxAgeSource,
}

/// P-11: "Let max-age be the result of extracting header list values given `Access-Control-Max-Age`. If
/// max-age is failure or null, then set max-age to 5. If max-age is greater than an imposed limit on max-age,
/// then set max-age to the imposed limit."
#[must_use]
pub fn max_age(headers: &[HeaderPair], quirks: &Quirks) -> MaxAge {
    let parsed = extract_header_list_values(headers, "access-control-max-age", |value| {
        parse_delta_seconds(value)
            .map(|n| vec![n])
            .ok_or_else(|| value.to_owned())
    });
    let seconds = match parsed {
        Extracted::Absent => {
            return MaxAge {
                seconds: DEFAULT_MAX_AGE,
                source: MaxAgeSource::Default,
            }
        }
        Extracted::Values(values) if values.windows(2).all(|w| w[0] == w[1]) => {
            values.first().copied()
        }
        Extracted::Values(_) => None,
        Extracted::Failure { element } => {
            // Deviation(Chrome): `ParseAccessControlMaxAge` maps a negative number to 0 (no caching).
            let negative = element
                .strip_prefix('-')
                .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
            if negative && quirks.negative_max_age == NegativeMaxAge::NoCache {
                return MaxAge {
                    seconds: 0,
                    source: MaxAgeSource::Negative,
                };
            }
            None
        }
    };
    match (seconds, quirks.max_age_cap) {
        (None, _) => MaxAge {
            seconds: DEFAULT_MAX_AGE,
            source: MaxAgeSource::Invalid,
        },
        (Some(s), Some(cap)) if s > cap => MaxAge {
            seconds: cap,
            source: MaxAgeSource::Capped,
        },
        (Some(s), _) => MaxAge {
            seconds: s,
            source: MaxAgeSource::Header,
        },
    }
}

/// `delta-seconds = 1*DIGIT`, saturating at 2^31.
fn parse_delta_seconds(value: &str) -> Option<u64> {
    let value = trim_tab_or_space(value);
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(value.bytes().fold(0u64, |n, d| {
        (n * 10 + u64::from(d - b'0')).min(DELTA_SECONDS_MAX)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browser::Browser;
    use crate::quirks::quirks;

    fn age(browser: Browser, values: &[&str]) -> MaxAge {
        let headers: Vec<HeaderPair> = values
            .iter()
            .map(|v| ("Access-Control-Max-Age".to_owned(), (*v).to_owned()))
            .collect();
        max_age(&headers, quirks(browser))
    }

    #[test]
    fn each_browser_caps_max_age() {
        assert_eq!(age(Browser::Chrome, &["86400"]).seconds, 7200);
        assert_eq!(age(Browser::Firefox, &["100000"]).seconds, 86400);
        assert_eq!(age(Browser::Safari, &["86400"]).seconds, 600);
        assert_eq!(age(Browser::Spec, &["86400"]).seconds, 86400);
    }

    #[test]
    fn absent_or_garbage_is_five_seconds() {
        assert_eq!(age(Browser::Chrome, &[]).seconds, 5);
        assert_eq!(
            age(Browser::Firefox, &["ten"]).source,
            MaxAgeSource::Invalid
        );
        assert_eq!(age(Browser::Spec, &["10", "20"]).seconds, 5);
        assert_eq!(age(Browser::Spec, &["10", "10"]).seconds, 10);
    }

    #[test]
    fn negative_is_no_cache_only_in_chrome() {
        assert_eq!(age(Browser::Chrome, &["-1"]).seconds, 0);
        assert_eq!(age(Browser::Safari, &["-1"]).seconds, 5);
    }

    #[test]
    fn huge_values_saturate() {
        assert_eq!(
            age(Browser::Spec, &["99999999999999999999999"]).seconds,
            DELTA_SECONDS_MAX
        );
    }
}
