//! Words for the browser's decisions before anything is sent: same origin or not, blocked ports, mixed
//! content, Local Network Access, request mode, safelisted headers, preflight or not.

use super::{w, Words};
use crate::render::values::val;
use crate::trace::{CheckId as C, Key, StepOutcome as O, TraceStep};

pub(super) fn words(step: &TraceStep) -> Option<Words> {
    let words = match (step.check, step.outcome) {
        (C::SameOrigin, O::Pass) => w(
            "`{url}` is on the page's own origin `{page-origin}`, so CORS does not apply.",
            "An origin is the scheme, host and port together. When all three match, the request is same-origin: no \
             Origin check, no preflight, and the script reads the whole response.",
        ),
        (C::SameOrigin, _) => w(
            "`{url}` is cross-origin to the page `{page-origin}`: they differ in {differs-text}.",
            "Two URLs have the same origin only when scheme, host and port are all equal. Here the browser will still \
             send the request, but the script may read the answer only if the server opts in with CORS headers \
             (Access-Control-Allow-Origin and friends).",
        ),
        (C::BadPort, O::Fail) => w(
            "Port {port} is on the browser's list of blocked ports, so the request is never sent.",
            "Browsers refuse to connect to ports used by other protocols (mail, IRC, X11, SIP…) so that web pages \
             cannot attack those services. This is not CORS, and no header can allow it: serve the API on another \
             port, such as 443, 80, 8080 or 3000.",
        ),
        (C::BadPort, _) => w(
            "Port {port} is not a blocked port.",
            "Browsers refuse to connect to a fixed list of ports used by other protocols.",
        ),
        (C::MixedContent, O::Fail) => w(
            "An HTTPS page may not fetch the insecure HTTP URL `{url}`: mixed content is blocked.",
            "This is not a CORS error, although JavaScript sees the same TypeError. A page served over HTTPS \
             (`{page-origin}`) may only fetch HTTPS URLs, or loopback addresses such as http://localhost, so the \
             request is never sent. Serve the API over HTTPS and call its https:// URL.",
        ),
        (C::MixedContent, _) => w(
            "The request does not go from an HTTPS page to an insecure HTTP URL.",
            "HTTPS pages may not fetch plain HTTP URLs (mixed content), except loopback addresses.",
        ),
        (C::LocalNetworkAccess, O::Fail) => w(
            "Chrome blocks this page from reaching `{url}` in the `{target-address-space}` address space without the \
             user's Local Network Access permission.",
            "This is Chrome's Local Network Access rule, not CORS proper: a page on a more public network \
             (`{page-origin}`, address space `{address-space}`) that asks for a more private address (the local \
             network or this computer) needs the user's permission, and it was not granted. Firefox and Safari have \
             no such rule. Serve the page from the same network, or let the user allow local network access when \
             Chrome asks.",
        ),
        (C::LocalNetworkAccess, _) => w(
            "No Local Network Access restriction applies.",
            "Chrome asks the user before a public page may reach the local network or this computer; this request \
             does not go to a more private address space.",
        ),
        (C::DataUrl, _) => w(
            "`data:` URLs are never CORS-checked: the response is always readable.",
            "A data: URL carries its content in the URL itself, so there is no server to ask.",
        ),
        (C::SameOriginMode, O::Fail) => w(
            "The request uses mode `same-origin`, but `{url}` is on another origin.",
            "With `mode: 'same-origin'` the browser refuses every cross-origin URL, including one reached through a \
             redirect, without asking the server. Use the default mode `cors` if the server is meant to serve this \
             page.",
        ),
        (C::SameOriginMode, _) => w(
            "Mode `same-origin` is satisfied: the URL is on the page's origin.",
            "With `mode: 'same-origin'` the browser refuses every cross-origin URL.",
        ),
        (C::NoCorsRedirectMode, O::Fail) => w(
            "A `no-cors` request to another origin must use `redirect: 'follow'`.",
            "In no-cors mode the browser insists on following redirects itself. Remove the `redirect` option, or use \
             mode `cors`.",
        ),
        (C::NoCorsRedirectMode, _) => w(
            "The redirect mode suits a `no-cors` request.",
            "In no-cors mode the redirect mode must be `follow`.",
        ),
        (C::CorsScheme, O::Fail) => w(
            "Cross-origin requests work only for http: and https: URLs, and `{url}` uses `{scheme}`.",
            "Only HTTP(S) servers can answer the CORS protocol. The usual cause is a page opened from a file: URL, or \
             a fetch of a file: or custom-scheme URL. Serve both the page and the data over http(s), for example \
             with a small local web server.",
        ),
        (C::CorsScheme, _) => w(
            "The URL uses an HTTP(S) scheme, so the CORS protocol can apply.",
            "Cross-origin requests work only for http: and https: URLs.",
        ),
        (C::SafelistedHeader, O::Pass) => w(
            "`{header}` is a CORS-safelisted header, so it needs no permission from the server.",
            "A few headers (Accept, Accept-Language, Content-Language, Content-Type with a form or text value, a \
             simple Range) may be sent cross-origin without a preflight, as long as their values are short and plain.",
        ),
        (C::SafelistedHeader, _) => w(
            "`{header}: {value}` is not CORS-safelisted ({reason-text}), so the server must allow it.",
            "Any other header, or a safelisted one with an unusual value, makes the browser ask first with a \
             preflight, and the server must then list the header in Access-Control-Allow-Headers.",
        ),
        (C::SafelistedTotal, O::Pass) => w(
            "The safelisted header values total {count} bytes, within the {cap}-byte limit.",
            "Safelisted headers stay safelisted only while their values together fit in {cap} bytes.",
        ),
        (C::SafelistedTotal, _) => w(
            "The safelisted header values total {count} bytes, more than {cap}: now all of them need permission.",
            "Past {cap} bytes in total, every safelisted header counts as unsafe, which forces a preflight that must \
             allow them all.",
        ),
        (C::PreflightNeeded, O::Pass) => w(
            "No preflight is needed: this is a simple request.",
            "GET, HEAD and POST with only safelisted headers go straight to the server; the CORS check happens on the \
             response.",
        ),
        (C::PreflightNeeded, _) => w(
            "The browser first sends an OPTIONS preflight, because {preflight-why}.",
            "A preflight asks the server for permission before the real request is sent. It carries \
             `Access-Control-Request-Method` and, when needed, `Access-Control-Request-Headers`; the server must \
             answer it with a 2xx status and the matching Access-Control-Allow-* headers.",
        ),
        (C::PreflightCache, _) => w(
            "A cached preflight answer for `{url}` still applies, so no preflight is sent this time.",
            "Browsers remember a successful preflight for the time Access-Control-Max-Age allows (5 seconds by \
             default, capped by each browser).",
        ),
        (C::Credentials, _) if val(step, Key::Value) == "true" => w(
            "Cookies and HTTP authentication are sent with this request (credentials mode `{credentials-mode}`).",
            "With credentials the server must answer with its exact origin (never `*`) and \
             `Access-Control-Allow-Credentials: true`, or the script may not read the response.",
        ),
        (C::Credentials, _) => w(
            "No cookies or HTTP authentication are sent with this request (credentials mode `{credentials-mode}`).",
            "The default, `same-origin`, sends cookies only to the page's own origin. Use `credentials: 'include'` \
             (or XHR `withCredentials = true`) to send them cross-origin; the server must then allow it explicitly.",
        ),
        (C::OriginHeader, _) if val(step, Key::SentOrigin).is_empty() => w(
            "No Origin header is sent with this request.",
            "Same-origin GET and HEAD requests carry no Origin header.",
        ),
        (C::OriginHeader, _) => w(
            "The request carries `Origin: {sent-origin}`.",
            "The server decides from this header whether to share the response: it must echo this exact value in \
             Access-Control-Allow-Origin (or answer `*` when no credentials are sent). `null` is sent by pages with \
             an opaque origin and after a redirect through another origin.",
        ),
        _ => return None,
    };
    Some(words)
}
