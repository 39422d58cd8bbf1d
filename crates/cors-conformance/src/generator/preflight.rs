//! Preflight families: methods against `Access-Control-Allow-Methods` (M-*, P-8), preflight statuses (P-5)
//! and every allow-list shape at once (P-6…P-11).

use super::draft::{pair, Draft, SAME_SITE};
use super::request_headers::{listable_names, script_headers};
use super::simple::CREDENTIALS;
use super::values;
use crate::groups::RuleGroup;
use crate::rng::Rng;

/// Family `methods`: every method spelling against every ACAM shape.
pub fn methods(draft: &mut Draft, rng: &mut Rng) {
    draft.tag(&[RuleGroup::Methods, RuleGroup::Preflight]);
    let method = values::method(rng);
    draft.scenario.request.method.clone_from(&method);
    draft.scenario.request.credentials = rng.pick(&CREDENTIALS);
    let url = draft.scenario.request.url.clone();
    let origin = draft.page_origin().to_owned();
    let mut preflight = vec![pair("Access-Control-Allow-Origin", &origin)];
    if draft.includes_credentials() && rng.chance(80) {
        preflight.push(pair("Access-Control-Allow-Credentials", "true"));
    }
    preflight.extend(values::allow_methods(rng, &method));
    draft.preflight(&url, rng.pick(&[200, 204]), preflight);
    draft.respond(&url, 200, values::passing_response(&origin));
}

/// Family `preflight-status`: a preflight answered with every class of status, with or without CORS
/// headers; 3xx statuses carry a `Location` (a redirected preflight always fails, R-14).
pub fn preflight_status(draft: &mut Draft, rng: &mut Rng) {
    draft.tag(&[RuleGroup::Preflight]);
    let method = rng.pick(&["PUT", "DELETE", "GET"]).to_owned();
    draft.scenario.request.method.clone_from(&method);
    if method == "GET" {
        draft.scenario.request.headers = vec![pair("X-Custom", "1")];
    }
    let names = listable_names(&draft.scenario.request.headers);
    let url = draft.scenario.request.url.clone();
    let origin = draft.page_origin().to_owned();
    let status = rng.pick(&[
        200, 204, 206, 299, 301, 302, 303, 307, 308, 304, 400, 401, 403, 404, 405, 500, 501, 503,
    ]);
    let mut headers = if rng.chance(75) {
        values::passing_preflight(&origin, &method, &names)
    } else {
        vec![]
    };
    if (300..400).contains(&status) && status != 304 {
        draft.tag(&[RuleGroup::Redirects]);
        let elsewhere = draft.url(SAME_SITE, "moved");
        headers.push(pair("Location", &elsewhere));
        draft.preflight(
            &elsewhere,
            204,
            values::passing_preflight(&origin, &method, &names),
        );
        draft.respond(&elsewhere, 200, values::passing_response(&origin));
    }
    draft.preflight(&url, status, headers);
    draft.respond(&url, 200, values::passing_response(&origin));
}

/// Family `preflight-lists`: method, script headers and credentials with every allow-list shape (ACAO,
/// ACAC, ACAM, ACAH, Max-Age) combined.
pub fn preflight_lists(draft: &mut Draft, rng: &mut Rng) {
    draft.tag(&[
        RuleGroup::Preflight,
        RuleGroup::HeaderLists,
        RuleGroup::PreflightCache,
        RuleGroup::CorsCheck,
    ]);
    let method = if rng.chance(50) {
        values::method(rng)
    } else {
        "POST".to_owned()
    };
    draft.scenario.request.method.clone_from(&method);
    let headers = script_headers(rng, draft);
    let names = listable_names(&headers);
    draft.scenario.request.headers = headers;
    draft.scenario.request.credentials = rng.pick(&CREDENTIALS);
    let url = draft.scenario.request.url.clone();
    let origin = draft.page_origin().to_owned();
    let preflight = values::preflight_headers(rng, &origin, &method, &names);
    draft.preflight(&url, values::preflight_status(rng), preflight);
    let mut response = values::allow_origin(rng, &origin);
    response.extend(values::allow_credentials(rng));
    draft.respond(&url, 200, response);
}
