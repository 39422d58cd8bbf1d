//! Words for building the request: checks that make `fetch()` or `xhr.open()` throw, and headers the
//! browser drops silently.

use super::{w, Words};
use crate::trace::{CheckId as C, StepOutcome as O, TraceStep};

pub(super) fn words(step: &TraceStep) -> Option<Words> {
    let words = match (step.check, step.outcome) {
        (C::MethodToken, O::Fail) => w(
            "`{method}` is not a valid HTTP method name, so the call throws before anything is sent.",
            "A method must be an HTTP token: letters, digits and a few symbols such as `-`, `_` and `.`, with no \
             spaces, quotes, slashes or colons. The browser rejects the call at once; nothing reaches the network, so \
             no server setting can help. Fix the method name in the script.",
        ),
        (C::MethodToken, _) => w(
            "`{method}` is a valid HTTP method name.",
            "A method must be an HTTP token: letters, digits and a few symbols, with no spaces or separators.",
        ),
        (C::ForbiddenMethod, O::Fail) => w(
            "`{method}` is a forbidden method: scripts may never send CONNECT, TRACE or TRACK.",
            "The call fails at once, in any letter case (`fetch()` rejects with a TypeError, `xhr.open()` throws a \
             SecurityError). These methods could be used to open tunnels or \
             to echo back other requests' secrets, so the Fetch standard forbids them outright. This is not CORS: no \
             server header can allow them. Use another method.",
        ),
        (C::ForbiddenMethod, _) => w(
            "`{method}` is not one of the forbidden methods (CONNECT, TRACE, TRACK).",
            "Scripts may never send CONNECT, TRACE or TRACK, in any letter case; every other valid method is allowed \
             to be attempted.",
        ),
        (C::MethodNormalize, _) => w(
            "The method written `{written-method}` is sent as `{method}`.",
            "The browser upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT. Every other method keeps the exact \
             letters the script used (`patch` stays `patch`), and a server's Access-Control-Allow-Methods must then \
             list it with the same letters.",
        ),
        (C::UrlCredentials, O::Fail) => w(
            "The URL `{url}` contains a user name or password, which `fetch()` refuses.",
            "`fetch()` and `new Request()` throw a TypeError for URLs such as `https://user:pass@host/`, before \
             anything is sent. Remove the credentials from the URL and send them in an `Authorization` header \
             instead (a cross-origin server must then list Authorization in Access-Control-Allow-Headers).",
        ),
        (C::UrlCredentials, _) => w(
            "The URL carries no user name or password.",
            "`fetch()` refuses URLs with embedded credentials such as `https://user:pass@host/`.",
        ),
        (C::HeaderSyntax, O::Fail) => w(
            "The header `{header}` has an invalid {reason-text}, so the call throws before anything is sent.",
            "Header names must be HTTP tokens (no spaces, colons or other separators) and values must not contain \
             NUL or line breaks (CR, LF). The browser throws at once and nothing is sent. Check the header for a \
             stray space in the name or a newline pasted into the value (a token copied from a terminal, say).",
        ),
        (C::HeaderSyntax, _) => w(
            "The header `{header}` has a valid name and value.",
            "Header names must be HTTP tokens and values must not contain NUL, CR or LF.",
        ),
        (C::NoCorsMethod, O::Fail) => w(
            "`{method}` cannot be used with mode `no-cors`, which allows only GET, HEAD and POST.",
            "`no-cors` requests may only be simple GET, HEAD or POST requests; any other method makes the call throw \
             a TypeError before sending. If you need another method, use mode `cors` and have the server allow it \
             with CORS headers.",
        ),
        (C::NoCorsMethod, _) => w(
            "`{method}` is allowed in `no-cors` mode.",
            "`no-cors` requests may only use GET, HEAD or POST.",
        ),
        (C::ForbiddenHeader, _) => w(
            "The header `{header}` is dropped silently: scripts are not allowed to set it.",
            "`{header}` is a forbidden request header: {reason-text}. The browser ignores the script's value without \
             an error, so the server never receives it. Headers such as Origin, Cookie, Host or Referer are always \
             set by the browser; send application data in a header of your own instead.",
        ),
        (C::NoCorsHeader, _) => w(
            "The header `{header}` is dropped because `no-cors` requests may carry only a few simple headers.",
            "In `no-cors` mode only Accept, Accept-Language, Content-Language and Content-Type with a simple value \
             may be set ({reason-text}); other headers are dropped without an error. Use mode `cors` to send them, \
             with the server's permission.",
        ),
        _ => return None,
    };
    Some(words)
}
