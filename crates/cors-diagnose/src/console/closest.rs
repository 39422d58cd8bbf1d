//! The known messages closest to an unrecognised text, for an honest "not recognised".

use std::collections::BTreeSet;

use super::catalog::{self, KnownMessage, Meaning, CHROME_PREFIX};
use super::template::{literal_words, words};

/// How many suggestions to give.
const SUGGESTIONS: usize = 3;

/// The known failure messages sharing the most words with `text`, best first (none when nothing is shared).
#[must_use]
pub fn closest(text: &str) -> Vec<&'static KnownMessage> {
    let pasted: BTreeSet<String> = words(text).into_iter().collect();
    if pasted.is_empty() {
        return Vec::new();
    }
    let prefix: Vec<String> = literal_words(CHROME_PREFIX);
    // Most shared words first; among equals, the message with the fewest other words.
    let mut scored: Vec<((usize, u32), &'static KnownMessage)> = catalog::all()
        .filter(|m| !matches!(m.meaning, Meaning::Companion))
        .filter_map(|message| {
            let mut known: BTreeSet<String> = literal_words(message.template).into_iter().collect();
            if message.layout == catalog::Layout::ChromeTail {
                known.extend(prefix.iter().cloned());
            }
            let shared = known.intersection(&pasted).count();
            let union = known.union(&pasted).count().max(1);
            let score = u32::try_from(shared * 1000 / union).unwrap_or(0);
            (shared >= 2).then_some(((shared, score), message))
        })
        .collect();
    cors_rules::short_sort::sort_by_key(&mut scored, |(score, _)| std::cmp::Reverse(*score));
    scored
        .into_iter()
        .take(SUGGESTIONS)
        .map(|(_, m)| m)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reworded_message_suggests_the_original() {
        let found = closest(
            "has been blocked by CORS: no Access-Control-Allow-Origin header on the resource",
        );
        assert_eq!(
            found.first().map(|m| m.code),
            Some("kMissingAllowOriginHeader")
        );
    }

    #[test]
    fn a_paraphrase_of_the_missing_header_suggests_a_missing_header_message() {
        let found = closest(
            "CORS problem: the Access-Control-Allow-Origin header is missing from the response",
        );
        let first = found.first().map(|m| m.code).unwrap_or_default();
        assert!(first.contains("MissingAllowOrigin"), "{first}");
    }

    #[test]
    fn unrelated_text_suggests_nothing() {
        assert!(closest("hello world").is_empty());
    }
}
