//! Redirect families: chains across origins with every redirect status and mode (R-*), the `Origin` header
//! after a redirect (OH-2, R-16), and preflights around redirects (R-13, R-14).

use cors_rules::scenario::{HeaderPair, RedirectMode};

use super::draft::{pair, Draft, APP, CROSS_SITE, SAME_SITE, THIRD};
use super::simple::CREDENTIALS;
use super::values;
use crate::groups::RuleGroup;
use crate::rng::Rng;

const ORIGINS: [&str; 4] = [APP, SAME_SITE, CROSS_SITE, THIRD];

/// An `Access-Control-Allow-Origin` choice for a hop: the page, `null` (what a tainted request sends), `*`,
/// or nothing; with `Access-Control-Allow-Credentials: true` most of the time.
fn hop_cors_headers(rng: &mut Rng, page: &str) -> Vec<HeaderPair> {
    let mut headers = match rng.below(6) {
        0 | 1 => vec![pair("Access-Control-Allow-Origin", page)],
        2 => vec![pair("Access-Control-Allow-Origin", "null")],
        3 => vec![pair("Access-Control-Allow-Origin", "*")],
        4 => vec![
            pair("Access-Control-Allow-Origin", page),
            pair("Access-Control-Allow-Origin", "null"),
        ],
        _ => vec![],
    };
    if rng.chance(75) {
        headers.push(pair("Access-Control-Allow-Credentials", "true"));
    }
    headers
}

/// How a redirect names its target.
fn location_for(rng: &mut Rng, draft: &Draft, from: &str, to: &str, step: &str) -> String {
    let absolute = draft.url(to, step);
    if from == to && rng.chance(40) {
        return step.to_owned();
    }
    match rng.below(20) {
        0 => "data:text/plain,redirected".to_owned(),
        1 => absolute.replacen("http://", "http://user:secret@", 1),
        _ => absolute,
    }
}

/// Family `redirect`: a chain of one to three redirects across origins, then a final answer.
pub fn redirect_chain(draft: &mut Draft, rng: &mut Rng) {
    draft.tag(&[
        RuleGroup::Redirects,
        RuleGroup::OriginHeader,
        RuleGroup::CorsCheck,
        RuleGroup::Tainting,
    ]);
    let request = &mut draft.scenario.request;
    request.method = rng.pick(&["GET", "GET", "POST", "PUT", "post"]).to_owned();
    request.credentials = rng.pick(&CREDENTIALS);
    request.redirect = rng.pick(&[
        RedirectMode::Follow,
        RedirectMode::Follow,
        RedirectMode::Follow,
        RedirectMode::Manual,
        RedirectMode::Error,
    ]);
    if request.redirect != RedirectMode::Follow {
        draft.fetch_only = true;
    }
    if rng.chance(25) {
        draft.scenario.request.headers = vec![pair("X-Custom", "1")];
    }
    let method = draft.scenario.request.method.to_ascii_uppercase();
    let preflighted = method == "PUT" || !draft.scenario.request.headers.is_empty();
    let page = draft.page_origin().to_owned();
    let mut from = rng.pick(&ORIGINS);
    let mut url = draft.target(from, "r");
    let hops = 1 + rng.below(3);
    for hop in 1..=hops {
        let to = rng.pick(&ORIGINS);
        let step = format!("hop{hop}");
        let location = location_for(rng, draft, from, to, &step);
        let mut headers = hop_cors_headers(rng, &page);
        if rng.chance(95) {
            headers.push(pair("Location", &location));
        }
        if preflighted {
            draft.preflight(&url, 204, preflight_for(rng, &page, &method));
        }
        draft.respond(&url, rng.pick(&[301, 302, 303, 307, 308]), headers);
        if location.starts_with("data:") {
            return;
        }
        from = to;
        url = draft.url(to, &step);
    }
    if preflighted {
        draft.preflight(&url, 204, preflight_for(rng, &page, &method));
    }
    let mut headers = hop_cors_headers(rng, &page);
    headers.push(pair("X-A", "final"));
    headers.push(pair("Access-Control-Expose-Headers", "x-a"));
    draft.respond(&url, 200, headers);
}

/// A preflight answer for a redirect hop: usually passing for the page or for `null`.
fn preflight_for(rng: &mut Rng, page: &str, method: &str) -> Vec<HeaderPair> {
    let mut headers = hop_cors_headers(rng, page);
    headers.push(pair("Access-Control-Allow-Methods", method));
    headers.push(pair("Access-Control-Allow-Headers", "x-custom"));
    headers
}

/// Family `redirect-preflight`: a preflighted request whose preflight is redirected (always a failure,
/// R-14), or whose actual response redirects after a passing preflight (followed, with a new preflight at
/// the target, R-13).
pub fn redirected_preflight(draft: &mut Draft, rng: &mut Rng) {
    draft.tag(&[RuleGroup::Redirects, RuleGroup::Preflight]);
    draft.scenario.request.method = rng.pick(&["PUT", "DELETE", "GET"]).to_owned();
    draft.scenario.request.headers = vec![pair("X-Custom", "1")];
    draft.scenario.request.credentials = rng.pick(&CREDENTIALS);
    let method = draft.scenario.request.method.clone();
    let names = vec!["x-custom".to_owned()];
    let page = draft.page_origin().to_owned();
    let url = draft.target(rng.pick(&[CROSS_SITE, SAME_SITE]), "r");
    let next = draft.url(rng.pick(&[CROSS_SITE, THIRD, APP]), "next");
    let status = rng.pick(&[301, 302, 303, 307, 308]);
    let mut redirect = values::passing_preflight(&page, &method, &names);
    redirect.push(pair("Location", &next));
    if rng.chance(50) {
        draft.preflight(&url, status, redirect);
        draft.respond(&url, 200, values::passing_response(&page));
    } else {
        draft.preflight(&url, 204, values::passing_preflight(&page, &method, &names));
        draft.respond(&url, status, redirect);
    }
    let allow = rng.pick(&[page.as_str(), "null", "*"]).to_owned();
    let mut target = values::passing_preflight(&allow, &method, &names);
    target.extend(values::max_age(rng));
    draft.preflight(&next, 204, target);
    draft.respond(&next, 200, values::passing_response(&allow));
}
