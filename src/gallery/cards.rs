//! What each gallery case says: its title, the symptom as the person sees it, and the cause. Only the
//! gallery's cards (`crate::ui::gallery`) show these; the cases' scenarios are [`super::CASES`].

/// The words of one gallery card.
#[derive(Clone, Copy, Debug)]
pub struct Card {
    /// The case's id ([`super::Case::id`]).
    pub id: &'static str,
    /// A short title.
    pub title: &'static str,
    /// What the person sees.
    pub symptom: &'static str,
    /// Why it happens.
    pub cause: &'static str,
}

macro_rules! card {
    ($id:literal, $title:literal, $symptom:literal, $cause:literal) => {
        Card {
            id: $id,
            title: $title,
            symptom: $symptom,
            cause: $cause,
        }
    };
}

/// Every card, in the order of [`super::CASES`].
pub static CARDS: &[Card] = &[
    card!("simple-get", "A simple GET that works",
        "fetch() resolves and the script reads the JSON.",
        "A GET without custom headers needs no preflight, and the response names the page's origin in Access-Control-Allow-Origin."),
    card!("credentials-allowed", "Cookies sent and allowed",
        "fetch(url, {credentials: 'include'}) works and the session cookie goes along.",
        "The server echoes the exact origin and adds Access-Control-Allow-Credentials: true."),
    card!("put-needs-preflight", "GET works but PUT is blocked",
        "The same endpoint works with GET, yet PUT fails with a CORS error, and the Network panel shows an OPTIONS request you never wrote.",
        "PUT is not a simple method, so the browser asks first with a preflight. The server answers OPTIONS without Access-Control-Allow-Methods, so PUT is not allowed."),
    card!("preflight-405", "Preflight answered 405 Method Not Allowed",
        "POST with JSON fails; the Network panel shows OPTIONS → 405 and the POST never leaves.",
        "The route only handles GET and POST. The preflight (OPTIONS) gets the framework's default 405, without CORS headers."),
    card!("preflight-401", "The auth layer answers the preflight with 401",
        "Requests with a token fail with \"It does not have HTTP ok status\", although the token is valid.",
        "Browsers never send cookies or Authorization on a preflight. The auth middleware runs before the CORS handler and rejects the OPTIONS request with 401."),
    card!("error-without-cors-headers", "CORS headers on 200s, not on errors",
        "Success works, but when the API fails you see a CORS error instead of its 500 and cannot read the error body.",
        "The CORS headers are added by code that only runs on success; the error handler answers without Access-Control-Allow-Origin."),
    card!("wildcard-with-credentials", "Access-Control-Allow-Origin: * with cookies",
        "It worked until you added credentials: 'include' (or withCredentials = true).",
        "A credentialed response must name the exact origin; the wildcard * is refused when cookies are involved."),
    card!("trailing-slash", "A trailing slash in Allow-Origin",
        "The header is there and looks right, yet the browser says it is not equal to the supplied origin.",
        "An origin has no path: https://app.example.com/ is not byte-for-byte the origin https://app.example.com."),
    card!("http-vs-https", "http vs https",
        "Works on the staging site over http, fails in production over https.",
        "The scheme is part of the origin: the server allows http://app.example.com, the page is https://app.example.com."),
    card!("port-mismatch", "Dev server port mismatch",
        "After moving the front end to another dev server (5173 instead of 3000) every API call fails.",
        "The port is part of the origin: the API still allows http://localhost:3000."),
    card!("authorization-not-allowed", "Authorization header not allowed",
        "Requests without a token work; adding Authorization: Bearer … makes them fail.",
        "Authorization is not a safelisted header, so it triggers a preflight, and the server's Access-Control-Allow-Headers does not list it."),
    card!("custom-header-not-allowed", "Custom header not allowed",
        "Adding a tracing header (X-Request-Id) breaks every call.",
        "Custom headers need the server's permission: X-Request-Id is missing from Access-Control-Allow-Headers."),
    card!("lowercase-patch", "Lowercase patch",
        "PUT and DELETE work, but fetch(url, {method: 'patch'}) is refused although PATCH is allowed.",
        "Browsers uppercase only DELETE, GET, HEAD, OPTIONS, POST and PUT. patch is sent as written, and the comparison with Access-Control-Allow-Methods is case-sensitive."),
    card!("json-content-type", "JSON Content-Type triggers a preflight",
        "A POST from a form works; the same POST with Content-Type: application/json fails.",
        "Only three Content-Type values are safelisted (form, multipart, text/plain). application/json needs a preflight, and the server does not allow the content-type header."),
    card!("no-cors-opaque", "mode: 'no-cors' gives an empty response",
        "The CORS error is gone, but response.status is 0, response.ok is false and the body is empty.",
        "no-cors does not switch CORS off: the browser sends the request and hides the response from the script (an opaque response)."),
    card!("preflight-redirect", "A redirect on the preflight",
        "\"Redirect is not allowed for a preflight request\": the URL without a trailing slash redirects.",
        "The server redirects /v1/items to /v1/items/. Browsers never follow a redirect on a preflight."),
    card!("two-allow-origin-values", "Two Access-Control-Allow-Origin values",
        "\"The 'Access-Control-Allow-Origin' header contains multiple values\", with the same origin twice.",
        "Both the reverse proxy and the application add the header; the browser joins the two lines into one invalid value."),
    card!("sandboxed-null-origin", "null origin from a sandboxed iframe",
        "The same code works on the site but fails inside a sandboxed iframe or a file: page, with origin 'null'.",
        "A sandboxed iframe (without allow-same-origin) or a file: page has an opaque origin, serialized as null, which the server does not allow."),
    card!("redirect-to-other-origin", "Redirect to another origin",
        "The API redirects a download to a file host that does allow the page, yet the request fails with origin 'null'.",
        "After a redirect to a second cross-origin server the browser sends Origin: null (a tainted origin), and the file host only allows https://app.example.com."),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gallery::{CASES, TOUR};

    #[test]
    fn every_case_has_one_card_in_the_same_order() {
        let cards: Vec<&str> = CARDS.iter().map(|c| c.id).collect();
        let cases: Vec<&str> = CASES.iter().map(|c| c.id).collect();
        assert_eq!(cards, cases);
    }

    #[test]
    fn the_tour_names_its_cases_by_their_card_titles() {
        for (id, title) in TOUR {
            let card = CARDS.iter().find(|c| c.id == id);
            assert_eq!(card.map(|c| c.title), Some(title), "{id}");
        }
    }
}
