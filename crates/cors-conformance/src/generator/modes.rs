//! Families for the request modes `no-cors` (N-*, CORP-*) and `same-origin` (SO-*), and for requests the
//! script's call rejects before anything is sent (Q-*, M-1, M-3, H-1, H-2).

use cors_rules::scenario::{RedirectMode, RequestMode};

use super::draft::{pair, Draft, APP, CROSS_SITE, SAME_SITE};
use super::request_headers::script_headers;
use super::simple::CREDENTIALS;
use super::values;
use crate::groups::RuleGroup;
use crate::rng::Rng;

const REDIRECT_MODES: [RedirectMode; 4] = [
    RedirectMode::Follow,
    RedirectMode::Follow,
    RedirectMode::Manual,
    RedirectMode::Error,
];

/// Family `no-cors`: opaque responses, dropped headers, methods outside GET/HEAD/POST, redirect modes,
/// and `Cross-Origin-Resource-Policy`.
pub fn no_cors(draft: &mut Draft, rng: &mut Rng) {
    draft.tag(&[RuleGroup::NoCors, RuleGroup::Tainting]);
    draft.fetch_only = true;
    draft.scenario.request.mode = RequestMode::NoCors;
    draft.scenario.request.method = rng
        .pick(&["GET", "GET", "POST", "HEAD", "post", "PUT", "DELETE"])
        .to_owned();
    draft.scenario.request.credentials = rng.pick(&CREDENTIALS);
    draft.scenario.request.redirect = rng.pick(&REDIRECT_MODES);
    if rng.chance(50) {
        draft.scenario.request.headers = script_headers(rng, draft);
    }
    let origin = rng.pick(&[CROSS_SITE, CROSS_SITE, SAME_SITE, APP]);
    let url = draft.target(origin, "r");
    let mut headers = if rng.chance(50) {
        vec![pair("Access-Control-Allow-Origin", "*")]
    } else {
        vec![]
    };
    if rng.chance(50) {
        draft.tag(&[RuleGroup::Corp]);
        let policy = rng.pick(&[
            "same-origin",
            "same-site",
            "cross-origin",
            "SAME-ORIGIN",
            "same-origin, same-origin",
        ]);
        headers.push(pair("Cross-Origin-Resource-Policy", policy));
    }
    if rng.chance(25) {
        draft.tag(&[RuleGroup::Redirects]);
        let next = draft.url(rng.pick(&[APP, CROSS_SITE]), "next");
        draft.respond(&url, rng.pick(&[302, 307]), vec![pair("Location", &next)]);
        draft.respond(&next, 200, headers);
    } else {
        draft.respond(&url, 200, headers);
    }
}

/// Family `same-origin-mode`: same-origin URLs succeed, anything else (directly or after a redirect) fails.
pub fn same_origin_mode(draft: &mut Draft, rng: &mut Rng) {
    draft.tag(&[RuleGroup::SameOriginMode, RuleGroup::Tainting]);
    draft.fetch_only = true;
    draft.scenario.request.mode = RequestMode::SameOrigin;
    draft.scenario.request.method = rng.pick(&["GET", "POST", "PUT"]).to_owned();
    draft.scenario.request.credentials = rng.pick(&CREDENTIALS);
    let origin = rng.pick(&[APP, APP, SAME_SITE, CROSS_SITE]);
    let url = draft.target(origin, "r");
    let page = draft.page_origin().to_owned();
    if rng.chance(40) {
        draft.tag(&[RuleGroup::Redirects]);
        let next = draft.url(rng.pick(&[APP, CROSS_SITE]), "next");
        draft.respond(&url, 302, vec![pair("Location", &next)]);
        draft.respond(&next, 200, values::passing_response(&page));
    } else {
        draft.respond(
            &url,
            200,
            vec![pair("X-A", "1"), pair("Access-Control-Allow-Origin", &page)],
        );
    }
}

/// Family `construction`: calls that reject (or, for XHR, throw) before anything is sent: forbidden and
/// invalid methods, invalid header names and values, URLs with credentials, no-cors with other methods.
pub fn request_construction(draft: &mut Draft, rng: &mut Rng) {
    draft.tag(&[RuleGroup::RequestConstruction]);
    let url = draft.scenario.request.url.clone();
    match rng.below(6) {
        0 => {
            draft.tag(&[RuleGroup::Methods]);
            draft.scenario.request.method =
                rng.pick(&["CONNECT", "trace", "Track", "TRACE"]).to_owned();
        }
        1 => {
            draft.tag(&[RuleGroup::Methods]);
            draft.scenario.request.method = rng
                .pick(&["GET POST", "bad(method)", "", "PÜT", "a:b"])
                .to_owned();
        }
        2 => {
            let (name, value) = rng.pick(&[
                ("X Bad", "1"),
                ("", "1"),
                ("X-Bad", "a\u{0}b"),
                ("X:Colon", "1"),
                ("X-Euro", "€"),
            ]);
            draft.scenario.request.headers = vec![pair(name, value)];
        }
        3 => {
            let origin = rng.pick(&[CROSS_SITE, APP]);
            let with_userinfo =
                draft
                    .url(origin, "r")
                    .replacen("http://", "http://user:secret@", 1);
            draft.scenario.request.url = with_userinfo;
        }
        4 => {
            draft.tag(&[RuleGroup::NoCors]);
            draft.fetch_only = true;
            draft.scenario.request.mode = RequestMode::NoCors;
            draft.scenario.request.method =
                rng.pick(&["PUT", "DELETE", "patch", "OPTIONS"]).to_owned();
        }
        _ => {
            draft.tag(&[RuleGroup::NoCors, RuleGroup::Redirects]);
            draft.fetch_only = true;
            draft.scenario.request.mode = RequestMode::NoCors;
            draft.scenario.request.redirect =
                rng.pick(&[RedirectMode::Manual, RedirectMode::Error]);
        }
    }
    let page = draft.page_origin().to_owned();
    let answered = without_userinfo(&draft.scenario.request.url).unwrap_or(url);
    draft.respond(&answered, 200, values::passing_response(&page));
}

/// `url` without its username and password (what goes on the wire), or `None` if it does not parse.
fn without_userinfo(url: &str) -> Option<String> {
    let mut parsed = url::Url::parse(url).ok()?;
    parsed.set_username("").ok()?;
    parsed.set_password(None).ok()?;
    Some(parsed.to_string())
}
