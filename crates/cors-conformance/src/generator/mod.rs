//! The deterministic scenario generator: the same seed and count always give the same cases.
//!
//! Scenarios are written in example terms (`http://app.example` is the page, `http://api.example` a
//! cross-site API, `http://api.app.example` a same-site one); the lab translates them onto its loopback
//! origins before they run, and the engine judges the translated scenario, the one the browser really sees.
//! Each family of cases (see [`FAMILIES`]) covers some rule groups; families take turns, so any prefix of the
//! cases spreads across all of them.

mod adversarial;
mod draft;
mod expose;
mod modes;
mod preflight;
mod redirects;
mod request_headers;
mod simple;
mod values;

use std::collections::BTreeSet;

use cors_rules::scenario::{Api, CredentialsMode, RedirectMode, RequestMode};
use cors_rules::{Browser, Scenario};
use serde::{Deserialize, Serialize};

pub use draft::{Draft, APP, CROSS_SITE, EVIL, SAME_SITE, THIRD};

use crate::groups::RuleGroup;
use crate::rng::Rng;

/// One generated case: a stable id, the rule groups it exercises and the scenario itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    /// `family-index`, e.g. `preflight-methods-0042`; stable for a given seed.
    pub id: String,
    /// The rule groups this case exercises.
    pub groups: BTreeSet<RuleGroup>,
    /// The scenario in example terms (before lab translation).
    pub scenario: Scenario,
}

/// How many cases, from which seed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GeneratorConfig {
    /// The seed: the same seed gives the same cases.
    pub seed: u64,
    /// How many cases to generate.
    pub count: usize,
}

/// A family of cases: fills a fresh draft from the random stream.
pub type Family = fn(&mut Draft, &mut Rng);

/// Every family, in turn order, with its name (the case-id prefix).
pub const FAMILIES: &[(&str, Family)] = &[
    ("simple", simple::simple_request),
    ("origins", simple::origin_relations),
    ("status", simple::response_status),
    ("methods", preflight::methods),
    ("req-headers", request_headers::request_headers),
    ("preflight-status", preflight::preflight_status),
    ("preflight-lists", preflight::preflight_lists),
    ("expose", expose::exposed_headers),
    ("credentials", simple::credentials),
    ("no-cors", modes::no_cors),
    ("same-origin-mode", modes::same_origin_mode),
    ("redirect", redirects::redirect_chain),
    ("redirect-preflight", redirects::redirected_preflight),
    ("construction", modes::request_construction),
    ("safelist-total", request_headers::safelisted_total),
    ("opaque-page", simple::opaque_page),
    ("odd-headers", adversarial::odd_headers),
    ("odd-location", adversarial::odd_location),
    ("redirect-limit", adversarial::redirect_limit),
    ("rewrite-307", adversarial::rewrite_then_307),
    ("upload-listener", adversarial::upload_listener),
    ("odd-status", adversarial::odd_status),
    ("odd-headers", adversarial::odd_headers),
    ("odd-location", adversarial::odd_location),
];

/// Generates `config.count` cases from `config.seed`.
#[must_use]
pub fn generate(config: &GeneratorConfig) -> Vec<Case> {
    let root = Rng::new(config.seed);
    (0..config.count)
        .map(|index| generate_one(&root, index))
        .collect()
}

/// The case at `index` of the stream seeded by `seed`, as [`generate`] would produce it.
#[must_use]
pub fn generate_at(seed: u64, index: usize) -> Case {
    generate_one(&Rng::new(seed), index)
}

/// The case at `index` of the stream seeded by `root` (independent of how many cases are generated).
fn generate_one(root: &Rng, index: usize) -> Case {
    let (name, family) = FAMILIES[index % FAMILIES.len()];
    let mut rng = root.fork(index as u64);
    let id = format!("{name}-{index:04}");
    let mut draft = Draft::new(&id);
    family(&mut draft, &mut rng);
    apply_api_variant(&mut draft, &mut rng);
    complete_entries(&mut draft);
    draft.finish(id)
}

/// Adds a server entry for every URL some browser profile would request but the family did not answer
/// (an odd `Location` read several ways), answering as a permissive CORS server does.
fn complete_entries(draft: &mut Draft) {
    let page = draft.page_origin().to_owned();
    for browser in [Browser::Chrome, Browser::Firefox, Browser::Safari] {
        for _ in 0..4 {
            let mut scenario = draft.scenario.clone();
            scenario.browser = browser;
            let Err(error) = cors_rules::evaluate(&scenario) else {
                break;
            };
            let Some(url) = error.problem.strip_prefix("no entry answers ") else {
                break;
            };
            let headers = vec![
                draft::pair("Access-Control-Allow-Origin", &page),
                draft::pair("Access-Control-Allow-Credentials", "true"),
                draft::pair("Access-Control-Allow-Methods", "PUT"),
            ];
            let url = url.to_owned();
            draft.respond(&url, 200, headers);
        }
    }
}

/// Turns about a quarter of the cases XHR can express into XHR cases (always `cors` mode and `follow`;
/// `withCredentials` gives `include`, otherwise `same-origin`).
fn apply_api_variant(draft: &mut Draft, rng: &mut Rng) {
    let request = &draft.scenario.request;
    let expressible = request.mode == RequestMode::Cors
        && request.redirect == RedirectMode::Follow
        && request.credentials != CredentialsMode::Omit
        && !draft.fetch_only;
    if draft.scenario.request.api == Api::Xhr || (expressible && rng.chance(25)) {
        draft.scenario.request.api = Api::Xhr;
        draft.tag(&[RuleGroup::Xhr]);
        apply_upload_listener(draft, rng);
    }
}

/// Sets the use-CORS-preflight flag on about a third of the XHR cases that upload a body: the harness
/// registers an upload listener before `send()` and sends a short text body (U-1…U-3). A script-set
/// `Content-Type` is left out of these, because XHR rewrites its charset for text bodies.
fn apply_upload_listener(draft: &mut Draft, rng: &mut Rng) {
    let request = &draft.scenario.request;
    let has_body = !["GET", "HEAD"].contains(&request.method.to_ascii_uppercase().as_str());
    let sets_content_type = request
        .headers
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("content-type"));
    if has_body && !sets_content_type && rng.chance(35) {
        draft.scenario.request.preflight_flag = true;
        draft.tag(&[RuleGroup::PreflightFlag]);
    }
}

/// The rule groups covered by `cases`.
#[must_use]
pub fn covered_groups(cases: &[Case]) -> BTreeSet<RuleGroup> {
    cases
        .iter()
        .flat_map(|case| case.groups.iter().copied())
        .collect()
}
