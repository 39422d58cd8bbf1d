//! P-4: a preflight answered with a redirect never follows it; Firefox CORS-checks the redirect first.

use super::{check_preflight_cors, PreflightFailure, PreflightRequest};
use crate::cors_check::{cors_check, CheckedResponse};
use crate::header_list::get_combined;
use crate::origin::Origin;
use crate::quirks::{PreflightRedirect, Quirks};
use crate::recorder::{kv, Recorder};
use crate::redirect::{blob_checked_first, includes_credentials, is_refused_before_cors_check};
use crate::scenario::HttpAnswer;
use crate::trace::{CheckId, Key, Stage};

/// Refuses a redirected preflight, recording why.
///
/// # Errors
/// Always: the CORS check's failure (Firefox, when the redirect response fails it), else the redirect.
pub(super) fn refuse_redirect(
    request: &PreflightRequest<'_>,
    response: &HttpAnswer,
    location: &str,
    quirks: &Quirks,
    rec: &mut Recorder,
) -> Result<(), PreflightFailure> {
    let checked_first = quirks.preflight_redirect == PreflightRedirect::CorsCheckedFirst;
    let target = request.url.join(location).ok();
    // Deviation(Firefox): a redirect to `data:` and the like is refused before anything else (but see
    // `blob_checked_first`).
    let target_scheme = target
        .as_ref()
        .map(|target| target.scheme().to_owned())
        .unwrap_or_default();
    let blob_first = target
        .as_ref()
        .is_some_and(|target| blob_checked_first(request.api, request.page, request.url, target));
    let refused_early =
        checked_first && is_refused_before_cors_check(&target_scheme) && !blob_first;
    // Deviation(Firefox): the redirect response goes through the CORS check before it is refused.
    if checked_first && !refused_early {
        let first = rec.steps.len();
        if let Err(failure) = check_preflight_cors(request, response, quirks, rec) {
            // The failed check's steps name the redirect (Firefox then reports the failure twice over).
            for step in &mut rec.steps[first..] {
                step.values.push(kv(Key::Location, location));
            }
            return Err(failure);
        }
    }
    let mut values = vec![
        kv(Key::Url, request.url.as_str()),
        kv(Key::Status, response.status.to_string()),
        kv(Key::Location, location),
    ];
    // Deviation(Firefox): a redirect response that passed the CORS check, to a URL with a username or
    // password, is refused without the second check (observed in Firefox ESR 153).
    let to_credentials = target.as_ref().is_some_and(includes_credentials);
    if refused_early {
        values.push(kv(Key::Scheme, target_scheme));
    } else if checked_first && to_credentials {
        values.push(kv(Key::Reason, CheckId::RedirectCredentials.id()));
    } else if checked_first {
        values.extend(check_again(request, response, location, quirks));
    }
    rec.fail(CheckId::PreflightRedirect, Stage::Preflight, values);
    Err(PreflightFailure::Redirect {
        status: response.status,
    })
}

/// Deviation(Firefox): after refusing the redirect, Firefox checks its response once more, with the origin
/// the redirect would have given the request (`null` when it taints, OH-1). Recorded on the redirect's
/// step: the origin (`SentOrigin`), the failed check's id or nothing (`Reason`), the ACAO (`Value`).
fn check_again(
    request: &PreflightRequest<'_>,
    response: &HttpAnswer,
    location: &str,
    quirks: &Quirks,
) -> Vec<(Key, String)> {
    let current = Origin::of_url(request.url);
    let leaves_origin = request
        .url
        .join(location)
        .is_ok_and(|next| !Origin::of_url(&next).is_same_origin(&current));
    let origin = if leaves_origin && !request.page.is_same_origin(&current) {
        "null"
    } else {
        request.origin
    };
    let failed = cors_check(
        &response.headers,
        origin,
        request.credentials,
        quirks.allow_origin_diagnosis,
    )
    .err()
    .map(|failure| failure.check_id(CheckedResponse::Preflight).id())
    .unwrap_or_default();
    let acao = get_combined(&response.headers, "access-control-allow-origin").unwrap_or_default();
    vec![
        kv(Key::SentOrigin, origin),
        kv(Key::Reason, failed),
        kv(Key::Value, acao),
    ]
}
