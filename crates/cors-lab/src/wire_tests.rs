use super::*;
use crate::api::LoggedAnswer;

const URL: &str = "http://127.0.0.1:8081/s/k/x";

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
        url: URL.to_owned(),
        origin: None,
        access_control_request_method: None,
        access_control_request_headers: None,
        cookies: false,
        headers: pairs(headers),
        preflight: method == "OPTIONS",
        answer: LoggedAnswer::Response,
    }
}

fn wire(method: &str, url: &str, headers: &[(&str, &str)]) -> WireRequest {
    WireRequest {
        method: method.to_owned(),
        url: url.to_owned(),
        credentials: true,
        headers: pairs(headers),
    }
}

fn observe(entry: &LogEntry, predicted: Option<&WireView>, relevance: &Relevance) -> WireView {
    let observed = ObservedRequest::from(entry);
    observed_view(&observed, predicted, relevance, CookieVisibility::Hidden)
}

#[test]
fn header_names_are_lower_cased_joined_and_sorted() {
    let relevance = Relevance::for_script(&pairs(&[("X-B", "1"), ("x-a", "2")]));
    let entry = logged(
        "GET",
        &[("X-B", "1"), ("Origin", "o"), ("X-a", "2"), ("x-b", "3")],
    );
    assert_eq!(
        observe(&entry, None, &relevance).headers,
        pairs(&[("origin", "o"), ("x-a", "2"), ("x-b", "1, 3")])
    );
}

#[test]
fn headers_the_script_does_not_set_are_not_compared() {
    let relevance = Relevance::for_script(&pairs(&[("X-A", "1")]));
    let entry = logged(
        "GET",
        &[("X-A", "1"), ("X-Other", "2"), ("Sec-Fetch-Mode", "cors")],
    );
    assert_eq!(
        observe(&entry, None, &relevance).headers,
        pairs(&[("x-a", "1")])
    );
}

#[test]
fn a_cookie_header_is_left_to_the_cookie_column() {
    let relevance = Relevance::for_script(&pairs(&[("Cookie", "a=b")]));
    let predicted = predicted_view(
        &wire("GET", URL, &[("Cookie", "a=b")]),
        &relevance,
        CookieVisibility::Visible,
    );
    assert!(predicted.headers.is_empty());
    assert_eq!(predicted.cookies, Some(true));
}

#[test]
fn browser_managed_headers_of_a_preflight_are_never_compared() {
    let relevance = Relevance::for_script(&pairs(&[("Accept", "application/json")]));
    let entry = logged(
        "OPTIONS",
        &[("Accept", "*/*"), ("Access-Control-Request-Method", "PUT")],
    );
    assert_eq!(
        observe(&entry, None, &relevance).headers,
        pairs(&[("access-control-request-method", "PUT")])
    );
    let predicted = predicted_view(
        &wire(
            "OPTIONS",
            URL,
            &[("Accept", "*/*"), ("Access-Control-Request-Method", "PUT")],
        ),
        &relevance,
        CookieVisibility::Hidden,
    );
    assert_eq!(
        predicted.headers,
        pairs(&[("access-control-request-method", "PUT")])
    );
}

#[test]
fn a_request_the_observer_took_for_a_preflight_counts_as_one() {
    let relevance = Relevance::for_script(&pairs(&[("Accept", "application/json")]));
    let mut entry = logged("OPTIONS", &[("Accept", "application/json")]);
    entry.preflight = true;
    assert!(observe(&entry, None, &relevance).headers.is_empty());
    entry.preflight = false;
    assert_eq!(
        observe(&entry, None, &relevance).headers,
        pairs(&[("accept", "application/json")])
    );
}

#[test]
fn a_browser_managed_header_counts_when_it_carries_the_scripts_value() {
    let relevance = Relevance::for_script(&pairs(&[("Accept", " application/json\t")]));
    let scripts = observe(
        &logged("GET", &[("Accept", "application/json")]),
        None,
        &relevance,
    );
    let browsers = observe(&logged("GET", &[("Accept", "*/*")]), None, &relevance);
    assert_eq!(scripts.headers, pairs(&[("accept", "application/json")]));
    assert!(browsers.headers.is_empty());
}

#[test]
fn a_browser_managed_header_the_prediction_names_is_compared_whatever_its_value() {
    let relevance = Relevance::for_script(&pairs(&[("Accept", "application/json")]));
    let predicted = predicted_view(
        &wire("GET", URL, &[("Accept", "application/json")]),
        &relevance,
        CookieVisibility::Hidden,
    );
    let observed = observe(
        &logged("GET", &[("Accept", "*/*")]),
        Some(&predicted),
        &relevance,
    );
    assert_eq!(observed.headers, pairs(&[("accept", "*/*")]));
    assert_ne!(observed, predicted);
}

#[test]
fn cookies_are_shown_only_where_visible() {
    let request = wire("GET", URL, &[]);
    let relevance = Relevance::for_script(&[]);
    let visible = predicted_view(&request, &relevance, CookieVisibility::when(true));
    let hidden = predicted_view(&request, &relevance, CookieVisibility::when(false));
    assert_eq!(visible.cookies, Some(true));
    assert_eq!(hidden.cookies, None);
}

#[test]
fn authorization_values_are_compared_by_presence_only() {
    let relevance = Relevance::for_script(&pairs(&[("Authorization", "Bearer x")]));
    let request = wire("GET", URL, &[("Authorization", "Bearer x")]);
    let predicted = predicted_view(&request, &relevance, CookieVisibility::Hidden);
    let entry = logged("GET", &[("authorization", "(redacted, 8 bytes)")]);
    let observed = observe(&entry, Some(&predicted), &relevance);
    assert_eq!(predicted.headers, pairs(&[("authorization", "(present)")]));
    assert_eq!(predicted.headers, observed.headers);
}

#[test]
fn urls_are_compared_in_their_parsed_form() {
    let relevance = Relevance::for_script(&[]);
    let predicted = predicted_view(
        &wire("GET", "HTTP://LOCALHOST:8081?a", &[]),
        &relevance,
        CookieVisibility::Hidden,
    );
    let unparsable = predicted_view(
        &wire("GET", "not a url", &[]),
        &relevance,
        CookieVisibility::Hidden,
    );
    assert_eq!(predicted.url, "http://localhost:8081/?a");
    assert_eq!(unparsable.url, "not a url");
}

#[test]
fn the_cookie_column_serializes_as_credentials() {
    let view = WireView {
        method: "GET".to_owned(),
        url: URL.to_owned(),
        cookies: None,
        headers: pairs(&[("origin", "o")]),
    };
    let json = serde_json::to_value(&view).unwrap_or_default();
    assert_eq!(
        json,
        serde_json::json!({"method": "GET", "url": URL, "credentials": null, "headers": [["origin", "o"]]})
    );
    let back: Result<WireView, _> = serde_json::from_value(json);
    assert_eq!(back.ok(), Some(view));
}
