//! HTTP fetch for one hop: the preflight decision, the request on the wire, and the response checks
//! (<https://fetch.spec.whatwg.org/#http-fetch>, rules T-8, T-9, P-1, OH-3…OH-6, CR-1, K-7, CORP-1).

use url::Url;

use crate::corp::cross_origin_resource_policy_check_in;
use crate::cors_check::{cors_check, record_response_cors_check};
use crate::credentials::include_credentials;
use crate::expose::readable_header_names;
use crate::fetch_state::{lookup, without_userinfo, DeferredFailure, Ending, Fetch, Halt, Step};
use crate::header_list::{get, get_combined};
use crate::origin::Origin;
use crate::preflight::credentials_id;
use crate::preflight_step::preflight_if_needed;
use crate::quirks::{
    EmptyLocation, ErrorModeWithoutLocation, NonHttpRedirect, OriginOnRedirect,
    RedirectCheckCredentials,
};
use crate::recorder::kv;
use crate::redirect::{
    follow_redirect, is_redirect_status, location_as_read, read_location, refuse_early_scheme,
    LocationLines,
};
use crate::request::{wire_form, wire_lines};
use crate::scenario::{Answer, CredentialsMode, HttpAnswer, RedirectMode, RequestMode};
use crate::tainting::ResponseTainting;
use crate::trace::{CheckId, Key, Stage};
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
    match fetch.failure_after_preflight.take() {
        Some(DeferredFailure::RedirectCredentials(values)) => {
            return fetch.network_error(CheckId::RedirectCredentials, Stage::Redirect, values);
        }
        Some(DeferredFailure::CredentialedRedirectCheck(steps)) => {
            fetch.rec.steps.extend(steps);
            return Err(Halt::Ended(Ending::NetworkError));
        }
        None => {}
    }
    let answer = send_request(fetch, stage)?;
    handle_response(fetch, answer)
}

/// HTTP-network-or-cache fetch: credentials (CR-1), the `Origin` header (OH-3, OH-4), the wire request.
fn send_request<'a>(fetch: &mut Fetch<'a>, stage: Stage) -> Step<&'a HttpAnswer> {
    let url = fetch.current_url.as_str();
    let credentials = include_credentials(fetch.request.credentials, fetch.tainting);
    let values = vec![
        kv(Key::Url, url),
        kv(Key::Value, if credentials { "true" } else { "false" }),
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
        vec![kv(Key::Url, url), kv(Key::SentOrigin, origin.unwrap_or(""))],
    );
    let mut headers: Vec<(String, String)> = Vec::with_capacity(fetch.headers.len() + 1);
    if let Some(origin) = origin {
        headers.push(("Origin".to_owned(), origin.to_owned()));
    }
    headers.extend(wire_form(
        wire_lines(&fetch.headers, fetch.quirks.repeated_request_headers),
        &fetch.method,
        fetch.quirks,
    ));
    fetch.requests.push(WireRequest {
        method: fetch.method.clone(),
        url: without_userinfo(&fetch.current_url).into(),
        credentials,
        headers,
    });
    let server = lookup(fetch.input.servers.as_slice(), &fetch.current_url)?;
    match &server.response {
        Answer::Http(http) => Ok(http),
        Answer::Error(kind) => {
            let values = vec![kv(Key::Url, url), kv(Key::ErrorKind, kind.id())];
            fetch.network_error(CheckId::NetworkError, Stage::Response, values)
        }
    }
}

/// <https://fetch.spec.whatwg.org/#append-a-request-origin-header> (OH-3, OH-4).
fn origin_header<'a>(fetch: &Fetch<'a>) -> Option<&'a str> {
    let serialized = fetch.serialized_request_origin();
    // "If request's response tainting is "cors" …, then append (`Origin`, serializedOrigin)."
    if fetch.tainting == ResponseTainting::Cors {
        return Some(serialized);
    }
    // "Otherwise, if request's method is neither `GET` nor `HEAD`, then: if request's mode is not "cors",
    // then switch on request's referrer policy" — the default, strict-origin-when-cross-origin, sends
    // `null` when an https origin requests a non-https URL.
    if fetch.method == "GET" || fetch.method == "HEAD" {
        // Deviation(Safari): a redirect to the same origin keeps the previous request's `Origin`.
        let current = Origin::of_url(&fetch.current_url);
        let kept = fetch.quirks.origin_on_redirect == OriginOnRedirect::KeptOnceSent
            && fetch
                .requests
                .iter()
                .rev()
                .find(|sent| sent.method != "OPTIONS")
                .is_some_and(|last| {
                    last.headers.iter().any(|(name, _)| name == "Origin")
                        && Url::parse(&last.url)
                            .is_ok_and(|url| Origin::of_url(&url).is_same_origin(&current))
                });
        return kept.then_some(serialized);
    }
    let downgrade =
        fetch.input.page.scheme() == Some("https") && fetch.current_url.scheme() != "https";
    if fetch.request.mode != RequestMode::Cors && downgrade {
        return Some("null");
    }
    Some(serialized)
}

/// The response: HTTP status, CORS check (K-7) or CORP (CORP-1), then a redirect or the end.
fn handle_response(fetch: &mut Fetch<'_>, answer: &HttpAnswer) -> Step<Url> {
    let redirect = is_redirect_status(answer.status);
    let location = match redirect.then(|| read_location(&answer.headers, fetch.quirks)) {
        Some(LocationLines::Value(value)) => Some(value),
        // Deviation(Chrome, Firefox): different `Location` lines fail before any CORS check.
        Some(LocationLines::Conflicting(combined)) => {
            let values = vec![
                kv(Key::Url, fetch.current_url.as_str()),
                kv(Key::Location, combined),
                kv(Key::Reason, "multiple"),
            ];
            return fetch.network_error(CheckId::RedirectLocation, Stage::Redirect, values);
        }
        Some(LocationLines::Absent) | None => None,
    };
    // Deviation(Safari): in redirect mode "error" an empty `Location` counts as none.
    let location = location.filter(|value| {
        !(value.is_empty()
            && fetch.quirks.empty_location == EmptyLocation::NetworkError
            && fetch.request.redirect == RedirectMode::Error)
    });
    // redirect modes "error" and "manual" act on a redirect status before `Location` is read.
    // Deviation(Chrome, Safari): "error" without `Location` hands the response over.
    let mode_acts = match fetch.request.redirect {
        RedirectMode::Follow => false,
        RedirectMode::Manual => true,
        RedirectMode::Error => {
            fetch.quirks.error_mode_without_location == ErrorModeWithoutLocation::NetworkError
        }
    };
    let as_redirect = location.is_some() || (redirect && mode_acts);
    // Deviation(Firefox): some non-HTTP(S) redirect targets fail before the CORS check.
    if let (Some(location), RedirectMode::Follow) = (location.as_deref(), fetch.request.redirect) {
        if fetch.quirks.non_http_redirect == NonHttpRedirect::SomeSchemesFirst {
            refuse_early_scheme(fetch, location)?;
        }
    }
    let url = &fetch.current_url;
    let stage = if as_redirect {
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
            let credentials = redirect_check_credentials(fetch, location.as_deref());
            let diagnosis = fetch.quirks.allow_origin_diagnosis;
            let result = cors_check(&answer.headers, origin, credentials, diagnosis);
            let first = fetch.rec.steps.len();
            let target = location.as_deref().map(|location| {
                match location_as_read(url, location, fetch.quirks) {
                    Some(mut target) => {
                        target.set_fragment(None);
                        target.into()
                    }
                    None => location.to_owned(),
                }
            });
            record_response_cors_check(
                &result,
                url,
                origin,
                answer,
                (stage, target.as_deref()),
                &mut fetch.rec,
            );
            if result.is_err() {
                // Deviation(Safari): failing only for the credentials, it fails after the next preflight.
                let as_requested = fetch.request.credentials;
                if credentials != as_requested
                    && cors_check(&answer.headers, origin, as_requested, diagnosis).is_ok()
                {
                    let steps = fetch.rec.steps.split_off(first);
                    fetch.failure_after_preflight =
                        Some(DeferredFailure::CredentialedRedirectCheck(steps));
                } else {
                    return Err(Halt::Ended(Ending::NetworkError));
                }
            }
        }
        // CORP-1: "If request's response tainting is "opaque"", the CORP check applies (CORP-6: redirects too).
        ResponseTainting::Opaque => {
            let same_site = fetch.quirks.corp_same_site;
            if cross_origin_resource_policy_check_in(
                &fetch.input.page,
                url,
                &answer.headers,
                same_site,
            )
            .is_err()
            {
                let value =
                    get(&answer.headers, "cross-origin-resource-policy").unwrap_or_default();
                let values = vec![
                    kv(Key::Url, url.as_str()),
                    kv(Key::Value, value),
                    kv(Key::Status, answer.status.to_string()),
                ];
                return fetch.network_error(CheckId::CrossOriginResourcePolicy, stage, values);
            }
        }
        ResponseTainting::Basic => {}
    }
    if as_redirect {
        return follow_redirect(fetch, answer, location.as_deref().unwrap_or_default());
    }
    finish(fetch, answer)
}

/// The credentials mode the CORS check of this response uses (K-7).
fn redirect_check_credentials(fetch: &Fetch<'_>, location: Option<&str>) -> CredentialsMode {
    let mode = fetch.request.credentials;
    // Deviation(Safari): with `same-origin`, after a same-origin start, redirects are checked with
    // credentials.
    let quirk = fetch.quirks.redirect_check_credentials
        == RedirectCheckCredentials::WithCredentialsAfterSameOriginStart;
    let began_same_origin = fetch.input.page.is_same_origin_with_url(&fetch.input.url);
    if quirk && location.is_some() && mode == CredentialsMode::SameOrigin && began_same_origin {
        CredentialsMode::Include
    } else {
        mode
    }
}

/// T-11, E-*: the filtered response the script receives.
fn finish(fetch: &mut Fetch<'_>, answer: &HttpAnswer) -> Step<Url> {
    let readable =
        readable_header_names(&answer.headers, fetch.tainting, fetch.request.credentials);
    if fetch.tainting == ResponseTainting::Cors {
        let raw =
            get_combined(&answer.headers, "access-control-expose-headers").unwrap_or_default();
        fetch.rec.info(
            CheckId::ExposeHeaders,
            Stage::Response,
            vec![kv(Key::Value, raw), kv(Key::Names, readable.join(","))],
        );
    }
    fetch.rec.info(
        CheckId::ResponseTainting,
        Stage::Response,
        vec![
            kv(Key::Value, fetch.tainting.id()),
            kv(Key::Url, fetch.current_url.as_str()),
            kv(Key::Status, answer.status.to_string()),
        ],
    );
    Err(Halt::Ended(Ending::Response {
        tainting: fetch.tainting,
        status: answer.status,
        readable,
    }))
}
