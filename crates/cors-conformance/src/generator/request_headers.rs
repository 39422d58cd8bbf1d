//! Request headers a script sets: safelisted values and their edges (S-*), unsafe names, forbidden names
//! (F-*), and the 1024-byte total (S-8).

use cors_rules::scenario::HeaderPair;

use super::draft::{pair, Draft};
use super::values;
use crate::groups::RuleGroup;
use crate::rng::Rng;

/// Safelisted names with values on both sides of each rule (S-2…S-6).
const SAFELIST_EDGES: &[(&str, &str)] = &[
    ("Accept", "*/*"),
    ("Accept", "text/html, application/json;q=0.9"),
    ("Accept", "a\"b"),
    ("Accept", "text/{x}"),
    ("Accept-Language", "en-US,en;q=0.9"),
    ("Accept-Language", "nn_NO"),
    ("Accept-Language", "de@x"),
    ("Content-Language", "de-DE"),
    ("Content-Language", "de/DE"),
    ("Content-Type", "text/plain"),
    ("Content-Type", "  text/plain  "),
    ("content-TYPE", "text/plain"),
    ("Content-Type", "Text/Plain;charset=utf-8"),
    ("Content-Type", "text/plain;"),
    ("Content-Type", "text/plain;garbage"),
    ("Content-Type", "application/x-www-form-urlencoded"),
    ("Content-Type", "multipart/form-data; boundary=abc"),
    ("Content-Type", "application/json"),
    ("Content-Type", "text /plain"),
    ("Content-Type", "text/plain,"),
    ("Content-Type", ",text/plain"),
    ("Content-Type", "text/plain,text/plain"),
    ("Content-Type", "application/www-form-urlencoded"),
    ("Content-Type", "multipart/form-data;\""),
    ("Content-Type", "text/csv"),
    ("Range", "bytes=100-200"),
    ("Range", "bytes=200-"),
    ("Range", "bytes=-200"),
    ("Range", "bytes=200-100"),
    ("Range", "bytes=100-200,300-400"),
    ("Range", "bytes 100-200"),
    ("Range", "bytes=abc-def"),
    ("Range", "MB=100-200"),
    ("Range", "bytes=1000000000000000000000000000000000000000000000000000000000000-2000000000000000000000000000000000000000000000000000000000000"),
];

/// Names no CORS list covers (S-7), plus `Authorization` (S-9).
const UNSAFE: &[(&str, &str)] = &[
    ("X-Request-Id", "7"),
    ("X-Custom", "conformance"),
    ("Authorization", "Bearer conformance"),
    ("If-None-Match", "\"abc\""),
    ("Cache-Control", "no-cache"),
    ("Content-Encoding", "gzip"),
    ("Last-Event-ID", "3"),
    ("X-Empty", ""),
    ("X-Control", "a\u{b}b\u{7f}"),
    ("Save-Data", "on"),
    ("DPR", "2"),
    ("Device-Memory", ""),
    ("X-HTTP-Method-Override", "PATCH"),
    ("X-Method-Override", "GETTRACE"),
    ("User-Agent", "conformance-agent"),
];

/// Forbidden names and method-override values (F-1…F-3): the browser drops them silently.
const FORBIDDEN: &[(&str, &str)] = &[
    ("Cookie", "script=1"),
    ("Origin", "http://forged.example"),
    ("Referer", "http://forged.example/"),
    ("Accept-Encoding", "conformance"),
    ("Accept-Charset", "conformance"),
    ("Connection", "conformance"),
    ("Keep-Alive", "conformance"),
    ("Sec-Conformance", "1"),
    ("Proxy-Conformance", "1"),
    ("X-HTTP-Method-Override", "TRACE"),
    ("X-HTTP-Method", "GET,track "),
    ("X-Method-Override", " connect"),
    ("DNT", "1"),
    ("Date", "conformance"),
    ("Via", "conformance"),
    ("Access-Control-Request-Method", "PUT"),
    ("Proxy", "allowed-name"),
    ("Secb", "allowed-name"),
];

/// Picks 1–3 script headers from every category.
pub fn script_headers(rng: &mut Rng, draft: &mut Draft) -> Vec<HeaderPair> {
    let count = 1 + rng.below(3);
    (0..count)
        .map(|_| {
            let (name, value) = match rng.below(10) {
                0..=4 => {
                    draft.tag(&[RuleGroup::SafelistedHeaders]);
                    if rng.chance(30) {
                        return pair("Content-Type", &values::content_type(rng));
                    }
                    if rng.chance(20) {
                        return pair("Range", &values::range(rng));
                    }
                    rng.pick(SAFELIST_EDGES)
                }
                5..=7 => rng.pick(UNSAFE),
                _ => {
                    draft.tag(&[RuleGroup::ForbiddenHeaders]);
                    rng.pick(FORBIDDEN)
                }
            };
            pair(name, value)
        })
        .collect()
}

/// Lower-case names of `headers` that are not forbidden, in first-set order, without repeats.
pub fn listable_names(headers: &[HeaderPair]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (name, value) in headers {
        let lower = name.to_ascii_lowercase();
        let forbidden = FORBIDDEN
            .iter()
            .any(|(f, v)| f.eq_ignore_ascii_case(name) && v == value);
        if !forbidden && !names.contains(&lower) {
            names.push(lower);
        }
    }
    names
}

/// Family `req-headers`: a cross-origin request with script headers and a preflight answer of any shape.
pub fn request_headers(draft: &mut Draft, rng: &mut Rng) {
    draft.tag(&[RuleGroup::Preflight, RuleGroup::HeaderLists]);
    let method = rng.pick(&["GET", "POST", "HEAD", "PUT"]).to_owned();
    draft.scenario.request.method.clone_from(&method);
    let headers = script_headers(rng, draft);
    let names = listable_names(&headers);
    draft.scenario.request.headers = headers;
    draft.scenario.request.credentials = rng.pick(&super::simple::CREDENTIALS);
    let url = draft.scenario.request.url.clone();
    let origin = draft.page_origin().to_owned();
    let preflight = if rng.chance(60) {
        let mut lines = values::passing_preflight(&origin, &method, &[]);
        lines.retain(|(name, _)| name != "Access-Control-Allow-Headers");
        lines.extend(values::allow_headers(rng, &names));
        lines
    } else {
        values::preflight_headers(rng, &origin, &method, &names)
    };
    draft.preflight(&url, 200, preflight);
    draft.respond(&url, 200, values::passing_response(&origin));
}

/// Values with control bytes or DEL (S-6). The lab's HTTP parser refuses such bytes, so these cases
/// keep the request itself off the wire: the preflight answer never allows the header, and the preflight
/// (with `Access-Control-Request-Headers`) is what shows the browser's decision.
const CONTROL_BYTES: &[(&str, &str)] = &[
    ("Content-Type", "text/plain\u{0B}"),
    ("Content-Type", "text/plain\u{0C}"),
    ("Content-Type", "text/plain;\u{7F}"),
    ("Accept", "text/html\u{01}"),
    ("Content-Language", "de\u{1F}"),
];

/// Family `safelist-total`: several safelisted headers whose values together pass 1024 bytes (S-8), or
/// stay just under it, or a single value just over 128 bytes (S-1), or a value with a control byte (S-6).
pub fn safelisted_total(draft: &mut Draft, rng: &mut Rng) {
    draft.tag(&[RuleGroup::SafelistedHeaders, RuleGroup::Preflight]);
    let long = |length: usize| format!("text/plain;x={}", "a".repeat(length.saturating_sub(13)));
    let mut refuse_headers = false;
    let headers = match rng.below(6) {
        0 => vec![pair("Content-Type", &long(128))],
        1 => vec![pair("Content-Type", &long(129))],
        2 => vec![
            pair("Accept", &"a".repeat(128)),
            pair("Accept-Language", &"b".repeat(128)),
        ],
        3 => (0..9).map(|_| pair("Accept", &"a".repeat(120))).collect(),
        4 => vec![
            pair("Accept", &"a".repeat(128)),
            pair("Accept-Language", &"b".repeat(128)),
            pair("Content-Language", &"c".repeat(128)),
            pair("Content-Type", &long(128)),
        ],
        _ => {
            refuse_headers = true;
            let (name, value) = rng.pick(CONTROL_BYTES);
            vec![pair(name, value)]
        }
    };
    draft.scenario.request.method = "POST".to_owned();
    let names = listable_names(&headers);
    draft.scenario.request.headers = headers;
    let url = draft.scenario.request.url.clone();
    let origin = draft.page_origin().to_owned();
    let preflight = if rng.chance(50) && !refuse_headers {
        values::passing_preflight(&origin, "POST", &names)
    } else {
        vec![pair("Access-Control-Allow-Origin", &origin)]
    };
    draft.preflight(&url, 204, preflight);
    draft.respond(
        &url,
        200,
        vec![pair("Access-Control-Allow-Origin", &origin)],
    );
}
