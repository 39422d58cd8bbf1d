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

/// Which edge of a script call a harness marker line is (see `mark` in `runner.js`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marker {
    Begin,
    End,
}

fn marker(line: &ConsoleLine) -> Option<Marker> {
    if line.text.contains("conformance-case-begin ") {
        Some(Marker::Begin)
    } else if line.text.contains("conformance-case-end ") {
        Some(Marker::End)
    } else {
        None
    }
}

/// Lines grouped by the case they belong to (`owner` maps lab ids to case keys): a line naming a case's
/// URL is that case's; a line naming no URL, printed between a case's begin and end markers, is that
/// case's too. The rest are returned separately, in order. Marker lines are dropped.
#[must_use]
pub fn correlate(
    lines: &[ConsoleLine],
    owner: &HashMap<String, usize>,
) -> (HashMap<usize, Vec<String>>, Vec<ConsoleLine>) {
    let mut by_case: HashMap<usize, Vec<String>> = HashMap::new();
    let mut stray = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for line in lines {
        let named = lab_ids(line).iter().find_map(|id| owner.get(id)).copied();
        match (marker(line), named) {
            (Some(Marker::Begin), Some(case)) => open.push(case),
            (Some(Marker::End), Some(case)) => {
                // Markers nest (the WebKit console page brackets the runner's own pair): close one.
                if let Some(at) = open.iter().rposition(|&open_case| open_case == case) {
                    open.remove(at);
                }
            }
            (Some(_), None) => {}
            (None, Some(case)) => by_case.entry(case).or_default().push(line.text.clone()),
            (None, None) => match open.last() {
                Some(&case) => by_case.entry(case).or_default().push(line.text.clone()),
                None => stray.push(line.clone()),
            },
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
    fn a_line_without_url_between_a_cases_markers_is_that_cases() {
        let lines = [
            line(
                "\"conformance-case-begin http://127.0.0.1:2/s/k1/c/x/r\"",
                "",
            ),
            line("Refused to set unsafe header \"Cookie\"", ""),
            line("\"conformance-case-end http://127.0.0.1:2/s/k1/c/x/r\"", ""),
            line("Refused to set unsafe header \"Origin\"", ""),
        ];
        let owner = HashMap::from([("k1".to_owned(), 5)]);
        let (by_case, stray) = correlate(&lines, &owner);
        assert_eq!(by_case[&5], ["Refused to set unsafe header \"Cookie\""]);
        assert_eq!(stray.len(), 1);
    }

    #[test]
    fn a_line_naming_no_case_is_kept_apart() {
        let (by_case, stray) = correlate(&[line("something else", "")], &HashMap::new());
        assert!(by_case.is_empty());
        assert_eq!(stray.len(), 1);
    }

    #[test]
    fn nested_markers_of_one_case_close_one_at_a_time() {
        let begin = "conformance-case-begin http://127.0.0.1:2/s/k2/c/x/r";
        let end = "conformance-case-end http://127.0.0.1:2/s/k2/c/x/r";
        let lines = [
            line(begin, ""),
            line(begin, ""),
            line(end, ""),
            line("Origin http://127.0.0.1:1 is not allowed by Access-Control-Allow-Origin. Status code: 200", ""),
            line(end, ""),
            line("after the case", ""),
        ];
        let owner = HashMap::from([("k2".to_owned(), 1)]);
        let (by_case, stray) = correlate(&lines, &owner);
        assert_eq!(
            by_case[&1].len(),
            1,
            "the line before the outer end is the case's"
        );
        assert_eq!(stray.len(), 1, "the line after it is nobody's");
    }
}
