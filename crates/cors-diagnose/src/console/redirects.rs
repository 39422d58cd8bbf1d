//! Reproductions that go through a redirect: the redirect response fails the check, or it passes and
//! the answer of the URL it leads to fails (Chromium's "at B (redirected from A)").

use cors_rules::scenario::{Answer, HttpAnswer, Request, ServerEntry};
use cors_rules::{CheckId, Stage};

use super::answers::{broken_preflight, broken_response, cors_headers, good_preflight, want};
use super::catalog::is_preflight_check;
use super::facts::{is_http_url, Facts};
use super::target::{origin_of, Target};
use crate::assumption::{AssumedField, Assumption};
use crate::policy::needs_preflight_in;

/// The hop assumed between the two URLs Chromium names, when the check can only fail after the request
/// went through another origin.
pub const ASSUMED_HOP: &str = "https://redirect.example/next";

/// The server entries, and what they had to assume.
pub(super) struct Chain {
    pub entries: Vec<ServerEntry>,
    pub assumptions: Vec<Assumption>,
}

/// A redirect from the request URL to another URL. When the message names both URLs ("at B (redirected
/// from A)"), A's redirect passes and B's answer fails; otherwise the redirect response itself fails the
/// check.
pub(super) fn redirect_servers(
    target: &Target,
    page_origin: &str,
    request: &Request,
    url: &str,
) -> Chain {
    match target.facts.initial_url.as_deref() {
        Some(initial) if initial != url => quoted_chain(target, page_origin, request, initial, url),
        // The request URL's own redirect fails the check; the URL it leads to answers well.
        _ => Chain {
            entries: failing_redirect_at(target, page_origin, page_origin, request, &request.url),
            assumptions: Vec::new(),
        },
    }
}

/// The request's serialized origin after a redirect from `from` to `to`
/// (<https://fetch.spec.whatwg.org/#concept-http-redirect-fetch>, step "tainted origin").
fn origin_after<'a>(origin: &'a str, page_origin: &str, from: &str, to: &str) -> &'a str {
    let tainted =
        origin_of(from) != origin_of(to) && Some(page_origin) != origin_of(from).as_deref();
    if tainted {
        "null"
    } else {
        origin
    }
}

/// Whether the check can only have failed with the request's origin `null`: the last URL is on the
/// page's own origin (a CORS check there means the chain left the origin first), or the server allowed
/// exactly the page's origin and the browser still found no match.
fn needs_tainted_origin(target: &Target, page_origin: &str, url: &str) -> bool {
    let same_origin_end = origin_of(url).as_deref() == Some(page_origin);
    let page_refused = matches!(
        target.check,
        CheckId::AllowOriginMismatch | CheckId::PreflightAllowOriginMismatch
    ) && target.facts.value.as_deref() == Some(page_origin);
    same_origin_end || page_refused
}

/// A 307 to `to` (the method and body kept), passing every check for `origin`.
fn passing_hop(
    request: &Request,
    origin: &str,
    from: &str,
    to: &str,
    browser_preflights: bool,
) -> ServerEntry {
    let hop_want = want(origin, request, from);
    let mut headers = cors_headers(&hop_want);
    headers.push(("Location".to_owned(), to.to_owned()));
    ServerEntry {
        url: from.to_owned(),
        preflight: browser_preflights.then(|| {
            Answer::Http(HttpAnswer {
                status: 204,
                headers: good_preflight(&hop_want),
            })
        }),
        response: Answer::Http(HttpAnswer {
            status: 307,
            headers,
        }),
    }
}

/// "At B (redirected from A)": A passes and redirects (through a third origin when only a `null` origin
/// explains the failure), and B's preflight or response fails the check.
fn quoted_chain(
    target: &Target,
    page_origin: &str,
    request: &Request,
    initial: &str,
    url: &str,
) -> Chain {
    let preflights = needs_preflight_in(request, target.browser);
    let mut hops = vec![initial.to_owned()];
    let mut assumptions = Vec::new();
    let tainted_already = origin_after(page_origin, page_origin, initial, url) == "null";
    let redirect_fails = is_redirect_check(target.check);
    if !redirect_fails && needs_tainted_origin(target, page_origin, url) && !tainted_already {
        hops.push(ASSUMED_HOP.to_owned());
        assumptions.push(Assumption::new(
            AssumedField::Redirect,
            ASSUMED_HOP,
            "the message names only the first and the last URL; the check can fail there only if the \
             request went through another origin in between, so the browser sent `Origin: null`",
        ));
    }
    hops.push(url.to_owned());
    let mut entries = Vec::new();
    let mut origin = page_origin;
    for pair in hops.windows(2) {
        let (from, to) = (pair[0].as_str(), pair[1].as_str());
        let cross_origin = origin_of(from).as_deref() != Some(page_origin) || origin == "null";
        entries.push(passing_hop(
            request,
            origin,
            from,
            to,
            preflights && cross_origin,
        ));
        origin = origin_after(origin, page_origin, from, to);
    }
    if redirect_fails {
        entries.extend(failing_redirect_at(
            target,
            origin,
            page_origin,
            request,
            url,
        ));
        return Chain {
            entries,
            assumptions,
        };
    }
    let last_want = want(origin, request, url);
    let (preflight, response) = if is_preflight_check(target.check) {
        (
            Some(broken_preflight(target.check, &last_want, target.facts)),
            Answer::Http(HttpAnswer {
                status: 200,
                headers: cors_headers(&last_want),
            }),
        )
    } else {
        let preflight = preflights.then(|| {
            Answer::Http(HttpAnswer {
                status: 204,
                headers: good_preflight(&last_want),
            })
        });
        (
            preflight,
            broken_response(target.check, &last_want, target.facts),
        )
    };
    entries.push(ServerEntry {
        url: url.to_owned(),
        preflight,
        response,
    });
    Chain {
        entries,
        assumptions,
    }
}

/// The checks that a redirect response fails whatever its CORS headers say.
fn is_redirect_check(check: CheckId) -> bool {
    matches!(
        check,
        CheckId::RedirectCredentials
            | CheckId::RedirectScheme
            | CheckId::RedirectLocation
            | CheckId::RedirectMode
            | CheckId::RedirectLimit
    )
}

/// `from` answers with a redirect that fails the check, for a request whose serialized origin is
/// `origin`; the URL it leads to answers well.
fn failing_redirect_at(
    target: &Target,
    origin: &str,
    page_origin: &str,
    request: &Request,
    from: &str,
) -> Vec<ServerEntry> {
    let facts = target.facts;
    let from_want = want(origin, request, from);
    if matches!(
        target.check,
        CheckId::RedirectLimit | CheckId::RedirectLocation
    ) {
        // The redirect answer itself is the failure: a redirect to itself (the browser gives up after 20),
        // or two `Location` lines that differ.
        return vec![ServerEntry {
            url: from.to_owned(),
            preflight: None,
            response: broken_response(target.check, &from_want, facts),
        }];
    }
    let redirect_fails = target.stage == Stage::Redirect && !is_redirect_check(target.check);
    let to = location_for(target.check, facts, from, page_origin);
    let redirect = if redirect_fails {
        broken_response(
            target.check,
            &from_want,
            &Facts {
                status: None,
                ..facts.clone()
            },
        )
    } else {
        Answer::Http(HttpAnswer {
            status: 302,
            headers: cors_headers(&from_want),
        })
    };
    let redirect = with_location(redirect, &to);
    let mut entries = vec![ServerEntry {
        url: from.to_owned(),
        preflight: None,
        response: redirect,
    }];
    if is_http_url(&to) {
        let after = origin_after(origin, page_origin, from, &to);
        let to_want = want(after, request, &to);
        let response = if redirect_fails || is_redirect_check(target.check) {
            Answer::Http(HttpAnswer {
                status: 200,
                headers: cors_headers(&to_want),
            })
        } else {
            broken_response(target.check, &to_want, facts)
        };
        entries.push(ServerEntry {
            url: to,
            preflight: None,
            response,
        });
    }
    entries
}

fn with_location(answer: Answer, location: &str) -> Answer {
    match answer {
        Answer::Http(mut http) => {
            http.status = 302;
            http.headers
                .push(("Location".to_owned(), location.to_owned()));
            Answer::Http(http)
        }
        error @ Answer::Error(_) => error,
    }
}

/// Whether a quoted `Location` can stand for the check: Chromium quotes an empty one when the location
/// it refused held a user name or password, and a scheme check needs a URL that is not HTTP(S).
fn location_fits(check: CheckId, location: &str) -> bool {
    let parsed = url::Url::parse(location);
    match check {
        CheckId::RedirectCredentials => {
            parsed.is_ok_and(|u| !u.username().is_empty() || u.password().is_some())
        }
        CheckId::RedirectScheme => parsed.is_ok_and(|u| !matches!(u.scheme(), "http" | "https")),
        _ => !location.is_empty(),
    }
}

/// Where the redirect goes when the message does not say.
fn location_for(check: CheckId, facts: &Facts, url: &str, page_origin: &str) -> String {
    if let Some(location) = facts
        .location
        .as_deref()
        .filter(|l| location_fits(check, l))
    {
        return location.to_owned();
    }
    let Ok(mut parsed) = url::Url::parse(url) else {
        return format!("{url}/next");
    };
    match check {
        CheckId::RedirectCredentials => {
            // Refused only when the location is on another origin than the page's.
            if origin_of(url).as_deref() == Some(page_origin) {
                let other = if parsed.host_str() == Some("api.example") {
                    "api2.example"
                } else {
                    "api.example"
                };
                let _ = parsed.set_host(Some(other));
            }
            let _ = parsed.set_username("user");
            let _ = parsed.set_password(Some("secret"));
            parsed.to_string()
        }
        CheckId::RedirectScheme => format!("ftp://{}/file", parsed.host_str().unwrap_or("example")),
        _ => {
            parsed.set_path(&format!("{}/next", parsed.path().trim_end_matches('/')));
            parsed.to_string()
        }
    }
}
