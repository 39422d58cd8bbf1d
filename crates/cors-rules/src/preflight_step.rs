//! Whether a CORS request is preflighted (T-8, P-1, U-2) and the preflight on the wire (P-2, P-3).

use crate::fetch_state::{lookup, without_userinfo, Ending, Fetch, Halt, Step};
use crate::method::is_cors_safelisted_method;
use crate::preflight::{cors_preflight_fetch, PreflightRequest};
use crate::preflight_cache::CacheQuery;
use crate::quirks::{
    BodyHeadersAfterRewrite, PreflightAfterRedirect, PreflightOrigin, RepeatedRequestHeaders,
    RequestHeadersList, SafelistTotal,
};
use crate::recorder::kv;
use crate::request::{combine_repeated, has_repeated_names, AuthorHeader};
use crate::safelist::{cors_unsafe_request_header_names_in, UnsafeNames, TOTAL_LIMIT};
use crate::scenario::CredentialsMode;
use crate::trace::{CheckId, Key, Stage, StepOutcome};
use crate::verdict::WireRequest;

/// T-8 and P-1: is a preflight needed (and not already cached), and if so, run it.
pub(crate) fn preflight_if_needed(fetch: &mut Fetch<'_>, stage: Stage) -> Step<()> {
    let mut unsafe_names = record_safelisting(fetch, stage);
    // T-8: "request's use-CORS-preflight flag is set, or request's unsafe-request flag is set and either
    // request's method is not a CORS-safelisted method or CORS-unsafe request-header names with request's
    // header list is not empty".
    let method_unsafe = !is_cors_safelisted_method(&fetch.method);
    // Deviation(Firefox, Safari): once a preflight was needed, every later hop needs one too.
    let after_redirect = fetch.quirks.preflight_after_redirect;
    let kept = after_redirect != PreflightAfterRedirect::Recomputed
        && fetch.redirect_count > 0
        && (fetch.first_preflight.is_some() || needed_before_rewrite(fetch));
    let reasons = reason_list(&[
        (method_unsafe, "method"),
        (!unsafe_names.names.is_empty(), "headers"),
        (fetch.use_cors_preflight(), "flag"),
        (kept, "redirect"),
    ]);
    let none = reasons.is_empty();
    let values = vec![
        kv(Key::Method, fetch.method.as_str()),
        kv(Key::Names, unsafe_names.names.join(",")),
        kv(Key::Reason, reasons),
    ];
    if none {
        fetch.rec.pass(CheckId::PreflightNeeded, stage, values);
        return Ok(());
    }
    fetch.rec.info(CheckId::PreflightNeeded, stage, values);
    match (&fetch.first_preflight, after_redirect) {
        (None, _) => fetch.first_preflight = Some(unsafe_names.names.clone()),
        // Deviation(Safari): the kept preflight lists the first preflight's header names.
        (Some(first), PreflightAfterRedirect::KeptWithFirstNames) => {
            unsafe_names.names.clone_from(first);
        }
        (Some(_), _) => {}
    }
    let origin = match fetch.quirks.preflight_origin {
        PreflightOrigin::RequestOrigin => fetch.serialized_request_origin(),
        // Deviation(Firefox): the preflight carries the page's origin, even after a tainting redirect.
        PreflightOrigin::PageOrigin => fetch.input.page_serialized.as_str(),
    };
    if is_cached(fetch, origin, method_unsafe || kept, &unsafe_names.names) {
        let values = vec![kv(Key::Url, fetch.current_url.as_str())];
        fetch.rec.info(CheckId::PreflightCache, stage, values);
        return Ok(());
    }
    let listed = request_headers_value(&unsafe_names, fetch.quirks.request_headers_list);
    run_preflight(fetch, origin, &unsafe_names.names, &listed)
}

/// Deviation(Firefox): on the request after a method rewrite, whether the headers the rewrite left off
/// needed a preflight (Firefox keeps the request's list of CORS-unsafe names), even if it started same
/// origin.
fn needed_before_rewrite(fetch: &Fetch<'_>) -> bool {
    let Some(held) = &fetch.held_headers else {
        return false;
    };
    if fetch.quirks.body_headers_after_rewrite != BodyHeadersAfterRewrite::BackOnNextRedirect {
        return false;
    }
    let names = cors_unsafe_request_header_names_in(
        held.iter().map(|h| (h.name.as_str(), h.value.as_slice())),
        fetch.quirks,
    );
    !names.names.is_empty()
}

/// The ids of the reasons that apply, joined with `,`.
fn reason_list(reasons: &[(bool, &str)]) -> String {
    let mut list = String::new();
    for (_, reason) in reasons.iter().filter(|(applies, _)| *applies) {
        if !list.is_empty() {
            list.push(',');
        }
        list.push_str(reason);
    }
    list
}

/// P-3: the `Access-Control-Request-Headers` value: the sorted set of CORS-unsafe names, joined with `,`.
fn request_headers_value(unsafe_names: &UnsafeNames, list: RequestHeadersList) -> String {
    match list {
        RequestHeadersList::SortedSet => unsafe_names.names.join(","),
        // Deviation(Firefox): one name per unsafe header line, sorted, not deduplicated.
        RequestHeadersList::SortedWithRepeats => {
            let mut names: Vec<String> = unsafe_names
                .headers
                .iter()
                .filter(|h| h.verdict.is_err())
                .map(|h| h.name.to_ascii_lowercase())
                .collect();
            names.sort_unstable();
            names.join(",")
        }
    }
}

/// S-1…S-8: each header's safelisting verdict and the 1024-byte total, recorded.
fn record_safelisting(fetch: &mut Fetch<'_>, stage: Stage) -> UnsafeNames {
    // Deviation(Chrome, Safari): a repeated name is checked with its values combined.
    let combine = fetch.quirks.repeated_request_headers == RepeatedRequestHeaders::CombinedFirst
        && has_repeated_names(&fetch.headers);
    let combined;
    // Deviation(Safari): the request after a method rewrite lists the headers it left off.
    let listed = match &fetch.held_headers {
        Some(held)
            if fetch.quirks.body_headers_after_rewrite
                == BodyHeadersAfterRewrite::BackOnNextRedirectListedInPreflight =>
        {
            held
        }
        _ => &fetch.headers,
    };
    let checked: &[AuthorHeader] = if combine {
        combined = combine_repeated(listed);
        &combined
    } else {
        listed
    };
    let total = fetch.quirks.safelist_total;
    let unsafe_names = cors_unsafe_request_header_names_in(
        checked
            .iter()
            .map(|h| (h.name.as_str(), h.value.as_slice())),
        fetch.quirks,
    );
    for (header, result) in checked.iter().zip(&unsafe_names.headers) {
        let reason = result.verdict.err().map(|r| r.id()).unwrap_or_default();
        let outcome = if reason.is_empty() {
            StepOutcome::Pass
        } else {
            StepOutcome::Info
        };
        let values = vec![
            kv(Key::Header, header.name.as_str()),
            kv(Key::Value, header.value_text()),
            kv(Key::Reason, reason),
        ];
        fetch
            .rec
            .record(CheckId::SafelistedHeader, stage, outcome, values);
    }
    if total == SafelistTotal::Enforced && unsafe_names.safelisted_total > TOTAL_LIMIT {
        let values = vec![
            kv(Key::Count, unsafe_names.safelisted_total.to_string()),
            kv(Key::Cap, TOTAL_LIMIT.to_string()),
        ];
        fetch.rec.info(CheckId::SafelistedTotal, stage, values);
    }
    unsafe_names
}

/// P-1: "If … there is no method cache entry match for request's method … or there is one item in
/// headerNames … without a header-name cache entry match", a preflight is made; otherwise the cached
/// result is used.
fn is_cached(fetch: &Fetch<'_>, origin: &str, method_needs_entry: bool, names: &[String]) -> bool {
    let query = CacheQuery {
        origin,
        url: &fetch.current_url,
        credentials: fetch.request.credentials == CredentialsMode::Include,
    };
    // Deviation(Firefox): a CORS-safelisted method is covered by any entry for the URL, even on a kept
    // preflight or with the preflight flag (a redirect back to the same URL is not preflighted again;
    // observed in Firefox ESR 140).
    let any_entry = fetch.quirks.preflight_after_redirect == PreflightAfterRedirect::Kept
        && is_cors_safelisted_method(&fetch.method)
        && fetch.cache.has_entry(&query);
    let method_cached = fetch.cache.method_match(&query, &fetch.method)
        || (!method_needs_entry && !fetch.use_cors_preflight())
        || any_entry;
    method_cached && names.iter().all(|n| fetch.cache.header_match(&query, n))
}

/// <https://fetch.spec.whatwg.org/#cors-preflight-fetch-0> (P-2, P-3): the `OPTIONS` request and its checks.
fn run_preflight(
    fetch: &mut Fetch<'_>,
    origin: &str,
    unsafe_names: &[String],
    listed: &str,
) -> Step<()> {
    let url = &fetch.current_url;
    let mut headers = Vec::with_capacity(3);
    headers.push(("Origin".to_owned(), origin.to_owned()));
    headers.push((
        "Access-Control-Request-Method".to_owned(),
        fetch.method.clone(),
    ));
    // "If headers is not empty, then … `Access-Control-Request-Headers` … joined with 0x2C (no space)."
    if !listed.is_empty() {
        headers.push((
            "Access-Control-Request-Headers".to_owned(),
            listed.to_owned(),
        ));
    }
    // P-2: the preflight never carries credentials.
    fetch.requests.push(WireRequest {
        method: "OPTIONS".to_owned(),
        url: without_userinfo(url).into(),
        credentials: false,
        headers,
    });
    let server = lookup(fetch.input.servers.as_slice(), url)?;
    let answer = server.preflight.unwrap_or(server.response);
    let request = PreflightRequest {
        url,
        origin,
        method: &fetch.method,
        unsafe_names,
        written: &fetch.headers,
        credentials: fetch.request.credentials,
        preflight_flag: fetch.use_cors_preflight(),
        api: fetch.request.api,
        page: &fetch.input.page,
    };
    match cors_preflight_fetch(&request, answer, fetch.quirks, &mut fetch.rec) {
        Ok(success) => {
            let query = CacheQuery {
                origin,
                url,
                credentials: fetch.request.credentials == CredentialsMode::Include,
            };
            fetch.cache.insert(
                &query,
                success.methods,
                success.header_names,
                success.max_age,
            );
            Ok(())
        }
        Err(_) => Err(Halt::Ended(Ending::NetworkError)),
    }
}
