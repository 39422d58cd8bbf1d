//! Words for the response to the request itself (and the CORS check on redirect responses).

use super::{w, Words};
use crate::render::values::val;
use crate::trace::{CheckId as C, Key, StepOutcome as O, TraceStep};

pub(super) fn words(step: &TraceStep) -> Option<Words> {
    let words = match (step.check, step.outcome) {
        (C::NetworkError, _) => w(
            "The request to `{url}` got no answer at all: {error-text}.",
            "This is a network failure, not a CORS rejection: {error-detail}. JavaScript sees the same TypeError as \
             for a CORS error, and no CORS header can fix it. Check that the server runs, that the host name and \
             port are right, and that the browser can reach it.",
        ),
        (C::HttpStatus, _) => w(
            "The server answered `{url}` with the error status {status}.",
            "An error status is not a CORS failure by itself: with the right CORS headers the script can read a 404 \
             or a 500 and handle it. But error pages are often produced by code that skips the CORS middleware, so \
             they come without Access-Control-Allow-Origin, and the browser then reports a CORS error that hides the \
             real problem. Check the server's logs for this {status}.",
        ),
        (C::AllowOriginMissing, O::Fail) => w(
            "The {answer} (status {status}) has no Access-Control-Allow-Origin header, so the page may not read it.",
            "The browser sent the request and got an answer, but the server did not agree to share it with \
             `{sent-origin}`. Add `Access-Control-Allow-Origin: {sent-origin}` (or `*` for public data read without \
             cookies) to this response. {status-note}",
        ),
        (C::AllowOriginMultiple, O::Fail) => w(
            "The {answer}'s Access-Control-Allow-Origin holds several values (`{value}`), but only one origin is \
             allowed.",
            "Two Access-Control-Allow-Origin header lines are joined into one value with a comma, which never equals \
             an origin; a list of origins in one header does not work either. This usually happens when both a proxy \
             and the application add the header. Send it exactly once: `{sent-origin}`.",
        ),
        (C::AllowOriginInvalid, O::Fail) => w(
            "The {answer}'s Access-Control-Allow-Origin value `{value}` is not a valid origin.",
            "The value must be one full origin such as `{sent-origin}`, or `*`, or `null`. {hint}",
        ),
        (C::AllowOriginWildcard, O::Fail) => w(
            "The {answer} allows every origin with `*`, but the request includes credentials.",
            "When cookies or HTTP authentication are included (`credentials: 'include'` or `withCredentials`), the \
             wildcard is refused, so that a site cannot accidentally hand logged-in data to every other site. The \
             server must name the origin, `{sent-origin}`, and send `Access-Control-Allow-Credentials: true`; or \
             the script can stop sending credentials if it does not need them.",
        ),
        (C::AllowOriginMismatch, O::Fail) => w(
            "The {answer} allows the origin `{value}`, but the request's origin is `{sent-origin}`.",
            "The browser compares the two byte for byte, with no normalizing. {hint}",
        ),
        (C::AllowOriginMissing | C::AllowOriginMultiple | C::AllowOriginInvalid | C::AllowOriginWildcard, _)
        | (C::AllowOriginMismatch, _) => w(
            "The {answer} allows the origin `{sent-origin}`.",
            "Its Access-Control-Allow-Origin is exactly the request's origin, or `*` without credentials.",
        ),
        (C::AllowCredentials, O::Fail) => w(
            "The {answer} lacks `Access-Control-Allow-Credentials: true`, which a request with credentials needs.",
            "With credentials included the server must opt in explicitly, with exactly `true`, or the script may not \
             read the response (the cookies were still sent). {hint}",
        ),
        (C::AllowCredentials, _) if val(step, Key::Value) == "true" => w(
            "The {answer} allows credentials with `Access-Control-Allow-Credentials: true`.",
            "With credentials included the response must carry exactly `Access-Control-Allow-Credentials: true`.",
        ),
        (C::AllowCredentials, _) => w(
            "No credentials are sent, so the {answer} needs no Access-Control-Allow-Credentials.",
            "Only a request with credentials needs `Access-Control-Allow-Credentials: true`.",
        ),
        (C::CrossOriginResourcePolicy, O::Fail) => w(
            "The response's `Cross-Origin-Resource-Policy: {value}` forbids loading it from `{page-origin}`.",
            "This header protects no-cors responses (images, scripts, opaque fetches) from being embedded by other \
             sites. Send `Cross-Origin-Resource-Policy: cross-origin` on resources meant to be shared, or remove it.",
        ),
        (C::CrossOriginResourcePolicy, _) => w(
            "Cross-Origin-Resource-Policy allows this page to load the response.",
            "The header, when present, limits which sites may embed a no-cors response.",
        ),
        (C::ExposeHeaders, _) if val(step, Key::Names).is_empty() => w(
            "The script can read only the CORS-safelisted response headers.",
            "Cross-origin scripts see only Cache-Control, Content-Language, Content-Length, Content-Type, Expires, \
             Last-Modified and Pragma, unless the server names more in Access-Control-Expose-Headers.",
        ),
        (C::ExposeHeaders, _) => w(
            "The script can read these response headers: {names}.",
            "Cross-origin scripts see only Cache-Control, Content-Language, Content-Length, Content-Type, Expires, \
             Last-Modified and Pragma, plus the headers named in Access-Control-Expose-Headers (here `{value}`).",
        ),
        (C::ResponseTainting, _) => w("The script gets a `{value}` response.", "{tainting-text}"),
        _ => return None,
    };
    Some(words)
}
