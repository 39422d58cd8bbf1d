//! Families of requests without a preflight: the CORS check on the response (K-*), origin relations (O-*),
//! statuses, credentials modes (CR-*) and opaque-origin pages (X-6).

use cors_rules::scenario::{CredentialsMode, RequestMode};

use super::draft::{pair, Draft, APP, CROSS_SITE, SAME_SITE, THIRD};
use super::values;
use crate::groups::RuleGroup;
use crate::rng::Rng;

/// Every credentials mode, `include` weighted up.
pub const CREDENTIALS: [CredentialsMode; 4] = [
    CredentialsMode::Omit,
    CredentialsMode::SameOrigin,
    CredentialsMode::Include,
    CredentialsMode::Include,
];

/// A safelisted method as scripts write it.
fn simple_method(rng: &mut Rng) -> String {
    rng.pick(&["GET", "GET", "HEAD", "POST", "get", "post", "head"])
        .to_owned()
}

/// Family `simple`: a cross-origin simple request answered with every ACAO/ACAC shape.
pub fn simple_request(draft: &mut Draft, rng: &mut Rng) {
    draft.tag(&[
        RuleGroup::CorsCheck,
        RuleGroup::OriginHeader,
        RuleGroup::Tainting,
    ]);
    draft.scenario.request.method = simple_method(rng);
    draft.scenario.request.credentials = rng.pick(&CREDENTIALS);
    let origin = rng.pick(&[CROSS_SITE, SAME_SITE]);
    let url = draft.target(origin, "r");
    let page = draft.page_origin().to_owned();
    let mut headers = values::allow_origin(rng, &page);
    headers.extend(values::allow_credentials(rng));
    draft.respond(&url, 200, headers);
}

/// Family `origins`: same-origin and cross-origin URLs, default ports written out, host case.
pub fn origin_relations(draft: &mut Draft, rng: &mut Rng) {
    draft.tag(&[
        RuleGroup::Origins,
        RuleGroup::Tainting,
        RuleGroup::OriginHeader,
    ]);
    if rng.chance(12) {
        data_url(draft, rng);
        return;
    }
    let (origin, written) = rng.pick(&[
        (APP, APP.to_owned()),
        (APP, format!("{APP}:80")),
        (APP, "http://APP.example".to_owned()),
        (SAME_SITE, SAME_SITE.to_owned()),
        (CROSS_SITE, format!("{CROSS_SITE}:80")),
        (THIRD, THIRD.to_owned()),
    ]);
    let url = draft.url(origin, "r");
    draft.scenario.request.url = format!("{written}{}", url.trim_start_matches(origin));
    draft.scenario.request.method = rng.pick(&["GET", "POST", "PUT", "DELETE"]).to_owned();
    draft.scenario.request.credentials = rng.pick(&CREDENTIALS);
    let page = draft.page_origin().to_owned();
    let method = draft.scenario.request.method.clone();
    if rng.chance(70) {
        draft.preflight(&url, 204, values::passing_preflight(&page, &method, &[]));
    }
    let mut headers = if rng.chance(70) {
        values::passing_response(&page)
    } else {
        values::allow_origin(rng, &page)
    };
    headers.push(pair("X-Served-By", "conformance"));
    draft.respond(&url, 200, headers);
    draft.entry(&url).url = draft.scenario.request.url.clone();
}

/// A `data:` URL: never CORS-checked, in any mode (T-3).
fn data_url(draft: &mut Draft, rng: &mut Rng) {
    let url = rng.pick(&["data:text/plain,conformance", "data:application/json,{}"]);
    draft.scenario.request.url = url.to_owned();
    let modes = [
        RequestMode::Cors,
        RequestMode::NoCors,
        RequestMode::SameOrigin,
    ];
    draft.scenario.request.mode = rng.pick(&modes);
    draft.scenario.request.credentials = rng.pick(&CREDENTIALS);
    draft.fetch_only = draft.scenario.request.mode != RequestMode::Cors;
}

/// Family `status`: a CORS response with any status is shared when it passes the check (K-7).
pub fn response_status(draft: &mut Draft, rng: &mut Rng) {
    draft.tag(&[RuleGroup::CorsCheck]);
    draft.scenario.request.method = simple_method(rng);
    let status = rng.pick(&[
        200, 201, 202, 203, 204, 205, 206, 299, 400, 401, 403, 404, 418, 500, 502, 503,
    ]);
    let url = draft.scenario.request.url.clone();
    let page = draft.page_origin().to_owned();
    let headers = if rng.chance(75) {
        vec![pair("Access-Control-Allow-Origin", &page)]
    } else {
        vec![]
    };
    draft.respond(&url, status, headers);
}

/// Family `credentials`: credentials modes against ACAO `*`, exact origins and every ACAC shape.
pub fn credentials(draft: &mut Draft, rng: &mut Rng) {
    draft.tag(&[RuleGroup::Credentials, RuleGroup::CorsCheck]);
    draft.scenario.request.credentials = rng.pick(&CREDENTIALS);
    let origin = rng.pick(&[APP, SAME_SITE, CROSS_SITE]);
    let url = draft.target(origin, "r");
    let page = draft.page_origin().to_owned();
    let allow = if rng.chance(50) { "*".to_owned() } else { page };
    let mut headers = vec![pair("Access-Control-Allow-Origin", &allow)];
    headers.extend(values::allow_credentials(rng));
    if rng.chance(30) {
        draft.scenario.request.method = "PUT".to_owned();
        let mut preflight = vec![
            pair("Access-Control-Allow-Origin", &allow),
            pair("Access-Control-Allow-Methods", "PUT"),
        ];
        preflight.extend(values::allow_credentials(rng));
        draft.preflight(&url, 200, preflight);
        draft.tag(&[RuleGroup::Preflight]);
    }
    draft.respond(&url, 200, headers);
}

/// Family `opaque-page`: the script runs in a sandboxed iframe, so its origin is opaque and serializes as
/// `null` (O-2, X-6, X-7).
pub fn opaque_page(draft: &mut Draft, rng: &mut Rng) {
    draft.tag(&[
        RuleGroup::OpaquePages,
        RuleGroup::Origins,
        RuleGroup::CorsCheck,
    ]);
    draft.scenario.page = None;
    draft.scenario.request.credentials = rng.pick(&CREDENTIALS);
    let origin = rng.pick(&[APP, CROSS_SITE]);
    let url = draft.target(origin, "r");
    let allow = rng.pick(&["null", "null", "*", APP, "NULL", ""]);
    let mut headers = if allow.is_empty() {
        vec![]
    } else {
        vec![pair("Access-Control-Allow-Origin", allow)]
    };
    headers.extend(values::allow_credentials(rng));
    if rng.chance(40) {
        let method = rng.pick(&["PUT", "DELETE", "patch"]).to_owned();
        draft.scenario.request.method.clone_from(&method);
        draft.preflight(
            &url,
            204,
            values::preflight_headers(rng, "null", &method, &[]),
        );
        draft.tag(&[RuleGroup::Preflight]);
    }
    draft.respond(&url, 200, headers);
}
