//! Reproductions that go through a redirect: the redirect response fails the check, or it passes and
//! its target's answer fails (Chromium's "redirected from").

use cors_rules::scenario::{Answer, HttpAnswer, Request, ServerEntry};
use cors_rules::{CheckId, Stage};

use super::answers::{broken_response, cors_headers, want};
use super::facts::Facts;
use super::target::{origin_of, Target};

/// A redirect from the request URL to another URL: either the redirect response fails the check
/// (`stage == Redirect`), or it passes and the target's answer fails (Chromium's "redirected from").
pub(super) fn redirect_servers(
    target: &Target,
    page_origin: &str,
    request: &Request,
    url: &str,
) -> Vec<ServerEntry> {
    let facts = target.facts;
    let redirect_fails = target.stage == Stage::Redirect;
    let (from, to) = match facts.initial_url.as_deref() {
        Some(initial) if initial != url => (initial.to_owned(), url.to_owned()),
        _ => (request.url.clone(), location_for(target.check, facts, url)),
    };
    let from_want = want(page_origin, request, &from);
    let redirect = if redirect_fails {
        broken_response(
            target.answer_check,
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
        url: from.clone(),
        preflight: None,
        response: redirect,
    }];
    if to.starts_with("http:") || to.starts_with("https:") {
        let tainted =
            origin_of(&from) != origin_of(&to) && Some(page_origin) != origin_of(&from).as_deref();
        let after = if tainted { "null" } else { page_origin };
        let to_want = want(after, request, &to);
        let response = if redirect_fails {
            Answer::Http(HttpAnswer {
                status: 200,
                headers: cors_headers(&to_want),
            })
        } else {
            broken_response(target.answer_check, &to_want, facts)
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

/// Where the redirect goes when the message does not say.
fn location_for(check: CheckId, facts: &Facts, url: &str) -> String {
    if let Some(location) = &facts.location {
        return location.clone();
    }
    let Ok(mut parsed) = url::Url::parse(url) else {
        return format!("{url}/next");
    };
    match check {
        CheckId::RedirectCredentials => {
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
