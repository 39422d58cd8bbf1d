//! Runs the scenario's request with `XMLHttpRequest`, as a script would, and records what it sees.

use cors_rules::scenario::{CredentialsMode, Request};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::observe::{Observed, SeenResponse};
use super::timing::exception_text;

/// The body sent when the preflight flag is set: an upload needs something to upload.
const UPLOAD_BODY: &str = "cors-explainer live run";

/// How an XHR ended.
const LOADED: &str = "load";
const FAILED: &str = "error";
const TIMED_OUT: &str = "timeout";

/// `open(method, url)`, `withCredentials` for `include`, `setRequestHeader` per line in order, an upload
/// `progress` listener before `send()` when the scenario sets the preflight flag (with a body to upload),
/// then `send()`. A throw anywhere before the request leaves is a request error. The XHR's own `timeout`
/// (`wait_secs`) ends a request that gets no answer, so its handlers are never dropped while it can fire.
pub async fn run_xhr(request: &Request, wait_secs: u32) -> Observed {
    let xhr = match prepare(request) {
        Ok(xhr) => xhr,
        Err(thrown) => {
            return Observed::Threw {
                message: exception_text(&thrown),
            }
        }
    };
    let mut handlers: Vec<Closure<dyn FnMut()>> = Vec::new();
    let ended = js_sys::Promise::new(&mut |resolve, _reject| {
        let settle = |word: &'static str| {
            let resolve = resolve.clone();
            Closure::<dyn FnMut()>::new(move || {
                drop(resolve.call1(&JsValue::NULL, &JsValue::from_str(word)));
            })
        };
        let (load, error, abort, timeout) = (
            settle(LOADED),
            settle(FAILED),
            settle(FAILED),
            settle(TIMED_OUT),
        );
        xhr.set_onload(Some(load.as_ref().unchecked_ref()));
        xhr.set_onerror(Some(error.as_ref().unchecked_ref()));
        xhr.set_onabort(Some(abort.as_ref().unchecked_ref()));
        xhr.set_ontimeout(Some(timeout.as_ref().unchecked_ref()));
        handlers.extend([load, error, abort, timeout]);
    });
    xhr.set_timeout(wait_secs.saturating_mul(1000));
    let sent = if request.preflight_flag {
        xhr.send_with_opt_str(Some(UPLOAD_BODY))
    } else {
        xhr.send()
    };
    if let Err(thrown) = sent {
        return Observed::Threw {
            message: exception_text(&thrown),
        };
    }
    let how = JsFuture::from(ended).await.ok().and_then(|v| v.as_string());
    // The handlers may be dropped only once none of them can fire any more.
    xhr.set_onload(None);
    xhr.set_onerror(None);
    xhr.set_onabort(None);
    xhr.set_ontimeout(None);
    drop(handlers);
    match how.as_deref() {
        Some(LOADED) => Observed::Response(SeenResponse {
            response_type: None,
            status: xhr.status().unwrap_or(0),
            headers: header_names(&xhr.get_all_response_headers().unwrap_or_default()),
        }),
        Some(TIMED_OUT) => Observed::NoAnswer {
            after_secs: wait_secs,
        },
        _ => Observed::NetworkError { message: None },
    }
}

fn prepare(request: &Request) -> Result<web_sys::XmlHttpRequest, JsValue> {
    let xhr = web_sys::XmlHttpRequest::new()?;
    xhr.open_with_async(&request.method, &request.url, true)?;
    if request.credentials == CredentialsMode::Include {
        xhr.set_with_credentials(true);
    }
    for (name, value) in &request.headers {
        xhr.set_request_header(name, value)?;
    }
    if request.preflight_flag {
        let listener = Closure::<dyn FnMut()>::new(|| {});
        xhr.upload()?
            .add_event_listener_with_callback("progress", listener.as_ref().unchecked_ref())?;
        // The listener must outlive the request; it does nothing and is tiny.
        listener.forget();
    }
    Ok(xhr)
}

/// The names in `getAllResponseHeaders()` text (`name: value` lines), lower-case, in order.
fn header_names(all: &str) -> Vec<String> {
    all.split("\r\n")
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            line.split_once(':')
                .map_or(line, |(name, _)| name)
                .trim()
                .to_ascii_lowercase()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::header_names;

    #[test]
    fn response_header_names_are_read_from_the_xhr_text() {
        assert_eq!(
            header_names("content-type: text/plain\r\nx-exposed: 2\r\n"),
            ["content-type", "x-exposed"]
        );
        assert!(header_names("").is_empty());
    }
}
