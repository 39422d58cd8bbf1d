//! The gallery: real-world CORS failures, one click each.
//!
//! Each case is a SCENARIO-FORMAT JSON file beside this module (other crates' tests replay them) plus a
//! metadata row here: the symptom as the person sees it, the cause, and what the engine must conclude for
//! the Chrome profile (checked by this module's tests).

use cors_rules::{CheckId, InputError, Scenario};

/// What the Chrome profile must conclude for a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// The script reads the response.
    Allowed,
    /// `no-cors`: an opaque response.
    Opaque,
    /// Blocked by one of these checks.
    Blocked(&'static [CheckId]),
}

/// One gallery case.
#[derive(Clone, Copy, Debug)]
pub struct Case {
    /// Stable id: the file name without `.json`, and the `case=` link value.
    pub id: &'static str,
    /// A short title.
    pub title: &'static str,
    /// What the person sees.
    pub symptom: &'static str,
    /// Why it happens.
    pub cause: &'static str,
    /// The scenario file.
    pub json: &'static str,
    /// The expected conclusion (Chrome profile).
    pub expect: Expect,
}

impl Case {
    /// The case's scenario.
    ///
    /// # Errors
    /// An [`InputError`] if the file does not follow SCENARIO-FORMAT (a test guards against it).
    pub fn scenario(&self) -> Result<Scenario, InputError> {
        Scenario::from_json(self.json)
    }
}

/// The case with this id.
#[must_use]
pub fn find(id: &str) -> Option<&'static Case> {
    CASES.iter().find(|case| case.id == id)
}

/// The ids of the three cases the guided first visit walks through, in order.
pub const TOUR: [&str; 3] = [
    "simple-get",
    "wildcard-with-credentials",
    "put-needs-preflight",
];

macro_rules! case {
    ($id:literal, $title:literal, $symptom:literal, $cause:literal, $expect:expr) => {
        Case {
            id: $id,
            title: $title,
            symptom: $symptom,
            cause: $cause,
            json: include_str!(concat!($id, ".json")),
            expect: $expect,
        }
    };
}

/// Every case, in gallery order.
pub static CASES: &[Case] = &[
    case!("simple-get", "A simple GET that works",
        "fetch() resolves and the script reads the JSON.",
        "A GET without custom headers needs no preflight, and the response names the page's origin in Access-Control-Allow-Origin.",
        Expect::Allowed),
    case!("credentials-allowed", "Cookies sent and allowed",
        "fetch(url, {credentials: 'include'}) works and the session cookie goes along.",
        "The server echoes the exact origin and adds Access-Control-Allow-Credentials: true.",
        Expect::Allowed),
    case!("put-needs-preflight", "GET works but PUT is blocked",
        "The same endpoint works with GET, yet PUT fails with a CORS error, and the Network panel shows an OPTIONS request you never wrote.",
        "PUT is not a simple method, so the browser asks first with a preflight. The server answers OPTIONS without Access-Control-Allow-Methods, so PUT is not allowed.",
        Expect::Blocked(&[CheckId::MethodAllowed])),
    case!("preflight-405", "Preflight answered 405 Method Not Allowed",
        "POST with JSON fails; the Network panel shows OPTIONS → 405 and the POST never leaves.",
        "The route only handles GET and POST. The preflight (OPTIONS) gets the framework's default 405, without CORS headers.",
        Expect::Blocked(&[CheckId::PreflightAllowOriginMissing, CheckId::PreflightOkStatus])),
    case!("preflight-401", "The auth layer answers the preflight with 401",
        "Requests with a token fail with \"It does not have HTTP ok status\", although the token is valid.",
        "Browsers never send cookies or Authorization on a preflight. The auth middleware runs before the CORS handler and rejects the OPTIONS request with 401.",
        Expect::Blocked(&[CheckId::PreflightOkStatus])),
    case!("error-without-cors-headers", "CORS headers on 200s, not on errors",
        "Success works, but when the API fails you see a CORS error instead of its 500 and cannot read the error body.",
        "The CORS headers are added by code that only runs on success; the error handler answers without Access-Control-Allow-Origin.",
        Expect::Blocked(&[CheckId::AllowOriginMissing])),
    case!("wildcard-with-credentials", "Access-Control-Allow-Origin: * with cookies",
        "It worked until you added credentials: 'include' (or withCredentials = true).",
        "A credentialed response must name the exact origin; the wildcard * is refused when cookies are involved.",
        Expect::Blocked(&[CheckId::AllowOriginWildcard])),
    case!("trailing-slash", "A trailing slash in Allow-Origin",
        "The header is there and looks right, yet the browser says it is not equal to the supplied origin.",
        "An origin has no path: https://app.example.com/ is not byte-for-byte the origin https://app.example.com.",
        Expect::Blocked(&[CheckId::AllowOriginMismatch])),
    case!("http-vs-https", "http vs https",
        "Works on the staging site over http, fails in production over https.",
        "The scheme is part of the origin: the server allows http://app.example.com, the page is https://app.example.com.",
        Expect::Blocked(&[CheckId::AllowOriginMismatch])),
    case!("port-mismatch", "Dev server port mismatch",
        "After moving the front end to another dev server (5173 instead of 3000) every API call fails.",
        "The port is part of the origin: the API still allows http://localhost:3000.",
        Expect::Blocked(&[CheckId::AllowOriginMismatch])),
    case!("authorization-not-allowed", "Authorization header not allowed",
        "Requests without a token work; adding Authorization: Bearer … makes them fail.",
        "Authorization is not a safelisted header, so it triggers a preflight, and the server's Access-Control-Allow-Headers does not list it.",
        Expect::Blocked(&[CheckId::HeaderAllowed, CheckId::AuthorizationAllowed])),
    case!("custom-header-not-allowed", "Custom header not allowed",
        "Adding a tracing header (X-Request-Id) breaks every call.",
        "Custom headers need the server's permission: X-Request-Id is missing from Access-Control-Allow-Headers.",
        Expect::Blocked(&[CheckId::HeaderAllowed])),
    case!("lowercase-patch", "Lowercase patch",
        "PUT and DELETE work, but fetch(url, {method: 'patch'}) is refused although PATCH is allowed.",
        "Browsers uppercase only DELETE, GET, HEAD, OPTIONS, POST and PUT. patch is sent as written, and the comparison with Access-Control-Allow-Methods is case-sensitive.",
        Expect::Blocked(&[CheckId::MethodAllowed])),
    case!("json-content-type", "JSON Content-Type triggers a preflight",
        "A POST from a form works; the same POST with Content-Type: application/json fails.",
        "Only three Content-Type values are safelisted (form, multipart, text/plain). application/json needs a preflight, and the server does not allow the content-type header.",
        Expect::Blocked(&[CheckId::HeaderAllowed])),
    case!("no-cors-opaque", "mode: 'no-cors' gives an empty response",
        "The CORS error is gone, but response.status is 0, response.ok is false and the body is empty.",
        "no-cors does not switch CORS off: the browser sends the request and hides the response from the script (an opaque response).",
        Expect::Opaque),
    case!("preflight-redirect", "A redirect on the preflight",
        "\"Redirect is not allowed for a preflight request\": the URL without a trailing slash redirects.",
        "The server redirects /v1/items to /v1/items/. Browsers never follow a redirect on a preflight.",
        Expect::Blocked(&[CheckId::PreflightRedirect])),
    case!("two-allow-origin-values", "Two Access-Control-Allow-Origin values",
        "\"The 'Access-Control-Allow-Origin' header contains multiple values\", with the same origin twice.",
        "Both the reverse proxy and the application add the header; the browser joins the two lines into one invalid value.",
        Expect::Blocked(&[CheckId::AllowOriginMultiple])),
    case!("sandboxed-null-origin", "null origin from a sandboxed iframe",
        "The same code works on the site but fails inside a sandboxed iframe or a file: page, with origin 'null'.",
        "A sandboxed iframe (without allow-same-origin) or a file: page has an opaque origin, serialized as null, which the server does not allow.",
        Expect::Blocked(&[CheckId::AllowOriginMismatch])),
    case!("redirect-to-other-origin", "Redirect to another origin",
        "The API redirects a download to a file host that does allow the page, yet the request fails with origin 'null'.",
        "After a redirect to a second cross-origin server the browser sends Origin: null (a tainted origin), and the file host only allows https://app.example.com.",
        Expect::Blocked(&[CheckId::AllowOriginMismatch])),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_case_file_is_a_valid_scenario() {
        for case in CASES {
            assert!(
                case.scenario().is_ok(),
                "{}: {:?}",
                case.id,
                case.scenario()
            );
        }
    }

    #[test]
    fn the_gallery_holds_at_least_fifteen_failures() {
        let failures = CASES
            .iter()
            .filter(|c| matches!(c.expect, Expect::Blocked(_) | Expect::Opaque))
            .count();
        assert!(failures >= 15, "{failures}");
    }

    #[test]
    fn the_engine_reaches_each_case_s_expected_conclusion_for_chrome() {
        use cors_rules::Outcome;
        for case in CASES {
            let verdict = case.scenario().and_then(|s| cors_rules::evaluate(&s));
            let verdict = verdict.unwrap_or_else(|e| panic!("{}: {e}", case.id));
            let failing = verdict.failure.as_ref().map(|f| f.check);
            let ok = match case.expect {
                Expect::Allowed => verdict.outcome == Outcome::Allowed,
                Expect::Opaque => verdict.outcome == Outcome::Opaque,
                Expect::Blocked(checks) => {
                    verdict.outcome == Outcome::Blocked
                        && failing.is_some_and(|f| checks.contains(&f))
                }
            };
            assert!(
                ok,
                "{}: expected {:?}, got {:?} at {failing:?}",
                case.id, case.expect, verdict.outcome
            );
        }
    }

    #[test]
    fn case_ids_are_unique_and_the_tour_cases_exist() {
        let mut ids: Vec<&str> = CASES.iter().map(|c| c.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), CASES.len());
        assert!(TOUR.iter().all(|id| find(id).is_some()));
    }
}
