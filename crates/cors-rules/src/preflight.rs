//! The CORS-preflight fetch, and "why was my preflight rejected"
//! (<https://fetch.spec.whatwg.org/#cors-preflight-fetch-0>, rules P-1…P-14, CR-8).

use url::Url;

mod blink_header_map;
mod lists;
mod redirect;
mod webkit_header_map;

pub(crate) use webkit_header_map::webkit_header_spelling;

use crate::cors_check::{cors_check, record_cors_check, CheckedResponse, CorsCheckFailure};
use crate::header_list::get_combined;
use crate::max_age::{max_age, MaxAge};
use crate::origin::Origin;
use crate::quirks::{PreflightCheckOrder, PreflightListOrder, PreflightOrigin, Quirks};
use crate::recorder::{kv, Recorder};
use crate::redirect::{is_redirect_status, location_value};
use crate::request::AuthorHeader;
use crate::scenario::{Answer, Api, CredentialsMode, HttpAnswer, NetworkErrorKind};
use crate::trace::{CheckId, Key, Stage};
use lists::{check_headers, check_method, extract_allow_headers, extract_allow_methods};
use redirect::refuse_redirect;

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
    /// The headers the script sends, their names as written.
    pub written: &'a [AuthorHeader],
    /// The request's credentials mode: the CORS check on the preflight uses it (CR-8).
    pub credentials: CredentialsMode,
    /// The use-CORS-preflight flag (P-7).
    pub preflight_flag: bool,
    /// `fetch()` or XMLHttpRequest: the order Chrome hands the headers on depends on it (P-10).
    pub api: Api,
    /// The page's origin.
    pub page: &'a Origin,
}

/// Why the preflight failed: the whole fetch is a network error (P-13).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
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
        refuse_redirect(request, response, &location, quirks, rec)?;
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
            let methods = extract_allow_methods(request, response, quirks, rec)?;
            let names = extract_allow_headers(request, response, rec)?;
            check_method(request, &methods, rec)?;
            check_headers(request, &names, quirks, rec)?;
            (methods, names)
        }
        // Deviation(Firefox): `Access-Control-Allow-Methods` is parsed and checked before
        // `Access-Control-Allow-Headers` is parsed.
        PreflightListOrder::MethodsThenHeaders => {
            let methods = extract_allow_methods(request, response, quirks, rec)?;
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
            get_combined(&response.headers, "access-control-max-age").unwrap_or_default(),
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
    // Deviation(Firefox): a preflight to a URL same origin with the page is not CORS-checked.
    if quirks.preflight_origin == PreflightOrigin::PageOrigin
        && request.page.is_same_origin_with_url(request.url)
    {
        return Ok(());
    }
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

/// The credentials mode's id in scenarios.
pub(crate) fn credentials_id(mode: CredentialsMode) -> &'static str {
    match mode {
        CredentialsMode::Omit => "omit",
        CredentialsMode::SameOrigin => "same-origin",
        CredentialsMode::Include => "include",
    }
}
