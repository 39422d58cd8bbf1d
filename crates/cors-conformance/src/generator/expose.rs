//! Family `expose`: which response headers the script can read (E-1…E-7).

use cors_rules::scenario::HeaderPair;

use super::draft::{pair, Draft, APP};
use super::simple::CREDENTIALS;
use crate::groups::RuleGroup;
use crate::rng::Rng;

/// `Access-Control-Expose-Headers` lines for a response carrying `X-A`, `X-B` and `Set-Cookie`.
fn expose_headers(rng: &mut Rng) -> Vec<HeaderPair> {
    let name = "Access-Control-Expose-Headers";
    let shapes: [Vec<HeaderPair>; 14] = [
        vec![],
        vec![pair(name, "x-a")],
        vec![pair(name, "X-A, x-b")],
        vec![pair(name, "*")],
        vec![pair(name, "*")],
        vec![pair(name, "x-a, no no")],
        vec![pair(name, ""), pair(name, "x-b")],
        vec![pair(name, "x-a"), pair(name, "x-b")],
        vec![pair(name, "set-cookie, x-a")],
        vec![pair(name, ",,x-b,")],
        vec![pair(name, "x-a , x-b")],
        vec![pair(name, "'x-a'")],
        vec![pair(name, "*, x-b")],
        vec![pair(name, "X-LIMIT-Remaining")],
    ];
    rng.pick(&shapes)
}

/// The response headers besides the CORS ones: two custom, safelisted ones and a cookie.
fn payload_headers(rng: &mut Rng) -> Vec<HeaderPair> {
    let mut headers = vec![pair("X-A", "1"), pair("X-B", "2")];
    let extras = [
        pair("Content-Type", "text/plain"),
        pair("Cache-Control", "no-store"),
        pair("Content-Language", "en"),
        pair("Expires", "0"),
        pair("Last-Modified", "Tue, 01 Jan 2030 00:00:00 GMT"),
        pair("Pragma", "no-cache"),
        pair(
            "Set-Cookie",
            "conformance-exposed=1; Path=/conformance-never",
        ),
        pair("X-Limit-Remaining", "9"),
    ];
    for extra in extras {
        if rng.chance(40) {
            headers.push(extra);
        }
    }
    headers
}

/// Family `expose`: a passing cross-origin response with every ACEH shape; sometimes same-origin, where
/// everything but `Set-Cookie` is readable.
pub fn exposed_headers(draft: &mut Draft, rng: &mut Rng) {
    draft.tag(&[RuleGroup::ExposedHeaders, RuleGroup::HeaderLists]);
    draft.scenario.request.credentials = rng.pick(&CREDENTIALS);
    if rng.chance(15) {
        draft.target(APP, "r");
        draft.tag(&[RuleGroup::Tainting]);
    }
    let url = draft.scenario.request.url.clone();
    let page = draft.page_origin().to_owned();
    let mut headers = vec![pair("Access-Control-Allow-Origin", &page)];
    if draft.includes_credentials() {
        headers.push(pair("Access-Control-Allow-Credentials", "true"));
    }
    headers.extend(expose_headers(rng));
    headers.extend(payload_headers(rng));
    draft.respond(&url, 200, headers);
}
