//! Words for the `OPTIONS` preflight and its response.

use super::{w, Words};
use crate::method::is_cors_safelisted_method;
use crate::render::values::val;
use crate::trace::{CheckId as C, Key, StepOutcome as O, TraceStep};

pub(super) fn words(step: &TraceStep) -> Option<Words> {
    let words = match (step.check, step.outcome) {
        (C::PreflightNetworkError, _) => w(
            "The preflight to `{url}` got no answer at all: {error-text}.",
            "This is a network failure, not a CORS rejection: {error-detail}. JavaScript sees the same TypeError as \
             for a CORS error, which makes the two easy to confuse. Check that the server runs and is reachable at \
             this address from the browser.",
        ),
        (C::PreflightRedirect, O::Fail) => w(
            "The preflight was answered with a redirect ({status} to `{location}`), and a preflight may never be \
             redirected.",
            "The OPTIONS preflight must be answered by the URL the script called. Usual causes: an http→https \
             redirect, a missing or extra trailing slash, or a login redirect. Call the final URL directly from the \
             script, or make the server answer OPTIONS at this URL without redirecting.",
        ),
        (C::PreflightRedirect, _) => w(
            "The preflight was not redirected.",
            "A preflight may never be redirected.",
        ),
        (C::PreflightOkStatus, O::Fail) => w(
            "The preflight was answered with status {status}, but it must be a success (200–299).",
            "The server, often an authentication layer or a router without an OPTIONS route, rejected the OPTIONS \
             request. Preflights never carry cookies or an Authorization header, so they must be accepted without \
             them. Answer OPTIONS with 204 No Content (or 200) and the CORS headers.",
        ),
        (C::PreflightOkStatus, _) => w(
            "The preflight was answered with status {status}, a success.",
            "A preflight must be answered with a 2xx status.",
        ),
        (C::PreflightAllowOriginMissing, O::Fail) => w(
            "The preflight response (status {status}) has no Access-Control-Allow-Origin header.",
            "The server must answer the OPTIONS preflight with `Access-Control-Allow-Origin: {sent-origin}` (or `*` \
             when no credentials are sent). A preflight answered by a generic 404 or 405 page, or by a framework \
             without CORS handling for OPTIONS, lacks it. {status-note}",
        ),
        (C::PreflightAllowOriginMultiple, O::Fail) => w(
            "The preflight's Access-Control-Allow-Origin holds several values (`{value}`), but only one origin is \
             allowed.",
            "Two Access-Control-Allow-Origin header lines are joined into one value with a comma, which never equals \
             an origin. This usually happens when both a proxy and the application add the header. Send it exactly \
             once: `{sent-origin}`.",
        ),
        (C::PreflightAllowOriginInvalid, O::Fail) => w(
            "The preflight's Access-Control-Allow-Origin value `{value}` is not a valid origin.",
            "The value must be one full origin such as `{sent-origin}`, or `*`, or `null`. {hint}",
        ),
        (C::PreflightAllowOriginWildcard, O::Fail) => w(
            "The preflight answered `Access-Control-Allow-Origin: *`, but the request includes credentials.",
            "When cookies or HTTP authentication are included (`credentials: 'include'` or `withCredentials`), the \
             wildcard is refused: the server must name the origin, `{sent-origin}`, and also send \
             `Access-Control-Allow-Credentials: true`. The preflight itself carries no cookies, but it is checked \
             with the request's credentials mode.",
        ),
        (C::PreflightAllowOriginMismatch, O::Fail) => w(
            "The preflight allows the origin `{value}`, but the request's origin is `{sent-origin}`.",
            "The browser compares the two byte for byte, with no normalizing. {hint}",
        ),
        (
            C::PreflightAllowOriginMissing
            | C::PreflightAllowOriginMultiple
            | C::PreflightAllowOriginInvalid
            | C::PreflightAllowOriginWildcard
            | C::PreflightAllowOriginMismatch,
            _,
        ) => w(
            "The preflight response allows the origin `{sent-origin}`.",
            "Its Access-Control-Allow-Origin is exactly the request's origin, or `*` without credentials.",
        ),
        (C::PreflightAllowCredentials, O::Fail) => w(
            "The preflight response lacks `Access-Control-Allow-Credentials: true`, which a request with credentials \
             needs.",
            "With credentials included the server must opt in explicitly, with exactly `true`, on the preflight and \
             on the response. {hint}",
        ),
        (C::PreflightAllowCredentials, _) if val(step, Key::Value) == "true" => w(
            "The preflight response allows credentials with `Access-Control-Allow-Credentials: true`.",
            "With credentials included the preflight must carry exactly `Access-Control-Allow-Credentials: true`.",
        ),
        (C::PreflightAllowCredentials, _) => w(
            "No credentials are sent, so the preflight needs no Access-Control-Allow-Credentials.",
            "Only a request with credentials needs `Access-Control-Allow-Credentials: true`.",
        ),
        (C::AllowMethodsParse, O::Fail) => w(
            "The preflight's Access-Control-Allow-Methods `{value}` cannot be parsed: `{names}` is not a method name.",
            "The header must be a comma-separated list of method names, such as `GET, POST, PUT`. A space instead of \
             a comma, quotes or other separators make the whole header invalid, and then the preflight fails even \
             when the method would not need it.",
        ),
        (C::AllowHeadersParse, O::Fail) => w(
            "The preflight's Access-Control-Allow-Headers `{value}` cannot be parsed: `{names}` is not a header name.",
            "The header must be a comma-separated list of header names, such as `Content-Type, X-Api-Key`. A space \
             instead of a comma, quotes or other separators make the whole header invalid.",
        ),
        (C::AllowMethodsParse, _) => w(
            "The preflight's Access-Control-Allow-Methods parses as a list of method names.",
            "It must be a comma-separated list of method names, such as `GET, POST, PUT`.",
        ),
        (C::AllowHeadersParse, _) => w(
            "The preflight's Access-Control-Allow-Headers parses as a list of header names.",
            "It must be a comma-separated list of header names, such as `Content-Type, X-Api-Key`.",
        ),
        (C::MethodAllowed, O::Fail) => w(
            "The method `{method}` is not allowed by the preflight's Access-Control-Allow-Methods: {allowed-text}.",
            "GET, HEAD and POST are always allowed; any other method must be listed, and the comparison is \
             case-sensitive. `*` allows every method only when no credentials are sent. {hint}",
        ),
        (C::MethodAllowed, _) if is_cors_safelisted_method(val(step, Key::Method)) => w(
            "The method `{method}` is always allowed.",
            "GET, HEAD and POST are CORS-safelisted methods: the server does not need to list them.",
        ),
        (C::MethodAllowed, _) => w(
            "The method `{method}` is allowed: {allowed-text}.",
            "GET, HEAD and POST are always allowed; other methods must be listed in Access-Control-Allow-Methods.",
        ),
        (C::AuthorizationAllowed, O::Fail) => w(
            "The `Authorization` header is not named in the preflight's Access-Control-Allow-Headers: {allowed-text}.",
            "Authorization must be listed by name: according to the standard, `*` never covers it. List \
             `Authorization` explicitly.",
        ),
        (C::AuthorizationAllowed, _) => w(
            "The `Authorization` header is allowed.",
            "The standard requires Authorization to be listed by name; browsers still accept `*` for it for now, but \
             listing it explicitly works everywhere.",
        ),
        (C::HeaderAllowed, O::Fail) => w(
            "The request header `{header}` is not allowed by the preflight's Access-Control-Allow-Headers: \
             {allowed-text}.",
            "Every request header that is not CORS-safelisted (here: {names}) must be listed by name, in any letter \
             case. `*` covers them only when no credentials are sent. A common case: `Content-Type: \
             application/json` is not safelisted, so Content-Type must be listed. {hint}",
        ),
        (C::HeaderAllowed, _) => w(
            "Every request header that needs permission is allowed.",
            "Headers that are not CORS-safelisted must be listed in Access-Control-Allow-Headers.",
        ),
        (C::MaxAge, _) => w(
            "The preflight answer may be reused for {seconds} seconds.",
            "{max-age-text} Within that time, the same request skips the preflight.",
        ),
        (C::AllowPrivateNetwork, O::Fail) => w(
            "The preflight lacks `Access-Control-Allow-Private-Network: true`, which a request into a more private \
             network needs.",
            "In the Private Network Access model, a public page reaching a private address must be allowed by the \
             server with this header on the preflight, in addition to the usual CORS headers.",
        ),
        (C::AllowPrivateNetwork, _) => w(
            "The preflight allows access to the private network.",
            "It carries `Access-Control-Allow-Private-Network: true`.",
        ),
        _ => return None,
    };
    Some(words)
}
