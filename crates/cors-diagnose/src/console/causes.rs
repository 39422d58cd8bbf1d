//! The usual causes of each failure, as people meet them in real projects (the error reference and the
//! diagnosis list them; the engine says what the rule is, these say how servers end up breaking it).

use cors_rules::CheckId;

/// Why a check usually fails in practice, most common first.
#[must_use]
pub fn usual_causes(check: CheckId) -> &'static [&'static str] {
    use CheckId as C;
    match check {
        C::AllowOriginMissing | C::PreflightAllowOriginMissing => &[
            "The server has no CORS configuration at all, or it is set up for another path or host.",
            "The CORS middleware runs after the handler that failed: error pages (404, 500, a login redirect) \
             go out without the header.",
            "A proxy, CDN or API gateway in front of the server answers the request itself (or strips the header).",
            "The server answers the OPTIONS preflight with a generic 404 or 405 because no route handles OPTIONS.",
        ],
        C::AllowOriginMultiple | C::PreflightAllowOriginMultiple => &[
            "Two layers each add the header (the application and nginx, or a framework and a gateway).",
            "The allowed origins are sent as a list (`https://a.example, https://b.example`): the header takes \
             exactly one origin; pick the request's Origin from your list instead.",
        ],
        C::AllowOriginInvalid | C::PreflightAllowOriginInvalid => &[
            "The value is a host name without a scheme (`example.com`) or has a path.",
            "A template or environment variable was not filled in, leaving an empty or placeholder value.",
        ],
        C::AllowOriginMismatch | C::PreflightAllowOriginMismatch => &[
            "A trailing slash (`https://app.example.com/`): origins never have one.",
            "The scheme or port differs (`http` versus `https`, `:3000` versus `:5173`), often between \
             development and production.",
            "The server always sends one fixed origin while the page is served from another.",
            "A response cached by a CDN for another origin, because `Vary: Origin` is missing.",
        ],
        C::AllowOriginWildcard | C::PreflightAllowOriginWildcard => &[
            "The server allows `*` while the script sends cookies or HTTP authentication \
             (`credentials: 'include'`, `withCredentials = true`).",
            "A CORS library's \"allow all origins\" switch combined with its \"allow credentials\" switch.",
        ],
        C::AllowCredentials | C::PreflightAllowCredentials => &[
            "The script sends credentials but the server does not send `Access-Control-Allow-Credentials: true`.",
            "The header is sent with another value (`True`, `1`, `yes`): only the exact word `true` counts.",
        ],
        C::PreflightOkStatus => &[
            "No route handles OPTIONS, so the framework answers 404 or 405.",
            "Authentication runs before CORS and answers the preflight 401 or 403: preflights never carry \
             credentials.",
            "The server or a proxy fails on OPTIONS (500, 502).",
        ],
        C::PreflightRedirect => &[
            "The URL is missing or has an extra trailing slash and the server redirects to the canonical one.",
            "An http to https redirect, or a redirect to a login page, answers the preflight.",
        ],
        C::PreflightNetworkError | C::NetworkError => &[
            "The server is not running or listens on another port or interface.",
            "The host name does not resolve, or the TLS certificate is not trusted by the browser.",
            "A firewall, VPN or browser extension drops the connection.",
        ],
        C::AllowMethodsParse | C::AllowHeadersParse => &[
            "Names separated by spaces or semicolons instead of commas.",
            "A character that is not allowed in a token (quotes, slashes, non-ASCII).",
        ],
        C::MethodAllowed => &[
            "The method (PUT, PATCH, DELETE) is not listed in Access-Control-Allow-Methods.",
            "The method is written in lower case by the script (`patch`): the comparison is case-sensitive.",
            "`*` is sent while the request carries credentials: then `*` is just a name, not a wildcard.",
        ],
        C::HeaderAllowed | C::AuthorizationAllowed => &[
            "The script sends a header the server does not list, often `Content-Type: application/json`, \
             `Authorization` or a custom `X-…` header.",
            "`*` is sent while the request carries credentials, or the header is `Authorization`, which `*` \
             never covers.",
        ],
        C::RedirectCredentials => &[
            "The server redirects to a URL with `user:password@` in it.",
        ],
        C::RedirectScheme => &[
            "A redirect to a `data:`, `file:` or custom-scheme URL, or to an app link.",
        ],
        C::SameOriginMode => &[
            "The script asked for `mode: 'same-origin'` but the URL, or a redirect, is on another origin.",
        ],
        C::NoCorsRedirectMode => &[
            "`mode: 'no-cors'` combined with `redirect: 'error'` or `'manual'`.",
        ],
        C::CorsScheme => &[
            "The page or the URL is a `file:` URL: open the page through a local web server instead.",
            "A custom scheme (`app:`, `chrome-extension:`) that the browser does not allow for CORS.",
        ],
        C::MixedContent => &[
            "The API URL is hard-coded with `http://` while the site is served over HTTPS.",
            "A redirect from https to http somewhere on the way.",
        ],
        C::LocalNetworkAccess | C::AllowPrivateNetwork => &[
            "A public website calls a server on `localhost` or a private address (a router, a dev server).",
            "The user refused the browser's local network permission prompt.",
        ],
        C::BadPort => &[
            "The URL uses a port browsers block for every request (such as 6000, 6665–6669 or 10080) because \
             other protocols listen there: move the service to another port.",
        ],
        C::RedirectLimit => &[
            "A redirect loop: the server, a proxy or a login page keeps redirecting (often http ↔ https, or a \
             trailing slash added and removed).",
        ],
        C::CrossOriginResourcePolicy => &[
            "The server sends `Cross-Origin-Resource-Policy: same-origin` (or `same-site`), often from a security \
             middleware's defaults (helmet), on a resource other sites load.",
            "The page is cross-origin isolated (`Cross-Origin-Embedder-Policy: require-corp`) and the resource sends \
             no `Cross-Origin-Resource-Policy` at all.",
        ],
        _ => &[
            "The server's answer breaks one of the CORS rules; open the reproduction to see which value.",
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::console::catalog;

    #[test]
    fn every_check_of_the_catalogue_has_causes() {
        for message in catalog::all() {
            for check in message.checks() {
                assert!(!usual_causes(*check).is_empty(), "{}", check.id());
            }
        }
    }
}
