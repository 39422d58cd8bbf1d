//! Rewriting scenario URLs and header values into lab terms.

use url::Url;

use super::origins::{is_http, OriginMap};

/// Where a translated scenario's paths live: `/s/{id}`.
pub(crate) struct Prefix<'a> {
    pub(crate) id: &'a str,
}

impl Prefix<'_> {
    /// `/s/{id}` followed by the URL's path, query and fragment.
    fn path_of(&self, url: &Url) -> String {
        let mut path = format!("/s/{}{}", self.id, url.path());
        if let Some(query) = url.query() {
            path.push('?');
            path.push_str(query);
        }
        if let Some(fragment) = url.fragment() {
            path.push('#');
            path.push_str(fragment);
        }
        path
    }
}

/// The lab URL standing in for a scenario URL; non-http(s) URLs (and unmapped origins) are kept as they are.
pub(crate) fn map_url(url: &Url, map: &OriginMap, prefix: &Prefix) -> Option<String> {
    if !is_http(url) {
        return None;
    }
    let origin = map.lab_for(&url.origin())?;
    Some(format!("{origin}{}", prefix.path_of(url)))
}

/// A `Location` value in lab terms, keeping its form: an absolute URL stays absolute, a path-absolute
/// reference (`/next`) stays path-absolute under the prefix, other relative references become absolute.
/// A value that does not resolve is kept byte for byte: it is what the scenario sends.
pub(crate) fn rewrite_location(
    value: &str,
    base: &Url,
    map: &OriginMap,
    prefix: &Prefix,
) -> String {
    let Ok(target) = base.join(value.trim()) else {
        return value.to_owned();
    };
    let trimmed = value.trim_start();
    if trimmed.starts_with('/') && !trimmed.starts_with("//") && is_http(&target) {
        return prefix.path_of(&target);
    }
    map_url(&target, map, prefix).unwrap_or_else(|| value.to_owned())
}

/// A header value with every canonical scenario origin it contains replaced by its lab origin, so a
/// trailing-slash `Access-Control-Allow-Origin` stays a trailing-slash one and a list stays a list.
pub(crate) fn rewrite_origins(value: &str, map: &OriginMap) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    'scan: while let Some(first) = rest.chars().next() {
        let at_boundary = out.chars().last().is_none_or(|c| !is_scheme_char(c));
        if at_boundary {
            for (from, to) in map.pairs() {
                if let Some(after) = rest.strip_prefix(from.as_str()) {
                    if after.chars().next().is_none_or(|c| !is_host_char(c)) {
                        out.push_str(to);
                        rest = after;
                        continue 'scan;
                    }
                }
            }
        }
        out.push(first);
        rest = &rest[first.len_utf8()..];
    }
    out
}

fn is_scheme_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')
}

fn is_host_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ':' | '_' | '~' | '@' | '%')
}
