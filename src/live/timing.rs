//! Waiting in the page without a timer crate: a `setTimeout` promise, and the first of two futures.

use std::future::Future;
use std::task::Poll;

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Resolves after `ms` milliseconds (at once when there is no `window`).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window().map(|window| {
            window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
        });
        if !matches!(scheduled, Some(Ok(_))) {
            drop(resolve.call0(&JsValue::NULL));
        }
    });
    drop(JsFuture::from(promise).await);
}

/// The output of whichever future finishes first (`first` wins a tie).
pub async fn first_of<T>(first: impl Future<Output = T>, second: impl Future<Output = T>) -> T {
    let mut first = std::pin::pin!(first);
    let mut second = std::pin::pin!(second);
    std::future::poll_fn(move |cx| {
        if let Poll::Ready(value) = first.as_mut().poll(cx) {
            return Poll::Ready(value);
        }
        second.as_mut().poll(cx)
    })
    .await
}

/// `None` when `future` takes longer than `ms` milliseconds.
pub async fn within<T>(ms: i32, future: impl Future<Output = T>) -> Option<T> {
    first_of(async { Some(future.await) }, async {
        sleep(ms).await;
        None
    })
    .await
}

/// The text of a thrown value: `Name: message` for errors (and `DOMException`s), the string itself for
/// strings.
#[must_use]
pub fn exception_text(value: &JsValue) -> String {
    use wasm_bindgen::JsCast;
    if let Some(error) = value.dyn_ref::<js_sys::Error>() {
        let name = String::from(error.name());
        let message = String::from(error.message());
        return if message.is_empty() {
            name
        } else {
            format!("{name}: {message}")
        };
    }
    value
        .as_string()
        .unwrap_or_else(|| "an exception that is not an Error".to_owned())
}
