//! Input validation: a scenario the engine cannot evaluate is an [`InputError`] naming the field path
//! (`server[0].response.headers[2][0]`), never a panic and never a guess.

use url::Url;

use crate::header_list::is_token;
use crate::origin::Origin;
use crate::scenario::{
    Answer, Api, CredentialsMode, InputError, RedirectMode, RequestMode, Scenario,
};

/// At most this many server entries.
pub const MAX_SERVERS: usize = 100;
/// At most this many header lines per list.
pub const MAX_HEADERS: usize = 200;
/// At most this many bytes per header name, value or method.
pub const MAX_VALUE_BYTES: usize = 8 * 1024;

/// A scenario whose URLs are parsed and whose server answers are well-formed.
#[derive(Clone, Debug)]
pub(crate) struct Validated<'a> {
    /// The page's origin (opaque for `null` and `file:` pages).
    pub page: Origin,
    /// The page's URL, when it has one.
    pub page_url: Option<Url>,
    /// The page origin's ASCII serialization.
    pub page_serialized: String,
    /// The URL the script fetches (fragment removed).
    pub url: Url,
    /// The server entries, URLs parsed, answers checked.
    pub servers: Vec<Server<'a>>,
}

/// One server entry, validated.
#[derive(Clone, Debug)]
pub(crate) struct Server<'a> {
    pub url: Url,
    pub preflight: Option<&'a Answer>,
    pub response: &'a Answer,
}

fn error(field: impl Into<String>, problem: impl Into<String>) -> InputError {
    InputError {
        field: field.into(),
        problem: problem.into(),
    }
}

/// Parses an absolute URL, without its fragment (which never goes on the wire).
fn parse_url(text: &str, field: impl Fn() -> String) -> Result<Url, InputError> {
    let mut url = Url::parse(text)
        .map_err(|e| error(field(), format!("not a valid absolute URL ({e}): {text:?}")))?;
    url.set_fragment(None);
    Ok(url)
}

/// The page and request URLs of a scenario, parsed once: the fixes decide patched copies of the
/// scenario again, and those keep the page and (unless a fix changes it) the request URL.
#[derive(Clone, Debug, Default)]
pub(crate) struct Parsed {
    /// The page as written, its URL, origin and serialized origin.
    page: Option<(String, Url, Origin, String)>,
    /// The request URL as written, and parsed.
    request: Option<(String, Url)>,
}

impl Parsed {
    /// The URLs of `scenario` that parse (the others are left to [`validate`] to report).
    pub(crate) fn of(scenario: &Scenario) -> Parsed {
        let page = scenario.page.as_deref().and_then(|text| {
            let url = parse_url(text, String::new).ok()?;
            let origin = Origin::of_url(&url);
            let serialized = origin.ascii_serialization();
            Some((text.to_owned(), url, origin, serialized))
        });
        let text = &scenario.request.url;
        let request = parse_url(text, String::new)
            .ok()
            .map(|url| (text.clone(), url));
        Parsed { page, request }
    }

    /// The page written `text`: its origin, URL and serialized origin.
    fn page(&self, text: &str) -> Result<(Origin, Option<Url>, String), InputError> {
        if let Some((known, url, origin, serialized)) = &self.page {
            if known == text {
                return Ok((origin.clone(), Some(url.clone()), serialized.clone()));
            }
        }
        let url = parse_url(text, || "page".to_owned())?;
        let origin = Origin::of_url(&url);
        let serialized = origin.ascii_serialization();
        Ok((origin, Some(url), serialized))
    }

    /// The request URL written `text`.
    fn request(&self, text: &str) -> Result<Url, InputError> {
        match &self.request {
            Some((known, url)) if known == text => Ok(url.clone()),
            _ => parse_url(text, || "request.url".to_owned()),
        }
    }
}

/// Validates a scenario, reusing the URLs already `parsed` for it.
pub(crate) fn validate<'a>(
    scenario: &'a Scenario,
    parsed: &Parsed,
) -> Result<Validated<'a>, InputError> {
    let (page, page_url, page_serialized) = match scenario.page.as_deref() {
        None | Some("null") => (Origin::Opaque, None, "null".to_owned()),
        Some(text) => parsed.page(text)?,
    };
    let request = &scenario.request;
    let url = parsed.request(&request.url)?;
    check_len(&request.method, || "request.method".to_owned())?;
    check_list_len(request.headers.len(), || "request.headers".to_owned())?;
    for (i, (name, value)) in request.headers.iter().enumerate() {
        check_len(name, || format!("request.headers[{i}][0]"))?;
        check_len(value, || format!("request.headers[{i}][1]"))?;
    }
    if request.api == Api::Xhr {
        if request.mode != RequestMode::Cors {
            return Err(error(
                "request.mode",
                "XMLHttpRequest always uses mode \"cors\"",
            ));
        }
        if request.credentials == CredentialsMode::Omit {
            return Err(error(
                "request.credentials",
                "XMLHttpRequest has no \"omit\" mode (withCredentials false is \"same-origin\")",
            ));
        }
        if request.redirect != RedirectMode::Follow {
            return Err(error(
                "request.redirect",
                "XMLHttpRequest always follows redirects",
            ));
        }
    }
    let servers = validate_servers(scenario, &url)?;
    Ok(Validated {
        page_serialized,
        page,
        page_url,
        url,
        servers,
    })
}

/// The server entries; `request_url` is the request's parsed URL, reused for the entry written the same
/// way (the usual case) instead of parsing that text again.
fn validate_servers<'a>(
    scenario: &'a Scenario,
    request_url: &Url,
) -> Result<Vec<Server<'a>>, InputError> {
    if scenario.server.len() > MAX_SERVERS {
        return Err(error("server", format!("more than {MAX_SERVERS} entries")));
    }
    let mut servers: Vec<Server> = Vec::with_capacity(scenario.server.len());
    for (i, entry) in scenario.server.iter().enumerate() {
        let url = if entry.url == scenario.request.url {
            request_url.clone()
        } else {
            parse_url(&entry.url, || format!("server[{i}].url"))?
        };
        if servers.iter().any(|s| s.url == url) {
            return Err(error(
                format!("server[{i}].url"),
                format!("another entry already answers {url}"),
            ));
        }
        if let Some(preflight) = &entry.preflight {
            validate_answer(preflight, || format!("server[{i}].preflight"))?;
        }
        validate_answer(&entry.response, || format!("server[{i}].response"))?;
        servers.push(Server {
            url,
            preflight: entry.preflight.as_ref(),
            response: &entry.response,
        });
    }
    Ok(servers)
}

/// Checks an answer; values are used as written (readers trim tab and space, as HTTP parsing does).
fn validate_answer(answer: &Answer, field: impl Fn() -> String) -> Result<(), InputError> {
    let Answer::Http(http) = answer else {
        return Ok(());
    };
    if !(100..=999).contains(&http.status) {
        return Err(error(
            format!("{}.status", field()),
            format!("{} is not an HTTP status (100–999)", http.status),
        ));
    }
    check_list_len(http.headers.len(), || format!("{}.headers", field()))?;
    for (j, (name, value)) in http.headers.iter().enumerate() {
        if !is_token(name.as_bytes()) {
            return Err(error(
                format!("{}.headers[{j}][0]", field()),
                format!("{name:?} is not a header name (an HTTP token)"),
            ));
        }
        check_len(value, || format!("{}.headers[{j}][1]", field()))?;
        if value.bytes().any(|b| matches!(b, b'\0' | b'\r' | b'\n')) {
            return Err(error(
                format!("{}.headers[{j}][1]", field()),
                "a header value cannot contain NUL, CR or LF",
            ));
        }
    }
    Ok(())
}

fn check_len(text: &str, field: impl Fn() -> String) -> Result<(), InputError> {
    if text.len() > MAX_VALUE_BYTES {
        return Err(error(
            field(),
            format!("longer than {MAX_VALUE_BYTES} bytes"),
        ));
    }
    Ok(())
}

fn check_list_len(len: usize, field: impl Fn() -> String) -> Result<(), InputError> {
    if len > MAX_HEADERS {
        return Err(error(
            field(),
            format!("more than {MAX_HEADERS} header lines"),
        ));
    }
    Ok(())
}
