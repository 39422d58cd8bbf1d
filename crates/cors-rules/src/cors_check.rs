//! The CORS check (<https://fetch.spec.whatwg.org/#concept-cors-check>, rules K-1…K-8).

use std::borrow::Cow;

use url::Url;

use crate::header_list::{canonical_lines, get, get_combined, get_merged_non_empty, line_count};
use crate::quirks::AllowOriginDiagnosis;
use crate::recorder::{kv, Recorder};
use crate::scenario::HttpAnswer;
use crate::scenario::{CredentialsMode, HeaderPair};
use crate::trace::CheckId;
use crate::trace::{Key, Stage};

/// Why a response fails the CORS check.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CorsCheckFailure {
    /// K-2: no `Access-Control-Allow-Origin`.
    AllowOriginMissing,
    /// K-1: several values (several lines, or a list in one line, as the browser diagnoses it).
    AllowOriginMultiple {
        /// The combined value.
        value: String,
    },
    /// Deviation(Chrome): the value is neither `null` nor a URL.
    AllowOriginInvalid {
        /// The combined value.
        value: String,
    },
    /// K-3: `*` while credentials mode is `include`.
    AllowOriginWildcard,
    /// K-4: not byte-equal to the serialized request origin.
    AllowOriginMismatch {
        /// The combined value.
        value: String,
    },
    /// K-6: `Access-Control-Allow-Credentials` is not exactly `true` with credentials `include`.
    AllowCredentials {
        /// The combined value, empty when absent.
        value: String,
    },
}

/// Which response is checked: the preflight's or another (the request's own, or a redirect).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckedResponse {
    /// The preflight response: the `preflight-` check ids.
    Preflight,
    /// The response or a redirect response.
    Response,
}

impl CorsCheckFailure {
    /// The stable check id of this failure.
    #[must_use]
    pub fn check_id(&self, checked: CheckedResponse) -> CheckId {
        let preflight = checked == CheckedResponse::Preflight;
        match (self, preflight) {
            (CorsCheckFailure::AllowOriginMissing, true) => CheckId::PreflightAllowOriginMissing,
            (CorsCheckFailure::AllowOriginMissing, false) => CheckId::AllowOriginMissing,
            (CorsCheckFailure::AllowOriginMultiple { .. }, true) => {
                CheckId::PreflightAllowOriginMultiple
            }
            (CorsCheckFailure::AllowOriginMultiple { .. }, false) => CheckId::AllowOriginMultiple,
            (CorsCheckFailure::AllowOriginInvalid { .. }, true) => {
                CheckId::PreflightAllowOriginInvalid
            }
            (CorsCheckFailure::AllowOriginInvalid { .. }, false) => CheckId::AllowOriginInvalid,
            (CorsCheckFailure::AllowOriginWildcard, true) => CheckId::PreflightAllowOriginWildcard,
            (CorsCheckFailure::AllowOriginWildcard, false) => CheckId::AllowOriginWildcard,
            (CorsCheckFailure::AllowOriginMismatch { .. }, true) => {
                CheckId::PreflightAllowOriginMismatch
            }
            (CorsCheckFailure::AllowOriginMismatch { .. }, false) => CheckId::AllowOriginMismatch,
            (CorsCheckFailure::AllowCredentials { .. }, true) => CheckId::PreflightAllowCredentials,
            (CorsCheckFailure::AllowCredentials { .. }, false) => CheckId::AllowCredentials,
        }
    }
}

/// How the CORS check passed (for the trace).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CorsCheckPass {
    /// K-3: `*` without credentials.
    Wildcard,
    /// K-4/K-5: the exact origin, credentials not `include`.
    ExactOrigin,
    /// K-4/K-6: the exact origin and `Access-Control-Allow-Credentials: true`.
    ExactOriginWithCredentials,
}

/// <https://fetch.spec.whatwg.org/#concept-cors-check> (K-1…K-7), with each browser's classification of
/// a failing `Access-Control-Allow-Origin` (K-8 and `quirks.rs`).
///
/// # Errors
/// The first check that fails, as the chosen browser diagnoses it.
pub fn cors_check(
    headers: &[HeaderPair],
    serialized_origin: &str,
    credentials: CredentialsMode,
    diagnosis: AllowOriginDiagnosis,
) -> Result<CorsCheckPass, CorsCheckFailure> {
    let include = credentials == CredentialsMode::Include;
    let gecko = diagnosis == AllowOriginDiagnosis::Gecko;
    // Deviation(Firefox): two lines named exactly `Access-Control-Allow-Origin` are reported before
    // anything else; lines named in another case are merged instead (observed in Firefox ESR 140).
    if gecko && canonical_lines(headers, "Access-Control-Allow-Origin") > 1 {
        let value = get(headers, "access-control-allow-origin").unwrap_or_default();
        return Err(CorsCheckFailure::AllowOriginMultiple { value });
    }
    // Deviation(Firefox): repeated lines are merged, empty ones adding nothing.
    let value_of = |name: &str| -> Option<Cow<'_, str>> {
        if gecko {
            get_merged_non_empty(headers, name).map(Cow::Owned)
        } else {
            get_combined(headers, name)
        }
    };
    // "Let origin be the result of getting `Access-Control-Allow-Origin` from response's header list."
    // "If origin is null, then return failure."
    let Some(origin) = value_of("access-control-allow-origin") else {
        return Err(CorsCheckFailure::AllowOriginMissing);
    };
    // "If request's credentials mode is not "include" and origin is `*`, then return success."
    if origin == "*" && !include {
        return Ok(CorsCheckPass::Wildcard);
    }
    // "If the result of byte-serializing a request origin with request is not origin, then return failure."
    if origin != serialized_origin {
        let lines = if gecko {
            1
        } else {
            line_count(headers, "access-control-allow-origin")
        };
        return Err(classify_mismatch(origin.into_owned(), lines, diagnosis));
    }
    // "If request's credentials mode is not "include", then return success."
    if !include {
        return Ok(CorsCheckPass::ExactOrigin);
    }
    // "Let credentials be the result of getting `Access-Control-Allow-Credentials` from response's header
    // list. If credentials is `true`, then return success. Return failure."
    match value_of("access-control-allow-credentials") {
        Some(value) if value == "true" => Ok(CorsCheckPass::ExactOriginWithCredentials),
        other => Err(CorsCheckFailure::AllowCredentials {
            value: other.unwrap_or_default().into_owned(),
        }),
    }
}

/// Why an `Access-Control-Allow-Origin` value that is not the origin fails, in the browser's terms.
fn classify_mismatch(
    value: String,
    lines: usize,
    diagnosis: AllowOriginDiagnosis,
) -> CorsCheckFailure {
    if value == "*" {
        return CorsCheckFailure::AllowOriginWildcard;
    }
    match diagnosis {
        AllowOriginDiagnosis::Spec | AllowOriginDiagnosis::Gecko if lines > 1 => {
            CorsCheckFailure::AllowOriginMultiple { value }
        }
        AllowOriginDiagnosis::Spec | AllowOriginDiagnosis::Gecko => {
            CorsCheckFailure::AllowOriginMismatch { value }
        }
        // Deviation(Chrome): `find_first_of(" ,")` → multiple values; not `null` and not a valid URL →
        // invalid value (Chromium `cors.cc` `CheckAccess`).
        AllowOriginDiagnosis::Chromium if value.contains([' ', ',']) => {
            CorsCheckFailure::AllowOriginMultiple { value }
        }
        AllowOriginDiagnosis::Chromium if value != "null" && url::Url::parse(&value).is_err() => {
            CorsCheckFailure::AllowOriginInvalid { value }
        }
        AllowOriginDiagnosis::Chromium => CorsCheckFailure::AllowOriginMismatch { value },
        // Deviation(Safari): WebKit `passesAccessControlCheck` reports a comma as "more than one origin".
        AllowOriginDiagnosis::WebKit if value.contains(',') => {
            CorsCheckFailure::AllowOriginMultiple { value }
        }
        AllowOriginDiagnosis::WebKit => CorsCheckFailure::AllowOriginMismatch { value },
    }
}

/// [`record_cors_check`] for the response to the request itself, which may be a redirect: the steps of a
/// redirect response also record its target as `Location` (the URL it resolves to as the browser reads
/// it, or the header as written when it does not resolve).
pub(crate) fn record_response_cors_check(
    result: &Result<CorsCheckPass, CorsCheckFailure>,
    url: &Url,
    origin: &str,
    response: &HttpAnswer,
    (stage, target): (Stage, Option<&str>),
    rec: &mut Recorder,
) {
    let first = rec.steps.len();
    record_cors_check(
        result,
        CheckedResponse::Response,
        url,
        origin,
        response,
        stage,
        rec,
    );
    if let Some(target) = target {
        for step in &mut rec.steps[first..] {
            step.values.push(kv(Key::Location, target));
        }
    }
}

/// Records the outcome of a CORS check (shared by the preflight, the response and redirects). A pass is
/// recorded under the id of the check that would have failed: `allow-origin-wildcard` for `*`,
/// `allow-origin-mismatch` for the exact origin, then `allow-credentials` with `include`.
pub(crate) fn record_cors_check(
    result: &Result<CorsCheckPass, CorsCheckFailure>,
    checked: CheckedResponse,
    url: &Url,
    origin: &str,
    response: &HttpAnswer,
    stage: Stage,
    rec: &mut Recorder,
) {
    let status = response.status.to_string();
    // The value as the check read it (Firefox merges lines differently), else as the header list has it.
    let acao = match result {
        Err(
            CorsCheckFailure::AllowOriginMultiple { value }
            | CorsCheckFailure::AllowOriginInvalid { value }
            | CorsCheckFailure::AllowOriginMismatch { value },
        ) => Cow::Borrowed(value.as_str()),
        _ => get_combined(&response.headers, "access-control-allow-origin").unwrap_or_default(),
    };
    let origin_values = vec![
        kv(Key::Url, url.as_str()),
        kv(Key::SentOrigin, origin),
        kv(Key::Value, acao),
        kv(Key::Status, status.as_str()),
    ];
    let credential_values = || {
        let acac = match result {
            Err(CorsCheckFailure::AllowCredentials { value }) => Cow::Borrowed(value.as_str()),
            _ => get_combined(&response.headers, "access-control-allow-credentials")
                .unwrap_or_default(),
        };
        vec![
            kv(Key::Url, url.as_str()),
            kv(Key::Value, acac),
            kv(Key::Status, status.as_str()),
        ]
    };
    let exact = CorsCheckFailure::AllowOriginMismatch {
        value: String::new(),
    }
    .check_id(checked);
    match result {
        Ok(CorsCheckPass::Wildcard) => {
            rec.pass(
                CorsCheckFailure::AllowOriginWildcard.check_id(checked),
                stage,
                origin_values,
            );
        }
        Ok(CorsCheckPass::ExactOrigin) => rec.pass(exact, stage, origin_values),
        Ok(CorsCheckPass::ExactOriginWithCredentials) => {
            rec.pass(exact, stage, origin_values);
            let credentials = CorsCheckFailure::AllowCredentials {
                value: String::new(),
            };
            rec.pass(credentials.check_id(checked), stage, credential_values());
        }
        Err(failure @ CorsCheckFailure::AllowCredentials { .. }) => {
            rec.pass(exact, stage, origin_values);
            rec.fail(failure.check_id(checked), stage, credential_values());
        }
        Err(failure) => rec.fail(failure.check_id(checked), stage, origin_values),
    }
}
