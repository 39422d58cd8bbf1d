//! Header shapes the families draw from: every `Access-Control-*` response header as missing, exact,
//! duplicated, invalid, wildcard, wrong case or with a trailing slash.

use cors_rules::scenario::HeaderPair;

use super::draft::{pair, EVIL};
use crate::rng::Rng;

/// `Access-Control-Allow-Origin` lines for a page whose serialized origin is `origin`.
pub fn allow_origin(rng: &mut Rng, origin: &str) -> Vec<HeaderPair> {
    let name = "Access-Control-Allow-Origin";
    let shapes: [Vec<HeaderPair>; 18] = [
        vec![],
        vec![pair(name, "*")],
        vec![pair(name, origin)],
        vec![pair(name, origin)],
        vec![pair(name, origin)],
        vec![pair(name, &format!("{origin}/"))],
        vec![pair(name, &origin.to_ascii_uppercase())],
        vec![pair(name, &format!("{origin}:80"))],
        vec![pair(name, "null")],
        vec![pair(name, origin), pair(name, origin)],
        vec![pair(name, origin), pair(name, "*")],
        vec![pair(name, &format!("{origin}, {EVIL}"))],
        vec![pair(name, &format!("{origin} {EVIL}"))],
        vec![pair(name, EVIL)],
        vec![pair(name, "")],
        vec![pair("access-control-allow-origin", " * ")],
        vec![pair(name, &format!("\t{origin} "))],
        vec![pair(name, &format!("{origin},"))],
    ];
    rng.pick(&shapes)
}

/// A `Content-Type` value composed from parts, for the parsers that read its type (S-4): one of the
/// three safelisted types or another, then maybe whitespace and a word inside the type, then empty,
/// blank or odd parameters, then maybe a final `;` or a comma.
pub fn content_type(rng: &mut Rng) -> String {
    let mut value = rng
        .pick(&[
            "text/plain",
            "TEXT/Plain",
            "multipart/form-data",
            "application/x-www-form-urlencoded",
            "text/html",
        ])
        .to_owned();
    value.push_str(rng.pick(&["", "", " x", "\tx", " "]));
    for _ in 0..rng.below(4) {
        value.push(';');
        value.push_str(rng.pick(&["", " ", "a=b", "charset=utf-8", " a=b ", "a", "="]));
    }
    value.push_str(rng.pick(&["", "", ";", " ;", ",x"]));
    value
}

/// A `Range` value composed from parts, for the parsers that read its numbers (S-5): the unit in some
/// case, then a start and an end from empty, small, signed, padded and boundary numbers (around `i64::MAX`
/// and `u64::MAX`), then maybe a second range.
pub fn range(rng: &mut Rng) -> String {
    const NUMBERS: &[&str] = &[
        "",
        "0",
        "1",
        "+1",
        "++1",
        "007",
        " 1",
        "9223372036854775806",
        "9223372036854775807",
        "18446744073709551615",
        "18446744073709551616",
    ];
    let unit = rng.pick(&["bytes", "bytes", "bytes", "Bytes"]);
    let start = rng.pick(NUMBERS);
    let end = rng.pick(NUMBERS);
    let more = rng.pick(&["", "", "", ",3-4"]);
    format!("{unit}={start}-{end}{more}")
}

/// `Access-Control-Allow-Credentials` lines.
pub fn allow_credentials(rng: &mut Rng) -> Vec<HeaderPair> {
    let name = "Access-Control-Allow-Credentials";
    let shapes: [Vec<HeaderPair>; 11] = [
        vec![],
        vec![pair(name, "true")],
        vec![pair(name, "true")],
        vec![pair(name, "true")],
        vec![pair(name, "TRUE")],
        vec![pair(name, "True")],
        vec![pair(name, "false")],
        vec![pair(name, "true"), pair(name, "true")],
        vec![pair(name, "\"true\"")],
        vec![pair(name, "1")],
        vec![pair(name, "true ")],
    ];
    rng.pick(&shapes)
}

/// `Access-Control-Allow-Methods` lines for a request using `method`.
pub fn allow_methods(rng: &mut Rng, method: &str) -> Vec<HeaderPair> {
    let name = "Access-Control-Allow-Methods";
    let shapes: [Vec<HeaderPair>; 14] = [
        vec![],
        vec![pair(name, method)],
        vec![pair(name, method)],
        vec![pair(name, &method.to_ascii_lowercase())],
        vec![pair(name, &method.to_ascii_uppercase())],
        vec![pair(name, "*")],
        vec![pair(name, &format!("GET, {method}"))],
        vec![pair(name, &format!(",,{method}, ,"))],
        vec![pair(name, &format!("{method}, bad value"))],
        vec![pair(name, "GET"), pair(name, method)],
        vec![pair(name, "PUT, PATCH")],
        vec![pair(name, "")],
        vec![pair(name, &format!("{method} ,GET"))],
        vec![pair(name, &format!("\"{method}\""))],
    ];
    rng.pick(&shapes)
}

/// `Access-Control-Allow-Headers` lines for a request whose script set the header `names`.
pub fn allow_headers(rng: &mut Rng, names: &[String]) -> Vec<HeaderPair> {
    let name = "Access-Control-Allow-Headers";
    let listed = names.join(", ");
    let first = names
        .first()
        .cloned()
        .unwrap_or_else(|| "x-other".to_owned());
    let shapes: [Vec<HeaderPair>; 13] = [
        vec![],
        vec![pair(name, &listed)],
        vec![pair(name, &listed)],
        vec![pair(name, &listed.to_ascii_uppercase())],
        vec![pair(name, "*")],
        vec![pair(name, "*")],
        vec![pair(name, "*, Authorization")],
        vec![pair(name, &format!("{listed}, no no"))],
        vec![pair(name, &first), pair(name, &listed)],
        vec![pair(name, &format!(",,{listed},"))],
        vec![pair(name, &first)],
        vec![pair(name, "")],
        vec![pair(name, "x-unrelated")],
    ];
    rng.pick(&shapes)
}

/// `Access-Control-Max-Age` lines (C-10, P-11); they never change a single request's outcome.
pub fn max_age(rng: &mut Rng) -> Vec<HeaderPair> {
    let name = "Access-Control-Max-Age";
    let shapes: [Vec<HeaderPair>; 9] = [
        vec![],
        vec![pair(name, "0")],
        vec![pair(name, "-1")],
        vec![pair(name, "abc")],
        vec![pair(name, "600")],
        vec![pair(name, "86400000")],
        vec![pair(name, "5"), pair(name, "10")],
        vec![pair(name, "1.5")],
        vec![pair(name, "7200")],
    ];
    rng.pick(&shapes)
}

/// A preflight answer status: mostly ok, plus every class of non-ok status.
pub fn preflight_status(rng: &mut Rng) -> u16 {
    rng.pick(&[
        200, 200, 200, 204, 204, 206, 299, 304, 400, 401, 403, 404, 405, 500, 501, 503,
    ])
}

/// A method as a script might write it: safelisted, lowercase, mixed case, unusual tokens.
pub fn method(rng: &mut Rng) -> String {
    let methods = [
        "GET", "HEAD", "POST", "get", "post", "head", "PUT", "put", "DELETE", "delete", "PATCH",
        "patch", "Patch", "OPTIONS", "options", "CHICKEN", "chicken", "M-SEARCH", "x.y", "*",
    ];
    rng.pick(&methods).to_owned()
}

/// Every allow-list header a full preflight answer may carry, combined from the shapes above.
pub fn preflight_headers(
    rng: &mut Rng,
    origin: &str,
    method: &str,
    names: &[String],
) -> Vec<HeaderPair> {
    let mut headers = allow_origin(rng, origin);
    headers.extend(allow_credentials(rng));
    headers.extend(allow_methods(rng, method));
    headers.extend(allow_headers(rng, names));
    headers.extend(max_age(rng));
    headers
}

/// A passing preflight answer for `method` and header `names` (ACAO exact, ACAC true, both lists exact).
pub fn passing_preflight(origin: &str, method: &str, names: &[String]) -> Vec<HeaderPair> {
    let mut headers = vec![
        pair("Access-Control-Allow-Origin", origin),
        pair("Access-Control-Allow-Credentials", "true"),
        pair("Access-Control-Allow-Methods", method),
    ];
    if !names.is_empty() {
        headers.push(pair("Access-Control-Allow-Headers", &names.join(", ")));
    }
    headers
}

/// A passing answer to the request itself (ACAO exact, ACAC true).
pub fn passing_response(origin: &str) -> Vec<HeaderPair> {
    vec![
        pair("Access-Control-Allow-Origin", origin),
        pair("Access-Control-Allow-Credentials", "true"),
    ]
}
