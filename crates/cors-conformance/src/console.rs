//! Attributing console lines to cases: every case's URLs carry the lab's `/s/<id>/` prefix, and every CORS
//! console line names the URL (in its text, or as its source for network errors), so batching many
//! requests per page never mixes their lines up.

use std::collections::HashMap;

use crate::browsers::ConsoleLine;

/// The lab scenario ids a console line names.
#[must_use]
pub fn lab_ids(line: &ConsoleLine) -> Vec<String> {
    let mut ids = Vec::new();
    for text in [line.text.as_str(), line.source.as_str()] {
        let mut rest = text;
        while let Some(start) = rest.find("/s/") {
            let after = &rest[start + 3..];
            let end = after
                .find(|c: char| c == '/' || c == '\'' || c.is_whitespace())
                .unwrap_or(after.len());
            let id = &after[..end];
            if !id.is_empty() && !ids.iter().any(|known| known == id) {
                ids.push(id.to_owned());
            }
            rest = &after[end..];
        }
    }
    ids
}

/// Lines grouped by the case they belong to (`owner` maps lab ids to case keys); the rest are returned
/// separately, in order.
#[must_use]
pub fn correlate(
    lines: &[ConsoleLine],
    owner: &HashMap<String, usize>,
) -> (HashMap<usize, Vec<String>>, Vec<ConsoleLine>) {
    let mut by_case: HashMap<usize, Vec<String>> = HashMap::new();
    let mut stray = Vec::new();
    for line in lines {
        match lab_ids(line).iter().find_map(|id| owner.get(id)) {
            Some(&case) => by_case.entry(case).or_default().push(line.text.clone()),
            None => stray.push(line.clone()),
        }
    }
    (by_case, stray)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::{correlate, lab_ids};
    use crate::browsers::ConsoleLine;

    fn line(text: &str, source: &str) -> ConsoleLine {
        ConsoleLine {
            level: "SEVERE".into(),
            text: text.into(),
            source: source.into(),
        }
    }

    #[test]
    fn a_cors_line_is_attributed_by_the_url_in_its_text() {
        let cors = line("Access to fetch at 'http://127.0.0.1:2/s/k7/c/x/r' from origin 'http://127.0.0.1:1' has been blocked", "http://127.0.0.1:1/s/page/h");
        assert_eq!(lab_ids(&cors), ["k7", "page"]);
        let owner = HashMap::from([("k7".to_owned(), 3)]);
        let (by_case, stray) = correlate(&[cors], &owner);
        assert_eq!(by_case[&3].len(), 1);
        assert!(stray.is_empty());
    }

    #[test]
    fn a_network_line_is_attributed_by_its_source() {
        let network = line(
            "Failed to load resource: net::ERR_FAILED",
            "http://127.0.0.1:2/s/k9/c/x/r",
        );
        let owner = HashMap::from([("k9".to_owned(), 0)]);
        let (by_case, _) = correlate(&[network], &owner);
        assert_eq!(by_case[&0], ["Failed to load resource: net::ERR_FAILED"]);
    }

    #[test]
    fn a_line_naming_no_case_is_kept_apart() {
        let (by_case, stray) = correlate(&[line("something else", "")], &HashMap::new());
        assert!(by_case.is_empty());
        assert_eq!(stray.len(), 1);
    }
}
