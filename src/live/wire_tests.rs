use cors_lab::api::{LogEntry, LoggedAnswer};
use cors_rules::verdict::WireRequest;

use super::*;

fn pairs(headers: &[(&str, &str)]) -> Vec<HeaderPair> {
    headers
        .iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect()
}

fn logged(method: &str, headers: &[(&str, &str)]) -> LogEntry {
    LogEntry {
        seq: 1,
        method: method.to_owned(),
        url: "http://127.0.0.1:8081/s/k/x".to_owned(),
        origin: None,
        access_control_request_method: None,
        access_control_request_headers: None,
        cookies: false,
        headers: pairs(headers),
        preflight: method == "OPTIONS",
        answer: LoggedAnswer::Response,
    }
}

#[test]
fn header_names_are_lower_cased_joined_and_sorted() {
    let relevance = Relevance::for_script(&pairs(&[("X-B", "1"), ("x-a", "2")]));
    let row = observed_row(
        &logged(
            "GET",
            &[("X-B", "1"), ("Origin", "o"), ("X-a", "2"), ("x-b", "3")],
        ),
        None,
        &relevance,
        false,
    );
    assert_eq!(
        row.headers,
        pairs(&[("origin", "o"), ("x-a", "2"), ("x-b", "1, 3")])
    );
}

#[test]
fn browser_managed_headers_of_a_preflight_are_never_compared() {
    let relevance = Relevance::for_script(&pairs(&[("Accept", "application/json")]));
    let row = observed_row(
        &logged(
            "OPTIONS",
            &[("Accept", "*/*"), ("Access-Control-Request-Method", "PUT")],
        ),
        None,
        &relevance,
        false,
    );
    assert_eq!(
        row.headers,
        pairs(&[("access-control-request-method", "PUT")])
    );
}

#[test]
fn a_browser_managed_header_counts_when_it_carries_the_scripts_value() {
    let relevance = Relevance::for_script(&pairs(&[("Accept", "application/json")]));
    let scripts = observed_row(
        &logged("GET", &[("Accept", "application/json")]),
        None,
        &relevance,
        false,
    );
    let browsers = observed_row(
        &logged("GET", &[("Accept", "*/*")]),
        None,
        &relevance,
        false,
    );
    assert_eq!(scripts.headers, pairs(&[("accept", "application/json")]));
    assert!(browsers.headers.is_empty());
}

#[test]
fn cookies_are_shown_only_where_visible() {
    let request = WireRequest {
        method: "GET".to_owned(),
        url: "http://127.0.0.1:8081/s/k/x".to_owned(),
        credentials: true,
        headers: Vec::new(),
    };
    let relevance = Relevance::for_script(&[]);
    assert_eq!(
        predicted_row(&request, &relevance, true).cookies,
        Some(true)
    );
    assert_eq!(predicted_row(&request, &relevance, false).cookies, None);
}

#[test]
fn authorization_values_are_compared_by_presence_only() {
    let relevance = Relevance::for_script(&pairs(&[("Authorization", "Bearer x")]));
    let request = WireRequest {
        method: "GET".to_owned(),
        url: "http://127.0.0.1:8081/s/k/x".to_owned(),
        credentials: false,
        headers: pairs(&[("Authorization", "Bearer x")]),
    };
    let predicted = predicted_row(&request, &relevance, false);
    let observed = observed_row(
        &logged("GET", &[("authorization", "(redacted)")]),
        Some(&predicted),
        &relevance,
        false,
    );
    assert_eq!(predicted.headers, observed.headers);
}
