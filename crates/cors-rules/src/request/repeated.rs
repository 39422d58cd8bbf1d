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

/// Whether the header line at `index` reaches the wire.
pub(crate) fn reaches_wire(
    headers: &[AuthorHeader],
    index: usize,
    repeated: RepeatedRequestHeaders,
) -> bool {
    let Some(header) = headers.get(index) else {
        return false;
    };
    // Deviation(Firefox): a later value of a singleton header replaces the earlier one.
    repeated != RepeatedRequestHeaders::LastSingletonWins
        || !SINGLETON_HEADERS
            .iter()
            .any(|n| n.eq_ignore_ascii_case(&header.name))
        || !headers[index + 1..]
            .iter()
            .any(|later| later.name.eq_ignore_ascii_case(&header.name))
}
