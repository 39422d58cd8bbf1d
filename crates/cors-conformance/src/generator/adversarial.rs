//! Adversarial families (issue 13): the odd shapes real servers and scripts produce, drawn as families
//! rather than examples: header values with surrounding spaces and tabs, empty list elements and trailing
//! commas, repeated lines with empty values or names in another case, bytes outside ASCII, mixed method
//! case, every kind of `Location`, chains near the redirect limit, method-changing redirects followed by
//! 307/308 across origins, upload listeners with and without a body, and statuses from 200 to 999.

use cors_rules::scenario::{Api, CredentialsMode, HeaderPair, RedirectMode, RequestMode};

use super::draft::{pair, Draft, APP, CROSS_SITE, SAME_SITE, THIRD};
use super::simple::CREDENTIALS;
use crate::groups::RuleGroup;
use crate::rng::Rng;

/// Methods in every case: normalized ones (`get`, `Delete`) and ones sent as written (`patch`).
const METHODS: [&str; 10] = [
    "GET", "get", "POST", "Post", "PUT", "put", "DELETE", "dElEtE", "PATCH", "patch",
];

/// `value` with spaces and tabs around it, or as it is.
fn padded(rng: &mut Rng, value: &str) -> String {
    match rng.below(7) {
        0 => format!(" {value}"),
        1 => format!("{value} "),
        2 => format!("\t{value}"),
        3 => format!("{value}\t"),
        4 => format!(" \t{value} \t"),
        _ => value.to_owned(),
    }
}

/// `name` in another case, or as it is.
fn recased(rng: &mut Rng, name: &str) -> String {
    match rng.below(4) {
        0 => name.to_ascii_lowercase(),
        1 => name.to_ascii_uppercase(),
        _ => name.to_owned(),
    }
}

/// A list header's value for `items` with odd separators: empty elements, trailing or leading commas.
fn odd_list(rng: &mut Rng, items: &[&str]) -> String {
    let separator = rng.pick(&[",", ", ", " , ", ",\t", ",,", ", ,"]);
    let mut value = items.join(separator);
    match rng.below(5) {
        0 => value.push(','),
        1 => value.insert_str(0, ", "),
        2 => value.push_str(", "),
        _ => {}
    }
    value
}

/// One to three `Access-Control-Allow-Origin` lines: the page, `*`, `null` or empty, padded, the names in
/// any case.
fn odd_allow_origin(rng: &mut Rng, page: &str) -> Vec<HeaderPair> {
    let lines = 1 + usize::from(rng.chance(35)) + usize::from(rng.chance(15));
    (0..lines)
        .map(|_| {
            let value = rng.pick(&[page, page, "*", "null", ""]);
            let name = recased(rng, "Access-Control-Allow-Origin");
            (name, padded(rng, value))
        })
        .collect()
}

/// `Access-Control-Allow-Credentials` lines: `true`, padded, empty, repeated, in another case.
fn odd_allow_credentials(rng: &mut Rng) -> Vec<HeaderPair> {
    let lines = usize::from(rng.chance(80)) + usize::from(rng.chance(30));
    (0..lines)
        .map(|_| {
            let value = rng.pick(&["true", "true", "", "TRUE", "true, true"]);
            (
                recased(rng, "Access-Control-Allow-Credentials"),
                padded(rng, value),
            )
        })
        .collect()
}

/// Family `odd-headers`: request and response headers in odd but plausible shapes.
pub fn odd_headers(draft: &mut Draft, rng: &mut Rng) {
    draft.tag(&[
        RuleGroup::HeaderLists,
        RuleGroup::SafelistedHeaders,
        RuleGroup::Methods,
        RuleGroup::CorsCheck,
        RuleGroup::ExposedHeaders,
        RuleGroup::Preflight,
    ]);
    let page = draft.page_origin().to_owned();
    let url = draft.target(rng.pick(&[CROSS_SITE, SAME_SITE]), "r");
    let method = rng.pick(&METHODS).to_owned();
    draft.scenario.request.method.clone_from(&method);
    draft.scenario.request.credentials = rng.pick(&CREDENTIALS);
    let mut names: Vec<&str> = Vec::new();
    for _ in 0..rng.below(4) {
        let (name, value) = rng.pick(&[
            ("Content-Type", "text/plain"),
            ("Content-Type", "text/plain ; charset=utf-8"),
            ("Content-Type", "text/plain;charset=é"),
            ("Content-Type", "Text/Plain"),
            ("Accept", "é"),
            ("Content-Language", "de, "),
            ("Accept-Language", "en,,fr"),
            ("Range", "bytes=0-"),
            ("Range", "Bytes=0-"),
            ("Range", "bytes = 0-"),
            ("Range", "bytes=0-,"),
            ("X-Custom", "a\tb"),
            ("X-Custom", "é"),
            ("x-custom", ""),
            ("X-CUSTOM", "b"),
            ("Accept", ""),
            ("Content-Language", ""),
        ]);
        if method.eq_ignore_ascii_case("get") && name == "Content-Type" {
            continue;
        }
        names.push(name);
        let value = padded(rng, value);
        draft.scenario.request.headers.push(pair(name, &value));
    }
    if rng.chance(4) {
        draft.scenario.request.headers.push(pair("X-é", "1"));
    }
    let mut preflight = odd_allow_origin(rng, &page);
    preflight.extend(odd_allow_credentials(rng));
    let upper = method.to_ascii_uppercase();
    let listed_method = rng.pick(&[method.as_str(), upper.as_str(), "*"]);
    preflight.push((
        recased(rng, "Access-Control-Allow-Methods"),
        odd_list(rng, &[listed_method, "GET"]),
    ));
    let mut allowed: Vec<&str> = names.clone();
    allowed.push("x-other");
    preflight.push((
        recased(rng, "Access-Control-Allow-Headers"),
        odd_list(rng, &allowed),
    ));
    draft.preflight(&url, rng.pick(&[200, 204, 204, 299]), preflight);
    let mut response = odd_allow_origin(rng, &page);
    response.extend(odd_allow_credentials(rng));
    response.push(pair("X-A", "1"));
    response.push(pair("X-B", "2"));
    response.push((
        recased(rng, "Access-Control-Expose-Headers"),
        odd_list(rng, &["x-a", "X-B"]),
    ));
    if rng.chance(20) {
        response.push(pair("Access-Control-Expose-Headers", ""));
    }
    draft.respond(&url, 200, response);
}

/// Redirect targets that are not HTTP(S): `blob:` URLs of the page's origin and of others, `data:`,
/// `file:`, `javascript:`, `about:`, `ftp:`, `ws:` and a scheme nobody knows.
const NON_HTTP_LOCATIONS: [&str; 12] = [
    "blob:http://app.example/0b2c3d4e-0000-4000-8000-000000000000",
    "blob:http://app.example/0b2c3d4e-0000-4000-8000-000000000000",
    "blob:http://api.example/0b2c3d4e-0000-4000-8000-000000000000",
    "blob:http://api.app.example/0b2c3d4e-0000-4000-8000-000000000000",
    "blob:http://cdn.example/0b2c3d4e-0000-4000-8000-000000000000",
    "data:text/plain,hi",
    "file:///etc/hosts",
    "javascript:void(0)",
    "about:blank",
    "ftp://api.example/file",
    "ws://api.example/socket",
    "web+conformance:next",
];

/// A `Location` value of some odd kind for a redirect from `draft`'s URL towards `next` (a path step).
fn location_values(rng: &mut Rng, draft: &Draft, origin: &str, next: &str) -> Vec<String> {
    let absolute = draft.url(origin, next);
    let path = absolute
        .strip_prefix(origin)
        .unwrap_or(&absolute)
        .to_owned();
    let host = origin.trim_start_matches("http://");
    let one = |value: String| vec![value];
    match rng.below(18) {
        0 => one(String::new()),
        1 => one(" ".to_owned()),
        // Relative, so that the lines joined (`next, next`) still name a URL under the lab's prefix.
        2 => vec![next.to_owned(), next.to_owned()],
        3 => vec![next.to_owned(), format!("{next}2")],
        4 => one(next.to_owned()),
        5 => one(format!("//{host}{path}")),
        6 => one(format!("http://{host}{}", path.replace('/', "\\"))),
        7 => one(path.replacen('/', "\\", 2)),
        8 => one(absolute.replacen("http://", "http://user:pw@", 1)),
        9 => one(absolute.replacen(
            "http://",
            rng.pick(&["http://user@", "http://:pw@", "http://user:@"]),
            1,
        )),
        10 => one(format!("{path}%41")),
        11 => one(format!("{path}%2F%7e")),
        12 => one(format!("{path}é")),
        13 => one(format!("{path}?q=é")),
        14 => one(rng.pick(&NON_HTTP_LOCATIONS).to_owned()),
        // A C0 control after the URL (stripped by the URL parser, escaped first by Firefox), or a tab
        // inside it (removed, or escaped). Before a path-absolute URL a control would turn it into a
        // path-relative one for Firefox only, which no one lab translation can keep for every reading.
        15 => one(format!(
            "{path}{}",
            rng.pick(&["\u{b}", "\u{c}", "\u{1}", "\u{1f}"])
        )),
        16 => one(format!("{path}\tz")),
        _ => one(format!("HTTP://{host}{path}")),
    }
}

/// Family `odd-location`: one redirect with an odd `Location` (empty, repeated, relative, scheme-relative,
/// with backslashes, userinfo, escapes, non-ASCII, control characters, `blob:` or `data:`).
pub fn odd_location(draft: &mut Draft, rng: &mut Rng) {
    draft.tag(&[RuleGroup::Redirects, RuleGroup::CorsCheck]);
    let page = draft.page_origin().to_owned();
    let origin = rng.pick(&[CROSS_SITE, CROSS_SITE, APP]);
    let url = draft.target(origin, "r");
    draft.scenario.request.method = rng.pick(&["GET", "GET", "POST", "PUT"]).to_owned();
    draft.scenario.request.credentials = rng.pick(&CREDENTIALS);
    if rng.chance(20) {
        draft.scenario.request.redirect = rng.pick(&[RedirectMode::Manual, RedirectMode::Error]);
        draft.fetch_only = true;
    }
    let allow = |rng: &mut Rng| {
        let mut headers = vec![pair("Access-Control-Allow-Origin", &page)];
        headers.push(pair("Access-Control-Allow-Credentials", "true"));
        headers.push(pair("Access-Control-Allow-Methods", "PUT"));
        if rng.chance(10) {
            headers.clear();
        }
        headers
    };
    let target = rng.pick(&[origin, origin, CROSS_SITE, THIRD]);
    let mut headers = allow(rng);
    for location in location_values(rng, draft, target, "next") {
        headers.push(pair("Location", &location));
    }
    let preflight = allow(rng);
    draft.preflight(&url, 204, preflight);
    draft.respond(&url, rng.pick(&[301, 302, 303, 307, 308]), headers);
    let next = draft.url(target, "next");
    let answer = allow(rng);
    draft.respond(&next, 200, answer);
}

/// Family `redirect-limit`: a chain of 18 to 21 redirects, the limit being 20.
pub fn redirect_limit(draft: &mut Draft, rng: &mut Rng) {
    draft.tag(&[RuleGroup::Redirects]);
    let origin = rng.pick(&[APP, CROSS_SITE]);
    let hops = 18 + rng.below(4);
    let mut url = draft.target(origin, "r");
    for hop in 1..=hops {
        let next = draft.url(origin, &format!("hop{hop}"));
        let headers = vec![
            pair("Access-Control-Allow-Origin", "*"),
            pair("Location", &next),
        ];
        draft.respond(&url, rng.pick(&[301, 302, 307, 308]), headers);
        url = next;
    }
    draft.respond(&url, 200, vec![pair("Access-Control-Allow-Origin", "*")]);
}

/// Family `rewrite-307`: a method-changing redirect (301/302 `POST`, 303) then a 307 or 308 to another
/// origin, with request-body headers set.
pub fn rewrite_then_307(draft: &mut Draft, rng: &mut Rng) {
    draft.tag(&[
        RuleGroup::Redirects,
        RuleGroup::Preflight,
        RuleGroup::SafelistedHeaders,
    ]);
    let page = draft.page_origin().to_owned();
    let method = rng.pick(&["POST", "PUT", "DELETE", "post"]).to_owned();
    draft.scenario.request.method.clone_from(&method);
    draft.scenario.request.credentials = rng.pick(&CREDENTIALS);
    let content_type = rng.pick(&["text/plain", "application/json"]);
    draft.scenario.request.headers = vec![pair("Content-Type", content_type)];
    if rng.chance(40) {
        draft
            .scenario
            .request
            .headers
            .push(pair("Content-Language", "de"));
    }
    let first = rng.pick(&[APP, APP, CROSS_SITE]);
    let second = rng.pick(&[APP, SAME_SITE, CROSS_SITE]);
    let third = rng.pick(&[CROSS_SITE, THIRD, APP]);
    let permissive = |methods: &str| {
        vec![
            pair("Access-Control-Allow-Origin", &page),
            pair("Access-Control-Allow-Credentials", "true"),
            pair("Access-Control-Allow-Methods", methods),
            pair(
                "Access-Control-Allow-Headers",
                "content-type, content-language",
            ),
        ]
    };
    let allowed = format!("GET, {}", method.to_ascii_uppercase());
    let url = draft.target(first, "r");
    let hop1 = draft.url(second, "hop1");
    let hop2 = draft.url(third, "hop2");
    let rewrite = if method.eq_ignore_ascii_case("post") {
        rng.pick(&[301, 302, 303])
    } else {
        303
    };
    for (from, status, to) in [
        (&url, rewrite, &hop1),
        (&hop1, rng.pick(&[307, 308]), &hop2),
    ] {
        let mut headers = permissive(&allowed);
        headers.push(pair("Location", to));
        draft.preflight(from, 204, permissive(&allowed));
        draft.respond(from, status, headers);
    }
    draft.preflight(&hop2, 204, permissive(&allowed));
    draft.respond(&hop2, 200, permissive(&allowed));
}

/// Family `upload-listener`: an XHR with an upload listener, with and without a body.
pub fn upload_listener(draft: &mut Draft, rng: &mut Rng) {
    draft.tag(&[
        RuleGroup::PreflightFlag,
        RuleGroup::Xhr,
        RuleGroup::Preflight,
    ]);
    let page = draft.page_origin().to_owned();
    let url = draft.target(rng.pick(&[CROSS_SITE, SAME_SITE, APP]), "r");
    let method = rng.pick(&["GET", "HEAD", "POST", "PUT", "get"]).to_owned();
    draft.scenario.request.method.clone_from(&method);
    draft.scenario.request.api = Api::Xhr;
    draft.scenario.request.preflight_flag = true;
    draft.scenario.request.credentials =
        rng.pick(&[CredentialsMode::SameOrigin, CredentialsMode::Include]);
    let mut preflight = vec![pair("Access-Control-Allow-Origin", &page)];
    preflight.push(pair("Access-Control-Allow-Credentials", "true"));
    if rng.chance(70) {
        preflight.push(pair(
            "Access-Control-Allow-Methods",
            &method.to_ascii_uppercase(),
        ));
    }
    draft.preflight(&url, rng.pick(&[200, 204, 403]), preflight);
    let response = vec![
        pair("Access-Control-Allow-Origin", &page),
        pair("Access-Control-Allow-Credentials", "true"),
    ];
    draft.respond(&url, 200, response);
}

/// Family `odd-status`: statuses from 200 to 999, 3xx without `Location`, in every redirect mode.
pub fn odd_status(draft: &mut Draft, rng: &mut Rng) {
    draft.tag(&[RuleGroup::CorsCheck, RuleGroup::Redirects]);
    let page = draft.page_origin().to_owned();
    let url = draft.target(rng.pick(&[CROSS_SITE, APP]), "r");
    draft.scenario.request.method = rng.pick(&["GET", "POST", "HEAD"]).to_owned();
    let status = rng.pick(&[
        200, 201, 204, 206, 299, 300, 301, 302, 303, 305, 306, 307, 308, 399, 400, 404, 418, 451,
        499, 500, 503, 599, 600, 666, 700, 799, 800, 999,
    ]);
    if rng.chance(30) {
        draft.scenario.request.redirect = rng.pick(&[RedirectMode::Manual, RedirectMode::Error]);
        draft.fetch_only = true;
    }
    if rng.chance(15) {
        draft.scenario.request.mode = RequestMode::NoCors;
        draft.scenario.request.redirect = RedirectMode::Follow;
        draft.fetch_only = true;
    }
    let headers = match rng.below(4) {
        0 => vec![],
        1 => vec![pair("Access-Control-Allow-Origin", "*")],
        _ => vec![pair("Access-Control-Allow-Origin", &page)],
    };
    draft.respond(&url, status, headers);
}
