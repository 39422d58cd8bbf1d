//! Words for redirects on the way to the final response.

use super::{w, Words};
use crate::render::values::val;
use crate::trace::{CheckId as C, Key, StepOutcome as O, TraceStep};

pub(super) fn words(step: &TraceStep) -> Option<Words> {
    let words = match (step.check, step.outcome) {
        (C::RedirectMode, O::Fail) => w(
            "`{url}` answered with a redirect ({status} to `{location}`), but the request says `redirect: 'error'`.",
            "With `redirect: 'error'` any redirect, even to the same origin, fails the request. Call the final URL \
             directly, or use the default `redirect: 'follow'`.",
        ),
        (C::RedirectMode, _) if val(step, Key::Value) == "manual" => w(
            "`{url}` answered with a redirect ({status}); with `redirect: 'manual'` the browser stops there.",
            "The script gets an opaque-redirect response: status 0, no headers, and no way to read where it points.",
        ),
        (C::RedirectMode, _) => w(
            "`{url}` answered with a redirect ({status}) to `{location}`, which the browser follows.",
            "Each response on the way must itself pass the CORS check, and the next URL is checked again from the \
             start (a new preflight may be needed).",
        ),
        (C::RedirectLocation, O::Fail) if val(step, Key::Reason) == "multiple" => w(
            "`{url}` answered with several different Location lines (`{location}`).",
            "Chrome and Firefox refuse a redirect that points two ways, whatever the redirect mode; Safari \
             follows the lines joined with a comma. Send exactly one Location header.",
        ),
        (C::RedirectLocation, O::Fail) if val(step, Key::Reason) == "empty" => w(
            "`{url}` answered with a redirect whose Location is empty.",
            "Safari fails such a redirect; Chrome hands the response to the script and the standard follows it to \
             the same URL again. Send the URL to redirect to, or no redirect status.",
        ),
        (C::RedirectLocation, O::Fail) => w(
            "The redirect's Location `{location}` is not a valid URL.",
            "The browser cannot follow a redirect to a URL it cannot parse. Fix the Location header on the server.",
        ),
        (C::RedirectLocation, _) => w(
            "The redirect's Location `{location}` is a valid URL.",
            "Relative locations are resolved against the redirecting URL.",
        ),
        (C::RedirectScheme, O::Fail) if val(step, Key::Reason) == "no-event" => w(
            "The redirect points to `{location}`, a blob: URL, and Firefox never finishes this XMLHttpRequest.",
            "Neither `load` nor `error` fires: the script waits forever unless it set `xhr.timeout`. Firefox does \
             this for an XHR still on the page's origin; Chrome and Safari fire `error`. Point the Location at an \
             http(s) URL.",
        ),
        (C::RedirectScheme, O::Fail) => w(
            "The redirect points to `{location}`, a `{scheme}` URL; only http: and https: redirects are followed.",
            "Browsers never follow a redirect from a fetch to data:, blob:, file: or other schemes. Point the \
             Location at an http(s) URL.",
        ),
        (C::RedirectScheme, _) => w(
            "The redirect points to an http(s) URL.",
            "Only http: and https: redirects are followed.",
        ),
        (C::RedirectLimit, O::Fail) => w(
            "The request was redirected too many times ({count}), so the browser gave up.",
            "Browsers follow at most 20 redirects. This is almost always a redirect loop, for example between http \
             and https or between two login pages. Fix the redirect rules on the server.",
        ),
        (C::RedirectLimit, _) => w(
            "The number of redirects ({count}) is within the limit of 20.",
            "Browsers follow at most 20 redirects.",
        ),
        (C::RedirectCredentials, O::Fail) => w(
            "The redirect to `{location}` contains a user name or password, which cross-origin requests may not \
             follow.",
            "A redirect must not smuggle credentials into a cross-origin request. Remove the `user:password@` part \
             from the Location.",
        ),
        (C::RedirectCredentials, _) => w(
            "The redirect location carries no user name or password.",
            "Cross-origin redirects to URLs with credentials are refused.",
        ),
        (C::RedirectMethodRewrite, _) => w(
            "The {status} redirect turns the {written-method} request into {method} and drops its body.",
            "After a 301 or 302 a POST becomes a GET, and after a 303 every method but HEAD becomes a GET; 307 and \
             308 keep the method and the body. Use 307/308 on the server if the method must survive the redirect.",
        ),
        (C::RedirectAuthorizationDropped, _) => w(
            "The Authorization header is dropped, because the redirect goes from `{url}` to another origin \
             (`{location}`).",
            "Browsers never forward Authorization to another origin after a redirect, so that a token meant for one \
             server does not leak to another. Call the final URL directly if it needs the token.",
        ),
        (C::RedirectTaint, _) => w(
            "After this redirect through another origin, the browser sends `Origin: null`.",
            "A request that hops from one origin to another and then on to a third (or back) no longer says truly \
             where it came from, so its Origin becomes `null`. The final server must then answer \
             `Access-Control-Allow-Origin: *` (without credentials) or exactly `null`, which is risky. Prefer calling \
             the final URL directly.",
        ),
        _ => return None,
    };
    Some(words)
}
