//! A request header name the script sets more than once, as each browser checks and sends it (see
//! `RepeatedRequestHeaders` in `quirks.rs`).

use super::{append_header, AuthorHeader};
use crate::quirks::RepeatedRequestHeaders;
use crate::scenario::Api;

/// The header lines with each repeated name combined into one header (`a, b`), at its first position: what
/// browsers that combine repeated names check against the CORS safelist.
pub(crate) fn combine_repeated(headers: &[AuthorHeader]) -> Vec<AuthorHeader> {
    let mut combined = Vec::with_capacity(headers.len());
    for header in headers {
        append_header(&mut combined, Api::Xhr, &header.name, header.value.clone());
    }
    combined
}

/// Whether two header lines share a name.
pub(crate) fn has_repeated_names(headers: &[AuthorHeader]) -> bool {
    headers.iter().enumerate().any(|(i, header)| {
        headers[i + 1..]
            .iter()
            .any(|later| later.name.eq_ignore_ascii_case(&header.name))
    })
}

/// Request headers Firefox's network layer keeps one value of (necko `nsHttpHeaderArray::IsSingletonHeader`,
/// the names a script may set).
const SINGLETON_HEADERS: [&str; 8] = [
    "authorization",
    "content-disposition",
    "content-type",
    "from",
    "if-modified-since",
    "if-unmodified-since",
    "max-forwards",
    "user-agent",
];

/// The script's header lines as the browser sends them (name, value text).
pub(crate) fn wire_lines(
    headers: &[AuthorHeader],
    repeated: RepeatedRequestHeaders,
) -> Vec<(String, String)> {
    match repeated {
        RepeatedRequestHeaders::KeptApart => headers
            .iter()
            .map(|h| (h.name.clone(), h.value_text()))
            .collect(),
        // Deviation(Chrome, Safari): one line per name, the values combined; Blink trims the surrounding
        // whitespace (`"" + ", " + ""` goes out as `,`; observed).
        RepeatedRequestHeaders::CombinedFirst if has_repeated_names(headers) => {
            combine_repeated(headers)
                .iter()
                .map(|h| {
                    let text = h.value_text();
                    (h.name.clone(), text.trim_matches([' ', '\t']).to_owned())
                })
                .collect()
        }
        RepeatedRequestHeaders::CombinedFirst => {
            wire_lines(headers, RepeatedRequestHeaders::KeptApart)
        }
        RepeatedRequestHeaders::LastSingletonWins => necko_lines(headers),
    }
}

/// Deviation(Firefox): necko keeps one line per name. An empty value empties the line so far
/// (`SetEmptyRequestHeader`); a singleton's later value replaces the earlier one; any other value is merged
/// with `, `, or taken as it is when the line so far is empty (`nsHttpHeaderArray::SetHeader` with merge).
/// So `a`, `` goes out as `x: ` and `a`, ``, `b` as `x: b` (observed in Firefox ESR 153).
fn necko_lines(headers: &[AuthorHeader]) -> Vec<(String, String)> {
    let mut lines: Vec<(String, String)> = Vec::with_capacity(headers.len());
    for header in headers {
        let value = header.value_text();
        let Some((_, existing)) = lines
            .iter_mut()
            .find(|(name, _)| name.eq_ignore_ascii_case(&header.name))
        else {
            lines.push((header.name.clone(), value));
            continue;
        };
        let singleton = SINGLETON_HEADERS
            .iter()
            .any(|n| n.eq_ignore_ascii_case(&header.name));
        if singleton || value.is_empty() || existing.is_empty() {
            *existing = value;
        } else {
            existing.push_str(", ");
            existing.push_str(&value);
        }
    }
    lines
}
