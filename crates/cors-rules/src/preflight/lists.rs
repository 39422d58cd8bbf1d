//! `Access-Control-Allow-Methods` and `-Headers` on the preflight response: parsing (P-6, P-7) and the
//! method and header checks (P-8, P-9, P-10).

use super::blink_header_map::{chromium_header_order, ClientHints};
use super::webkit_header_map::webkit_header_order;
use crate::header_list::{extract_token_list_values, get_combined, Extracted};
use crate::method::is_cors_safelisted_method;
use crate::mixed_content::is_potentially_trustworthy_url;
use crate::preflight::{credentials_id, PreflightFailure, PreflightRequest};
use crate::quirks::{
    DisallowedHeaderNamed, FlagWithoutAllowMethods, Quirks, WildcardAuthorization,
};
use crate::recorder::{kv, Recorder};
use crate::scenario::{CredentialsMode, HttpAnswer};
use crate::trace::{CheckId, Key, Stage};
use url::Url;

/// P-6, P-7: "Let methods be the result of extracting header list values given
/// `Access-Control-Allow-Methods`"; a failure is a network error.
pub(crate) fn extract_allow_methods(
    request: &PreflightRequest<'_>,
    response: &HttpAnswer,
    quirks: &Quirks,
    rec: &mut Recorder,
) -> Result<Vec<String>, PreflightFailure> {
    let fallback = quirks.flag_without_allow_methods;
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
        // Deviation(Chrome, Firefox, Safari): not implemented; the method must be listed.
        Ok(None)
            if request.preflight_flag
                && fallback == FlagWithoutAllowMethods::AllowsRequestMethod =>
        {
            Ok(vec![request.method.to_owned()])
        }
        Ok(None) => Ok(Vec::new()),
        Err(element) => Err(PreflightFailure::AllowMethodsParse { element }),
    }
}

/// P-6: "Let headerNames be the result of extracting header list values given `Access-Control-Allow-Headers`".
pub(crate) fn extract_allow_headers(
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
            kv(
                Key::Value,
                get_combined(&response.headers, name).unwrap_or_default(),
            ),
            kv(Key::Names, element),
        ]
    };
    match extract_token_list_values(&response.headers, name) {
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
pub(crate) fn check_method(
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
pub(crate) fn check_headers(
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
        .written
        .iter()
        .any(|h| h.name.eq_ignore_ascii_case("authorization"));
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
    let rejected = first_rejected(request, quirks, |name| !listed(name) && !wildcard);
    let values = |header: &str| {
        let written = request
            .written
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(header))
            .map_or(header, |h| h.name.as_str());
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
            Err(PreflightFailure::HeaderNotAllowed {
                name: name.to_owned(),
            })
        }
        None => {
            rec.pass(CheckId::HeaderAllowed, Stage::Preflight, values(""));
            Ok(())
        }
    }
}

/// P-10: the disallowed CORS-unsafe name the browser reports: the first sorted one, or (Chrome, Safari)
/// the first in the order the browser's header map walks the request's headers.
fn first_rejected<'a>(
    request: &PreflightRequest<'a>,
    quirks: &Quirks,
    rejects: impl Fn(&str) -> bool,
) -> Option<&'a str> {
    let mut rejected = request
        .unsafe_names
        .iter()
        .map(String::as_str)
        .filter(|name| rejects(name));
    let first = rejected.next()?;
    if rejected.next().is_none() {
        return Some(first);
    }
    let written: Vec<&str> = request.written.iter().map(|h| h.name.as_str()).collect();
    let order = match quirks.disallowed_header_named {
        DisallowedHeaderNamed::FirstSorted => return Some(first),
        // Deviation(Chrome): Chromium names the first in its header map's (hash) order.
        DisallowedHeaderNamed::FirstInBlinkHeaderMap => {
            let hints = if is_potentially_trustworthy_url(request.url) {
                ClientHints::Sent
            } else {
                ClientHints::NotSent
            };
            chromium_header_order(&written, request.api, hints)
        }
        // Deviation(Safari): WebKit names the first it knows by name, else the first set.
        DisallowedHeaderNamed::FirstInWebKitHeaderMap => webkit_header_order(&written),
    };
    order
        .into_iter()
        .find_map(|name| {
            request
                .unsafe_names
                .iter()
                .find(|unsafe_name| unsafe_name.eq_ignore_ascii_case(name) && rejects(unsafe_name))
                .map(String::as_str)
        })
        .or(Some(first))
}
