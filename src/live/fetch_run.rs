//! Runs the scenario's request with `fetch()`, exactly as configured, and records what the script sees.

use cors_rules::scenario::{CredentialsMode, RedirectMode, Request, RequestMode};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use cors_rules::ResponseType;

use super::observe::{Observed, SeenResponse};
use super::timing::exception_text;

/// Makes the request with `fetch(new Request(url, init))`: method as written (case kept), headers in
/// order, mode, credentials and redirect mode. A `Request` that cannot be constructed is a request error,
/// as the same `fetch()` call would reject at once.
pub async fn run_fetch(request: &Request) -> Observed {
    let Some(window) = web_sys::window() else {
        return Observed::Threw {
            message: "no window to fetch from".to_owned(),
        };
    };
    let init = web_sys::RequestInit::new();
    init.set_method(&request.method);
    init.set_mode(mode(request.mode));
    init.set_credentials(credentials(request.credentials));
    init.set_redirect(redirect(request.redirect));
    init.set_headers(&header_list(&request.headers));
    let built = match web_sys::Request::new_with_str_and_init(&request.url, &init) {
        Ok(built) => built,
        Err(thrown) => {
            return Observed::Threw {
                message: exception_text(&thrown),
            }
        }
    };
    match JsFuture::from(window.fetch_with_request(&built)).await {
        Ok(value) => match value.dyn_into::<web_sys::Response>() {
            Ok(response) => Observed::Response(seen(&response).await),
            Err(_) => Observed::NetworkError {
                message: Some("fetch() resolved to something that is not a Response".to_owned()),
            },
        },
        Err(rejection) => Observed::NetworkError {
            message: Some(exception_text(&rejection)),
        },
    }
}

/// `[[name, value], …]`, the header list a script passes as `init.headers`.
fn header_list(headers: &[(String, String)]) -> JsValue {
    let list = js_sys::Array::new();
    for (name, value) in headers {
        let pair = js_sys::Array::of2(&JsValue::from_str(name), &JsValue::from_str(value));
        list.push(&pair);
    }
    list.into()
}

async fn seen(response: &web_sys::Response) -> SeenResponse {
    let response_type = match response.type_() {
        web_sys::ResponseType::Basic => Some(ResponseType::Basic),
        web_sys::ResponseType::Cors => Some(ResponseType::Cors),
        web_sys::ResponseType::Opaque => Some(ResponseType::Opaque),
        web_sys::ResponseType::Opaqueredirect => Some(ResponseType::OpaqueRedirect),
        _ => None,
    };
    let mut headers = Vec::new();
    if let Ok(Some(names)) = js_sys::try_iter(&response.headers().keys()) {
        headers.extend(names.flatten().filter_map(|name| name.as_string()));
    }
    // Read the body so the connection is released; its content does not matter.
    if let Ok(body) = response.array_buffer() {
        drop(JsFuture::from(body).await);
    }
    SeenResponse {
        response_type,
        status: response.status(),
        headers,
    }
}

fn mode(mode: RequestMode) -> web_sys::RequestMode {
    match mode {
        RequestMode::Cors => web_sys::RequestMode::Cors,
        RequestMode::NoCors => web_sys::RequestMode::NoCors,
        RequestMode::SameOrigin => web_sys::RequestMode::SameOrigin,
    }
}

fn credentials(credentials: CredentialsMode) -> web_sys::RequestCredentials {
    match credentials {
        CredentialsMode::Omit => web_sys::RequestCredentials::Omit,
        CredentialsMode::SameOrigin => web_sys::RequestCredentials::SameOrigin,
        CredentialsMode::Include => web_sys::RequestCredentials::Include,
    }
}

fn redirect(redirect: RedirectMode) -> web_sys::RequestRedirect {
    match redirect {
        RedirectMode::Follow => web_sys::RequestRedirect::Follow,
        RedirectMode::Error => web_sys::RequestRedirect::Error,
        RedirectMode::Manual => web_sys::RequestRedirect::Manual,
    }
}
