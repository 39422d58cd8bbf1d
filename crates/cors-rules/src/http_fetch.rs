//! HTTP fetch for one hop: the preflight decision, the request on the wire, and the response checks
//! (<https://fetch.spec.whatwg.org/#http-fetch>, rules T-8, T-9, P-1, OH-3…OH-6, CR-1, K-7, CORP-1).

use url::Url;

use crate::corp::cross_origin_resource_policy_check;
use crate::cors_check::{cors_check, record_cors_check, CheckedResponse};
use crate::credentials::include_credentials;
use crate::expose::readable_header_names;
use crate::header_list::get;
use crate::main_fetch::{Ending, Fetch, Halt, Step};
use crate::method::is_cors_safelisted_method;
use crate::preflight::{cors_preflight_fetch, credentials_id, PreflightRequest};
use crate::preflight_cache::CacheQuery;
use crate::recorder::kv;
use crate::redirect::{follow_redirect, is_redirect_status, location_value};
use crate::safelist::{cors_unsafe_request_header_names, TOTAL_LIMIT};
use crate::scenario::{Answer, CredentialsMode, HttpAnswer, InputError, RequestMode};
use crate::tainting::ResponseTainting;
use crate::trace::{CheckId, Key, Stage};
use crate::validate::Server;
use crate::verdict::WireRequest;

/// Which fetch main fetch chose (T-2, T-6, T-8/T-9).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Route {
    /// Same origin: no CORS.
    Basic,
    /// `no-cors` cross-origin: an opaque response.
    Opaque,
    /// `cors` cross-origin: CORS checks, perhaps a preflight.
    Cors,
}

/// Runs the hop: preflight when needed, the request, then the response checks. `Ok` is a redirect's target.
pub(crate) fn http_fetch(fetch: &mut Fetch<'_>, route: Route) -> Step<Url> {
    let stage = fetch.hop_stage();
    if route == Route::Cors {
        preflight_if_needed(fetch, stage)?;
    }
    let answer = send_request(fetch, stage)?;
    handle_response(fetch, answer)
}

/// T-8 and P-1: is a preflight needed (and not already cached), and if so, run it.
fn preflight_if_needed(fetch: &mut Fetch<'_>, stage: Stage) -> Step<()> {
    let unsafe_names = cors_unsafe_request_header_names(
        fetch
            .headers
            .iter()
            .map(|h| (h.name.as_str(), h.value.as_slice())),
        fetch.quirks.extra_safelist,
    );
    for (header, result) in fetch.headers.iter().zip(&unsafe_names.headers) {
        let reason = result.verdict.err().map(|r| r.id()).unwrap_or_default();
        let values = vec![
            kv(Key::Header, header.name.as_str()),
            kv(Key::Value, header.value_text()),
            kv(Key::Reason, reason),
        ];
        fetch.rec.record(
            CheckId::SafelistedHeader,
            stage,
            if reason.is_empty() {
                crate::StepOutcome::Pass
            } else {
                crate::StepOutcome::Info
            },
            values,
        );
    }
    if unsafe_names.safelisted_total > TOTAL_LIMIT {
        let values = vec![
            kv(Key::Count, unsafe_names.safelisted_total.to_string()),
            kv(Key::Cap, TOTAL_LIMIT.to_string()),
        ];
        fetch.rec.info(CheckId::SafelistedTotal, stage, values);
    }
    let method_unsafe = !is_cors_safelisted_method(&fetch.method);
    let mut reasons = Vec::new();
    if method_unsafe {
        reasons.push("method");
    }
    if !unsafe_names.names.is_empty() {
        reasons.push("headers");
    }
    if fetch.request.preflight_flag {
        reasons.push("flag");
    }
    let values = vec![
        kv(Key::Method, fetch.method.as_str()),
        kv(Key::Names, unsafe_names.names.join(",")),
        kv(Key::Reason, reasons.join(",")),
    ];
    if reasons.is_empty() {
        fetch.rec.pass(CheckId::PreflightNeeded, stage, values);
        return Ok(());
    }
    fetch.rec.info(CheckId::PreflightNeeded, stage, values);
    // P-1: "If … there is no method cache entry match … or there is one item … without a header-name cache
    // entry match" then a preflight is made; otherwise the cached result is used.
    let origin = fetch.serialized_request_origin();
    let query = CacheQuery {
        origin: &origin,
        url: &fetch.current_url,
        credentials: fetch.request.credentials == CredentialsMode::Include,
    };
    let method_cached = fetch.cache.method_match(&query, &fetch.method)
        || (!method_unsafe && !fetch.request.preflight_flag);
    if method_cached
        && unsafe_names
            .names
            .iter()
            .all(|n| fetch.cache.header_match(&query, n))
    {
        fetch.rec.info(
            CheckId::PreflightCache,
            stage,
            vec![kv(Key::Url, fetch.current_url.as_str())],
        );
        return Ok(());
    }
    run_preflight(fetch, &origin, &unsafe_names.names)
}

/// <https://fetch.spec.whatwg.org/#cors-preflight-fetch-0> (P-2, P-3): the `OPTIONS` request and its checks.
fn run_preflight(fetch: &mut Fetch<'_>, origin: &str, unsafe_names: &[String]) -> Step<()> {
    let url = fetch.current_url.clone();
    let mut headers = vec![
        ("Origin".to_owned(), origin.to_owned()),
        (
            "Access-Control-Request-Method".to_owned(),
            fetch.method.clone(),
        ),
    ];
    // "If headers is not empty, then … `Access-Control-Request-Headers` … joined with 0x2C (no space)."
    if !unsafe_names.is_empty() {
        headers.push((
            "Access-Control-Request-Headers".to_owned(),
            unsafe_names.join(","),
        ));
    }
    // P-2: the preflight never carries credentials.
    fetch.requests.push(WireRequest {
        method: "OPTIONS".to_owned(),
        url: url.to_string(),
        credentials: false,
        headers,
    });
    let server = lookup(fetch.input.servers.as_slice(), &url)?;
    let answer = server.preflight.unwrap_or(server.response);
    let written_names: Vec<String> = fetch.headers.iter().map(|h| h.name.clone()).collect();
    let request = PreflightRequest {
        url: &url,
        origin,
        method: &fetch.method,
        unsafe_names,
        written_names: &written_names,
        credentials: fetch.request.credentials,
        preflight_flag: fetch.request.preflight_flag,
    };
    match cors_preflight_fetch(&request, answer, fetch.quirks, &mut fetch.rec) {
        Ok(success) => {
            let query = CacheQuery {
                origin,
                url: &url,
                credentials: fetch.request.credentials == CredentialsMode::Include,
            };
            fetch.cache.insert(
                &query,
                &success.methods,
                &success.header_names,
                success.max_age,
            );
            Ok(())
        }
        Err(_) => Err(Halt::Ended(Ending::NetworkError)),
    }
}

/// The server entry answering `url`.
fn lookup<'s, 'a>(servers: &'s [Server<'a>], url: &Url) -> Step<&'s Server<'a>> {
    servers.iter().find(|s| s.url == *url).ok_or_else(|| {
        Halt::Input(InputError {
            field: "server".to_owned(),
            problem: format!("no entry answers {url}"),
        })
    })
}

/// HTTP-network-or-cache fetch: credentials (CR-1), the `Origin` header (OH-3, OH-4), the wire request.
fn send_request<'a>(fetch: &mut Fetch<'a>, stage: Stage) -> Step<&'a HttpAnswer> {
    let url = fetch.current_url.clone();
    let credentials = include_credentials(fetch.request.credentials, fetch.tainting);
    let values = vec![
        kv(Key::Url, url.as_str()),
        kv(Key::Value, credentials.to_string()),
        kv(
            Key::CredentialsMode,
            credentials_id(fetch.request.credentials),
        ),
    ];
    fetch.rec.info(CheckId::Credentials, stage, values);
    let origin = origin_header(fetch);
    fetch.rec.info(
        CheckId::OriginHeader,
        stage,
        vec![
            kv(Key::Url, url.as_str()),
            kv(Key::SentOrigin, origin.clone().unwrap_or_default()),
        ],
    );
    let mut headers: Vec<(String, String)> = origin
        .into_iter()
        .map(|o| ("Origin".to_owned(), o))
        .collect();
    headers.extend(
        fetch
            .headers
            .iter()
            .map(|h| (h.name.clone(), h.value_text())),
    );
    fetch.requests.push(WireRequest {
        method: fetch.method.clone(),
        url: url.to_string(),
        credentials,
        headers,
    });
    let server = lookup(fetch.input.servers.as_slice(), &url)?;
    match &server.response {
        Answer::Http(http) => Ok(http),
        Answer::Error(kind) => fetch.network_error(
            CheckId::NetworkError,
            Stage::Response,
            vec![kv(Key::Url, url.as_str()), kv(Key::ErrorKind, kind.id())],
        ),
    }
}

/// <https://fetch.spec.whatwg.org/#append-a-request-origin-header> (OH-3, OH-4).
fn origin_header(fetch: &Fetch<'_>) -> Option<String> {
    let serialized = fetch.serialized_request_origin();
    // "If request's response tainting is "cors" …, then append (`Origin`, serializedOrigin)."
    if fetch.tainting == ResponseTainting::Cors {
        return Some(serialized);
    }
    // "Otherwise, if request's method is neither `GET` nor `HEAD`, then: if request's mode is not "cors",
    // then switch on request's referrer policy" — the default, strict-origin-when-cross-origin, sends
    // `null` when an https origin requests a non-https URL.
    if fetch.method == "GET" || fetch.method == "HEAD" {
        return None;
    }
    let downgrade =
        fetch.input.page.scheme() == Some("https") && fetch.current_url.scheme() != "https";
    if fetch.request.mode != RequestMode::Cors && downgrade {
        return Some("null".to_owned());
    }
    Some(serialized)
}

/// The response: HTTP status, CORS check (K-7) or CORP (CORP-1), then a redirect or the end.
fn handle_response(fetch: &mut Fetch<'_>, answer: &HttpAnswer) -> Step<Url> {
    let url = fetch.current_url.clone();
    let location = if is_redirect_status(answer.status) {
        location_value(&answer.headers)
    } else {
        None
    };
    let stage = if location.is_some() {
        Stage::Redirect
    } else {
        Stage::Response
    };
    if answer.status >= 400 {
        fetch.rec.info(
            CheckId::HttpStatus,
            stage,
            vec![
                kv(Key::Url, url.as_str()),
                kv(Key::Status, answer.status.to_string()),
            ],
        );
    }
    match fetch.tainting {
        // "If request's response tainting is "cors" and a CORS check for request and response returns
        // failure, then return a network error." — on every response, redirects included (K-7, R-15).
        ResponseTainting::Cors => {
            let origin = fetch.serialized_request_origin();
            let result = cors_check(
                &answer.headers,
                &origin,
                fetch.request.credentials,
                fetch.quirks.allow_origin_diagnosis,
            );
            record_cors_check(
                &result,
                CheckedResponse::Response,
                &url,
                &origin,
                answer,
                stage,
                &mut fetch.rec,
            );
            if result.is_err() {
                return Err(Halt::Ended(Ending::NetworkError));
            }
        }
        // CORP-1: "If request's response tainting is "opaque"", the CORP check applies (CORP-6: redirects too).
        ResponseTainting::Opaque => {
            if cross_origin_resource_policy_check(&fetch.input.page, &url, &answer.headers).is_err()
            {
                let value =
                    get(&answer.headers, "cross-origin-resource-policy").unwrap_or_default();
                return fetch.network_error(
                    CheckId::CrossOriginResourcePolicy,
                    stage,
                    vec![kv(Key::Url, url.as_str()), kv(Key::Value, value)],
                );
            }
        }
        ResponseTainting::Basic => {}
    }
    if let Some(location) = location {
        return follow_redirect(fetch, answer, &location);
    }
    finish(fetch, answer)
}

/// T-11, E-*: the filtered response the script receives.
fn finish(fetch: &mut Fetch<'_>, answer: &HttpAnswer) -> Step<Url> {
    let readable =
        readable_header_names(&answer.headers, fetch.tainting, fetch.request.credentials);
    if fetch.tainting == ResponseTainting::Cors {
        let raw = get(&answer.headers, "access-control-expose-headers").unwrap_or_default();
        fetch.rec.info(
            CheckId::ExposeHeaders,
            Stage::Response,
            vec![kv(Key::Value, raw), kv(Key::Names, readable.join(","))],
        );
    }
    fetch.rec.info(
        CheckId::ResponseTainting,
        Stage::Response,
        vec![kv(Key::Value, fetch.tainting.id())],
    );
    Err(Halt::Ended(Ending::Response {
        tainting: fetch.tainting,
        status: answer.status,
        readable,
    }))
}
