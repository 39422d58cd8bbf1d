//! A scenario that reproduces a recognised failure: the request the message implies, and server answers
//! that fail exactly the recognised check.

use cors_rules::scenario::{
    Answer, Api, CredentialsMode, HeaderPair, HttpAnswer, RedirectMode, Request, RequestMode,
    ServerEntry,
};
use cors_rules::{Browser, CheckId, Scenario, Stage};

use cors_rules::forbidden::forbidden_request_header;
use cors_rules::local_network::{address_space, AddressSpace};
use cors_rules::method::{is_cors_safelisted_method, normalize_method};
use cors_rules::port_blocking::bad_port;
use cors_rules::quirks::quirks;
use cors_rules::safelist::cors_unsafe_request_header_names_in;

use crate::assumption::{AssumedField, Assumption};

use super::answers::{broken_preflight, broken_response, cors_headers, good_preflight, want};
use super::catalog::is_preflight_check;
use super::facts::{is_http_url, Facts};
use super::redirects::redirect_servers;
use super::target::{origin_of, Target};
use crate::policy::needs_preflight_in;

/// The page assumed when the message does not quote one.
pub const ASSUMED_PAGE: &str = "https://app.example";
/// The page assumed for a URL on this computer or the local network.
pub const ASSUMED_LOCAL_PAGE: &str = "http://localhost:5173";
/// The URL assumed when the message does not quote one.
pub const ASSUMED_URL: &str = "https://api.example/data";

/// A reproduction and what it had to assume.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Reproduction {
    pub scenario: Scenario,
    pub assumptions: Vec<Assumption>,
}

/// Builds the scenario.
pub(crate) fn reproduce(target: &Target) -> Reproduction {
    let facts = target.facts;
    let mut assumptions = Vec::new();
    let via_location = target.redirected_away_from_page();
    let url = match (&facts.location, via_location) {
        (Some(location), true) => location.clone(),
        _ => url_for(target.check, facts, &mut assumptions),
    };
    let page = page_for(facts, &url, &mut assumptions);
    let url = if via_location {
        let start = format!("{}/start", page.as_deref().unwrap_or(ASSUMED_PAGE));
        assumptions.push(Assumption::new(
            AssumedField::Url,
            start.clone(),
            "the message names only where a redirect led; a URL of the page's own origin stands for the one \
             the script called",
        ));
        start
    } else {
        url
    };
    let (method, headers) = request_shape(target, &mut assumptions);
    let include = matches!(
        target.check,
        CheckId::AllowOriginWildcard
            | CheckId::PreflightAllowOriginWildcard
            | CheckId::AllowCredentials
            | CheckId::PreflightAllowCredentials
    );
    let request = Request {
        url: facts.initial_url.clone().unwrap_or_else(|| url.clone()),
        method,
        headers,
        mode: mode_for(target.check),
        credentials: if include {
            CredentialsMode::Include
        } else {
            CredentialsMode::SameOrigin
        },
        redirect: if matches!(
            target.check,
            CheckId::NoCorsRedirectMode | CheckId::RedirectMode
        ) {
            RedirectMode::Error
        } else {
            RedirectMode::Follow
        },
        api: facts.api.unwrap_or(Api::Fetch),
        preflight_flag: false,
    };
    let server = servers(target, &page, &request, &url, &mut assumptions);
    let scenario = Scenario {
        browser: target.browser,
        page,
        request,
        server,
    };
    Reproduction {
        scenario,
        assumptions,
    }
}

/// A warning printed beside a request that succeeds: Firefox's `Access-Control-Allow-Headers: *` no
/// longer covering `Authorization`. The request sends `Authorization`, the preflight answers `*`.
pub(crate) fn reproduce_warning(target: &Target) -> Reproduction {
    let mut reproduction = reproduce(target);
    let scenario = &mut reproduction.scenario;
    scenario.request.method = "GET".to_owned();
    scenario.request.credentials = CredentialsMode::SameOrigin;
    scenario.request.headers = vec![("Authorization".to_owned(), "Bearer token".to_owned())];
    reproduction
        .assumptions
        .retain(|a| a.field != AssumedField::RequestHeader && a.field != AssumedField::Method);
    let page_origin = scenario.page.clone().unwrap_or_else(|| "null".to_owned());
    let origin = [("Access-Control-Allow-Origin".to_owned(), page_origin)];
    for entry in &mut scenario.server {
        let mut preflight = origin.to_vec();
        preflight.push(("Access-Control-Allow-Headers".to_owned(), "*".to_owned()));
        entry.preflight = Some(Answer::Http(HttpAnswer {
            status: 204,
            headers: preflight,
        }));
        entry.response = Answer::Http(HttpAnswer {
            status: 200,
            headers: origin.to_vec(),
        });
    }
    reproduction
}

fn url_for(check: CheckId, facts: &Facts, assumptions: &mut Vec<Assumption>) -> String {
    let quoted = facts.url.clone();
    let http = quoted.as_deref().is_some_and(is_http_url);
    match check {
        CheckId::CorsScheme if quoted.is_none() || http => {
            let url = "file:///data.json";
            assumptions.push(Assumption::new(
                AssumedField::Url,
                url,
                "the message says the URL's scheme is not HTTP(S); a file: URL stands in for it",
            ));
            url.to_owned()
        }
        CheckId::MixedContent if quoted.as_deref().is_none_or(|u| !u.starts_with("http:")) => {
            let https = quoted.unwrap_or_else(|| ASSUMED_URL.to_owned());
            let http = https.replacen("https:", "http:", 1);
            assumptions.push(Assumption::new(
                AssumedField::Url,
                http.clone(),
                "mixed content means an http: URL",
            ));
            http
        }
        CheckId::BadPort
            if quoted
                .as_deref()
                .and_then(|u| url::Url::parse(u).ok())
                .and_then(|u| bad_port(&u))
                .is_none() =>
        {
            let url = "http://api.example.com:6000/data";
            assumptions.push(Assumption::new(
                AssumedField::Url,
                url,
                "the message does not quote the URL; its port is one browsers refuse",
            ));
            url.to_owned()
        }
        _ => quoted.unwrap_or_else(|| {
            assumptions.push(Assumption::new(
                AssumedField::Url,
                ASSUMED_URL,
                "the message does not quote the URL",
            ));
            ASSUMED_URL.to_owned()
        }),
    }
}

fn page_for(facts: &Facts, url: &str, assumptions: &mut Vec<Assumption>) -> Option<String> {
    match facts.origin.as_deref() {
        Some("null") => None,
        Some(origin) => Some(origin.to_owned()),
        None => {
            let url_origin = origin_of(url);
            // A URL on this computer or the local network is most often called by a page served from
            // this computer too; a public page would meet Chrome's Local Network Access first.
            let local =
                url::Url::parse(url).is_ok_and(|u| address_space(&u) != AddressSpace::Public);
            let [first, second] = if local {
                [ASSUMED_LOCAL_PAGE, "http://localhost:3000"]
            } else {
                [ASSUMED_PAGE, "https://other-app.example"]
            };
            let page = if url_origin.as_deref() == Some(first) {
                second
            } else {
                first
            };
            assumptions.push(Assumption::new(
                AssumedField::PageOrigin,
                page,
                "the message does not quote the page's origin",
            ));
            Some(page.to_owned())
        }
    }
}

fn mode_for(check: CheckId) -> RequestMode {
    match check {
        CheckId::SameOriginMode => RequestMode::SameOrigin,
        // Cross-Origin-Resource-Policy guards what CORS does not: no-cors responses.
        CheckId::NoCorsRedirectMode | CheckId::CrossOriginResourcePolicy => RequestMode::NoCors,
        _ => RequestMode::Cors,
    }
}

/// A plausible value for a request header the message names.
fn value_for(header: &str) -> &'static str {
    match header.to_ascii_lowercase().as_str() {
        "content-type" => "application/json",
        "authorization" => "Bearer token",
        _ => "1",
    }
}

/// Values the browsers do not safelist, tried in order for a header the message says was sent in the
/// preflight's list although its name is safelisted: a value outside the header's safelist, then one over
/// the 128-byte limit.
fn unsafe_values(header: &str) -> [&'static str; 2] {
    const LONG: &str =
        "a-value-longer-than-the-128-bytes-a-safelisted-header-may-carry-a-value-longer-than-\
        the-128-bytes-a-safelisted-header-may-carry";
    let first = match header.to_ascii_lowercase().as_str() {
        "accept" => "application/vnd.api+json; profile=\"https://app.example/v1\"",
        "accept-language" | "content-language" => "en_US",
        "range" => "bytes=0-99,200-299",
        _ => "\"1\"",
    };
    [first, LONG]
}

/// The header as the script must have set it for the browser to list it in the preflight: its plausible
/// value, or one the browser does not safelist, with the assumption that says so.
fn header_for(header: &str, browser: Browser, assumptions: &mut Vec<Assumption>) -> HeaderPair {
    let listed = |value: &str| {
        let pair = [(header, value.as_bytes())];
        !cors_unsafe_request_header_names_in(pair, quirks(browser))
            .names
            .is_empty()
    };
    let plausible = value_for(header);
    if listed(plausible) {
        return (header.to_owned(), plausible.to_owned());
    }
    let Some(value) = unsafe_values(header).into_iter().find(|v| listed(v)) else {
        return (header.to_owned(), plausible.to_owned());
    };
    assumptions.push(Assumption::new(
        AssumedField::HeaderValues,
        format!("{header}: {value}"),
        format!(
            "`{header}` needs no permission with most values, so the browser listed it in the preflight \
             because of its value: one with other characters than the safelist allows, or longer than 128 \
             bytes, or all safelisted headers together over 1024 bytes"
        ),
    ));
    (header.to_owned(), value.to_owned())
}

/// The method and headers the script must have used for the check to be reached.
fn request_shape(target: &Target, assumptions: &mut Vec<Assumption>) -> (String, Vec<HeaderPair>) {
    let (check, facts) = (target.check, target.facts);
    let method = facts.method.clone();
    match check {
        CheckId::MethodAllowed | CheckId::AllowMethodsParse if method.is_none() => {
            assumptions.push(Assumption::new(
                AssumedField::Method,
                "PUT",
                "the message does not name the method",
            ));
            ("PUT".to_owned(), Vec::new())
        }
        CheckId::HeaderAllowed | CheckId::AuthorizationAllowed | CheckId::AllowHeadersParse => {
            let header = facts.header.clone().unwrap_or_else(|| {
                assumptions.push(Assumption::new(
                    AssumedField::RequestHeader,
                    "X-Custom",
                    "the message does not name the header",
                ));
                "X-Custom".to_owned()
            });
            let default_method = if header.eq_ignore_ascii_case("content-type") {
                "POST"
            } else {
                "GET"
            };
            let pair = header_for(&header, target.browser, assumptions);
            (
                method.unwrap_or_else(|| default_method.to_owned()),
                vec![pair],
            )
        }
        c if is_preflight_check(c) => match method {
            Some(m) if !is_cors_safelisted_method(&normalize_method(&m)) => (m, Vec::new()),
            other => {
                let method = other.unwrap_or_else(|| {
                    assumptions.push(Assumption::new(
                        AssumedField::Method,
                        "POST",
                        "a preflight was sent, and the message does not name the method",
                    ));
                    "POST".to_owned()
                });
                // A header the browser refused to set is dropped, so it cannot be why it preflighted.
                let named = facts
                    .header
                    .clone()
                    .filter(|h| forbidden_request_header(h, b"").is_none());
                let header = named.unwrap_or_else(|| {
                    assumptions.push(Assumption::new(
                        AssumedField::RequestHeader,
                        "Content-Type",
                        "a JSON body (Content-Type: application/json) is the usual reason for a preflight",
                    ));
                    "Content-Type".to_owned()
                });
                (
                    method,
                    vec![header_for(&header, target.browser, assumptions)],
                )
            }
        },
        _ => (method.unwrap_or_else(|| "GET".to_owned()), Vec::new()),
    }
}

fn servers(
    target: &Target,
    page: &Option<String>,
    request: &Request,
    url: &str,
    assumptions: &mut Vec<Assumption>,
) -> Vec<ServerEntry> {
    let page_origin = page.clone().unwrap_or_else(|| "null".to_owned());
    let redirected = target
        .facts
        .initial_url
        .as_deref()
        .is_some_and(|initial| initial != url);
    if target.stage == Stage::Redirect || redirected || target.redirected_away_from_page() {
        let chain = redirect_servers(target, &page_origin, request, url);
        assumptions.extend(chain.assumptions);
        return chain.entries;
    }
    let want = want(&page_origin, request, url);
    let facts = target.facts;
    let preflight = if is_preflight_check(target.check) {
        Some(broken_preflight(target.check, &want, facts))
    } else if needs_preflight_in(request, target.browser) {
        Some(Answer::Http(HttpAnswer {
            status: 204,
            headers: good_preflight(&want),
        }))
    } else {
        None
    };
    let response = if is_preflight_check(target.check) {
        Answer::Http(HttpAnswer {
            status: 200,
            headers: cors_headers(&want),
        })
    } else {
        broken_response(target.check, &want, facts)
    };
    vec![ServerEntry {
        url: url.to_owned(),
        preflight,
        response,
    }]
}
