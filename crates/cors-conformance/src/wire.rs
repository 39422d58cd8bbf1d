//! The wire requests, projected onto what both the engine and the lab can speak about: the lab's one
//! projection ([`cors_lab::wire`]), fed with what the lab received for a case.

pub use cors_lab::wire::{
    observed_view, predicted_view, CookieVisibility, ObservedRequest, Relevance, WireView,
};

use crate::observation::Received;

impl<'a> From<&'a Received> for ObservedRequest<'a> {
    /// The lab's log entry the request came from says whether it was a preflight; [`Received`] keeps no
    /// such flag, so the projection decides from the method and headers, as the lab does.
    fn from(received: &'a Received) -> ObservedRequest<'a> {
        ObservedRequest {
            method: &received.method,
            url: &received.url,
            cookies: received.cookies,
            headers: &received.headers,
            taken_for_preflight: false,
        }
    }
}
