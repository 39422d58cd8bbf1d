//! Fixes on the script's side (target `request`) and on things that are not headers: the request
//! itself is refused, or the failure is not CORS at all (the server is down, mixed content…).

use super::patch::Patch;
use super::{Planned, Situation};
use crate::render::values::val;
use crate::scenario::{RedirectMode, RequestMode};
use crate::trace::{CheckId, Key, Stage};
use crate::verdict::{Fix, FixTarget};

/// The fix for a failure that no CORS response header can solve, if the failure is one.
pub(super) fn plan(s: &Situation) -> Option<Planned> {
    use CheckId as C;
    let url = s.url.as_str();
    let planned = match s.step.check {
        C::ForbiddenMethod => unmodelled(
            FixTarget::Request,
            url,
            None,
            format!("Use another method than `{}`: CONNECT, TRACE and TRACK can never be sent by scripts.", method(s)),
        ),
        C::MethodToken => unmodelled(
            FixTarget::Request,
            url,
            None,
            format!("Fix the method name `{}`: it must be one word of letters, digits or `-_.!` without spaces.", method(s)),
        ),
        C::UrlCredentials => {
            let clean = without_credentials(url);
            let summary = format!(
                "Call `{clean}` without `user:password@` in the URL, and send the credentials in an `Authorization` \
                 header instead."
            );
            request(url, Some(clean.clone()), summary, Patch::RequestUrl(clean))
        }
        C::HeaderSyntax => header_syntax(s),
        C::NoCorsMethod => request(
            url,
            Some("mode: 'cors'".to_owned()),
            format!("Use mode `cors` for a `{}` request (no-cors allows only GET, HEAD and POST).", method(s)),
            Patch::RequestMode(RequestMode::Cors),
        ),
        C::SameOriginMode => request(
            url,
            Some("mode: 'cors'".to_owned()),
            format!("Use mode `cors` (the default) instead of `same-origin` to call {url}."),
            Patch::RequestMode(RequestMode::Cors),
        ),
        C::NoCorsRedirectMode | C::RedirectMode => request(
            url,
            Some("redirect: 'follow'".to_owned()),
            "Let the browser follow redirects: remove the `redirect` option (the default is `follow`), or call the \
             final URL directly."
                .to_owned(),
            Patch::RequestRedirect(RedirectMode::Follow),
        ),
        C::CorsScheme => unmodelled(
            FixTarget::Request,
            url,
            None,
            format!("Serve the page and {url} over http(s): cross-origin requests work only for http: and https: URLs."),
        ),
        C::MixedContent => {
            let secure = url.replacen("http://", "https://", 1);
            unmodelled(
                FixTarget::Request,
                url,
                Some(secure.clone()),
                format!("Serve the API over HTTPS and call `{secure}`: an HTTPS page may not fetch `{url}`."),
            )
        }
        C::BadPort => unmodelled(
            FixTarget::Request,
            url,
            None,
            format!(
                "Serve the API on another port than {}: browsers never connect to that port.",
                val(s.step, Key::Port)
            ),
        ),
        C::LocalNetworkAccess => unmodelled(
            FixTarget::Request,
            url,
            None,
            "Allow local network access when Chrome asks, or serve the page from the same local network (or \
             the API from a public address): no response header lifts this block."
                .to_owned(),
        ),
        C::NetworkError | C::PreflightNetworkError => {
            let target = if s.step.stage == Stage::Preflight { FixTarget::Preflight } else { FixTarget::Response };
            unmodelled(
                target,
                url,
                None,
                format!(
                    "Make {url} reachable ({}): this is a network failure, so no CORS header can fix it.",
                    val(s.step, Key::ErrorKind)
                ),
            )
        }
        C::RedirectLocation | C::RedirectScheme | C::RedirectLimit => redirect(s),
        C::RedirectCredentials => redirect_credentials(s),
        _ => return None,
    };
    Some(planned)
}

fn method<'a>(s: &'a Situation) -> &'a str {
    match val(s.step, Key::Method) {
        "" => s.ctx.method,
        method => method,
    }
}

/// A change to the request the script makes; `url` is the URL it calls.
fn request(url: &str, value: Option<String>, summary: String, patch: Patch) -> Planned {
    let fix = Fix {
        target: FixTarget::Request,
        url: url.to_owned(),
        header: None,
        value,
        summary,
        warning: None,
    };
    Planned { fix, patch }
}

fn unmodelled(target: FixTarget, url: &str, value: Option<String>, summary: String) -> Planned {
    let fix = Fix {
        target,
        url: url.to_owned(),
        header: None,
        value,
        summary,
        warning: None,
    };
    Planned {
        fix,
        patch: Patch::Unmodelled,
    }
}

/// A header the browser refused as written: drop the characters that make it invalid.
fn header_syntax(s: &Situation) -> Planned {
    let bad = val(s.step, Key::Header);
    let headers: Vec<(String, String)> = s
        .scenario
        .request
        .headers
        .iter()
        .map(|(name, value)| {
            if name != bad {
                return (name.clone(), value.clone());
            }
            let name: String = name
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || "-_".contains(*c))
                .collect();
            let value: String = value
                .chars()
                .filter(|c| !matches!(c, '\0' | '\r' | '\n'))
                .collect();
            (name, value.trim().to_owned())
        })
        .collect();
    let summary = format!(
        "Fix the header `{bad}`: names may not contain spaces or separators, and values may not contain line breaks."
    );
    request(&s.url, None, summary, Patch::RequestHeaders(headers))
}

fn redirect(s: &Situation) -> Planned {
    let summary = match s.step.check {
        CheckId::RedirectLocation => {
            format!("Send a valid URL in the `Location` of {} (it is `{}`).", s.url, val(s.step, Key::Location))
        }
        CheckId::RedirectScheme => format!(
            "Redirect to an http(s) URL instead of `{}`, or call the final resource directly.",
            val(s.step, Key::Location)
        ),
        _ => "Break the redirect loop on the server (for example between http and https, or two login pages)."
            .to_owned(),
    };
    unmodelled(FixTarget::Redirect, &s.url, None, summary)
}

fn redirect_credentials(s: &Situation) -> Planned {
    let clean = without_credentials(val(s.step, Key::Location));
    let summary = format!(
        "Remove `user:password@` from the redirect's `Location` at {}: `{clean}`.",
        s.url
    );
    let fix = Fix {
        target: FixTarget::Redirect,
        url: s.url.clone(),
        header: Some("Location".to_owned()),
        value: Some(clean.clone()),
        summary,
        warning: None,
    };
    let answer = super::patch::AnswerAt {
        target: FixTarget::Redirect,
        url: s.url.clone(),
    };
    Planned {
        fix,
        patch: Patch::SetHeader {
            answer,
            name: "Location",
            value: clean,
        },
    }
}

/// `url` without its user name and password.
fn without_credentials(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) => {
            let _ = parsed.set_username("");
            let _ = parsed.set_password(None);
            parsed.to_string()
        }
        Err(_) => url.to_owned(),
    }
}
