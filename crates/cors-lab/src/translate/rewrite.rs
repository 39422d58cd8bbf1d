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

/// A `Location` value in lab terms, keeping its form byte for byte wherever it does not name an origin: an
/// absolute or scheme-relative URL keeps its scheme, userinfo and path text with only the host and port
/// replaced, a path-absolute reference (`/next`) stays path-absolute under the prefix, an empty value and a
/// path-relative reference (`next`) stay as written, and references with dot segments become absolute. Percent-escapes, non-ASCII characters and
/// backslashes reach the browser as written, since browsers differ in how they read them.
/// A value that does not resolve is kept byte for byte: it is what the scenario sends.
pub(crate) fn rewrite_location(
    value: &str,
    base: &Url,
    map: &OriginMap,
    prefix: &Prefix,
) -> String {
    if value.trim().is_empty() {
        return value.to_owned();
    }
    // A `blob:` URL names the origin that made it: that origin is translated like any other.
    if let Some(inner) = value.strip_prefix("blob:") {
        return format!("blob:{}", rewrite_origins(inner, map));
    }
    let Ok(target) = base.join(value.trim()) else {
        return value.to_owned();
    };
    let trimmed = value.trim_start();
    let lead = &value[..value.len() - trimmed.len()];
    // For http(s) URLs a backslash is a slash: `\\next` is path-absolute, `/\\host` scheme-relative.
    let after_slash = trimmed.strip_prefix(['/', '\\']);
    if after_slash.is_some_and(|rest| !rest.starts_with(['/', '\\'])) && is_http(&target) {
        return format!("{lead}/s/{}{trimmed}", prefix.id);
    }
    if let Some(kept) = rewrite_authority(trimmed, &target, map, prefix) {
        return format!("{lead}{kept}");
    }
    // A path-relative reference resolves the same against the lab URL (its path is the scenario's under
    // the prefix) unless it climbs out of the prefix.
    let has_scheme = trimmed
        .split_once(':')
        .is_some_and(|(scheme, _)| !scheme.contains(['/', '\\', '?', '#']));
    if !has_scheme && !trimmed.contains("..") && is_http(&target) {
        return value.to_owned();
    }
    map_url(&target, map, prefix).unwrap_or_else(|| value.to_owned())
}

/// An absolute (`http://user@host/p`) or scheme-relative (`//host/p`) reference with only its host and
/// port replaced by the lab origin's and its path put under the prefix; `None` for other forms.
fn rewrite_authority(
    value: &str,
    target: &Url,
    map: &OriginMap,
    prefix: &Prefix,
) -> Option<String> {
    if !is_http(target) {
        return None;
    }
    let lab = map.lab_for(&target.origin())?;
    let (lab_scheme, lab_authority) = lab.split_once("://")?;
    // The lab speaks plain http: a scheme that differs from the lab's is replaced, its case kept otherwise.
    let (head, rest) = match value.find("://") {
        Some(at) if value[..at].eq_ignore_ascii_case(lab_scheme) => value.split_at(at + 3),
        Some(at) if value[..at].bytes().all(|b| b.is_ascii_alphabetic()) => {
            (&lab[..lab_scheme.len() + 3], &value[at + 3..])
        }
        _ if value.len() > 1 && value[..2].bytes().all(|b| b == b'/' || b == b'\\') => {
            value.split_at(2)
        }
        _ => return None,
    };
    let end = rest.find(['/', '\\', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    let userinfo = authority.rfind('@').map_or("", |at| &authority[..=at]);
    let separator = if path.starts_with(['/', '\\']) {
        ""
    } else {
        "/"
    };
    Some(format!(
        "{head}{userinfo}{lab_authority}/s/{}{separator}{path}",
        prefix.id
    ))
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
