//! The CORS-preflight fetch, and "why was my preflight rejected"
//! (<https://fetch.spec.whatwg.org/#cors-preflight-fetch-0>, rules P-1…P-14, CR-8).

use url::Url;

use crate::cors_check::{cors_check, CheckedResponse, CorsCheckFailure, CorsCheckPass};
use crate::header_list::{extract_header_list_values, get, parse_token_list, Extracted};
use crate::max_age::{max_age, MaxAge};
use crate::method::is_cors_safelisted_method;
use crate::quirks::{PreflightCheckOrder, PreflightListOrder, Quirks, WildcardAuthorization};
use crate::recorder::{kv, Recorder};
use crate::redirect::{is_redirect_status, location_value};
use crate::scenario::{Answer, CredentialsMode, HttpAnswer, NetworkErrorKind};
use crate::trace::{CheckId, Key, Stage};

/// What the preflight asks: the request it stands for.
#[derive(Clone, Debug)]
pub struct PreflightRequest<'a> {
    /// The request's current URL.
    pub url: &'a Url,
    /// The `Origin` header value (`null` when tainted or opaque).
    pub origin: &'a str,
    /// The request's (normalized) method: `Access-Control-Request-Method`.
    pub method: &'a str,
    /// The CORS-unsafe request-header names: `Access-Control-Request-Headers`.
    pub unsafe_names: &'a [String],
    /// The names of the headers the script sends, as written.
    pub written_names: &'a [String],
    /// The request's credentials mode: the CORS check on the preflight uses it (CR-8).
    pub credentials: CredentialsMode,
    /// The use-CORS-preflight flag (P-7).
    pub preflight_flag: bool,
}

/// Why the preflight failed: the whole fetch is a network error (P-13).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PreflightFailure {
    /// No HTTP answer.
    NetworkError(NetworkErrorKind),
    /// P-4: the preflight response is a redirect.
    Redirect {
        /// The 3xx status.
        status: u16,
    },
    /// P-5: not an ok status.
    OkStatus {
        /// The status.
        status: u16,
    },
    /// P-5: the CORS check failed on the preflight response.
    Cors(CorsCheckFailure),
    /// P-6: `Access-Control-Allow-Methods` does not parse.
    AllowMethodsParse {
        /// The first invalid element.
        element: String,
    },
    /// P-6: `Access-Control-Allow-Headers` does not parse.
    AllowHeadersParse {
        /// The first invalid element.
        element: String,
    },
    /// P-8: the method is not allowed.
    MethodNotAllowed,
    /// P-9: `Authorization` is not listed.
    AuthorizationNotAllowed,
    /// P-10: an unsafe header is not allowed.
    HeaderNotAllowed {
        /// The first rejected name, lower-case.
        name: String,
    },
}

/// A successful preflight: what may be cached (P-12).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreflightSuccess {
    /// The allowed methods (P-7 applied).
    pub methods: Vec<String>,
    /// The allowed header names.
    pub header_names: Vec<String>,
    /// How long the result may be cached.
    pub max_age: MaxAge,
}

/// <https://fetch.spec.whatwg.org/#cors-preflight-fetch-0>: checks the preflight answer in the chosen
/// browser's order, recording every check.
///
/// # Errors
/// The [`PreflightFailure`] that fails the fetch; its step is the trace's last.
pub(crate) fn cors_preflight_fetch(
    request: &PreflightRequest<'_>,
    answer: &Answer,
    quirks: &Quirks,
    rec: &mut Recorder,
) -> Result<PreflightSuccess, PreflightFailure> {
    let url = request.url.as_str();
    let response = match answer {
        Answer::Http(http) => http,
        Answer::Error(kind) => {
            let values = vec![kv(Key::Url, url), kv(Key::ErrorKind, kind.id())];
            rec.fail(CheckId::PreflightNetworkError, Stage::Preflight, values);
            return Err(PreflightFailure::NetworkError(*kind));
        }
    };
    // P-4: the preflight uses HTTP-network-or-cache fetch, so it never follows a redirect.
    if let (true, Some(location)) = (
        is_redirect_status(response.status),
        location_value(&response.headers),
    ) {
        let values = vec![
            kv(Key::Url, url),
            kv(Key::Status, response.status.to_string()),
            kv(Key::Location, location),
        ];
        rec.fail(CheckId::PreflightRedirect, Stage::Preflight, values);
        return Err(PreflightFailure::Redirect {
            status: response.status,
        });
    }
    // "If a CORS check for request and response returns success and response's status is an ok status".
    match quirks.preflight_check_order {
        PreflightCheckOrder::AllowOriginFirst => {
            check_preflight_cors(request, response, quirks, rec)?;
            check_ok_status(url, response.status, rec)?;
        }
        // Deviation(Safari): WebKit checks the preflight status before `Access-Control-Allow-Origin`.
        PreflightCheckOrder::StatusFirst => {
            check_ok_status(url, response.status, rec)?;
            check_preflight_cors(request, response, quirks, rec)?;
        }
    }
    let (methods, header_names) = match quirks.preflight_list_order {
        PreflightListOrder::ParseBothFirst => {
            let methods = extract_allow_methods(request, response, rec)?;
            let names = extract_allow_headers(request, response, rec)?;
            check_method(request, &methods, rec)?;
            check_headers(request, &names, quirks, rec)?;
            (methods, names)
        }
        // Deviation(Firefox): `Access-Control-Allow-Methods` is parsed and checked before
        // `Access-Control-Allow-Headers` is parsed.
        PreflightListOrder::MethodsThenHeaders => {
            let methods = extract_allow_methods(request, response, rec)?;
            check_method(request, &methods, rec)?;
            let names = extract_allow_headers(request, response, rec)?;
            check_headers(request, &names, quirks, rec)?;
            (methods, names)
        }
    };
    let max_age = max_age(&response.headers, quirks);
    let values = vec![
        kv(
            Key::Value,
            get(&response.headers, "access-control-max-age").unwrap_or_default(),
        ),
        kv(Key::Seconds, max_age.seconds.to_string()),
        kv(
            Key::Cap,
            quirks
                .max_age_cap
                .map(|c| c.to_string())
                .unwrap_or_default(),
        ),
    ];
    rec.info(CheckId::MaxAge, Stage::Preflight, values);
    Ok(PreflightSuccess {
        methods,
        header_names,
        max_age,
    })
}

/// P-5: the CORS check on the preflight response, with the request's credentials mode (CR-8).
fn check_preflight_cors(
    request: &PreflightRequest<'_>,
    response: &HttpAnswer,
    quirks: &Quirks,
    rec: &mut Recorder,
) -> Result<(), PreflightFailure> {
    let result = cors_check(
        &response.headers,
        request.origin,
        request.credentials,
        quirks.allow_origin_diagnosis,
    );
    record_cors_check(
        &result,
        CheckedResponse::Preflight,
        request.url,
        request.origin,
        response,
        Stage::Preflight,
        rec,
    );
    result.map(|_| ()).map_err(PreflightFailure::Cors)
}

/// Records the outcome of a CORS check (shared by the preflight, the response and redirects).
pub(crate) fn record_cors_check(
    result: &Result<CorsCheckPass, CorsCheckFailure>,
    checked: CheckedResponse,
    url: &Url,
    origin: &str,
    response: &HttpAnswer,
    stage: Stage,
    rec: &mut Recorder,
) {
    let preflight = checked == CheckedResponse::Preflight;
    let pick = |plain: CheckId, pre: CheckId| if preflight { pre } else { plain };
    let acao = get(&response.headers, "access-control-allow-origin").unwrap_or_default();
    let acac = get(&response.headers, "access-control-allow-credentials").unwrap_or_default();
    let status = response.status.to_string();
    let origin_values = |value: &str| {
        vec![
            kv(Key::Url, url.as_str()),
            kv(Key::SentOrigin, origin),
            kv(Key::Value, value),
            kv(Key::Status, status.as_str()),
        ]
    };
    let credential_values = vec![
        kv(Key::Url, url.as_str()),
        kv(Key::Value, acac.as_str()),
        kv(Key::Status, status.as_str()),
    ];
    match result {
        Ok(CorsCheckPass::Wildcard) => {
            rec.pass(
                pick(
                    CheckId::AllowOriginWildcard,
                    CheckId::PreflightAllowOriginWildcard,
                ),
                stage,
                origin_values(&acao),
            );
        }
        Ok(pass) => {
            rec.pass(
                pick(
                    CheckId::AllowOriginMismatch,
                    CheckId::PreflightAllowOriginMismatch,
                ),
                stage,
                origin_values(&acao),
            );
            if *pass == CorsCheckPass::ExactOriginWithCredentials {
                rec.pass(
                    pick(
                        CheckId::AllowCredentials,
                        CheckId::PreflightAllowCredentials,
                    ),
                    stage,
                    credential_values,
                );
            }
        }
        Err(failure @ CorsCheckFailure::AllowCredentials { .. }) => {
            rec.pass(
                pick(
                    CheckId::AllowOriginMismatch,
                    CheckId::PreflightAllowOriginMismatch,
                ),
                stage,
                origin_values(&acao),
            );
            rec.fail(failure.check_id(checked), stage, credential_values);
        }
        Err(failure) => rec.fail(failure.check_id(checked), stage, origin_values(&acao)),
    }
}

/// P-5: "response's status is an ok status" (200–299).
fn check_ok_status(url: &str, status: u16, rec: &mut Recorder) -> Result<(), PreflightFailure> {
    let values = vec![kv(Key::Url, url), kv(Key::Status, status.to_string())];
    if (200..=299).contains(&status) {
        rec.pass(CheckId::PreflightOkStatus, Stage::Preflight, values);
        Ok(())
    } else {
        rec.fail(CheckId::PreflightOkStatus, Stage::Preflight, values);
        Err(PreflightFailure::OkStatus { status })
    }
}

/// P-6, P-7: "Let methods be the result of extracting header list values given
/// `Access-Control-Allow-Methods`"; a failure is a network error.
fn extract_allow_methods(
    request: &PreflightRequest<'_>,
    response: &HttpAnswer,
    rec: &mut Recorder,
) -> Result<Vec<String>, PreflightFailure> {
    match extract_list(
        request.url,
        response,
        "access-control-allow-methods",
        CheckId::AllowMethodsParse,
        rec,
    ) {
        Ok(Some(methods)) => Ok(methods),
        // "If methods is null and request's use-CORS-preflight flag is set, then set methods to a new list
        // containing request's method."
        Ok(None) if request.preflight_flag => Ok(vec![request.method.to_owned()]),
        Ok(None) => Ok(Vec::new()),
        Err(element) => Err(PreflightFailure::AllowMethodsParse { element }),
    }
}

/// P-6: "Let headerNames be the result of extracting header list values given `Access-Control-Allow-Headers`".
fn extract_allow_headers(
    request: &PreflightRequest<'_>,
    response: &HttpAnswer,
    rec: &mut Recorder,
) -> Result<Vec<String>, PreflightFailure> {
    match extract_list(
        request.url,
        response,
        "access-control-allow-headers",
        CheckId::AllowHeadersParse,
        rec,
    ) {
        Ok(names) => Ok(names.unwrap_or_default()),
        Err(element) => Err(PreflightFailure::AllowHeadersParse { element }),
    }
}

/// Extracts a `#token` list header, recording a parse failure (P-6) or a pass when present.
fn extract_list(
    url: &Url,
    response: &HttpAnswer,
    name: &str,
    check: CheckId,
    rec: &mut Recorder,
) -> Result<Option<Vec<String>>, String> {
    let values = |element: &str| {
        vec![
            kv(Key::Url, url.as_str()),
            kv(Key::Value, get(&response.headers, name).unwrap_or_default()),
            kv(Key::Names, element),
        ]
    };
    match extract_header_list_values(&response.headers, name, |v| {
        parse_token_list(v).map(|l| l.into_iter().map(str::to_owned).collect())
    }) {
        Extracted::Absent => Ok(None),
        Extracted::Failure { element } => {
            rec.fail(check, Stage::Preflight, values(&element));
            Err(element)
        }
        Extracted::Values(list) => {
            rec.pass(check, Stage::Preflight, values(""));
            Ok(Some(list))
        }
    }
}

/// P-8: "If request's method is not in methods, request's method is not a CORS-safelisted method, and
/// request's credentials mode is "include" or methods does not contain `*`, then return a network error."
fn check_method(
    request: &PreflightRequest<'_>,
    methods: &[String],
    rec: &mut Recorder,
) -> Result<(), PreflightFailure> {
    let include = request.credentials == CredentialsMode::Include;
    let allowed = methods.iter().any(|m| m == request.method)
        || is_cors_safelisted_method(request.method)
        || (!include && methods.iter().any(|m| m == "*"));
    let values = vec![
        kv(Key::Method, request.method),
        kv(Key::Allowed, methods.join(", ")),
        kv(Key::CredentialsMode, credentials_id(request.credentials)),
    ];
    if allowed {
        rec.pass(CheckId::MethodAllowed, Stage::Preflight, values);
        Ok(())
    } else {
        rec.fail(CheckId::MethodAllowed, Stage::Preflight, values);
        Err(PreflightFailure::MethodNotAllowed)
    }
}

/// P-9 and P-10.
fn check_headers(
    request: &PreflightRequest<'_>,
    names: &[String],
    quirks: &Quirks,
    rec: &mut Recorder,
) -> Result<(), PreflightFailure> {
    let include = request.credentials == CredentialsMode::Include;
    let listed = |name: &str| names.iter().any(|n| n.eq_ignore_ascii_case(name));
    let wildcard = !include && names.iter().any(|n| n == "*");
    let allowed_text = names.join(", ");
    // P-9: "If request's header list contains a header whose name is a CORS non-wildcard request-header
    // name and is not a byte-case-insensitive match for an item in headerNames, then return a network error."
    // Deviation(Chrome, Firefox, Safari): a `*` (without credentials) covers `Authorization` too.
    let has_authorization = request
        .written_names
        .iter()
        .any(|n| n.eq_ignore_ascii_case("authorization"));
    if has_authorization && quirks.wildcard_authorization == WildcardAuthorization::MustBeListed {
        let values = vec![
            kv(Key::Header, "authorization"),
            kv(Key::Allowed, allowed_text.as_str()),
        ];
        if !listed("authorization") {
            rec.fail(CheckId::AuthorizationAllowed, Stage::Preflight, values);
            return Err(PreflightFailure::AuthorizationNotAllowed);
        }
        rec.pass(CheckId::AuthorizationAllowed, Stage::Preflight, values);
    }
    if request.unsafe_names.is_empty() {
        return Ok(());
    }
    // P-10: "For each unsafeName of the CORS-unsafe request-header names with request's header list, if
    // unsafeName is not a byte-case-insensitive match for an item in headerNames and request's credentials
    // mode is "include" or headerNames does not contain `*`, return a network error."
    let rejected = request
        .unsafe_names
        .iter()
        .find(|name| !listed(name) && !wildcard);
    let values = |header: &str| {
        let written = request
            .written_names
            .iter()
            .find(|n| n.eq_ignore_ascii_case(header))
            .map_or(header, String::as_str);
        vec![
            kv(Key::Header, header),
            kv(Key::Allowed, allowed_text.as_str()),
            kv(Key::Names, request.unsafe_names.join(",")),
            kv(Key::WrittenHeader, written),
        ]
    };
    match rejected {
        Some(name) => {
            rec.fail(CheckId::HeaderAllowed, Stage::Preflight, values(name));
            Err(PreflightFailure::HeaderNotAllowed { name: name.clone() })
        }
        None => {
            rec.pass(CheckId::HeaderAllowed, Stage::Preflight, values(""));
            Ok(())
        }
    }
}

/// The credentials mode's id in scenarios.
pub(crate) fn credentials_id(mode: CredentialsMode) -> &'static str {
    match mode {
        CredentialsMode::Omit => "omit",
        CredentialsMode::SameOrigin => "same-origin",
        CredentialsMode::Include => "include",
    }
}
