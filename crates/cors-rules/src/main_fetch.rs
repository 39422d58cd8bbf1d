//! Main fetch as a short driver over named steps (<https://fetch.spec.whatwg.org/#main-fetch>, rules
//! T-1…T-14). Redirects re-enter it: every hop runs the same steps for the new URL.

use url::Url;

use crate::fetch_state::{Ending, Fetch, Halt, Step};
use crate::http_fetch::{http_fetch, Route};
use crate::local_network::{address_space, local_network_access_check, AddressSpace};
use crate::mixed_content::{is_blocked_as_mixed_content, is_potentially_trustworthy_url};
use crate::origin::Origin;
use crate::port_blocking::bad_port;
use crate::quirks::LocalNetworkAccess;
use crate::recorder::kv;
use crate::scenario::{InputError, RequestMode};
use crate::tainting::ResponseTainting;
use crate::trace::{CheckId, Key, Stage};

/// <https://fetch.spec.whatwg.org/#main-fetch>: runs hop after hop until the fetch ends.
pub(crate) fn main_fetch(fetch: &mut Fetch<'_>) -> Result<Ending, InputError> {
    loop {
        match main_fetch_hop(fetch) {
            Ok(next_url) => fetch.current_url = next_url,
            Err(Halt::Ended(ending)) => return Ok(ending),
            Err(Halt::Input(error)) => return Err(error),
        }
    }
}

/// One pass of main fetch for the current URL; `Ok` is the URL a followed redirect leads to.
fn main_fetch_hop(fetch: &mut Fetch<'_>) -> Step<Url> {
    let stage = fetch.hop_stage();
    record_same_origin(fetch, stage);
    block_before_network(fetch, stage)?;
    let route = choose_route(fetch, stage)?;
    http_fetch(fetch, route)
}

/// O-7: is the current URL same origin with the page? (Pass = same origin, Info = cross-origin.)
fn record_same_origin(fetch: &mut Fetch<'_>, stage: Stage) {
    let page = &fetch.input.page;
    let target = Origin::of_url(&fetch.current_url);
    let differs = if *page == Origin::Opaque {
        "opaque-page".to_owned()
    } else if target == Origin::Opaque {
        "opaque-url".to_owned()
    } else {
        let mut differs = String::new();
        for part in page.differences(&target) {
            if !differs.is_empty() {
                differs.push(',');
            }
            differs.push_str(part.id());
        }
        differs
    };
    let values = vec![
        kv(Key::PageOrigin, fetch.input.page_serialized.as_str()),
        kv(Key::UrlOrigin, target.ascii_serialization()),
        kv(Key::Url, fetch.current_url.as_str()),
        kv(Key::Differs, differs),
    ];
    if page.is_same_origin(&target) {
        fetch.rec.pass(CheckId::SameOrigin, stage, values);
    } else {
        fetch.rec.info(CheckId::SameOrigin, stage, values);
    }
}

/// T-13: bad port, mixed content and (Chrome) Local Network Access block the request before any CORS logic.
fn block_before_network(fetch: &mut Fetch<'_>, stage: Stage) -> Step<()> {
    let url = &fetch.current_url;
    // "If should request be blocked due to a bad port … returns blocked, then set response to a network error."
    if let Some(port) = bad_port(url) {
        return fetch.network_error(
            CheckId::BadPort,
            stage,
            vec![kv(Key::Url, url.as_str()), kv(Key::Port, port.to_string())],
        );
    }
    let page = &fetch.input.page;
    let lna = fetch.quirks.local_network_access == LocalNetworkAccess::Enforced;
    // Deviation(Chrome): with Local Network Access, private IP literals and `.local` names are exempt from
    // mixed-content blocking; the permission decides instead.
    let lna_exempt = lna && address_space(url) == AddressSpace::Local;
    // "Should fetching request be blocked as mixed content?"
    if is_blocked_as_mixed_content(page, url) && !lna_exempt {
        let mut values = vec![
            kv(Key::PageOrigin, fetch.input.page_serialized.as_str()),
            kv(Key::Url, url.as_str()),
        ];
        values.extend(page_url_value(fetch));
        return fetch.network_error(CheckId::MixedContent, stage, values);
    }
    // Only http(s) pages have an address space here: `file:` and opaque pages are not restricted.
    let page_url = fetch
        .input
        .page_url
        .as_ref()
        .filter(|u| matches!(u.scheme(), "http" | "https"));
    if let (true, Some(page_url)) = (lna, page_url) {
        let secure = is_potentially_trustworthy_url(page_url);
        if let Some((client, target, reason)) = local_network_access_check(page_url, secure, url) {
            let values = vec![
                kv(Key::PageOrigin, fetch.input.page_serialized.as_str()),
                kv(Key::Url, url.as_str()),
                kv(Key::AddressSpace, client.id()),
                kv(Key::TargetAddressSpace, target.id()),
                kv(Key::Reason, reason.id()),
            ];
            return fetch.network_error(CheckId::LocalNetworkAccess, stage, values);
        }
    }
    Ok(())
}

/// The page's URL as a trace value, when the page has one.
fn page_url_value(fetch: &Fetch<'_>) -> Option<(Key, String)> {
    let page_url = fetch.input.page_url.as_ref()?;
    Some(kv(Key::PageUrl, page_url.as_str()))
}

/// Main fetch step 12 (T-2…T-9): which fetch runs, and with which tainting.
fn choose_route(fetch: &mut Fetch<'_>, stage: Stage) -> Step<Route> {
    let url = &fetch.current_url;
    let page = fetch.input.page_serialized.as_str();
    let values = || {
        let mut values = vec![kv(Key::Url, url.as_str()), kv(Key::PageOrigin, page)];
        values.extend(page_url_value(fetch));
        values
    };
    let http = matches!(url.scheme(), "http" | "https");
    // T-2: "request's current URL's origin is same origin with request's origin, and request's response
    // tainting is "basic"".
    if fetch.input.page.is_same_origin_with_url(url)
        && fetch.tainting == ResponseTainting::Basic
        && http
    {
        return Ok(Route::Basic);
    }
    // T-3: "request's current URL's scheme is "data"".
    if url.scheme() == "data" {
        fetch
            .rec
            .info(CheckId::DataUrl, stage, vec![kv(Key::Url, url.as_str())]);
        return Err(Halt::Ended(Ending::DataUrl));
    }
    match fetch.request.mode {
        // T-5: "request's mode is "same-origin"": return a network error.
        RequestMode::SameOrigin => fetch.network_error(CheckId::SameOriginMode, stage, values()),
        // T-6: "request's mode is "no-cors"": "If request's redirect mode is not "follow", then return a
        // network error. Set request's response tainting to "opaque"."
        RequestMode::NoCors if fetch.request.redirect != crate::scenario::RedirectMode::Follow => {
            fetch.network_error(CheckId::NoCorsRedirectMode, stage, values())
        }
        RequestMode::NoCors if http => {
            fetch.tainting = ResponseTainting::Opaque;
            Ok(Route::Opaque)
        }
        // T-7: "request's current URL's scheme is not an HTTP(S) scheme": return a network error.
        _ if !http => fetch.network_error(
            CheckId::CorsScheme,
            stage,
            vec![kv(Key::Url, url.as_str()), kv(Key::Scheme, url.scheme())],
        ),
        // T-8, T-9: "Set request's response tainting to "cors"."
        _ => {
            fetch.tainting = ResponseTainting::Cors;
            Ok(Route::Cors)
        }
    }
}
