//! The scenario as the wizard edits it: the default example and the edits the form makes.
//!
//! Plain functions over [`Scenario`], no signals, so they are unit-tested natively. None of them judges
//! CORS: they only move the person's input into the scenario the engine reads.

use cors_rules::scenario::{Answer, HeaderPair, HttpAnswer, Request, ServerEntry};
use cors_rules::verdict::{Fix, FixTarget};
use cors_rules::Scenario;

use crate::host_names::parse_url;

/// The example shown on a first visit and behind a broken link.
#[must_use]
pub fn default_scenario() -> Scenario {
    let url = "https://api.example.com/v1/items".to_owned();
    Scenario {
        browser: cors_rules::Browser::Chrome,
        page: Some("https://app.example.com".to_owned()),
        request: Request {
            url: url.clone(),
            method: "GET".to_owned(),
            headers: Vec::new(),
            mode: Default::default(),
            credentials: Default::default(),
            redirect: Default::default(),
            api: Default::default(),
            preflight_flag: false,
        },
        server: vec![ServerEntry {
            url,
            preflight: None,
            response: Answer::Http(HttpAnswer {
                status: 200,
                headers: vec![(
                    "Access-Control-Allow-Origin".to_owned(),
                    "https://app.example.com".to_owned(),
                )],
            }),
        }],
    }
}

/// Which header list of the scenario a row editor edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HeaderTarget {
    /// The script's request headers.
    Request,
    /// The preflight answer of `server[i]`.
    Preflight(usize),
    /// The response of `server[i]`.
    Response(usize),
}

impl HeaderTarget {
    /// The scenario field path of the list (as in an engine `InputError`).
    #[must_use]
    pub fn field(self) -> String {
        match self {
            HeaderTarget::Request => "request.headers".to_owned(),
            HeaderTarget::Preflight(i) => format!("server[{i}].preflight.headers"),
            HeaderTarget::Response(i) => format!("server[{i}].response.headers"),
        }
    }
}

/// Which answer of a server entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AnswerSlot {
    /// The answer to the `OPTIONS` preflight.
    Preflight,
    /// The answer to the request itself.
    Response,
}

/// The answer in a slot (`None` for a preflight answered like the response).
#[must_use]
pub fn answer(scenario: &Scenario, entry: usize, slot: AnswerSlot) -> Option<&Answer> {
    let entry = scenario.server.get(entry)?;
    match slot {
        AnswerSlot::Preflight => entry.preflight.as_ref(),
        AnswerSlot::Response => Some(&entry.response),
    }
}

/// The answer in a slot, for editing.
pub fn answer_mut(scenario: &mut Scenario, entry: usize, slot: AnswerSlot) -> Option<&mut Answer> {
    let entry = scenario.server.get_mut(entry)?;
    match slot {
        AnswerSlot::Preflight => entry.preflight.as_mut(),
        AnswerSlot::Response => Some(&mut entry.response),
    }
}

/// The header list a row editor edits, if it exists (not for a network-error answer).
pub fn headers_mut(scenario: &mut Scenario, target: HeaderTarget) -> Option<&mut Vec<HeaderPair>> {
    let answer = match target {
        HeaderTarget::Request => return Some(&mut scenario.request.headers),
        HeaderTarget::Preflight(i) => answer_mut(scenario, i, AnswerSlot::Preflight)?,
        HeaderTarget::Response(i) => answer_mut(scenario, i, AnswerSlot::Response)?,
    };
    match answer {
        Answer::Http(http) => Some(&mut http.headers),
        Answer::Error(_) => None,
    }
}

/// The header list a row editor shows (empty when it does not exist).
#[must_use]
pub fn headers(scenario: &Scenario, target: HeaderTarget) -> &[HeaderPair] {
    let answer = match target {
        HeaderTarget::Request => return &scenario.request.headers,
        HeaderTarget::Preflight(i) => answer(scenario, i, AnswerSlot::Preflight),
        HeaderTarget::Response(i) => answer(scenario, i, AnswerSlot::Response),
    };
    match answer {
        Some(Answer::Http(http)) => &http.headers,
        _ => &[],
    }
}

/// Sets the request URL; server entries that answered the old URL now answer the new one.
pub fn set_request_url(scenario: &mut Scenario, url: String) {
    for entry in &mut scenario.server {
        if entry.url == scenario.request.url {
            entry.url.clone_from(&url);
        }
    }
    scenario.request.url = url;
}

/// Replaces every line named `name` (any case) with one `name: value` line, in place of the first one,
/// or appends it.
pub fn set_header(headers: &mut Vec<HeaderPair>, name: &str, value: &str) {
    let first = headers
        .iter()
        .position(|(n, _)| n.eq_ignore_ascii_case(name));
    headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
    let line = (name.to_owned(), value.to_owned());
    match first {
        Some(i) => headers.insert(i.min(headers.len()), line),
        None => headers.push(line),
    }
}

/// Removes every line named `name` (any case).
pub fn remove_header(headers: &mut Vec<HeaderPair>, name: &str) {
    headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
}

/// The index of the server entry answering `url` (exact text first, then as parsed URLs).
#[must_use]
pub fn entry_for_url(scenario: &Scenario, url: &str) -> Option<usize> {
    scenario
        .server
        .iter()
        .position(|e| e.url == url)
        .or_else(|| {
            let wanted = parse_url(url)?;
            scenario
                .server
                .iter()
                .position(|e| parse_url(&e.url).as_ref() == Some(&wanted))
        })
}

/// Applies an engine fix to the scenario's server answers. Returns whether anything could be applied
/// (fixes to the request itself and fixes that are not one header are explained, not applied).
pub fn apply_fix(scenario: &mut Scenario, fix: &Fix) -> bool {
    let Some(header) = fix.header.as_deref() else {
        return false;
    };
    let Some(entry) = entry_for_url(scenario, &fix.url) else {
        return false;
    };
    let target = match fix.target {
        // A preflight answered "like the response" is changed where it comes from: the response.
        FixTarget::Preflight if scenario.server[entry].preflight.is_some() => {
            HeaderTarget::Preflight(entry)
        }
        FixTarget::Preflight | FixTarget::Response | FixTarget::Redirect => {
            HeaderTarget::Response(entry)
        }
        FixTarget::Request => return false,
    };
    let Some(headers) = headers_mut(scenario, target) else {
        return false;
    };
    match fix.value.as_deref() {
        Some(value) => set_header(headers, header, value),
        None => remove_header(headers, header),
    }
    true
}

/// Turns the last server entry's response into a `307` redirect to a new hop and adds that hop.
pub fn add_redirect_hop(scenario: &mut Scenario) {
    let hop = scenario.server.len();
    let location = format!("https://hop{hop}.example.net/v1/items");
    if let Some(last) = scenario.server.last_mut() {
        let mut headers = match &last.response {
            Answer::Http(http) => http.headers.clone(),
            Answer::Error(_) => Vec::new(),
        };
        set_header(&mut headers, "Location", &location);
        last.response = Answer::Http(HttpAnswer {
            status: 307,
            headers,
        });
    }
    scenario.server.push(ServerEntry {
        url: location,
        preflight: None,
        response: Answer::default(),
    });
}

/// Removes a redirect hop (never the entry answering the request URL).
pub fn remove_server_entry(scenario: &mut Scenario, index: usize) {
    if index < scenario.server.len()
        && entry_for_url(scenario, &scenario.request.url) != Some(index)
    {
        scenario.server.remove(index);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(target: FixTarget, header: Option<&str>, value: Option<&str>) -> Fix {
        Fix {
            target,
            url: "https://api.example.com/v1/items".to_owned(),
            header: header.map(str::to_owned),
            value: value.map(str::to_owned),
            summary: String::new(),
            warning: None,
        }
    }

    #[test]
    fn changing_the_request_url_moves_the_answering_server_entry_with_it() {
        let mut scenario = default_scenario();
        set_request_url(&mut scenario, "https://api.example.com/v2".to_owned());
        assert_eq!(scenario.server[0].url, "https://api.example.com/v2");
    }

    #[test]
    fn set_header_replaces_every_line_of_that_name_whatever_its_case() {
        let mut headers = vec![
            ("access-control-allow-origin".to_owned(), "a".to_owned()),
            ("Vary".to_owned(), "Origin".to_owned()),
            ("ACCESS-CONTROL-ALLOW-ORIGIN".to_owned(), "b".to_owned()),
        ];
        set_header(&mut headers, "Access-Control-Allow-Origin", "c");
        assert_eq!(
            headers,
            vec![
                ("Access-Control-Allow-Origin".to_owned(), "c".to_owned()),
                ("Vary".to_owned(), "Origin".to_owned())
            ]
        );
    }

    #[test]
    fn a_preflight_fix_goes_to_the_response_when_options_is_answered_like_the_request() {
        let mut scenario = default_scenario();
        assert!(apply_fix(
            &mut scenario,
            &fix(
                FixTarget::Preflight,
                Some("Access-Control-Allow-Methods"),
                Some("PUT")
            )
        ));
        assert!(headers(&scenario, HeaderTarget::Response(0))
            .iter()
            .any(|(n, v)| n == "Access-Control-Allow-Methods" && v == "PUT"));
    }

    #[test]
    fn a_fix_without_a_header_value_removes_the_header() {
        let mut scenario = default_scenario();
        assert!(apply_fix(
            &mut scenario,
            &fix(
                FixTarget::Response,
                Some("access-control-allow-origin"),
                None
            )
        ));
        assert!(headers(&scenario, HeaderTarget::Response(0)).is_empty());
    }

    #[test]
    fn request_fixes_are_not_applied_to_the_server() {
        let mut scenario = default_scenario();
        let before = scenario.clone();
        assert!(!apply_fix(
            &mut scenario,
            &fix(FixTarget::Request, Some("Content-Type"), Some("text/plain"))
        ));
        assert_eq!(scenario, before);
    }

    #[test]
    fn a_redirect_hop_makes_the_last_answer_a_307_pointing_at_a_new_entry() {
        let mut scenario = default_scenario();
        add_redirect_hop(&mut scenario);
        assert_eq!(scenario.server.len(), 2);
        let Answer::Http(first) = &scenario.server[0].response else {
            panic!("an HTTP answer")
        };
        assert_eq!(first.status, 307);
        assert!(first
            .headers
            .iter()
            .any(|(n, v)| n == "Location" && *v == scenario.server[1].url));
    }

    #[test]
    fn the_entry_answering_the_request_url_cannot_be_removed() {
        let mut scenario = default_scenario();
        add_redirect_hop(&mut scenario);
        remove_server_entry(&mut scenario, 0);
        assert_eq!(scenario.server.len(), 2);
        remove_server_entry(&mut scenario, 1);
        assert_eq!(scenario.server.len(), 1);
        remove_server_entry(&mut scenario, 7);
        assert_eq!(scenario.server.len(), 1);
    }

    #[test]
    fn entries_are_found_by_parsed_url_when_the_text_differs() {
        let scenario = default_scenario();
        assert_eq!(
            entry_for_url(&scenario, "HTTPS://API.example.com:443/v1/items"),
            Some(0)
        );
        assert_eq!(entry_for_url(&scenario, "https://other.example.com/"), None);
    }

    #[test]
    fn a_network_error_answer_has_no_header_list_to_edit() {
        let mut scenario = default_scenario();
        scenario.server[0].response =
            Answer::Error(cors_rules::scenario::NetworkErrorKind::Timeout);
        assert!(headers_mut(&mut scenario, HeaderTarget::Response(0)).is_none());
        assert!(headers(&scenario, HeaderTarget::Response(0)).is_empty());
    }
}
